package e2e

import (
	"testing"
	"time"

	"github.com/limber-app/limber/e2e/harness"
)

// TestHostileOrphanedRoutine: a routine window outlives a daemon killed
// with SIGKILL, and what the user does in it still counts: handed to the
// daemon that runs by then, or written to the history itself.
func TestHostileOrphanedRoutine(t *testing.T) {
	t.Parallel()
	for _, restart := range []bool{false, true} {
		name := map[bool]string{false: "no daemon", true: "new daemon"}[restart]
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := startSession(t)
			if _, errOut, code := s.Run("routine", routineID); code != 0 {
				t.Fatalf("limber routine exited %d; stderr:\n%s", code, errOut)
			}
			win, err := s.X11().WaitViewable(routineName, openTimeout)
			if err != nil {
				t.Fatal(err)
			}
			waitStatus(t, s.Desktop, "in_routine", func(st status) bool { return st.State == "in_routine" }, openTimeout)
			if err := s.daemon.Kill(); err != nil {
				t.Fatal(err)
			}
			if _, err := s.daemon.Wait(quitTimeout); err != nil {
				t.Fatal(err)
			}
			var next *harness.Process
			if restart {
				next = s.StartLimber()
				waitRunning(t, s.Desktop, next)
			}
			time.Sleep(time.Second)
			if _, err := s.X11().WaitViewable(routineName, time.Second); err != nil {
				t.Fatalf("routine window gone with its daemon: %v", err)
			}
			closeAndWait(t, s.Desktop, win)
			ev := waitRoutineEvent(t, s.Desktop, routineID, 3*time.Second)
			if ev.Completed != nil && *ev.Completed {
				t.Errorf("history routine event = %+v, want a partial routine", ev)
			}
			if next != nil {
				if st := statusOf(t, s.Desktop); st.State != "sitting" {
					t.Errorf("new daemon state = %q after the orphan's outcome, want sitting", st.State)
				}
				quitCleanly(t, s.Desktop, next)
			}
		})
	}
}
