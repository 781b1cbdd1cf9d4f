package routine

import (
	"fmt"
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/limber-app/limber/app/i18n/i18ntest"
	"github.com/limber-app/limber/app/ui/uitest"
)

// TestSnapshots replays the quick routine in each theme variant and
// language and writes a render of every phase to $LIMBER_SNAPSHOTS, for a
// person to look at; without it the test runs English only and checks
// that each phase fits the window.
func TestSnapshots(t *testing.T) {
	variants := map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark}
	langs := []string{"en_GB.UTF-8"}
	if os.Getenv(uitest.SnapshotsEnv) != "" {
		langs = append(langs, "de_DE.UTF-8", "es_ES.UTF-8")
	}
	for _, lang := range langs {
		for vname, variant := range variants {
			t.Run(lang[:2]+"-"+vname, func(t *testing.T) {
				i18ntest.Use(t, lang)
				snapshotRun(t, lang[:2]+"-"+vname, variant)
			})
		}
	}
}

func snapshotRun(t *testing.T, prefix string, variant fyne.ThemeVariant) {
	clk, rec := newClock(), &recorder{}
	r := quick(t)
	v, w := newView(t, r, clk, rec, false)
	fyne.CurrentApp().Settings().SetTheme(uitest.Variant(variant))
	v.Retheme()
	first := r.Steps[0].Timing.Duration()
	sec := time.Second
	shots := []struct {
		name string
		act  func()
	}{
		{"1-get-ready", func() {}},
		{"2-mid-step", func() { clk.add(5*sec + first/2); v.Tick() }},
		{"3-paused", func() { v.TogglePause(); clk.add(time.Minute); v.Tick() }},
		{"4-last-seconds", func() { v.TogglePause(); clk.add(first - first/2 - 2*sec); v.Tick() }},
		{"5-rest", func() { clk.add(3 * sec); v.Tick() }},
		{"6-per-side", func() { v.Next(); v.Next(); clk.add(4 * sec); v.Tick() }},
		{"7-rest-before-right", func() { clk.add(r.Steps[2].Timing.Duration()); v.Tick() }},
		{"8-finished", func() { clk.add(r.Duration()); v.Tick() }},
	}
	for _, s := range shots {
		s.act()
		if min := v.Content().MinSize(); min.Width > w.Canvas().Size().Width || min.Height > w.Canvas().Size().Height {
			t.Errorf("%s: content needs %v; the window is %v", s.name, min, w.Canvas().Size())
		}
		// As the window lays out after a SetText: without it a heading that
		// grew to two lines is drawn over the cues (the test canvas does not
		// lay out again by itself).
		uitest.Relayout(w.Content())
		uitest.Snapshot(t, fmt.Sprintf("routine-%s-%s", prefix, s.name), w.Canvas().Capture())
	}
}
