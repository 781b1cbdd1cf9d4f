package daemon

import (
	"testing"
	"time"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/reminders"
)

// TestRoutineClosedAtOnce: a routine opened while a break is due and
// closed on "Get ready" leaves the break due, sitting time as it was and
// nothing skipped, and is recorded as an uncompleted routine; one closed
// after a full step counts as standing up.
func TestRoutineClosedAtOnce(t *testing.T) {
	tests := []struct {
		name       string
		outcome    control.Outcome
		stillDue   bool
		reportLast bool // the window reported before exiting
	}{
		{"closed on get ready", control.Outcome{Action: control.ActionStopped, Seconds: 0, Steps: 0}, true, true},
		{"crashed", control.Outcome{}, true, false},
		{"one step done", control.Outcome{Action: control.ActionStopped, Seconds: 30, Steps: 1}, false, true},
		{"completed", control.Outcome{Action: control.ActionCompleted, Seconds: 120, Steps: 5}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, clk, p := testCore(t, "sitting_limit = \"45m\"\n")
			for range 46 {
				clk.add(time.Minute)
				c.observe(clk.read(), nil)
			}
			before := c.status(clk.read())
			if before.State != "due" {
				t.Fatalf("not due: %+v", before)
			}
			id := c.suggestedRoutine()
			c.childMessage(clk.read(), control.Outcome{Window: control.WindowRoutine, Action: control.ActionReady, RoutineID: id})
			clk.add(time.Second)
			if tt.reportLast {
				o := tt.outcome
				o.Window, o.RoutineID = control.WindowRoutine, id
				c.childMessage(clk.read(), o)
			}
			c.childMessage(clk.read(), control.Outcome{Window: control.WindowRoutine, Action: control.ActionExited, RoutineID: id})
			st := c.status(clk.read())
			if tt.stillDue {
				if st.State != "due" || st.SittingSeconds < before.SittingSeconds || st.SkippedToday != 0 || st.BreaksToday != 0 {
					t.Errorf("after %s: %+v; want still due, sitting kept, nothing skipped or counted", tt.name, st)
				}
			} else if st.State != "sitting" || st.SittingSeconds != 0 {
				t.Errorf("after %s: %+v; want sitting from zero", tt.name, st)
			}
			events, _ := reminders.ReadHistory(p.HistoryFile())
			last := events[len(events)-1]
			if last.Event != reminders.EventRoutine || last.Completed == nil || *last.Completed != (tt.outcome.Action == control.ActionCompleted) ||
				last.Seconds != int64(tt.outcome.Seconds) {
				t.Errorf("recorded %+v", last)
			}
		})
	}
}
