package reminders

import (
	"testing"
	"time"
)

// TestRoutineEndedTooEarly: a routine closed before it counted leaves the
// due break due and the sitting time as it was, and is recorded as a
// routine that was not completed, with its seconds; it is no break and no
// skip. One that counted resolves the break and restarts sitting time.
func TestRoutineEndedTooEarly(t *testing.T) {
	for _, counts := range []bool{false, true} {
		day := edgeDay(t)
		now := Instant{Wall: day.Add(9 * time.Hour), Mono: time.Hour}
		e := New(DefaultConfig(), now)
		for range 46 {
			now = now.Add(time.Minute)
			e.Observe(now, 0)
		}
		if st := e.Status(now); st.State != Due {
			t.Fatalf("not due after 46 min: %s", st.State)
		}
		sat := e.Status(now).Sitting
		e.RoutineStarted(now, "quick-standing-reset")
		now = now.Add(time.Second)
		fx := e.RoutineEnded(now, "quick-standing-reset", false, 1, counts)
		st := e.Status(now)
		if len(fx.History) != 1 || fx.History[0].Event != EventRoutine || fx.History[0].Completed == nil ||
			*fx.History[0].Completed || fx.History[0].Seconds != 1 {
			t.Fatalf("counts=%v: history %+v, want one routine event, not completed, 1 s", counts, fx.History)
		}
		if st.Today.Breaks != 0 || st.Today.Skipped != 0 {
			t.Errorf("counts=%v: breaks %d, skipped %d; want 0, 0", counts, st.Today.Breaks, st.Today.Skipped)
		}
		if counts {
			if st.State != Sitting || st.Sitting != 0 {
				t.Errorf("a routine that counted: %s, sitting %s; want sitting from zero", st.State, st.Sitting)
			}
			continue
		}
		if st.State != Due || st.Sitting < sat {
			t.Errorf("a routine closed at once: %s, sitting %s; want still due, sitting at least %s", st.State, st.Sitting, sat)
		}
	}
}
