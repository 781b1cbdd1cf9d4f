package art

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/limber-app/limber/routines"
)

func TestFramesFollowTheme(t *testing.T) {
	test.NewTempApp(t)
	light := ThemePalette(theme.DefaultTheme(), theme.VariantLight)
	dark := ThemePalette(theme.DefaultTheme(), theme.VariantDark)
	for _, s := range routines.Library() {
		l, ok := Frames(s.ID, light)
		if !ok {
			t.Errorf("%s: no illustration", s.ID)
			continue
		}
		d, _ := Frames(s.ID, dark)
		if s.Moving && len(l) < 2 {
			t.Errorf("%s: moving stretch with %d frame(s)", s.ID, len(l))
		}
		if bytes.Equal(l[0].Content(), d[0].Content()) {
			t.Errorf("%s: light and dark frames are identical", s.ID)
		}
		if l[0].Name() == d[0].Name() {
			t.Errorf("%s: light and dark frames share the name %q", s.ID, l[0].Name())
		}
		if bytes.Contains(d[0].Content(), []byte("#000000")) {
			t.Errorf("%s: dark frame still has the contract's black figure", s.ID)
		}
	}
}

func TestStepFramesFallBack(t *testing.T) {
	test.NewTempApp(t)
	p := ThemePalette(theme.DefaultTheme(), theme.VariantLight)
	got := StepFrames(routines.Step{Name: "Look out of the window", Image: "/does/not/exist.png"}, p)
	if len(got) != 1 || len(got[0].Content()) == 0 {
		t.Fatalf("fallback frames = %v", got)
	}
}

// TestRasterScalesStrokes: a stroke is as wide, relative to the picture,
// at every size, as SVG says (stroke-width is in viewBox units). oksvg
// draws stroke widths in pixels whatever the scale, which made the
// figure a blob in thumbnails and a stick figure in the routine window.
func TestRasterScalesStrokes(t *testing.T) {
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">` +
		`<line x1="10" y1="50" x2="90" y2="50" stroke="#000000" stroke-width="10"/></svg>`)
	for _, size := range []int{50, 100, 400} {
		img, err := Raster(svg, size)
		if err != nil {
			t.Fatal(err)
		}
		inked := 0
		for y := 0; y < size; y++ {
			if img.RGBAAt(size/2, y).A >= 128 {
				inked++
			}
		}
		if want := size / 10; inked < want-1 || inked > want+1 {
			t.Errorf("at %d px the 10-unit stroke is %d px wide, want %d", size, inked, want)
		}
	}
}
