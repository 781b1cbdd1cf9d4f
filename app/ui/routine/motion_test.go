package routine

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limber-app/limber/routines"
)

// fakeTicker is a Ticker the test drives: tick hands the animation one
// tick and returns once the animation has shown its picture (it is back
// waiting), so nothing depends on real time.
type fakeTicker struct {
	ch, idle, stop chan struct{}
	waited         bool // the animation goroutine's own: it waited before
	stopped        bool
}

func (f *fakeTicker) Wait() bool {
	if f.waited {
		f.idle <- struct{}{} // the last tick's picture is shown
	}
	f.waited = true
	select {
	case <-f.ch:
		return true
	case <-f.stop:
		return false
	}
}

func (f *fakeTicker) Stop() {
	f.stopped = true
	close(f.stop)
}

func (f *fakeTicker) tick() {
	f.ch <- struct{}{}
	<-f.idle
}

// tickers makes fake tickers and remembers them.
type tickers struct{ made []*fakeTicker }

func (ts *tickers) new(every time.Duration) Ticker {
	if every < time.Second/20 || every > time.Second/12 {
		panic("the figure should play at 12–20 pictures a second")
	}
	f := &fakeTicker{ch: make(chan struct{}), idle: make(chan struct{}), stop: make(chan struct{})}
	ts.made = append(ts.made, f)
	return f
}

// running is the ticker that has not been stopped, or nil; it fails the
// test when more than one runs.
func (ts *tickers) running(t *testing.T) *fakeTicker {
	t.Helper()
	var run *fakeTicker
	for _, f := range ts.made {
		if !f.stopped {
			if run != nil {
				t.Fatal("two tickers run at once")
			}
			run = f
		}
	}
	return run
}

// stillTicker never ticks: for tests about other things than the movement.
func stillTicker(time.Duration) Ticker {
	return &fakeTicker{ch: make(chan struct{}), idle: make(chan struct{}), stop: make(chan struct{})}
}

// motionRoutine is a moving step of 3 repetitions of 4 s with a rest,
// then a hold.
func motionRoutine() routines.Routine {
	return routines.Routine{ID: "motion", Name: "Motion", Steps: []routines.Step{
		{StretchID: "cat-camel", Name: "Cat-camel", Moving: true, Timing: routines.Reps(3, 4*time.Second), Rest: 3 * time.Second},
		{StretchID: "childs-pose", Name: "Child's pose", Timing: routines.Hold(10 * time.Second)},
	}}
}

func newMotionView(t *testing.T, clk *fakeClock, ts *tickers) *View {
	t.Helper()
	test.NewTempApp(t)
	v := New(Options{Routine: motionRoutine(), Clock: clk.now, GetReady: 5 * time.Second, NewTicker: ts.new})
	w := test.NewWindow(v.Content())
	w.Resize(fyne.NewSize(860, 640))
	t.Cleanup(w.Close)
	t.Cleanup(v.Stop)
	waitMotion(t, v, 0)
	return v
}

// waitMotion waits until the background drawing of a segment's movement
// is done (it takes a fraction of a second).
func waitMotion(t *testing.T, v *View, index int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if p, ok := v.cached(index); ok && p.motion != nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the movement was never drawn")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestFigurePlaysOnlyWhileAMovingStepRuns(t *testing.T) {
	clk, ts := newClock(), &tickers{}
	v := newMotionView(t, clk, ts)
	p, _ := v.cached(0)
	cycle := p.motion.Cycle
	if ts.running(t) != nil {
		t.Fatal("the figure plays during the get-ready count")
	}

	clk.add(5 * time.Second) // the step starts
	v.Tick()
	tk := ts.running(t)
	if tk == nil {
		t.Fatal("no ticker while the moving step runs")
	}
	if v.image.shown != cycle[0] || !sameSet(v.image.set, p.motion.Images) {
		t.Fatalf("at the start of a repetition picture %d shows, want the first key frame", v.image.shown)
	}
	// 1 s into a 4 s repetition of len(cycle) pictures, then 2 s.
	var seen []int
	for _, into := range []time.Duration{time.Second, 2 * time.Second} {
		clk.add(time.Second)
		tk.tick()
		want := cycle[int(into)*len(cycle)/int(4*time.Second)]
		if v.image.shown != want {
			t.Errorf("%v into the repetition: picture %d, want %d", into, v.image.shown, want)
		}
		seen = append(seen, v.image.shown)
	}
	if seen[0] == cycle[0] || seen[0] == seen[1] {
		t.Errorf("the figure does not move: pictures %v", seen)
	}

	// Paused: the ticker stops and the picture stays.
	v.TogglePause()
	if !tk.stopped || ts.running(t) != nil || v.anim != nil {
		t.Fatal("the ticker runs on while paused")
	}
	held := v.image.shown
	clk.add(3 * time.Second)
	v.Tick()
	if v.image.shown != held {
		t.Errorf("paused: picture %d, want %d as paused", v.image.shown, held)
	}

	// Resumed: a new ticker, going on from where it stood.
	v.TogglePause()
	tk = ts.running(t)
	if tk == nil {
		t.Fatal("no ticker after resuming")
	}
	clk.add(500 * time.Millisecond)
	tk.tick()
	if v.image.shown == held {
		t.Error("the figure does not move after resuming")
	}

	// The rest: still, and no ticker.
	clk.add(12 * time.Second)
	v.Tick()
	if st := v.player.State(); st.Phase != routines.PhaseRest {
		t.Fatalf("phase %v, want the rest", st.Phase)
	}
	if !tk.stopped || ts.running(t) != nil {
		t.Error("the ticker runs on in the rest")
	}
	if v.image.shown != 0 {
		t.Errorf("rest: picture %d, want the first", v.image.shown)
	}

	// The hold: still, and no ticker.
	clk.add(4 * time.Second)
	v.Tick()
	if st := v.player.State(); st.Phase != routines.PhaseStep || st.Current.Step.Moving {
		t.Fatalf("state %+v, want the hold step", st)
	}
	if ts.running(t) != nil {
		t.Error("a ticker runs during a hold")
	}
	if v.image.shown != 0 {
		t.Errorf("hold: picture %d, want the first", v.image.shown)
	}
	if n := len(ts.made); n != 2 {
		t.Errorf("%d tickers made, want 2 (the step, and after resuming)", n)
	}
}

func TestFigureStopsWithTheWindow(t *testing.T) {
	tests := []struct {
		name string
		end  func(v *View, clk *fakeClock)
	}{
		{"close", func(v *View, _ *fakeClock) { v.CloseWindow() }},
		{"stop", func(v *View, _ *fakeClock) { v.Stop() }},
		{"finish", func(v *View, clk *fakeClock) { clk.add(time.Hour); v.Tick() }},
		{"next step", func(v *View, _ *fakeClock) { v.Next() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk, ts := newClock(), &tickers{}
			v := newMotionView(t, clk, ts)
			clk.add(6 * time.Second)
			v.Tick()
			tk := ts.running(t)
			if tk == nil {
				t.Fatal("no ticker while the moving step runs")
			}
			tt.end(v, clk)
			if !tk.stopped || ts.running(t) != nil || v.anim != nil {
				t.Error("the ticker runs on")
			}
			v.Tick() // a late tick of the window starts nothing
			if ts.running(t) != nil {
				t.Error("a ticker started after the end")
			}
		})
	}
}
