package daemon

import (
	"testing"
	"time"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/reminders"
)

// TestHostileForeignOutcomes: outcomes that arrive on the control socket
// come from windows the daemon did not start, so they are checked against
// what the daemon knows before anything is recorded.
func TestHostileForeignOutcomes(t *testing.T) {
	bad := []control.Outcome{
		{Window: control.WindowRoutine, Action: control.ActionCompleted, RoutineID: "no-such-routine", Seconds: 60},
		{Window: control.WindowRoutine, Action: control.ActionCompleted, RoutineID: "desk-break", Seconds: 99_999_999},
		{Window: control.WindowRoutine, Action: control.ActionStopped, RoutineID: "desk-break", Seconds: -5},
		{Window: control.WindowRoutine, Action: control.ActionCompleted, Seconds: 60},
		{Window: control.WindowRoutine, Action: control.ActionReady, RoutineID: "desk-break"},
		{Window: control.WindowRoutine, Action: control.ActionExited, RoutineID: "desk-break"},
		{Window: control.WindowPrompt, Action: control.ActionClosing},
		{Window: control.WindowPrompt, Action: control.ActionCompleted, RoutineID: "desk-break"},
		{Window: control.WindowStats, Action: control.ActionSaved},
		{Window: "tray", Action: control.ActionSnooze},
		{Window: control.WindowPrompt, Action: "dance"},
	}
	c, clk, p := testCore(t, "")
	for _, o := range bad {
		if err := c.foreignOutcome(clk.read(), o); err == nil {
			t.Errorf("foreign outcome %+v accepted", o)
		}
	}
	if events, _ := reminders.ReadHistory(p.HistoryFile()); len(events) != 0 {
		t.Fatalf("refused outcomes recorded: %+v", events)
	}
	if st := c.status(clk.read()); st.State != "sitting" || st.BreaksToday != 0 {
		t.Fatalf("refused outcomes changed the state: %+v", st)
	}

	// A routine finished in a window the daemon did not start (an orphan
	// of a killed daemon, say) counts.
	good := control.Outcome{Window: control.WindowRoutine, Action: control.ActionCompleted, RoutineID: "desk-break", Seconds: 120, Steps: 4}
	if err := c.foreignOutcome(clk.read(), good); err != nil {
		t.Fatalf("foreign routine outcome refused: %v", err)
	}
	if st := c.status(clk.read()); st.BreaksToday != 1 {
		t.Errorf("breaks today = %d after a foreign completed routine, want 1", st.BreaksToday)
	}
	for _, o := range []control.Outcome{
		{Window: control.WindowPrompt, Action: control.ActionSnooze},
		{Window: control.WindowPicker, Action: control.ActionStart, RoutineID: "desk-break"},
		{Window: control.WindowSettings, Action: control.ActionTest},
	} {
		if err := c.foreignOutcome(clk.read(), o); err != nil {
			t.Errorf("foreign outcome %+v refused: %v", o, err)
		}
	}

	// While the daemon's own routine window is open, a forged outcome for
	// it is refused: the window reports on its own pipe.
	c.childMessage(clk.read(), control.Outcome{Window: control.WindowRoutine, Action: control.ActionReady, RoutineID: "desk-break"})
	if err := c.foreignOutcome(clk.read(), good); err == nil {
		t.Error("foreign outcome accepted while the daemon's own routine window is open")
	}
}

// TestHostileChildRoutineSeconds: even a window the daemon started cannot
// record more active time than its routine lasts.
func TestHostileChildRoutineSeconds(t *testing.T) {
	c, clk, p := testCore(t, "")
	c.childMessage(clk.read(), control.Outcome{Window: control.WindowRoutine, Action: control.ActionReady, RoutineID: "desk-break"})
	clk.add(time.Minute)
	c.childMessage(clk.read(), control.Outcome{Window: control.WindowRoutine, Action: control.ActionCompleted, RoutineID: "desk-break", Seconds: 99_999_999})
	events, _ := reminders.ReadHistory(p.HistoryFile())
	if len(events) == 0 {
		t.Fatal("no history")
	}
	last := events[len(events)-1]
	r, _ := c.catalog.Find("desk-break")
	if limit := int64((r.Duration() + routineSlack) / time.Second); last.Seconds > limit {
		t.Errorf("recorded %d s for a routine of %s", last.Seconds, r.Duration())
	}
}

// TestHostileSnoozeBeyondSittingLimit: a snooze longer than the sitting
// limit is refused with a sentence, not scheduled.
func TestHostileSnoozeBeyondSittingLimit(t *testing.T) {
	c, clk, _ := testCore(t, "sitting_limit = \"45m\"\n")
	for range 46 {
		clk.add(time.Minute)
		c.observe(clk.read(), nil)
	}
	if err := c.command(clk.read(), control.Request{Cmd: control.CmdSnooze, For: "2h"}); err == nil {
		t.Error("snooze of 2h with a 45 min sitting limit accepted")
	}
	if err := c.command(clk.read(), control.Request{Cmd: control.CmdSnooze, For: "45m"}); err != nil {
		t.Errorf("snooze of the sitting limit refused: %v", err)
	}
}
