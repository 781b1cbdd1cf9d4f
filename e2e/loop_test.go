package e2e

import (
	"bufio"
	"encoding/json"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/e2e/harness"
)

// TestSnoozeOnlyWhenDue: with nothing due, `limber snooze` is refused like
// `limber skip` (same exit code, a reason on stderr) and uses up no
// snooze, and the tray greys Snooze; once a break is due, Snooze is
// offered, and after the last allowed snooze it says why it is greyed.
func TestSnoozeOnlyWhenDue(t *testing.T) {
	t.Parallel()
	s := startSession(t, "--sitting-limit", "4s", "--natural-break", "2s", "--idle-source", "none")
	s.menu(t)

	_, skipErr, skipCode := s.Run("skip")
	_, snoozeErr, snoozeCode := s.Run("snooze")
	if skipCode == 0 || snoozeCode != skipCode {
		t.Errorf("nothing due: skip exited %d, snooze %d; want the same non-zero code", skipCode, snoozeCode)
	}
	if !strings.Contains(snoozeErr, "no break is due") {
		t.Errorf("snooze with nothing due: stderr %q, want the reason (skip said %q)", snoozeErr, skipErr)
	}
	if st := statusOf(t, s.Desktop); st.SnoozedToday != 0 {
		t.Errorf("refused snooze counted: %+v", st)
	}
	if it := s.menu(t).Find(labelSnooze); it == nil || it.Enabled {
		t.Errorf("Snooze while sitting: %+v, want present and disabled", it)
	}

	// Due: Snooze is offered.
	waitStatus(t, s.Desktop, "due", func(st status) bool { return st.State == "due" }, 10*time.Second)
	if _, err := s.tray.WaitMenu(func(m *harness.MenuItem) bool {
		it := m.Find(labelSnooze)
		return it != nil && it.Enabled
	}, menuTimeout); err != nil {
		t.Errorf("Snooze not enabled while due: %v", err)
	}
}

// TestSnoozeLimitLabel: at the snooze limit a due break's Snooze is
// greyed and says so.
func TestSnoozeLimitLabel(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	writeConfig(t, d, "snooze_limit = 1\nsnooze = \"2s\"\n")
	s := startSessionOn(t, d, true, "--sitting-limit", "3s", "--natural-break", "2s", "--idle-source", "none")
	waitStatus(t, s.Desktop, "due", func(st status) bool { return st.State == "due" }, 10*time.Second)
	if _, errOut, code := s.Run("snooze"); code != 0 {
		t.Fatalf("snooze while due exited %d: %s", code, errOut)
	}
	waitStatus(t, s.Desktop, "due again after the snooze", func(st status) bool { return st.State == "due" }, 10*time.Second)
	const limited = "Snooze (limit reached)"
	m, err := s.tray.WaitMenu(func(m *harness.MenuItem) bool { return m.Find(limited) != nil }, menuTimeout)
	if err != nil {
		t.Fatalf("no %q item: %v", limited, err)
	}
	if it := m.Find(limited); it.Enabled {
		t.Errorf("%q is enabled", limited)
	}
	if _, _, code := s.Run("snooze"); code == 0 {
		t.Errorf("snooze past the limit succeeded")
	}
}

// writeConfig writes the user's config.toml on d before the daemon starts.
func writeConfig(t *testing.T, d *harness.Desktop, content string) {
	t.Helper()
	dir := filepath.Join(d.ConfigHome, "limber")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// sendTestReminder asks the daemon for a test reminder the way the
// Settings window's "Send a test reminder" does: an outcome line on the
// control socket.
func sendTestReminder(t *testing.T, d *harness.Desktop) {
	t.Helper()
	conn, err := net.Dial("unix", d.SocketPath())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte(`{"cmd":"outcome","outcome":{"window":"settings","action":"test"}}` + "\n")); err != nil {
		t.Fatal(err)
	}
	var resp struct {
		OK  bool   `json:"ok"`
		Err string `json:"error"`
	}
	line, err := bufio.NewReader(conn).ReadBytes('\n')
	if err != nil || json.Unmarshal(line, &resp) != nil || !resp.OK {
		t.Fatalf("test reminder request: %v %s", err, line)
	}
}

// TestTestReminderIsInert: the buttons of a test reminder do nothing to
// the engine. Pressing its Snooze while a real break is due leaves that
// break due and counts no snooze.
func TestTestReminderIsInert(t *testing.T) {
	t.Parallel()
	s := startSession(t, "--sitting-limit", "3s", "--natural-break", "2s", "--idle-source", "none")
	real, err := s.notes.Wait(isStandReminder, 10*time.Second)
	if err != nil {
		t.Fatalf("no reminder: %v", err)
	}
	sendTestReminder(t, s.Desktop)
	test, err := s.notes.Wait(func(n harness.Notification) bool { return strings.Contains(n.Summary, "(test)") }, 5*time.Second)
	if err != nil {
		t.Fatalf("no test reminder: %v", err)
	}
	if strings.Contains(test.Body, "0 seconds") {
		t.Errorf("test reminder body %q says 0 seconds", test.Body)
	}
	time.Sleep(300 * time.Millisecond)
	if err := s.notes.InvokeAction(test.ID, "snooze"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	st := statusOf(t, s.Desktop)
	if st.SnoozedToday != 0 || st.State != "due" {
		t.Errorf("after the test reminder's Snooze: %+v, want still due, nothing snoozed (real reminder %d, test %d)", st, real.ID, test.ID)
	}
}

// TestReminderIsHardToMiss: the reminder carries the app icon (a PNG file
// when Limber is not installed), asks to stay until acted on, is in the
// "presence" category with the desktop entry, and the next reminder
// replaces it rather than stacking.
func TestReminderIsHardToMiss(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	writeConfig(t, d, "remind_again = \"2s\"\n")
	s := startSessionOn(t, d, true, "--sitting-limit", "3s", "--natural-break", "2s", "--idle-source", "none")
	first, err := s.notes.Wait(isStandReminder, 10*time.Second)
	if err != nil {
		t.Fatalf("no reminder: %v", err)
	}
	if first.Timeout != 0 {
		t.Errorf("expire_timeout = %d, want 0 (until acted on)", first.Timeout)
	}
	if first.AppIcon == "" {
		t.Errorf("empty app_icon")
	}
	img, _ := first.Hints["image-path"].Value().(string)
	if png, err := os.ReadFile(img); err != nil || len(png) < 8 || string(png[1:4]) != "PNG" {
		t.Errorf("image-path hint %q is not a PNG file (%v)", img, err)
	}
	for key, want := range map[string]any{"category": "presence", "desktop-entry": "io.github.limber_app.limber", "urgency": byte(1)} {
		if got := first.Hints[key].Value(); got != want {
			t.Errorf("hint %s = %v, want %v", key, got, want)
		}
	}
	second, err := s.notes.WaitSince(len(s.notes.All()), isStandReminder, 10*time.Second)
	if err != nil {
		t.Fatalf("no second reminder: %v", err)
	}
	if second.ReplacesID != first.ID {
		t.Errorf("second reminder replaces %d, want %d", second.ReplacesID, first.ID)
	}
}

// TestReminderInDunst runs the reminder against dunst, a real notification
// server: it arrives with the title, the sitting time, the routine it
// starts and an icon dunst found, and its "Start routine" button, pressed
// through dunst's own menu, opens that routine's window.
func TestReminderInDunst(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	dunst := d.StartDunst()
	s := &session{Desktop: d, watcher: d.StartWatcher()}
	s.daemon = d.StartLimber("--sitting-limit", "3s", "--natural-break", "2s", "--idle-source", "none")
	note, err := dunst.Wait(func(n harness.DunstNote) bool { return n.Summary == "Time to stand up" }, 15*time.Second)
	if err != nil {
		t.Fatalf("%v\ndaemon stderr:\n%s", err, s.daemon.Stderr())
	}
	if !strings.Contains(note.Body, "sitting for") || !strings.Contains(note.Body, "Start: "+routineName) {
		t.Errorf("body = %q, want the sitting time and the routine Start opens", note.Body)
	}
	if note.IconPath == "" {
		t.Errorf("dunst found no icon: %+v", note)
	} else if _, err := os.Stat(note.IconPath); err != nil {
		t.Errorf("dunst's icon %q: %v", note.IconPath, err)
	}
	if note.AppName != "Limber" || note.Category != "presence" || note.Timeout != "0" {
		t.Errorf("dunst saw %+v, want app Limber, category presence, timeout 0", note)
	}
	time.Sleep(500 * time.Millisecond) // drawn, and the daemon knows its ID
	if shot := os.Getenv("LIMBER_E2E_SHOTS"); shot != "" {
		if err := d.Screenshot(filepath.Join(shot, "dunst-reminder.png")); err != nil {
			t.Logf("screenshot: %v", err)
		}
	}
	if err := dunst.InvokeAction("Start routine"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.X11().WaitViewable(routineName+" — "+windowSuffix, 10*time.Second); err != nil {
		t.Fatalf("Start routine in dunst opened no window: %v\ndaemon stderr:\n%s", err, s.daemon.Stderr())
	}
}

// runEnv runs limber with the desktop's environment changed by set
// ("KEY=value") and with the variables in unset removed.
func runEnv(t *testing.T, d *harness.Desktop, set, unset []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	bin, err := harness.Binary()
	if err != nil {
		t.Fatal(err)
	}
	var env []string
	for _, kv := range d.Env(set...) {
		key, _, _ := strings.Cut(kv, "=")
		if !slices.Contains(unset, key) {
			env = append(env, kv)
		}
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("limber %v: %v", args, err)
	}
	return out.String(), errb.String(), cmd.ProcessState.ExitCode()
}

// TestQuietUnderAnyLocale: under the C and POSIX locales, with or without
// UTF-8, and with no locale at all, the CLI prints only its own output:
// no "Fyne error" about the locale, and none about preferences from the
// windows in the daemon's log.
func TestQuietUnderAnyLocale(t *testing.T) {
	t.Parallel()
	s := startSession(t)
	for _, loc := range []struct {
		set, unset []string
	}{
		{[]string{"LANG=C"}, nil},
		{[]string{"LANG=C.UTF-8"}, nil},
		{[]string{"LANG=POSIX.UTF-8"}, nil},
		{[]string{"LC_ALL=C.UTF-8"}, nil},
		{nil, []string{"LANG"}},
	} {
		for _, args := range [][]string{{"version"}, {"status"}} {
			out, errOut, code := runEnv(t, s.Desktop, loc.set, loc.unset, args...)
			if code != 0 || strings.Contains(errOut, "Fyne error") || out == "" {
				t.Errorf("%v (unset %v) limber %v: exit %d, stderr %q", loc.set, loc.unset, args, code, errOut)
			}
		}
	}
	for range 2 {
		if _, errOut, code := s.Run("settings"); code != 0 {
			t.Fatalf("limber settings: %d %s", code, errOut)
		}
		win, err := s.X11().WaitViewable("Settings — Limber", 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		closeAndWait(t, s.Desktop, win)
	}
	time.Sleep(500 * time.Millisecond)
	if log := s.daemon.Stderr(); strings.Contains(log, "Fyne error") {
		t.Errorf("daemon log has Fyne errors:\n%s", log)
	}
}

// TestEscapeClosesWindows: Esc closes Settings (nothing changed),
// Statistics and the picker, as it does the routine window.
func TestEscapeClosesWindows(t *testing.T) {
	t.Parallel()
	s := startSession(t)
	for _, w := range []struct{ cmd, title string }{
		{"settings", "Settings — Limber"},
		{"stats", "Statistics — Limber"},
		{"routine", "Routines — Limber"},
	} {
		if _, errOut, code := s.Run(w.cmd); code != 0 {
			t.Fatalf("limber %s: %d %s", w.cmd, code, errOut)
		}
		win, err := s.X11().WaitViewable(w.title, 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond) // drawn and focused
		if err := s.Key(win, "Escape"); err != nil {
			t.Fatal(err)
		}
		if err := s.X11().WaitGone(w.title, 5*time.Second); err != nil {
			t.Errorf("Esc did not close %s: %v", w.title, err)
		}
	}
}

// TestRoutineClosedOnGetReady: a routine started while a break is due and
// closed with Esc a second later, still on "Get ready", is no break: the
// break stays due, nothing is skipped or counted, and the history records
// an uncompleted routine.
func TestRoutineClosedOnGetReady(t *testing.T) {
	t.Parallel()
	s := startSession(t, "--sitting-limit", "3s", "--natural-break", "2s", "--idle-source", "none")
	waitStatus(t, s.Desktop, "due", func(st status) bool { return st.State == "due" }, 10*time.Second)
	if _, errOut, code := s.Run("break"); code != 0 {
		t.Fatalf("limber break: %d %s", code, errOut)
	}
	title := routineName + " — " + windowSuffix
	win, err := s.X11().WaitViewable(title, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second)
	if err := s.Key(win, "Escape"); err != nil {
		t.Fatal(err)
	}
	if err := s.X11().WaitGone(title, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	ev := waitRoutineEvent(t, s.Desktop, routineID, 3*time.Second)
	if ev.Completed == nil || *ev.Completed {
		t.Errorf("routine event %+v, want completed=false", ev)
	}
	st := waitStatus(t, s.Desktop, "routine over", func(st status) bool { return st.State != "in_routine" }, 5*time.Second)
	if st.State != "due" || st.SkippedToday != 0 || st.BreaksToday != 0 {
		t.Errorf("after closing on Get ready: %+v; want still due, nothing skipped or counted", st)
	}
}
