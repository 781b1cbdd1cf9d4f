// Package art turns Limber's stretch illustrations into Fyne resources
// coloured for the current theme: the figure in the foreground colour, the
// stretched part in the primary colour and props in a muted colour, so the
// pictures read on light and dark themes alike.
package art

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/limber-app/limber/assets"
	"github.com/limber-app/limber/routines"
)

// Palette is the three colours an illustration is drawn with.
type Palette struct{ Figure, Accent, Props color.Color }

// ThemePalette reads the palette from a theme and variant.
func ThemePalette(th fyne.Theme, v fyne.ThemeVariant) Palette {
	return Palette{
		Figure: th.Color(theme.ColorNameForeground, v),
		Accent: th.Color(theme.ColorNamePrimary, v),
		Props:  th.Color(theme.ColorNameDisabled, v),
	}
}

// CurrentPalette is the palette of the running app's theme.
func CurrentPalette() Palette {
	app := fyne.CurrentApp()
	if app == nil {
		return ThemePalette(theme.DefaultTheme(), theme.VariantLight)
	}
	s := app.Settings()
	return ThemePalette(s.Theme(), s.ThemeVariant())
}

// Frames returns the illustration frames of a library stretch, coloured
// with p. ok is false when the stretch has no illustration.
func Frames(stretchID string, p Palette) (frames []fyne.Resource, ok bool) {
	svgs, ok := assets.Illustration(stretchID)
	if !ok {
		return nil, false
	}
	for i, svg := range svgs {
		name := fmt.Sprintf("%s-%d-%s.svg", stretchID, i+1, key(p))
		frames = append(frames, fyne.NewStaticResource(name, assets.Recolour(svg, p.Figure, p.Accent, p.Props)))
	}
	return frames, true
}

// StepFrames returns the pictures of a routine step: the library
// illustration, or the image file of a custom step (read once, here). A
// step without a picture gets the app icon, so the layout never jumps.
func StepFrames(s routines.Step, p Palette) []fyne.Resource {
	if s.Image != "" {
		if b, err := os.ReadFile(s.Image); err == nil {
			return []fyne.Resource{fyne.NewStaticResource(filepath.Base(s.Image), b)}
		}
	}
	if s.StretchID != "" {
		if frames, ok := Frames(s.StretchID, p); ok {
			return frames
		}
	}
	return []fyne.Resource{fyne.NewStaticResource("limber-icon.svg", assets.AppIconSVG())}
}

// key names a palette so that differently coloured resources of one
// picture never share a cache entry in Fyne's SVG renderer.
func key(p Palette) string {
	hex := func(c color.Color) string {
		if c == nil {
			return "x"
		}
		n := color.NRGBAModel.Convert(c).(color.NRGBA)
		return fmt.Sprintf("%02x%02x%02x", n.R, n.G, n.B)
	}
	return strings.Join([]string{hex(p.Figure), hex(p.Accent), hex(p.Props)}, "-")
}
