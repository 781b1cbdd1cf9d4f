package routine

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/limber-app/limber/app/ui/uitest"
	"github.com/limber-app/limber/routines"
)

var variants = map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark}

// TestCautionIsReadable: the caution is safety text, so it must meet the
// WCAG AA ratio for body text (4.5:1) in both variants; the theme's
// orange on white, used before, measures about 2.2:1.
func TestCautionIsReadable(t *testing.T) {
	for name, v := range variants {
		th := uitest.Variant(v)
		text, fill := cautionColors(th, v)
		if r := contrast(text, fill); r < 4.5 {
			t.Errorf("%s: caution text %v on %v has contrast %.2f, want at least 4.5", name, text, fill, r)
		}
		bg := th.Color(theme.ColorNameBackground, v)
		if contrast(fill, bg) < 1.05 {
			t.Errorf("%s: the caution box is not set off from the background", name)
		}
	}
}

// TestProgressBarIsQuiet: the track is barely off the background (an
// empty bar looks empty, in dark too), the fill stands out from it, and
// the bar is thin.
func TestProgressBarIsQuiet(t *testing.T) {
	for name, v := range variants {
		th := uitest.Variant(v)
		track, fill := barColors(th, v)
		bg := th.Color(theme.ColorNameBackground, v)
		if r := contrast(track, bg); r > 1.6 {
			t.Errorf("%s: track contrast %.2f with the background, want at most 1.6", name, r)
		}
		if r := contrast(fill, track); r < 2 {
			t.Errorf("%s: fill contrast %.2f with the track, want at least 2", name, r)
		}
	}
	clk, rec := newClock(), &recorder{}
	v, _ := newView(t, quick(t), clk, rec, false)
	if h := v.progress.box.Size().Height; h > 10 {
		t.Errorf("progress bar is %v px tall", h)
	}
	if v.progress.fill.Visible() {
		t.Error("the fill shows at 0 %")
	}
	clk.add(10 * time.Second)
	v.Tick()
	if !v.progress.fill.Visible() || v.progress.fill.Size().Width <= 0 {
		t.Error("no fill once the routine runs")
	}
}

// TestLastSecondsKeepTheLayoutStill: the growing countdown does not push
// the repetitions label or the side sideways.
func TestLastSecondsKeepTheLayoutStill(t *testing.T) {
	clk, rec := newClock(), &recorder{}
	r := quick(t)
	v, w := newView(t, r, clk, rec, false)
	clk.add(5*time.Second + time.Second)
	v.Tick()
	pos := func() fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(v.reps)
	}
	before := pos()
	clk.add(r.Steps[0].Timing.Duration() - 3*time.Second)
	v.Tick()
	w.Content().Refresh()
	if v.count.TextSize != countSizeLast {
		t.Fatalf("not in the last seconds: count %q size %v", v.count.Text, v.count.TextSize)
	}
	if after := pos(); after != before {
		t.Errorf("reps label moved from %v to %v", before, after)
	}
}

// TestRestIsItsOwnState: a rest names the next stretch in its heading,
// shows no repetitions or side beside a calm countdown, and no second
// "Up next".
func TestRestIsItsOwnState(t *testing.T) {
	clk, rec := newClock(), &recorder{}
	r := quick(t)
	v, _ := newView(t, r, clk, rec, false)
	clk.add(5*time.Second + r.Steps[0].Timing.Duration() + time.Second)
	v.Tick()
	if st := v.player.State(); st.Phase != routines.PhaseRest {
		t.Fatalf("phase %s, want rest", st.Phase)
	}
	if want := "Rest · next: Calf raise"; v.name.Text != want {
		t.Errorf("heading %q, want %q", v.name.Text, want)
	}
	if v.reps.Visible() || v.side.Visible() || v.upNext.Visible() {
		t.Errorf("rest shows reps %v, side %v, up next %v", v.reps.Visible(), v.side.Visible(), v.upNext.Visible())
	}
	if v.count.Color == theme.Color(theme.ColorNameError) || v.count.TextSize != countSize {
		t.Errorf("rest countdown colour %v size %v: want calm", v.count.Color, v.count.TextSize)
	}
	if v.stepNo.Text != "Step 2 of 5" {
		t.Errorf("step label %q", v.stepNo.Text)
	}
}

// TestStepsCountedAsThePickerCounts: a per-side step is one step, with its
// side in the header and large beside the timer.
func TestStepsCountedAsThePickerCounts(t *testing.T) {
	clk, rec := newClock(), &recorder{}
	r := quick(t)
	v, _ := newView(t, r, clk, rec, false)
	if want := "Step 1 of 5"; v.stepNo.Text != want || r.StepCount() != 5 {
		t.Fatalf("step label %q, StepCount %d; want %q and 5", v.stepNo.Text, r.StepCount(), want)
	}
	v.Next()
	v.Next()
	v.Next() // the per-side side bend, left side
	if v.stepNo.Text != "Step 3 of 5 · left side" || v.side.Text != "Left side" || !v.side.Visible() {
		t.Errorf("left side: label %q, side %q", v.stepNo.Text, v.side.Text)
	}
	if v.side.TextSize < 2*theme.TextSize() {
		t.Errorf("side text size %v: want large", v.side.TextSize)
	}
	v.Next()
	if v.stepNo.Text != "Step 3 of 5 · right side" || v.side.Text != "Right side" {
		t.Errorf("right side: label %q, side %q", v.stepNo.Text, v.side.Text)
	}
}

func TestRepCounter(t *testing.T) {
	clk, rec := newClock(), &recorder{}
	v, _ := newView(t, quick(t), clk, rec, false) // shoulder rolls: 6 reps × 3 s
	if v.reps.Text != "6 reps" {
		t.Errorf("get ready: %q", v.reps.Text)
	}
	clk.add(5*time.Second + 7*time.Second)
	v.Tick()
	if v.reps.Text != "Rep 3 of 6" {
		t.Errorf("7 s in: %q, want Rep 3 of 6", v.reps.Text)
	}
}

func TestFinishShowsWhatWasDone(t *testing.T) {
	clk, rec := newClock(), &recorder{}
	r := quick(t)
	v, _ := newView(t, r, clk, rec, false)
	clk.add(r.Duration() + time.Minute)
	v.Tick()
	if want := "You did 5 stretches in 2 min 14 s.\nBreaks today: 3."; v.summary.Text != want {
		t.Errorf("summary %q, want %q", v.summary.Text, want)
	}
	if want := "Shoulder rolls · Calf raise · Standing side bend\nStanding back extension · Standing hamstring stretch"; v.did.Text != want {
		t.Errorf("done list %q, want %q", v.did.Text, want)
	}
}
