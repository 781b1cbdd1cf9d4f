package daemon

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/routines"
)

// TestReminderNamesItsRoutine: every reminder rotates through standing
// routines, suggests a stretch that is in the routine its Start opens, and
// names that routine with its length.
func TestReminderNamesItsRoutine(t *testing.T) {
	c, _, _ := testCore(t, "")
	for i := range 8 {
		r := c.compose(reminders.Remind{Sitting: 47 * time.Minute, Count: 1})
		rt, ok := c.catalog.Find(r.Routine)
		if !ok {
			t.Fatalf("reminder %d: unknown routine %q", i, r.Routine)
		}
		if !slices.Equal(rt.Positions(), []routines.Position{routines.Standing}) {
			t.Errorf("reminder %d suggests %s (%v), want a standing routine", i, rt.ID, rt.Positions())
		}
		if !slices.ContainsFunc(rt.Steps, func(s routines.Step) bool { return s.StretchID == r.Stretch }) {
			t.Errorf("reminder %d: stretch %q is not in %s", i, r.Stretch, rt.ID)
		}
		s, _ := routines.LookupStretch(r.Stretch)
		want := "Start: " + rt.Name + " ("
		if !strings.Contains(r.Body, "Try "+s.Name) || !strings.Contains(r.Body, want) {
			t.Errorf("reminder %d body %q: want %q and %q", i, r.Body, "Try "+s.Name, want)
		}
		// What to do, not just a name: the stretch's action line.
		if s.Action == "" || !strings.Contains(r.Body, "Try "+s.Name+". "+s.Action) {
			t.Errorf("reminder %d body %q: want the action %q after the name", i, r.Body, s.Action)
		}
	}
}

// TestReminderPickedRoutine: a routine the user picked is always the one
// suggested, and the stretch comes from it.
func TestReminderPickedRoutine(t *testing.T) {
	c, _, _ := testCore(t, "suggest = \"desk-break\"\n")
	rt, _ := c.catalog.Find("desk-break")
	for range 3 {
		r := c.compose(reminders.Remind{Sitting: time.Hour})
		if r.Routine != "desk-break" || !slices.ContainsFunc(rt.Steps, func(s routines.Step) bool { return s.StretchID == r.Stretch }) {
			t.Errorf("picked desk-break: reminder %+v", r)
		}
	}
}

// TestTestReminderText: a test reminder sent at once after starting does
// not claim "sitting for 0 seconds".
func TestTestReminderText(t *testing.T) {
	c, clk, _ := testCore(t, "")
	r := c.testReminder(clk.read())
	if strings.Contains(r.Body, "0 seconds") || !strings.Contains(r.Body, "Start: ") || !r.Test {
		t.Errorf("test reminder = %+v", r)
	}
}
