package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/e2e/harness"
)

// TestNotificationButtons presses the reminder's buttons the way a
// notification server reports them (ActionInvoked): Snooze postpones the
// break, Start routine opens the routine the reminder suggested. Servers
// close a notification once a button is pressed, so each button gets its
// own reminder.
func TestNotificationButtons(t *testing.T) {
	t.Parallel()
	remind := func(t *testing.T) (*session, harness.Notification) {
		// No idle source: sitting is wall-clock time, so no input is needed.
		s := startSession(t, "--sitting-limit", "3s", "--natural-break", "2s", "--idle-source", "none")
		note, err := s.notes.Wait(isStandReminder, 10*time.Second)
		if err != nil {
			t.Fatalf("no reminder: %v\ndaemon stderr:\n%s", err, s.daemon.Stderr())
		}
		if !slices.Contains(note.Actions, "start") || !slices.Contains(note.Actions, "snooze") {
			t.Fatalf("reminder actions = %q, want start and snooze buttons", note.Actions)
		}
		// A person cannot press a button within milliseconds of it
		// appearing; give the daemon the moment it takes to learn the
		// notification's ID (it ignores buttons of notifications it does
		// not know).
		time.Sleep(300 * time.Millisecond)
		return s, note
	}

	t.Run("snooze", func(t *testing.T) {
		t.Parallel()
		s, note := remind(t)
		if err := s.notes.InvokeAction(note.ID, "snooze"); err != nil {
			t.Fatal(err)
		}
		st := waitStatus(t, s.Desktop, "snoozed once after the Snooze action", func(st status) bool { return st.SnoozedToday == 1 }, 5*time.Second)
		if st.State == "due" {
			t.Errorf("still due after Snooze: %+v", st)
		}
	})

	t.Run("start", func(t *testing.T) {
		t.Parallel()
		s, note := remind(t)
		if err := s.notes.InvokeAction(note.ID, "start"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.X11().WaitViewable(routineName+" — "+windowSuffix, 5*time.Second); err != nil {
			t.Fatalf("Start routine opened no window: %v\ndaemon stderr:\n%s", err, s.daemon.Stderr())
		}
		waitStatus(t, s.Desktop, "in_routine after Start routine", func(st status) bool { return st.State == "in_routine" }, 5*time.Second)
	})
}

// TestConfigErrorNotified starts the daemon over a config with a bad value:
// it keeps running on the default, lists the problem with file, line and
// key in status, tells the user once by notification, and leaves the file
// untouched.
func TestConfigErrorNotified(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	dir := filepath.Join(d.ConfigHome, "limber")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	const bad = "# mine\nsitting_limit = \"banana\"\n"
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	watcher, notes := d.StartWatcher(), d.StartNotifications()
	daemon := d.StartLimber()
	if _, err := watcher.WaitItem(registerTimeout); err != nil {
		t.Fatalf("no tray item: %v\n%s", err, daemon.Stderr())
	}
	note, err := notes.Wait(func(n harness.Notification) bool {
		return strings.Contains(n.Summary, "config")
	}, 5*time.Second)
	if err != nil {
		t.Fatalf("no config-error notification: %v\n%s", err, daemon.Stderr())
	}
	if !strings.Contains(note.Body, "config.toml:2: sitting_limit") {
		t.Errorf("notification body %q does not name file, line and key", note.Body)
	}
	st := statusOf(t, d)
	if len(st.ConfigErrors) != 1 || st.NextReminderSeconds == nil || *st.NextReminderSeconds < 44*60 {
		t.Errorf("status = %+v, want one config error and the 45 min default", st)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "config.toml")); string(got) != bad {
		t.Errorf("config file rewritten: %q", got)
	}
	count := 0
	for _, n := range notesBeforeSentinel(t, d, notes, 0) {
		if strings.Contains(n.Summary, "config") {
			count++
		}
	}
	if count != 1 {
		t.Errorf("%d config-error notifications, want exactly one", count)
	}
}

// TestDoNotDisturbHoldsReminder turns the notification server's
// do-not-disturb on: the due reminder is held, then shown once when
// do-not-disturb ends.
func TestDoNotDisturbHoldsReminder(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	watcher, notes := d.StartWatcher(), d.StartNotifications()
	notes.SetInhibited(true)
	daemon := d.StartLimber("--sitting-limit", "3s", "--natural-break", "2s", "--idle-source", "none")
	if _, err := watcher.WaitItem(registerTimeout); err != nil {
		t.Fatalf("no tray item: %v\n%s", err, daemon.Stderr())
	}
	waitStatus(t, d, "due", func(st status) bool { return st.State == "due" }, 8*time.Second)
	for _, n := range notesBeforeSentinel(t, d, notes, 0) {
		if isStandReminder(n) {
			t.Fatalf("reminder shown during do-not-disturb: %+v", n)
		}
	}
	notes.SetInhibited(false)
	real := func(n harness.Notification) bool { return isStandReminder(n) && !isTestReminder(n) }
	if _, err := notes.Wait(real, 8*time.Second); err != nil {
		t.Fatalf("held reminder not shown after do-not-disturb ended: %v\n%s", err, daemon.Stderr())
	}
	count := 0
	for _, n := range notesBeforeSentinel(t, d, notes, len(notes.All())) {
		if real(n) {
			count++
		}
	}
	if count != 1 {
		t.Errorf("%d reminders after do-not-disturb, want exactly one", count)
	}
}
