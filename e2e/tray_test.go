package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/e2e/harness"
)

// TestTrayMenu checks the item and its menu exactly as a panel sees them.
func TestTrayMenu(t *testing.T) {
	t.Parallel()
	s := startSession(t)
	m := s.menu(t)

	labels := m.Labels()
	want := []string{labelStart, labelRoutines, labelSnooze, labelPause, labelStand, labelSettings, labelStatistics, labelQuit}
	if len(labels) != len(want)+1 || !slices.Equal(labels[1:], want) {
		t.Fatalf("top-level labels = %q, want a status line then %q\n%s", labels, want, m)
	}

	// The first visible entry is the status line: disabled, not empty.
	var statusLine *harness.MenuItem
	for _, c := range m.Children {
		if c.Visible && !c.IsSeparator() {
			statusLine = c
			break
		}
	}
	if statusLine.Enabled || strings.TrimSpace(statusLine.Label) == "" {
		t.Errorf("status line %q: enabled=%v, want a disabled, non-empty label", statusLine.Label, statusLine.Enabled)
	}

	routines := m.Find(labelRoutines)
	if routines.ChildrenDisplay != "submenu" || routines.Find(routineName) == nil {
		t.Errorf("%q should be a submenu listing %q:\n%s", labelRoutines, routineName, m)
	}
	pause := m.Find(labelPause)
	wantPause := []string{"30 minutes", "1 hour", "2 hours", "Until tomorrow"}
	if got := pause.Labels(); pause.ChildrenDisplay != "submenu" || !slices.Equal(got, wantPause) {
		t.Errorf("%q submenu = %q, want %q", labelPause, got, wantPause)
	}
	if m.Find(labelResume) != nil {
		t.Errorf("%q shown while not paused:\n%s", labelResume, m)
	}

	// Tooltip or title carries the status line. The daemon may set them a
	// moment after the menu, so poll briefly.
	if err := waitTooltipCarriesStatus(s.tray, menuTimeout); err != nil {
		t.Error(err)
	}

	// A PNG icon decodes to ARGB pixmaps; an SVG one would arrive empty.
	icons, err := s.tray.IconPixmap()
	if err != nil {
		t.Fatal(err)
	}
	if len(icons) == 0 || icons[0].Width <= 0 || len(icons[0].Data) != int(icons[0].Width*icons[0].Height*4) {
		t.Errorf("IconPixmap is empty or malformed: %d pixmaps", len(icons))
	}
}

// TestStatusLineFreshWhenMenuOpens: the daemon does not publish the status
// line's minutes as they pass; it brings the line up to date when a host
// is about to show the menu (dbusmenu AboutToShow, as harness.Tray.Menu
// calls it). With a 70 s sitting limit the line says "break in 2 min" at
// first and "break in 1 min" once fewer than 60 s are left, although no
// state changed in between.
func TestStatusLineFreshWhenMenuOpens(t *testing.T) {
	t.Parallel()
	s := startSession(t, "--sitting-limit", "70s")
	if line := s.menu(t).Labels()[0]; !strings.HasSuffix(line, "break in 2 min") {
		t.Fatalf("status line at start = %q, want …break in 2 min", line)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		st := statusOf(t, s.Desktop)
		if st.State != "sitting" || st.NextReminderSeconds == nil {
			t.Fatalf("state %q, next reminder %v: want sitting with a reminder ahead", st.State, st.NextReminderSeconds)
		}
		if *st.NextReminderSeconds < 58 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("next reminder still %v s away after 30 s", *st.NextReminderSeconds)
		}
		time.Sleep(500 * time.Millisecond)
	}
	if line := s.menu(t).Labels()[0]; !strings.HasSuffix(line, "break in 1 min") {
		t.Errorf("status line when the menu opens = %q, want …break in 1 min", line)
	}
}

// waitTooltipCarriesStatus waits until the item's ToolTip title and its
// Title carry the news of the menu's current status line: the same line,
// or, while the user is at the desk, its clock-time form ("Sitting 3 min
// · break in 42 min" in the menu, "Sitting since 10:05 · break at 10:50"
// on hover; the menu's minutes are refreshed when a host opens it, the
// tooltip never needs to be).
func waitTooltipCarriesStatus(tr *harness.Tray, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		m, err := tr.Menu()
		if err != nil {
			return err
		}
		tip, err := tr.ToolTip()
		if err != nil {
			return err
		}
		title, err := tr.Title()
		if err != nil {
			return err
		}
		line := ""
		if labels := m.Labels(); len(labels) > 0 {
			line = labels[0]
		}
		if line != "" && title == tip.Title && tipAgrees(line, tip.Title) {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("after %s the ToolTip (%q) and Title (%q) do not both carry the status line %q",
				timeout, tip.Title, title, line)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// tipAgrees reports whether a tooltip says what the status line says.
func tipAgrees(line, tip string) bool {
	for _, p := range []struct{ line, tip string }{
		{"Sitting ", "Sitting since "},
		{"Standing ", "Standing since "},
		{"Time to stand up", "Time to stand up"},
		{"Time to sit down", "Time to sit down"},
	} {
		if strings.HasPrefix(line, p.line) {
			return strings.HasPrefix(tip, p.tip) && !strings.Contains(tip, " min")
		}
	}
	return tip == line
}

// TestStartRoutineOpensWindow clicks the main entry and expects a routine
// window, in a child process (make bench measures how fast it comes).
func TestStartRoutineOpensWindow(t *testing.T) {
	t.Parallel()
	s := startSession(t)
	start := s.menu(t).Find(labelStart)

	begin := time.Now()
	if err := s.tray.Click(start.ID); err != nil {
		t.Fatal(err)
	}
	win, err := s.X11().WaitViewable(windowSuffix, windowTimeout)
	if err != nil {
		t.Fatalf("no routine window: %v\ndaemon stderr:\n%s", err, s.daemon.Stderr())
	}
	t.Logf("window %q viewable %s after the click", win.Title, time.Since(begin).Round(time.Millisecond))
	checkRoutineWindow(t, win)
	if win.PID != 0 && win.PID == s.daemon.Pid() {
		t.Errorf("the routine window belongs to the daemon (pid %d); it must be a child process", win.PID)
	}
}

// checkRoutineWindow asserts a routine window is named and sanely sized.
func checkRoutineWindow(t *testing.T, win harness.Window) {
	t.Helper()
	name := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(win.Title, windowSuffix)), "—"))
	if name == "" {
		t.Errorf("window title %q does not name the routine", win.Title)
	}
	if !win.Viewable {
		t.Errorf("window %q is not viewable", win.Title)
	}
	if win.Width < 200 || win.Height < 150 || win.Width > 1280 || win.Height > 1024 {
		t.Errorf("window %q is %dx%d; want between 200x150 and the 1280x1024 screen", win.Title, win.Width, win.Height)
	}
}

// TestSecondInstance: a second `limber` hands over to the first and exits;
// no second tray icon appears.
func TestSecondInstance(t *testing.T) {
	t.Parallel()
	s := startSession(t)
	s.menu(t)

	second := s.StartLimber()
	code, err := second.Wait(5 * time.Second)
	if err != nil {
		t.Fatalf("second limber did not exit: %v", err)
	}
	if code != 0 {
		t.Errorf("second limber exited %d, want 0; stderr:\n%s", code, second.Stderr())
	}
	// Sentinel: once the second is off the bus, anything it sent the
	// watcher has been routed, and once the watcher's ping to itself
	// returns, it has been read and counted.
	if err := s.WaitOffBus(second.Pid(), 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if err := s.watcher.Sync(); err != nil {
		t.Fatal(err)
	}
	if n := s.watcher.RegisterCalls(); n != 1 {
		t.Errorf("%d tray registrations, want only the first daemon's: %v", n, s.watcher.Items())
	}
	if s.daemon.Exited() {
		t.Errorf("the first daemon exited; stderr:\n%s", s.daemon.Stderr())
	}
}

// TestQuit: `limber quit` stops the daemon cleanly and removes its socket.
func TestQuit(t *testing.T) {
	t.Parallel()
	s := startSession(t)
	if _, err := os.Stat(s.SocketPath()); err != nil {
		t.Fatalf("control socket missing while running: %v", err)
	}
	checkSocketModes(t, s.Desktop)

	if _, errOut, code := s.Run("quit"); code != 0 {
		t.Fatalf("limber quit exited %d; stderr:\n%s", code, errOut)
	}
	code, err := s.daemon.Wait(quitTimeout)
	if err != nil {
		t.Fatal(err)
	}
	if code != 0 {
		t.Errorf("daemon exited %d after quit, want 0; stderr:\n%s", code, s.daemon.Stderr())
	}
	if _, err := os.Stat(s.SocketPath()); !os.IsNotExist(err) {
		t.Errorf("control socket still there after quit (stat: %v)", err)
	}
	if err := s.watcher.WaitFor(func(items []harness.Item) bool { return len(items) == 0 }, time.Second); err != nil {
		t.Error(err)
	}
}

// checkSocketModes: the socket is private to the user (README.md, "Where
// files live": folder 0700, socket 0600).
func checkSocketModes(t *testing.T, d *harness.Desktop) {
	t.Helper()
	sock, err := os.Stat(d.SocketPath())
	if err != nil {
		t.Fatal(err)
	}
	if sock.Mode()&os.ModeSocket == 0 || sock.Mode().Perm() != 0o600 {
		t.Errorf("control socket mode = %v, want a socket with 0600", sock.Mode())
	}
	dir, err := os.Stat(filepath.Dir(d.SocketPath()))
	if err != nil {
		t.Fatal(err)
	}
	if dir.Mode().Perm() != 0o700 {
		t.Errorf("socket directory mode = %v, want 0700", dir.Mode().Perm())
	}
}

// TestLateWatcher: started before any tray host, the daemon keeps running,
// says so once, and registers when the host appears.
func TestLateWatcher(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	daemon := d.StartLimber()
	if err := daemon.WaitStderr("StatusNotifierWatcher", 3*time.Second); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Second)
	if daemon.Exited() {
		t.Fatalf("daemon exited without a tray host; stderr:\n%s", daemon.Stderr())
	}

	w := d.StartWatcher()
	if _, err := w.WaitItem(3 * time.Second); err != nil {
		t.Fatalf("daemon did not register once the watcher appeared: %v\nstderr:\n%s", err, daemon.Stderr())
	}
	// Exactly one line about the missing watcher (fyne.io/systray's own
	// "failed to register" log line counts too: the daemon must fold it).
	if n := countLines(daemon.Stderr(), "StatusNotifierWatcher"); n != 1 {
		t.Errorf("%d stderr lines mention StatusNotifierWatcher, want 1:\n%s", n, daemon.Stderr())
	}
}

func countLines(text, substr string) int {
	n := 0
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, substr) {
			n++
		}
	}
	return n
}

// TestRestartAfterSIGKILL: a killed daemon leaves a stale socket; the next
// one replaces it and registers one item.
func TestRestartAfterSIGKILL(t *testing.T) {
	t.Parallel()
	s := startSession(t)
	if err := s.daemon.Kill(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.SocketPath()); err != nil {
		t.Logf("no stale socket after SIGKILL (%v); the restart path is not exercised fully", err)
	}
	if err := s.watcher.WaitFor(func(items []harness.Item) bool { return len(items) == 0 }, 2*time.Second); err != nil {
		t.Fatal(err)
	}

	again := s.StartLimber()
	if err := s.watcher.WaitFor(func(items []harness.Item) bool { return len(items) == 1 }, registerTimeout); err != nil {
		t.Fatalf("restarted daemon did not register: %v\nstderr:\n%s", err, again.Stderr())
	}
	statusOf(t, s.Desktop) // the new daemon answers on the replaced socket
	time.Sleep(500 * time.Millisecond)
	if items := s.watcher.Items(); len(items) != 1 {
		t.Errorf("registered items = %v, want exactly one", items)
	}
	if again.Exited() {
		t.Errorf("restarted daemon exited; stderr:\n%s", again.Stderr())
	}
}

// TestPauseResumeMenu: pausing from the CLI swaps Pause for Resume in the
// menu, and resuming swaps it back.
func TestPauseResumeMenu(t *testing.T) {
	t.Parallel()
	s := startSession(t)
	s.menu(t)

	if _, errOut, code := s.Run("pause", "1h"); code != 0 {
		t.Fatalf("limber pause 1h exited %d; stderr:\n%s", code, errOut)
	}
	st := statusOf(t, s.Desktop)
	if st.State != "paused" || st.PausedUntil == nil || *st.PausedUntil == "" {
		t.Errorf("after pause 1h: state %q, paused_until %v; want paused with a time", st.State, st.PausedUntil)
	}
	m, err := s.tray.WaitMenu(func(m *harness.MenuItem) bool {
		return m.Find(labelResume) != nil && m.Find(labelPause) == nil
	}, menuTimeout)
	if err != nil {
		t.Fatalf("menu did not switch to %q: %v", labelResume, err)
	}
	t.Logf("paused menu:\n%s", m)

	if _, errOut, code := s.Run("resume"); code != 0 {
		t.Fatalf("limber resume exited %d; stderr:\n%s", code, errOut)
	}
	if st := statusOf(t, s.Desktop); st.State == "paused" || st.PausedUntil != nil {
		t.Errorf("after resume: state %q, paused_until %v", st.State, st.PausedUntil)
	}
	if _, err := s.tray.WaitMenu(func(m *harness.MenuItem) bool {
		return m.Find(labelPause) != nil && m.Find(labelResume) == nil
	}, menuTimeout); err != nil {
		t.Fatalf("menu did not switch back to %q: %v", labelPause, err)
	}

	// The menu's own Resume works too.
	if err := s.tray.ClickLabel("1 hour"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.tray.WaitLabel(func(l string) bool { return l == labelResume }, menuTimeout); err != nil {
		t.Fatalf("Pause › 1 hour did not pause: %v", err)
	}
	if err := s.tray.ClickLabel(labelResume); err != nil {
		t.Fatal(err)
	}
	waitStatus(t, s.Desktop, "resumed", func(st status) bool { return st.State != "paused" }, menuTimeout)
}
