package routines

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)

func at(sec float64) time.Time { return t0.Add(time.Duration(sec * float64(time.Second))) }

// testRoutine: A holds 10s (rest 5s), B is per side 6s (rest 2s), C is
// 2 reps × 2s. Segments A, B-left, B-right, C; 35s in all.
func testRoutine() Routine {
	sec := time.Second
	return Routine{ID: "test", Name: "Test", Steps: []Step{
		{Name: "A", Cues: []string{"a"}, Timing: Hold(10 * sec), Sides: SidesNone, Rest: 5 * sec},
		{Name: "B", StretchID: "neck-turn", Timing: Hold(6 * sec), Sides: SidesBoth, Rest: 2 * sec},
		{Name: "C", Timing: Reps(2, 2*sec), Sides: SidesNone, Rest: 9 * sec},
	}}
}

// fullTimeline is every event of testRoutine with the default get-ready.
var fullTimeline = []Event{
	{LastThree, at(2), PhaseGetReady, 0},
	{StepStarted, at(5), PhaseStep, 0},
	{Halfway, at(10), PhaseStep, 0},
	{LastThree, at(12), PhaseStep, 0},
	{RestStarted, at(15), PhaseRest, 1},
	{StepStarted, at(20), PhaseStep, 1},
	{Halfway, at(23), PhaseStep, 1},
	{LastThree, at(23), PhaseStep, 1},
	{RestStarted, at(26), PhaseRest, 2},
	{StepStarted, at(28), PhaseStep, 2},
	{Halfway, at(31), PhaseStep, 2},
	{LastThree, at(31), PhaseStep, 2},
	{RestStarted, at(34), PhaseRest, 3},
	{StepStarted, at(36), PhaseStep, 3},
	{LastThree, at(37), PhaseStep, 3},
	{Halfway, at(38), PhaseStep, 3},
	{Finished, at(40), PhaseFinished, 3},
}

func fmtEvents(evs []Event) string {
	var b strings.Builder
	for _, e := range evs {
		fmt.Fprintf(&b, "  %s@%s %s seg %d\n", e.Kind, e.At.Sub(t0), e.Phase, e.Segment)
	}
	return b.String()
}

func checkEvents(t *testing.T, what string, got, want []Event) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s: events\n%swant\n%s", what, fmtEvents(got), fmtEvents(want))
	}
}

func TestPlayerTimelineAnyStepSize(t *testing.T) {
	for _, step := range []float64{0.25, 1, 3, 7, 3600} {
		t.Run(fmt.Sprint(step), func(t *testing.T) {
			p := NewPlayer(testRoutine())
			got := p.Start(t0)
			for s := step; s < 60; s += step {
				got = append(got, p.Advance(at(s))...)
			}
			got = append(got, p.Advance(at(3600))...)
			checkEvents(t, "replay", got, fullTimeline)
			want := Outcome{Completed: true, Active: 35 * time.Second, StepsDone: 3, Steps: 3}
			if o := p.Outcome(); o != want {
				t.Errorf("Outcome() = %+v, want %+v", o, want)
			}
			if st := p.State(); st.Phase != PhaseFinished || st.Progress != 1 || st.Left != 0 {
				t.Errorf("final state %+v", st)
			}
		})
	}
}

func TestPlayerStateStepByStep(t *testing.T) {
	p := NewPlayer(testRoutine())
	p.Start(t0)
	tests := []struct {
		sec      float64
		phase    Phase
		name     string
		side     Side
		number   int
		left     time.Duration
		next     string
		progress float64
	}{
		{0, PhaseGetReady, "A", NoSide, 1, 5 * time.Second, "B", 0},
		{4, PhaseGetReady, "A", NoSide, 1, time.Second, "B", 0},
		{5, PhaseStep, "A", NoSide, 1, 10 * time.Second, "B", 0},
		{12, PhaseStep, "A", NoSide, 1, 3 * time.Second, "B", 7.0 / 35},
		{16, PhaseRest, "B", LeftSide, 2, 4 * time.Second, "B", 11.0 / 35},
		{21, PhaseStep, "B", LeftSide, 2, 5 * time.Second, "B", 16.0 / 35},
		{27, PhaseRest, "B", RightSide, 3, time.Second, "C", 22.0 / 35},
		{29, PhaseStep, "B", RightSide, 3, 5 * time.Second, "C", 24.0 / 35},
		{39, PhaseStep, "C", NoSide, 4, time.Second, "", 34.0 / 35},
		{41, PhaseFinished, "C", NoSide, 4, 0, "", 1},
	}
	for _, tt := range tests {
		p.Advance(at(tt.sec))
		st := p.State()
		next := ""
		if st.HasNext {
			next = st.Next.Step.Name
		}
		if st.Phase != tt.phase || st.Current.Step.Name != tt.name || st.Current.Side != tt.side ||
			st.Number != tt.number || st.Total != 4 || st.Left != tt.left || next != tt.next ||
			fmt.Sprintf("%.4f", st.Progress) != fmt.Sprintf("%.4f", tt.progress) {
			t.Errorf("at %vs: got %s %q %q %d/%d left %s next %q progress %.4f; want %s %q %q %d/4 left %s next %q progress %.4f",
				tt.sec, st.Phase, st.Current.Step.Name, st.Current.Side, st.Number, st.Total, st.Left, next, st.Progress,
				tt.phase, tt.name, tt.side, tt.number, tt.left, tt.next, tt.progress)
		}
	}
}

func TestPlayerPauseResume(t *testing.T) {
	p := NewPlayer(testRoutine())
	p.Start(t0)
	p.Advance(at(7)) // 2s into A
	checkEvents(t, "pause", p.Pause(at(7)), nil)
	if got := p.Advance(at(100)); got != nil {
		t.Errorf("events while paused:\n%s", fmtEvents(got))
	}
	st := p.State()
	if st.Phase != PhasePaused || st.Resumes != PhaseStep || st.Left != 8*time.Second || !p.Paused() {
		t.Errorf("paused state %+v", st)
	}
	if _, ok := p.NextChange(); ok {
		t.Error("NextChange() while paused should report nothing scheduled")
	}
	p.Resume(at(100))
	if next, ok := p.NextChange(); !ok || !next.Equal(at(103)) {
		t.Errorf("NextChange() = %v, %v; want halfway at 103s", next.Sub(t0), ok)
	}
	checkEvents(t, "after resume", p.Advance(at(103)), []Event{{Halfway, at(103), PhaseStep, 0}})
	if o := p.Outcome(); o.Active != 5*time.Second || o.Completed || o.StepsDone != 0 {
		t.Errorf("Outcome() = %+v; want 5s active (paused time excluded)", o)
	}
	// Next while paused moves on but stays paused.
	checkEvents(t, "pause again", p.Pause(at(104)), nil)
	checkEvents(t, "next while paused", p.Next(at(110)), []Event{{StepStarted, at(110), PhaseStep, 1}})
	if !p.Paused() || p.State().Current.Side != LeftSide {
		t.Errorf("after Next: paused %v, state %+v", p.Paused(), p.State())
	}
	if got := p.Advance(at(200)); got != nil {
		t.Errorf("events while paused after Next:\n%s", fmtEvents(got))
	}
}

func TestPlayerNext(t *testing.T) {
	p := NewPlayer(testRoutine())
	p.Start(t0)
	checkEvents(t, "next in get-ready", p.Next(at(1)), []Event{{StepStarted, at(1), PhaseStep, 0}})
	checkEvents(t, "advance", p.Advance(at(7)), []Event{{Halfway, at(6), PhaseStep, 0}})
	// Past halfway: A counts as done, and the rest after it is skipped.
	checkEvents(t, "next past halfway", p.Next(at(7)), []Event{{StepStarted, at(7), PhaseStep, 1}})
	checkEvents(t, "next early", p.Next(at(8)), []Event{{StepStarted, at(8), PhaseStep, 2}})
	checkEvents(t, "into C", p.Next(at(9)), []Event{{StepStarted, at(9), PhaseStep, 3}})
	checkEvents(t, "next on last", p.Next(at(9.5)), []Event{{Finished, at(9.5), PhaseFinished, 3}})
	want := Outcome{Completed: true, Active: 8500 * time.Millisecond, StepsDone: 1, Steps: 3}
	if o := p.Outcome(); o != want {
		t.Errorf("Outcome() = %+v, want %+v", o, want)
	}
	if got := p.Next(at(20)); got != nil {
		t.Errorf("Next after the end:\n%s", fmtEvents(got))
	}
	if _, ok := p.NextChange(); ok {
		t.Error("NextChange() after the end should report nothing scheduled")
	}
}

func TestPlayerNextFromRest(t *testing.T) {
	p := NewPlayer(testRoutine())
	p.Start(t0)
	p.Advance(at(16)) // 1s into the rest after A
	checkEvents(t, "next in rest", p.Next(at(16)), []Event{{StepStarted, at(16), PhaseStep, 1}})
	if o := p.Outcome(); o.StepsDone != 1 || o.Active != 11*time.Second {
		t.Errorf("Outcome() = %+v; want A done and 11s active", o)
	}
}

func TestPlayerPrevious(t *testing.T) {
	tests := []struct {
		name    string
		advance float64 // seconds after start before Previous
		want    []Event // events of Previous itself
		phase   Phase
		seg     int
	}{
		{"get-ready restarts the count", 1, nil, PhaseGetReady, 0},
		{"early in the first step restarts it", 6, []Event{{StepStarted, at(6), PhaseStep, 0}}, PhaseStep, 0},
		{"late in a step restarts it", 12.5, []Event{{StepStarted, at(12.5), PhaseStep, 0}}, PhaseStep, 0},
		{"rest goes back to the step just done", 17, []Event{{StepStarted, at(17), PhaseStep, 0}}, PhaseStep, 0},
		{"early in a step goes to the previous one", 21, []Event{{StepStarted, at(21), PhaseStep, 0}}, PhaseStep, 0},
		{"late in the right side restarts it", 32, []Event{{StepStarted, at(32), PhaseStep, 2}}, PhaseStep, 2},
		{"early in the right side goes to the left side", 29, []Event{{StepStarted, at(29), PhaseStep, 1}}, PhaseStep, 1},
		{"finished stays finished", 50, nil, PhaseFinished, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewPlayer(testRoutine())
			p.Start(t0)
			p.Advance(at(tt.advance))
			checkEvents(t, "previous", p.Previous(at(tt.advance)), tt.want)
			st := p.State()
			if st.Phase != tt.phase || st.Current.Index != tt.seg {
				t.Errorf("after Previous: %s segment %d; want %s segment %d", st.Phase, st.Current.Index, tt.phase, tt.seg)
			}
			if tt.phase != PhaseFinished && st.Left != st.Length {
				t.Errorf("after Previous the phase should start over: left %s of %s", st.Left, st.Length)
			}
		})
	}
}

func TestPlayerRestart(t *testing.T) {
	p := NewPlayer(testRoutine())
	p.Start(t0)
	p.Advance(at(3600))
	if got := p.Restart(at(4000)); got != nil {
		t.Errorf("Restart events:\n%s", fmtEvents(got))
	}
	st := p.State()
	if st.Phase != PhaseGetReady || st.Progress != 0 || st.Number != 1 {
		t.Errorf("after Restart: %+v", st)
	}
	if o := p.Outcome(); o.Completed || o.StepsDone != 3 || o.Active != 35*time.Second {
		t.Errorf("Outcome() after Restart = %+v; done work stays counted, completion does not", o)
	}
	// The second run replays the same timeline shifted to 4000s.
	got := p.Advance(at(4000 + 3600))
	want := make([]Event, len(fullTimeline))
	for i, e := range fullTimeline {
		e.At = e.At.Add(4000 * time.Second)
		want[i] = e
	}
	checkEvents(t, "second run", got, want)
	if o := p.Outcome(); !o.Completed || o.Active != 70*time.Second {
		t.Errorf("Outcome() after second run = %+v", o)
	}
}

func TestPlayerRestartWhilePausedUnpauses(t *testing.T) {
	p := NewPlayer(testRoutine())
	p.Start(t0)
	p.Pause(at(1))
	p.Restart(at(50))
	if p.Paused() {
		t.Fatal("Restart should unpause")
	}
	checkEvents(t, "after restart", p.Advance(at(52)), []Event{{LastThree, at(52), PhaseGetReady, 0}})
}

func TestPlayerStop(t *testing.T) {
	p := NewPlayer(testRoutine())
	p.Start(t0)
	o := p.Stop(at(21)) // A done, 1s into B-left
	want := Outcome{Completed: false, Active: 16 * time.Second, StepsDone: 1, Steps: 3}
	if o != want {
		t.Errorf("Stop() = %+v, want %+v", o, want)
	}
	if got := p.Advance(at(100)); got != nil {
		t.Errorf("events after Stop:\n%s", fmtEvents(got))
	}
	if p.Outcome() != want {
		t.Errorf("Outcome changed after Stop: %+v", p.Outcome())
	}
}

func TestPlayerNoGetReadyAndShortSteps(t *testing.T) {
	r := Routine{ID: "short", Name: "Short", Steps: []Step{
		{Name: "tiny", Timing: Hold(2 * time.Second), Sides: SidesNone, Rest: 0},
		{Name: "tiny2", Timing: Hold(2 * time.Second), Sides: SidesNone},
	}}
	p := NewPlayer(r, WithGetReady(0))
	checkEvents(t, "start", p.Start(t0), []Event{
		{StepStarted, t0, PhaseStep, 0},
		{LastThree, t0, PhaseStep, 0},
	})
	checkEvents(t, "run", p.Advance(at(10)), []Event{
		{Halfway, at(1), PhaseStep, 0},
		{StepStarted, at(2), PhaseStep, 1}, // no rest: straight on
		{LastThree, at(2), PhaseStep, 1},
		{Halfway, at(3), PhaseStep, 1},
		{Finished, at(4), PhaseFinished, 1},
	})
	if got := p.Start(at(20)); got != nil {
		t.Error("a second Start should do nothing")
	}
}

func TestPlayerClockBackwardsAndBeforeStart(t *testing.T) {
	p := NewPlayer(testRoutine())
	if got := p.Advance(at(100)); got != nil {
		t.Error("Advance before Start emitted events")
	}
	p.Start(at(10))
	if got := p.Advance(at(0)); got != nil {
		t.Errorf("time going backwards emitted:\n%s", fmtEvents(got))
	}
	checkEvents(t, "after", p.Advance(at(12)), []Event{{LastThree, at(12), PhaseGetReady, 0}})
}

func TestPlayerEmptyRoutine(t *testing.T) {
	p := NewPlayer(Routine{ID: "empty", Name: "Empty"})
	checkEvents(t, "start", p.Start(t0), []Event{{Finished, t0, PhaseFinished, 0}})
	if st := p.State(); st.Phase != PhaseFinished || st.Progress != 1 {
		t.Errorf("state %+v", st)
	}
	p.Next(at(1))
	p.Previous(at(1))
	p.Restart(at(2))
}

func TestPlayerBuiltinsRunToCompletion(t *testing.T) {
	for _, r := range Builtin() {
		p := NewPlayer(r)
		evs := p.Start(t0)
		evs = append(evs, p.Advance(t0.Add(time.Hour))...)
		o := p.Outcome()
		if !o.Completed || o.Active != r.Duration() || o.StepsDone != r.StepCount() {
			t.Errorf("%s: outcome %+v, want complete with %s active", r.ID, o, r.Duration())
		}
		if n := len(evs); n == 0 || evs[n-1].Kind != Finished || !evs[n-1].At.Equal(t0.Add(DefaultGetReady+r.Duration())) {
			t.Errorf("%s: last event %+v", r.ID, evs[len(evs)-1])
		}
		starts := 0
		for _, e := range evs {
			if e.Kind == StepStarted {
				starts++
			}
		}
		if starts != len(r.Segments()) {
			t.Errorf("%s: %d StepStarted, want %d", r.ID, starts, len(r.Segments()))
		}
	}
}

// TestPlayerCountsStepsAsPeopleDo: a per-side step is one step whose two
// sides share its number, so the window's "Step 2 of 3 · left side" agrees
// with the picker's "3 steps"; the second side says it is the switch.
func TestPlayerCountsStepsAsPeopleDo(t *testing.T) {
	r := testRoutine()
	if r.StepCount() != 3 || len(r.Segments()) != 4 {
		t.Fatalf("StepCount %d, segments %d; want 3 and 4", r.StepCount(), len(r.Segments()))
	}
	tests := []struct {
		sec        float64
		stepNumber int
		side       Side
		second     bool
	}{
		{0, 1, NoSide, false},
		{6, 1, NoSide, false},
		{21, 2, LeftSide, false},
		{27, 2, RightSide, true}, // the rest before the right side leads into it
		{29, 2, RightSide, true},
		{37, 3, NoSide, false},
	}
	p := NewPlayer(r)
	p.Start(t0)
	for _, tt := range tests {
		p.Advance(at(tt.sec))
		st := p.State()
		if st.StepNumber != tt.stepNumber || st.Steps != 3 || st.Current.Side != tt.side || st.Current.SecondSide != tt.second {
			t.Errorf("at %vs: step %d of %d, side %q, second side %v; want %d of 3, %q, %v",
				tt.sec, st.StepNumber, st.Steps, st.Current.Side, st.Current.SecondSide, tt.stepNumber, tt.side, tt.second)
		}
	}
}

// TestPlayerOutcomeCountsWholeSteps: a per-side step counts as done only
// when both sides are.
func TestPlayerOutcomeCountsWholeSteps(t *testing.T) {
	p := NewPlayer(testRoutine())
	p.Start(t0)
	if o := p.Stop(at(27)); o.StepsDone != 1 || o.Steps != 3 { // A and B-left done
		t.Errorf("after the left side: %+v, want 1 of 3 steps done", o)
	}
	p = NewPlayer(testRoutine())
	p.Start(t0)
	if o := p.Stop(at(35)); o.StepsDone != 2 { // A and both sides of B
		t.Errorf("after both sides: %+v, want 2 steps done", o)
	}
}

// TestPlayerRepCounter: C is 2 reps of 2 s, starting at 36 s.
func TestPlayerRepCounter(t *testing.T) {
	tests := []struct {
		sec       float64
		rep, reps int
	}{
		{35, 0, 0}, // the rest before C
		{36, 1, 2},
		{37.9, 1, 2},
		{38, 2, 2},
		{39.9, 2, 2},
		{21, 0, 0}, // a hold has no repetitions
	}
	for _, tt := range tests {
		p := NewPlayer(testRoutine())
		p.Start(t0)
		p.Advance(at(tt.sec))
		if st := p.State(); st.Rep != tt.rep || st.Reps != tt.reps {
			t.Errorf("at %vs: rep %d of %d, want %d of %d", tt.sec, st.Rep, st.Reps, tt.rep, tt.reps)
		}
	}
}
