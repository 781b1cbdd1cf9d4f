package art

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Palette is the three colours an illustration is drawn with.
type Palette struct{ Figure, Accent, Props color.Color }

// minPropsContrast is the contrast the props (chair, bed, mat, floor) keep
// against the background: 3:1 is the WCAG minimum for graphics a person
// must see to understand the picture, and a figure on an invisible chair
// seems to float. A little above it, so rounding never drops below.
const minPropsContrast = 3.2

// ThemePalette reads the palette from a theme and variant. Props are a mix
// of background and foreground just strong enough to be seen (see
// PropsColour), so they stay quieter than the figure in every theme.
func ThemePalette(th fyne.Theme, v fyne.ThemeVariant) Palette {
	fg := th.Color(theme.ColorNameForeground, v)
	return Palette{
		Figure: fg,
		Accent: th.Color(theme.ColorNamePrimary, v),
		Props:  PropsColour(th.Color(theme.ColorNameBackground, v), fg),
	}
}

// PropsColour returns the colour between bg and fg that is closest to bg
// while keeping minPropsContrast against it, or fg itself when even fg has
// less contrast than that (a low-contrast theme: props then match the
// figure rather than vanish).
func PropsColour(bg, fg color.Color) color.Color {
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	f := color.NRGBAModel.Convert(fg).(color.NRGBA)
	if Contrast(f, b) < minPropsContrast {
		return f
	}
	lo, hi := 0.0, 1.0 // share of fg in the mix
	for range 20 {
		mid := (lo + hi) / 2
		if Contrast(mix(b, f, mid), b) >= minPropsContrast {
			hi = mid
		} else {
			lo = mid
		}
	}
	return mix(b, f, hi)
}

func mix(a, b color.NRGBA, t float64) color.NRGBA {
	ch := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + (float64(y)-float64(x))*t)) }
	return color.NRGBA{ch(a.R, b.R), ch(a.G, b.G), ch(a.B, b.B), 0xFF}
}

// Contrast is the WCAG 2 contrast ratio of two opaque colours, from 1 to 21.
func Contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is the WCAG relative luminance of c (alpha ignored).
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}
