package routine

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limber-app/limber/routines"
)

// fakeClock is moved by the tests; the view reads it on every call.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time       { return c.t }
func (c *fakeClock) add(d time.Duration)  { c.t = c.t.Add(d) }
func newClock() *fakeClock                { return &fakeClock{t: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)} }
func quick(t *testing.T) routines.Routine { return builtin(t, routines.QuickStandingReset) }
func builtin(t *testing.T, id string) routines.Routine {
	t.Helper()
	r, ok := routines.LookupBuiltin(id)
	if !ok {
		t.Fatalf("no built-in %q", id)
	}
	return r
}

type recorder struct {
	finished []routines.Outcome
	closed   []routines.Outcome
	another  int
	acked    int
}

func newView(t *testing.T, r routines.Routine, clk *fakeClock, rec *recorder, safety bool) (*View, fyne.Window) {
	t.Helper()
	return newViewWith(t, r, clk, rec, safety, nil)
}

// newViewWith is newView drawing with artist (nil: app/ui/art).
func newViewWith(t *testing.T, r routines.Routine, clk *fakeClock, rec *recorder, safety bool, artist Artist) (*View, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	v := New(Options{
		Routine:     r,
		Clock:       clk.now,
		ShowSafety:  safety,
		SafetyAck:   func() { rec.acked++ },
		BreaksToday: func() int { return 3 },
		Finished:    func(o routines.Outcome) { rec.finished = append(rec.finished, o) },
		Close:       func(o routines.Outcome) { rec.closed = append(rec.closed, o) },
		Another:     func() { rec.another++ },
		NewTicker:   stillTicker,
		Artist:      artist,
	})
	w := test.NewWindow(v.Content())
	w.Resize(fyne.NewSize(860, 640))
	t.Cleanup(w.Close)
	return v, w
}

func TestGetReadyMidStepLastSecondsFinished(t *testing.T) {
	clk, rec := newClock(), &recorder{}
	r := quick(t)
	v, _ := newView(t, r, clk, rec, false)
	first := r.Steps[0]

	// Get ready: the first stretch is shown with the count.
	if v.phase.Text != "Get ready" {
		t.Errorf("phase = %q, want Get ready", v.phase.Text)
	}
	if v.name.Text != first.Name {
		t.Errorf("name = %q, want %q", v.name.Text, first.Name)
	}
	if v.count.Text != "0:05" {
		t.Errorf("count = %q, want 0:05", v.count.Text)
	}
	if !strings.HasPrefix(v.stepNo.Text, "Step 1 of ") {
		t.Errorf("step label = %q", v.stepNo.Text)
	}

	// Two seconds into the first step.
	clk.add(7 * time.Second)
	v.Tick()
	if v.phase.Text != "" {
		t.Errorf("mid-step phase = %q, want none", v.phase.Text)
	}
	want := clock(first.Timing.Duration() - 2*time.Second)
	if v.count.Text != want {
		t.Errorf("mid-step count = %q, want %q", v.count.Text, want)
	}
	if !strings.HasPrefix(v.cueText.Text, "• "+first.Cues[0]) {
		t.Errorf("cues = %q", v.cueText.Text)
	}
	if v.progress.value <= 0 {
		t.Errorf("progress = %v, want > 0", v.progress.value)
	}
	if !strings.HasPrefix(v.nextText.Text, "Up next: ") {
		t.Errorf("up next = %q", v.nextText.Text)
	}

	// Last three seconds: the count grows and changes colour.
	normal := v.count.Color
	clk.add(first.Timing.Duration() - 2*time.Second - 2*time.Second)
	v.Tick()
	if v.count.Text != "0:02" || v.count.TextSize <= 72 || v.count.Color == normal {
		t.Errorf("last seconds: count %q size %v colour %v", v.count.Text, v.count.TextSize, v.count.Color)
	}

	// Run to the end.
	clk.add(r.Duration() + time.Minute)
	v.Tick()
	if len(rec.finished) != 1 || !rec.finished[0].Completed {
		t.Fatalf("finished = %+v, want one completed outcome", rec.finished)
	}
	if !v.finish.Visible() || v.playing.Visible() {
		t.Error("finish screen not shown")
	}
	if !strings.Contains(v.summary.Text, "Breaks today: 3") {
		t.Errorf("summary = %q", v.summary.Text)
	}
	v.Tick() // no second Finished
	if len(rec.finished) != 1 {
		t.Errorf("Finished called %d times", len(rec.finished))
	}
}

func TestPauseFreezesCountdown(t *testing.T) {
	clk, rec := newClock(), &recorder{}
	v, _ := newView(t, quick(t), clk, rec, false)
	clk.add(8 * time.Second)
	v.Tick()
	before := v.count.Text
	v.TogglePause()
	if v.pauseBtn.Text != "Resume" || !strings.HasPrefix(v.phase.Text, "Paused") {
		t.Errorf("paused: button %q phase %q", v.pauseBtn.Text, v.phase.Text)
	}
	clk.add(time.Minute)
	v.Tick()
	if v.count.Text != before {
		t.Errorf("count moved while paused: %q → %q", before, v.count.Text)
	}
	v.TogglePause()
	clk.add(time.Second)
	v.Tick()
	if v.count.Text == before || v.pauseBtn.Text != "Pause" {
		t.Errorf("after resume: count %q button %q", v.count.Text, v.pauseBtn.Text)
	}
}

func TestKeyboard(t *testing.T) {
	clk, rec := newClock(), &recorder{}
	r := quick(t)
	v, w := newView(t, r, clk, rec, false)
	w.Canvas().SetOnTypedKey(v.TypedKey)
	clk.add(6 * time.Second)
	v.Tick()

	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if !v.player.Paused() {
		t.Error("Space did not pause")
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if v.player.Paused() {
		t.Error("Space did not resume")
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if got := v.player.State().Number; got != 2 {
		t.Errorf("→: step %d, want 2", got)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if got := v.player.State().Number; got != 1 {
		t.Errorf("←: step %d, want 1", got)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyR})
	if v.phase.Text != "Get ready" {
		t.Errorf("R: phase %q, want Get ready", v.phase.Text)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(rec.closed) != 1 || rec.closed[0].Completed {
		t.Errorf("Esc: closed = %+v, want one stopped outcome", rec.closed)
	}
}

func TestPerSideAndSafetyNote(t *testing.T) {
	clk, rec := newClock(), &recorder{}
	// A routine of its own that starts with a per-side step.
	s, ok := routines.LookupStretch("neck-side-tilt")
	if !ok || !s.PerSide {
		t.Fatal("library has no per-side neck-side-tilt stretch")
	}
	r := routines.Routine{ID: "per-side", Name: "Per side", Steps: []routines.Step{routines.StepOf(s, 0)}}
	v, _ := newView(t, r, clk, rec, true)
	if v.side.Text != "Left side" {
		t.Errorf("side = %q, want Left side", v.side.Text)
	}
	if !v.safety.Visible() {
		t.Fatal("safety note hidden on first use")
	}
	test.Tap(v.gotIt)
	if v.safety.Visible() || rec.acked != 1 {
		t.Errorf("after Got it: visible %v, acked %d", v.safety.Visible(), rec.acked)
	}
}
