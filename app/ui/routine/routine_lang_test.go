package routine

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/limber-app/limber/app/i18n/i18ntest"
	"github.com/limber-app/limber/app/ui/uitest"
	"github.com/limber-app/limber/routines"
)

// TestLanguagesFit renders the routine window in every language at its
// default size (app/gui: 880×660): for each built-in routine the safety
// note with get ready, a pause, the first step, a rest and the finished
// screen; and every library stretch once as a step, with its side shown.
// No label may be cut off. (Playing every step of every built-in would
// draw each picture again and take minutes.)
func TestLanguagesFit(t *testing.T) {
	all := routines.Routine{ID: "every-stretch", Name: "Every stretch"}
	for _, st := range routines.Library() {
		step := routines.StepOf(st, time.Second)
		if step.Sides == routines.SidesBoth {
			step.Sides = routines.SidesLeft
		}
		all.Steps = append(all.Steps, step)
	}
	// The pictures are the same in every language: draw them once.
	artist := newMemoArtist()
	for _, locale := range i18ntest.Locales() {
		t.Run(locale, func(t *testing.T) {
			i18ntest.Use(t, locale)
			for _, r := range routines.Builtin() {
				checkPhases(t, r, artist)
			}
			clk := newClock()
			v, w := newViewWith(t, all, clk, &recorder{}, false, artist)
			w.Resize(fyne.NewSize(880, 660))
			for _, seg := range all.Segments() {
				v.Next()
				clk.add(seg.Duration / 2)
				v.Tick()
				uitest.AssertReadable(t, w, all.Steps[seg.Step].StretchID, nil)
			}
		})
	}
}

// checkPhases renders r's get ready (with the safety note), a pause, the
// middle of its first step, the rest after it and the finished screen.
func checkPhases(t *testing.T, r routines.Routine, artist Artist) {
	t.Helper()
	clk := newClock()
	v, w := newViewWith(t, r, clk, &recorder{}, true, artist)
	w.Resize(fyne.NewSize(880, 660))
	uitest.AssertReadable(t, w, r.ID+" get ready", nil)
	v.TogglePause()
	uitest.AssertReadable(t, w, r.ID+" paused", nil)
	v.TogglePause()
	first := r.Segments()[0]
	v.Next()
	clk.add(first.Duration / 2)
	v.Tick()
	uitest.AssertReadable(t, w, r.ID+" first step", nil)
	if first.Rest > 0 {
		clk.add(first.Duration/2 + time.Second)
		v.Tick()
		uitest.AssertReadable(t, w, r.ID+" rest", nil)
	}
	clk.add(r.Duration())
	v.Tick()
	uitest.AssertReadable(t, w, r.ID+" finished", nil)
}
