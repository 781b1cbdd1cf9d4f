package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/e2e/harness"
)

// Short limits make the whole sitting → reminder → break cycle observable
// in seconds (daemon flags override the config for one run, README.md "Command line").
var reminderFlags = []string{"--sitting-limit", "10s", "--natural-break", "4s", "--idle-source", "x11"}

const (
	inputInterval  = 200 * time.Millisecond
	reminderWithin = 12 * time.Second
	naturalBreak   = 4 * time.Second
)

// isStandReminder matches the stand-up notification: the summary says
// "stand" and the body suggests a stretch.
func isStandReminder(n harness.Notification) bool {
	return strings.Contains(strings.ToLower(n.Summary), "stand") &&
		strings.TrimSpace(n.Body) != "" && n.Body != n.Summary
}

// TestReminderFlow walks the engine end to end with simulated input: steady
// input earns a reminder, a natural break resets sitting time, pause stops
// reminders and resume brings them back.
func TestReminderFlow(t *testing.T) {
	t.Parallel()
	s := startSession(t, append(quickLull(t), reminderFlags...)...)
	if st := statusOf(t, s.Desktop); st.IdleSource != "x11" {
		t.Errorf("idle_source = %q, want x11 (from --idle-source)", st.IdleSource)
	}

	// 1. Steady input: a reminder within 12 s.
	stop := steadyInput(t, s.Desktop, inputInterval)
	note, err := s.notes.Wait(isStandReminder, reminderWithin)
	if err != nil {
		stop()
		t.Fatalf("no stand-up reminder under steady input: %v\nstatus: %+v\ndaemon stderr:\n%s",
			err, statusOf(t, s.Desktop), s.daemon.Stderr())
	}
	t.Logf("reminder: %q / %q", note.Summary, note.Body)
	stop()

	// 2. A natural break (no input for 4+ s) resets sitting time.
	waitStatus(t, s.Desktop, "sitting time reset by the natural break", func(st status) bool { return st.SittingSeconds < 3 }, naturalBreak+6*time.Second)

	// 3. Paused: steady input earns no reminder.
	if _, errOut, code := s.Run("pause", "1h"); code != 0 {
		t.Fatalf("limber pause 1h exited %d; stderr:\n%s", code, errOut)
	}
	if st := statusOf(t, s.Desktop); st.State != "paused" || st.NextReminderSeconds != nil {
		t.Errorf("paused: state %q, next_reminder_seconds %v; want paused and null", st.State, st.NextReminderSeconds)
	}
	before := len(s.notes.All())
	stop = steadyInput(t, s.Desktop, inputInterval)
	time.Sleep(reminderWithin + 2*time.Second) // sitting time a reminder would need
	stop()
	if st := statusOf(t, s.Desktop); st.State != "paused" {
		t.Errorf("after steady input while paused: state %q, want paused", st.State)
	}
	if during := notesBeforeSentinel(t, s.Desktop, s.notes, before)[before:]; len(during) != 0 {
		t.Fatalf("reminders while paused: %+v", during)
	}

	// 4. Resumed: reminders come back.
	if _, errOut, code := s.Run("resume"); code != 0 {
		t.Fatalf("limber resume exited %d; stderr:\n%s", code, errOut)
	}
	resumedAt := len(s.notes.All())
	stop = steadyInput(t, s.Desktop, inputInterval)
	defer stop()
	real := func(n harness.Notification) bool { return isStandReminder(n) && !isTestReminder(n) }
	if _, err := s.notes.WaitSince(resumedAt, real, reminderWithin+2*time.Second); err != nil {
		t.Fatalf("no reminder after resume: %v", err)
	}
}
