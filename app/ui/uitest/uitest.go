// Package uitest holds what the window packages' tests share: reading the
// texts a view shows, pinning a theme variant, and writing renders out for
// a person to look at. Only tests import it; it needs no GL.
package uitest

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// SnapshotsEnv names the folder Snapshot writes to; unset, it writes nothing.
const SnapshotsEnv = "LIMBER_SNAPSHOTS"

// Texts returns the texts of the visible labels and buttons under o, in
// layout order, walking containers and the renderers of other widgets.
func Texts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// Variant is the default theme pinned to one variant, light or dark.
func Variant(v fyne.ThemeVariant) fyne.Theme { return variantTheme{theme.DefaultTheme(), v} }

type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// Snapshot writes img as name.png into the folder named by $LIMBER_SNAPSHOTS,
// when that is set, for a person to look at; they are not golden files.
func Snapshot(t testing.TB, name string, img image.Image) {
	t.Helper()
	dir := os.Getenv(SnapshotsEnv)
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatalf("encode %s: %v", name, err)
	}
}

// MaxContentHeight is the tallest a window's content may be at its default
// size and at its minimum: a 1366×768 screen less a panel and a title bar.
const MaxContentHeight = 700

// CheckFits fails t when content's minimum size, or the window's default
// size, is taller than MaxContentHeight, or the default is smaller than
// the minimum.
func CheckFits(t *testing.T, name string, content fyne.CanvasObject, def fyne.Size) {
	t.Helper()
	min := content.MinSize()
	if min.Height > MaxContentHeight {
		t.Errorf("%s: minimum content height %.0f > %d", name, min.Height, MaxContentHeight)
	}
	if def.Height > MaxContentHeight {
		t.Errorf("%s: default height %.0f > %d", name, def.Height, MaxContentHeight)
	}
	if def.Height < min.Height || def.Width < min.Width {
		t.Errorf("%s: default size %v smaller than the minimum %v", name, def, min)
	}
}
