package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/e2e/harness"
)

// Reminders that respect the moment (README.md, "Using Limber"): a call
// holds a due reminder back, a standing desk has its own posture, and a
// reminder due while the user types waits for a lull.

// remindersSent are the real reminders (not test ones) sent so far.
func remindersSent(n *harness.Notifications) []harness.Notification {
	return realReminders(n.All())
}

// realReminders are the real reminders (not test ones) among notes.
func realReminders(notes []harness.Notification) []harness.Notification {
	var out []harness.Notification
	for _, note := range notes {
		if note.Summary == "Time to stand up" {
			out = append(out, note)
		}
	}
	return out
}

// startMomentDaemon starts the daemon with extra environment and waits
// for its tray item.
func startMomentDaemon(t *testing.T, d *harness.Desktop, env []string, args ...string) *session {
	t.Helper()
	s := &session{Desktop: d, watcher: d.StartWatcher(), notes: d.StartNotifications()}
	s.daemon = d.StartLimberEnv(env, args...)
	item, err := s.watcher.WaitItem(registerTimeout)
	if err != nil {
		t.Fatalf("daemon did not register a tray item: %v\nstderr:\n%s", err, s.daemon.Stderr())
	}
	s.tray = d.Tray(item)
	return s
}

// quickLull is the daemon flags of a config whose reminders wait at most
// a second for a pause in input: for tests that give steady input over the
// due moment and expect the reminder then, not after the default two
// minutes of typing-aware delivery.
func quickLull(tb testing.TB) []string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte("lull_wait = \"1s\"\n"), 0o600); err != nil {
		tb.Fatal(err)
	}
	return []string{"--config", path}
}

// TestMeetingHoldsReminder: while a process holds the (faked) camera open,
// the due reminder is held (held_by has meeting, no notification); once
// the process is gone it is delivered once, within the 15 s re-check,
// saying the user sat through a call.
func TestMeetingHoldsReminder(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	camera := filepath.Join(t.TempDir(), "fake-camera")
	if err := os.WriteFile(camera, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	call := d.StartProgram("/bin/sh", "-c", "exec 3<"+camera+"; exec sleep 60")
	s := startMomentDaemon(t, d, []string{"LIMBER_MEETING_DEVICES=" + camera},
		"--sitting-limit", "4s", "--natural-break", "2s", "--idle-source", "none")

	waitStatus(t, d, "due and held by the meeting", func(st status) bool {
		return st.State == "due" && slices.Contains(st.HeldBy, "meeting")
	}, 15*time.Second)
	// held_by says the engine kept the due reminder back; a reminder shown
	// anyway would be on its way by now, so it arrives before the sentinel.
	if sent := realReminders(notesBeforeSentinel(t, d, s.notes, 0)); len(sent) != 0 {
		t.Fatalf("reminder shown during the call: %+v", sent)
	}
	if st := statusOf(t, d); !slices.Contains(st.HeldBy, "meeting") {
		t.Fatalf("hold ended while the call runs: %+v", st)
	}
	if out, _, _ := d.Run("status"); !strings.Contains(out, "Reminder held back by: meeting") {
		t.Errorf("limber status does not say the reminder is held:\n%s", out)
	}

	if err := call.Kill(); err != nil {
		t.Fatal(err)
	}
	ended := time.Now()
	note, err := s.notes.Wait(func(n harness.Notification) bool { return n.Summary == "Time to stand up" }, 20*time.Second)
	if err != nil {
		t.Fatalf("no reminder after the call ended: %v\nstderr:\n%s", err, s.daemon.Stderr())
	}
	late := time.Since(ended)
	t.Logf("reminder %s after the call ended: %q", late.Round(time.Millisecond), note.Body)
	if late > 17*time.Second {
		t.Errorf("reminder came %s after the call ended, want within the 15 s re-check", late)
	}
	if !strings.Contains(note.Body, "-minute call") {
		t.Errorf("reminder body %q does not mention the call", note.Body)
	}
	st := waitStatus(t, d, "hold released after the call", func(st status) bool { return len(st.HeldBy) == 0 }, 5*time.Second)
	// A second reminder for the same due period would be sent with the
	// first or when the release is applied, both before the sentinel.
	if sent := realReminders(notesBeforeSentinel(t, d, s.notes, len(s.notes.All()))); len(sent) != 1 {
		t.Errorf("%d reminders after the call, want 1; status %+v", len(sent), st)
	}
	if !strings.Contains(s.daemon.Stderr(), "in a call") {
		t.Errorf("daemon log does not name the call's evidence:\n%s", s.daemon.Stderr())
	}
}

// TestStandingDesk: the posture is switched from the command line and from
// the tray's toggle, and status reports it.
func TestStandingDesk(t *testing.T) {
	t.Parallel()
	s := startSession(t, "--sitting-limit", "45m", "--idle-source", "none")
	if st := statusOf(t, s.Desktop); st.Posture != "sitting" || len(st.HeldBy) != 0 {
		t.Fatalf("at start: %+v", st)
	}
	if s.menu(t).Find(labelStand) == nil {
		t.Fatalf("no %q in the menu:\n%s", labelStand, s.menu(t))
	}

	out, errOut, code := s.Run("stand")
	if code != 0 || !strings.HasPrefix(out, "Standing ") {
		t.Fatalf("limber stand: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	waitStatus(t, s.Desktop, "standing after limber stand", func(st status) bool { return st.Posture == "standing" }, 3*time.Second)
	if _, err := s.tray.WaitMenu(func(m *harness.MenuItem) bool { return m.Find(labelSit) != nil }, menuTimeout); err != nil {
		t.Fatalf("toggle not relabelled after limber stand: %v", err)
	}
	st := waitStatus(t, s.Desktop, "standing for a second", func(st status) bool {
		return st.StandingSeconds >= 1
	}, 5*time.Second)
	if !strings.HasPrefix(st.Line, "Standing") {
		t.Errorf("status line while standing = %q", st.Line)
	}

	if err := s.tray.ClickLabel(labelSit); err != nil {
		t.Fatal(err)
	}
	waitStatus(t, s.Desktop, "sitting after the tray toggle", func(st status) bool { return st.Posture == "sitting" }, 3*time.Second)
	if err := s.tray.ClickLabel(labelStand); err != nil {
		// The menu may not be relabelled yet.
		if _, err := s.tray.WaitMenu(func(m *harness.MenuItem) bool { return m.Find(labelStand) != nil }, menuTimeout); err != nil {
			t.Fatal(err)
		}
		if err := s.tray.ClickLabel(labelStand); err != nil {
			t.Fatal(err)
		}
	}
	waitStatus(t, s.Desktop, "standing after the tray toggle", func(st status) bool { return st.Posture == "standing" }, 3*time.Second)

	if out, errOut, code := s.Run("sit"); code != 0 || !strings.HasPrefix(out, "Sitting ") {
		t.Fatalf("limber sit: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if st := statusOf(t, s.Desktop); st.Posture != "sitting" {
		t.Errorf("after limber sit: %+v", st)
	}
}

// TestTypingAwareReminder: a reminder that falls due while the user types
// waits for the lull (3 s by default) after the typing stops.
func TestTypingAwareReminder(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("xdotool"); err != nil {
		t.Skip("xdotool not installed")
	}
	s := startSession(t, "--sitting-limit", "10s", "--natural-break", "6s", "--idle-source", "x11")
	started := time.Now()
	// Idle past the lull once, so the watch's first event has arrived and
	// the daemon relies on its events.
	waitStatus(t, s.Desktop, "idle events", func(st status) bool { return st.IdleEvents }, 5*time.Second)
	time.Sleep(4*time.Second - time.Since(started))

	// 120 keys, 200 ms apart (xdotool spends half of it between press and
	// release, so about 10 keys a second): typing from about 4 s to 16 s,
	// over the due moment at 10 s.
	typing := s.StartProgram("xdotool", "type", "--delay", "200", strings.Repeat("limber ", 18)[:120])
	if _, err := typing.Wait(30 * time.Second); err != nil {
		t.Fatal(err)
	}
	stopped := time.Now()
	if stopped.Sub(started) < 11*time.Second {
		t.Fatalf("typing ended %s after start, before the reminder fell due", stopped.Sub(started))
	}
	if sent := remindersSent(s.notes); len(sent) != 0 {
		t.Fatalf("reminder shown while typing: %+v", sent)
	}
	if _, err := s.notes.Wait(func(n harness.Notification) bool { return n.Summary == "Time to stand up" }, 10*time.Second); err != nil {
		t.Fatalf("no reminder after typing stopped: %v\nstderr:\n%s", err, s.daemon.Stderr())
	}
	after := time.Since(stopped)
	t.Logf("typing stopped %s after start; reminder %s later", stopped.Sub(started).Round(time.Millisecond), after.Round(time.Millisecond))
	if after < 2*time.Second || after > 4*time.Second {
		t.Errorf("reminder came %s after typing stopped, want 3 ± 1 s", after)
	}
}
