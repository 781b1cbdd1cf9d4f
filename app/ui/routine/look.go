package routine

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// Colours and shapes of the routine window that the theme does not give
// directly, computed from it so they follow light and dark.

// cautionColors are the caution box's text and fill: the text in the
// foreground colour (safety text must be easy to read, which the theme's
// orange on white is not), on a faint tint of the warning colour that
// marks it as a caution.
func cautionColors(th fyne.Theme, v fyne.ThemeVariant) (text, fill color.Color) {
	bg := th.Color(theme.ColorNameBackground, v)
	return th.Color(theme.ColorNameForeground, v), blend(th.Color(theme.ColorNameWarning, v), bg, 0.14)
}

// barColors are the progress bar's track and fill: a track barely off the
// background, so an empty bar looks empty in both variants, and a fill in
// the primary colour.
func barColors(th fyne.Theme, v fyne.ThemeVariant) (track, fill color.Color) {
	bg := th.Color(theme.ColorNameBackground, v)
	return blend(th.Color(theme.ColorNameForeground, v), bg, 0.10), th.Color(theme.ColorNamePrimary, v)
}

// blend mixes share of c over bg, opaque.
func blend(c, bg color.Color, share float64) color.Color {
	r1, g1, b1, _ := c.RGBA()
	r2, g2, b2, _ := bg.RGBA()
	mix := func(a, b uint32) uint8 {
		return uint8(math.Round((share*float64(a) + (1-share)*float64(b)) / 257))
	}
	return color.NRGBA{mix(r1, r2), mix(g1, g2), mix(b1, b2), 0xff}
}

// contrast is the WCAG contrast ratio of two opaque colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// currentTheme is the running app's theme and variant.
func currentTheme() (fyne.Theme, fyne.ThemeVariant) {
	a := fyne.CurrentApp()
	if a == nil {
		return theme.DefaultTheme(), theme.VariantLight
	}
	return a.Settings().Theme(), a.Settings().ThemeVariant()
}

// barHeight is the progress bar's thickness: present, not dominant.
const barHeight = 4

// quietBar is a thin progress bar: a low-contrast track with a primary
// fill, drawn from two rectangles.
type quietBar struct {
	track, fill *canvas.Rectangle
	value       float64
	box         *fyne.Container
}

func newQuietBar() *quietBar {
	b := &quietBar{track: canvas.NewRectangle(color.Transparent), fill: canvas.NewRectangle(color.Transparent)}
	b.track.CornerRadius, b.fill.CornerRadius = barHeight/2, barHeight/2
	b.box = &fyne.Container{Layout: b, Objects: []fyne.CanvasObject{b.track, b.fill}}
	b.recolour()
	return b
}

// Layout places the track across the width and the fill over its share.
func (b *quietBar) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	y := (size.Height - barHeight) / 2
	b.track.Move(fyne.NewPos(0, y))
	b.track.Resize(fyne.NewSize(size.Width, barHeight))
	b.fill.Move(fyne.NewPos(0, y))
	b.fill.Resize(fyne.NewSize(size.Width*float32(b.value), barHeight))
	if b.value <= 0 {
		b.fill.Hide()
	} else {
		b.fill.Show()
	}
}

// MinSize is the bar's thickness with a little air.
func (b *quietBar) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(40, barHeight+4) }

// SetValue sets the share done, 0..1.
func (b *quietBar) SetValue(v float64) {
	v = min(1, max(0, v))
	if v == b.value {
		return
	}
	b.value = v
	b.Layout(nil, b.box.Size())
	b.fill.Refresh()
}

func (b *quietBar) recolour() {
	track, fill := barColors(currentTheme())
	b.track.FillColor, b.fill.FillColor = track, fill
	b.track.Refresh()
	b.fill.Refresh()
}
