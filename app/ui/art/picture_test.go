package art

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/limber-app/limber/assets"
	"github.com/limber-app/limber/routines"
)

func TestPropsContrast(t *testing.T) {
	test.NewTempApp(t)
	for name, v := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		t.Run(name, func(t *testing.T) {
			th := theme.DefaultTheme()
			bg := th.Color(theme.ColorNameBackground, v)
			p := ThemePalette(th, v)
			props, figure := Contrast(p.Props, bg), Contrast(p.Figure, bg)
			if props < 3 {
				t.Errorf("props contrast %.2f:1 against the background, want at least 3:1", props)
			}
			if props >= figure {
				t.Errorf("props contrast %.2f:1 not quieter than the figure's %.2f:1", props, figure)
			}
		})
	}
}

func TestPropsColourEdgeCases(t *testing.T) {
	tests := []struct {
		name   string
		bg, fg color.Color
		want   func(c color.Color) bool
	}{
		{"black on white", color.White, color.Black, func(c color.Color) bool {
			r := Contrast(c, color.White)
			return r >= 3 && r < 3.5
		}},
		{"white on black", color.Black, color.White, func(c color.Color) bool {
			r := Contrast(c, color.Black)
			return r >= 3 && r < 3.5
		}},
		{"low-contrast theme falls back to the figure colour", color.Gray{0x80}, color.Gray{0x90}, func(c color.Color) bool {
			return color.NRGBAModel.Convert(c) == color.NRGBAModel.Convert(color.Gray{0x90})
		}},
	}
	for _, tt := range tests {
		if got := PropsColour(tt.bg, tt.fg); !tt.want(got) {
			t.Errorf("%s: PropsColour = %v", tt.name, got)
		}
	}
	if r := Contrast(color.Black, color.White); r < 20.9 || r > 21.1 {
		t.Errorf("Contrast(black, white) = %.2f, want 21", r)
	}
}

// TestEveryStretchReadsAt96 renders every frame as the window shows it and
// fails on a picture with (almost) nothing drawn, and on two frames of one
// stretch that are the same picture, which the window would show as a
// still image of a moving stretch.
func TestEveryStretchReadsAt96(t *testing.T) {
	test.NewTempApp(t)
	p := ThemePalette(theme.DefaultTheme(), theme.VariantLight)
	for _, s := range routines.Library() {
		t.Run(s.ID, func(t *testing.T) {
			var prev *image.RGBA
			for i := 0; ; i++ {
				img, ok := Picture(s.ID, i, false, p, 96)
				if !ok {
					if i == 0 {
						t.Fatal("no picture")
					}
					break
				}
				rgba := img.(*image.RGBA)
				if n := drawn(rgba); n < 96*96/25 {
					t.Errorf("frame %d: only %d of %d pixels drawn", i+1, n, 96*96)
				}
				if prev != nil && bytes.Equal(prev.Pix, rgba.Pix) {
					t.Errorf("frames %d and %d are pixel-identical", i, i+1)
				}
				prev = rgba
			}
		})
	}
}

func drawn(img *image.RGBA) int {
	n := 0
	for i := 3; i < len(img.Pix); i += 4 {
		if img.Pix[i] >= 128 {
			n++
		}
	}
	return n
}

// inColour counts the opaque pixels close to c.
func inColour(img *image.RGBA, c color.Color) int {
	want := color.RGBAModel.Convert(c).(color.RGBA)
	near := func(a, b uint8) bool { return int(a)-int(b) < 24 && int(b)-int(a) < 24 }
	n := 0
	for i := 0; i < len(img.Pix); i += 4 {
		px := img.Pix[i : i+4]
		if px[3] > 240 && near(px[0], want.R) && near(px[1], want.G) && near(px[2], want.B) {
			n++
		}
	}
	return n
}

func TestMirroredPicture(t *testing.T) {
	test.NewTempApp(t)
	p := ThemePalette(theme.DefaultTheme(), theme.VariantLight)
	const size = 64
	plain, ok := Picture("cross-body-shoulder", 0, false, p, size)
	if !ok {
		t.Fatal("no picture")
	}
	mirrored, _ := Picture("cross-body-shoulder", 0, true, p, size)
	a, b := plain.(*image.RGBA), mirrored.(*image.RGBA)
	if bytes.Equal(a.Pix, b.Pix) {
		t.Fatal("mirrored picture equals the plain one")
	}
	// Pixel (x, y) of one is pixel (size-1-x, y) of the other, up to
	// anti-aliasing at stroke edges.
	off := 0
	for y := range size {
		for x := range size {
			if d := int(a.RGBAAt(x, y).A) - int(b.RGBAAt(size-1-x, y).A); d > 64 || d < -64 {
				off++
			}
		}
	}
	if off > size*size/100 {
		t.Errorf("%d pixels differ from the flipped picture", off)
	}
	if _, ok := Picture("cross-body-shoulder", 9, true, p, size); ok {
		t.Error("frame 10 of a one-frame stretch: want none")
	}
	if _, ok := Picture("no-such-stretch", 0, false, p, size); ok {
		t.Error("unknown stretch: want none")
	}
}

func TestMirrorKeepsBrokenInput(t *testing.T) {
	for _, in := range []string{"", "<svg>", `<svg viewBox="0 0 a b"></svg>`, `<svg viewBox="1 2 3"></svg>`} {
		if got := string(Mirror([]byte(in))); got != in {
			t.Errorf("Mirror(%q) = %q, want it unchanged", in, got)
		}
	}
	got := string(Mirror([]byte(`<svg viewBox="0 0 150 150"><line/></svg>`)))
	if want := `<svg viewBox="0 0 150 150"><g transform="matrix(-1 0 0 1 150 0)"><line/></g></svg>`; got != want {
		t.Errorf("Mirror = %s, want %s", got, want)
	}
}

// TestThumbnailFillsItsSquare: a list thumbnail is cropped to the figure,
// so the figure covers more of a 40 px square than in the full picture.
// Props are thinner in a thumbnail, so only figure-coloured pixels count.
func TestThumbnailFillsItsSquare(t *testing.T) {
	test.NewTempApp(t)
	p := ThemePalette(theme.DefaultTheme(), theme.VariantLight)
	for _, id := range []string{"childs-pose", "standing-quad", "neck-turn", "press-up"} {
		t.Run(id, func(t *testing.T) {
			full, _ := Picture(id, 0, false, p, 40)
			thumb, ok := Thumbnail(id, p, 40, 40)
			if !ok {
				t.Fatal("no thumbnail")
			}
			f, th := inColour(full.(*image.RGBA), p.Figure), inColour(thumb.(*image.RGBA), p.Figure)
			if th <= f {
				t.Errorf("thumbnail draws %d pixels, the full picture %d: want more", th, f)
			}
		})
	}
	if _, ok := Thumbnail("no-such-stretch", p, 40, 40); ok {
		t.Error("unknown stretch: want no thumbnail")
	}
}

func TestEmboldenThinsPropsOnly(t *testing.T) {
	in := []byte(fmt.Sprintf(`<line stroke="%s" stroke-width="10"/><line stroke="%s" stroke-width="5"/>`, assets.FigureColour, assets.PropsColour))
	got := string(Embolden(in, 40))
	want := fmt.Sprintf(`<line stroke="%s" stroke-width="11.9"/><line stroke="%s" stroke-width="3.5"/>`, assets.FigureColour, assets.PropsColour)
	if got != want {
		t.Errorf("Embolden at 40 px =\n%s\nwant\n%s", got, want)
	}
	if got := Embolden(in, 96); !bytes.Equal(got, in) {
		t.Errorf("Embolden at 96 px changed the picture: %s", got)
	}
}

func TestStepSideImagesMirrorTheRightSide(t *testing.T) {
	test.NewTempApp(t)
	p := ThemePalette(theme.DefaultTheme(), theme.VariantLight)
	var step routines.Step
	for _, s := range routines.Library() {
		if s.ID == "standing-quad" {
			step = routines.StepOf(s, 0)
		}
	}
	left := StepSideImages(step, routines.LeftSide, p, 48)
	right := StepSideImages(step, routines.RightSide, p, 48)
	if len(left) == 0 || len(left) != len(right) {
		t.Fatalf("%d left and %d right pictures", len(left), len(right))
	}
	if bytes.Equal(left[0].(*image.RGBA).Pix, right[0].(*image.RGBA).Pix) {
		t.Error("the right side shows the same picture as the left")
	}
	custom := routines.Step{Name: "custom", Image: "/does/not/exist.png"}
	if got := StepSideImages(custom, routines.RightSide, p, 48); len(got) != 1 {
		t.Errorf("custom step: %d pictures, want the app icon", len(got))
	}
}

func TestStepThumbnail(t *testing.T) {
	test.NewTempApp(t)
	p := ThemePalette(theme.DefaultTheme(), theme.VariantLight)
	lib := routines.StepOf(routines.Library()[0], 0)
	want, _ := Thumbnail(lib.StretchID, p, 40, 80)
	got := StepThumbnail(lib, p, 40, 80)
	if got == nil || !bytes.Equal(got.(*image.RGBA).Pix, want.(*image.RGBA).Pix) {
		t.Error("library step: want the stretch's thumbnail")
	}
	custom := StepThumbnail(routines.Step{Name: "custom"}, p, 40, 80)
	if custom == nil || custom.Bounds().Dx() != 80 {
		t.Errorf("step without a picture: got %v, want the 80 px app icon", custom)
	}
}
