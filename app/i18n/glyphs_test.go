package i18n_test

import (
	"bytes"
	"image"
	"io"
	"log"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
)

// cjkFontHint says what to install when a language's characters have no
// font. Limber ships no font of its own: Fyne's bundled font lacks CJK,
// and a CJK font would add 5–16 MB to the binary, while every Chinese,
// Japanese or Korean desktop already has one, which Fyne finds at run time.
const cjkFontHint = "install a font that has them (make test installs fonts-wqy-microhei; packages recommend fonts-noto-cjk)"

// TestGlyphs checks that every character of every translation is drawn by
// a real font: Fyne's bundled one, or a system font, found the way Fyne
// falls back at run time (go-text's fontscan, sans-serif first).
func TestGlyphs(t *testing.T) {
	bundled, err := font.ParseTTF(bytes.NewReader(theme.DefaultTextFont().Content()))
	if err != nil {
		t.Fatalf("parse Fyne's text font: %v", err)
	}
	system := fontscan.NewFontMap(log.New(io.Discard, "", 0))
	if err := system.UseSystemFonts(t.TempDir()); err != nil {
		t.Fatalf("scan system fonts: %v", err)
	}
	system.SetQuery(fontscan.Query{Families: []string{fontscan.SansSerif}})
	for _, lang := range sortedKeys(readCatalogs(t)) {
		t.Run(lang, func(t *testing.T) {
			missing := map[rune]bool{}
			for r := range runesOf(t, lang) {
				if _, ok := bundled.NominalGlyph(r); ok {
					continue
				}
				face := system.ResolveFace(r)
				if face == nil {
					missing[r] = true
				} else if _, ok := face.NominalGlyph(r); !ok {
					missing[r] = true
				}
			}
			if len(missing) > 0 {
				t.Errorf("%d characters have no font, e.g. %q: %s", len(missing), sample(missing), cjkFontHint)
			}
		})
	}
}

// runesOf is the set of printable characters translations/<lang>.json
// uses in its messages.
func runesOf(t *testing.T, lang string) map[rune]bool {
	t.Helper()
	out := map[rune]bool{}
	for _, forms := range readCatalogs(t)[lang] {
		for _, text := range forms {
			for _, r := range text {
				if unicode.IsPrint(r) && !unicode.IsSpace(r) {
					out[r] = true
				}
			}
		}
	}
	return out
}

func sample(set map[rune]bool) string {
	var out []rune
	for r := range set {
		if out = append(out, r); len(out) == 10 {
			break
		}
	}
	return string(out)
}

// TestCJKRenders draws single characters the way a window does and checks
// that different characters look different: a missing glyph is drawn as
// the same empty box for all of them.
func TestCJKRenders(t *testing.T) {
	test.NewTempApp(t)
	draw := func(s string) image.Image {
		w := test.NewWindow(canvas.NewText(s, theme.Color(theme.ColorNameForeground)))
		defer w.Close()
		w.Resize(fyne.NewSize(40, 40))
		return w.Canvas().Capture()
	}
	for _, pair := range [][2]string{{"休", "憩"}, {"ス", "ト"}, {"휴", "식"}} {
		a, b := draw(pair[0]), draw(pair[1])
		if inked(a) == 0 || inked(b) == 0 {
			t.Errorf("%s or %s draws nothing: %s", pair[0], pair[1], cjkFontHint)
			continue
		}
		if sameImage(a, b) {
			t.Errorf("%s and %s draw the same picture (a missing-glyph box): %s", pair[0], pair[1], cjkFontHint)
		}
	}
}

// inked counts the pixels that differ from the top-left (background) one.
func inked(img image.Image) int {
	bg := img.At(0, 0)
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if img.At(x, y) != bg {
				n++
			}
		}
	}
	return n
}

func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}
