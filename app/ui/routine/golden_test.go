package routine

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// TestGoldenMarkup pins what the routine window shows at each moment of a
// routine, replayed on a fake clock: the whole widget tree with its texts,
// colours and sizes, in testdata/*.xml. After a deliberate layout change,
// review testdata/failed/ and copy the new markup over the master.
func TestGoldenMarkup(t *testing.T) {
	clk, rec := newClock(), &recorder{}
	r := quick(t)
	v, w := newView(t, r, clk, rec, false)
	first := r.Steps[0].Timing.Duration()

	steps := []struct {
		name string
		act  func()
	}{
		{"get-ready.xml", func() {}},
		{"mid-step.xml", func() { clk.add(5*time.Second + first/2); v.Tick() }},
		{"paused.xml", func() { v.TogglePause(); clk.add(time.Minute); v.Tick() }},
		{"last-seconds.xml", func() { v.TogglePause(); clk.add(first - first/2 - 2*time.Second); v.Tick() }},
		{"rest.xml", func() { clk.add(3 * time.Second); v.Tick() }},
		{"per-side.xml", func() { v.Next(); v.Next(); clk.add(4 * time.Second); v.Tick() }},
		{"finished.xml", func() { clk.add(r.Duration()); v.Tick() }},
	}
	for _, s := range steps {
		s.act()
		test.AssertRendersToMarkup(t, "routine/"+s.name, w.Canvas())
	}
}
