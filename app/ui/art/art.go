// Package art turns Limber's stretch illustrations into Fyne resources
// coloured for the current theme: the figure in the foreground colour, the
// stretched part in the primary colour and props in a muted colour, so the
// pictures read on light and dark themes alike.
package art

import (
	"bytes"
	"image"
	_ "image/png" // custom step pictures

	"fmt"
	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"
	"image/color"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/limber-app/limber/assets"
	"github.com/limber-app/limber/routines"
)

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

// Raster draws an SVG into an RGBA image of size×size pixels. Drawing into
// *image.RGBA takes the rasterizer's fast path; Fyne's own SVG rendering
// draws into NRGBA pixel by pixel and again on every resize, which made a
// routine window take over a second to appear. A raster image is drawn
// once and scaled by the GPU.
func Raster(svg []byte, size int) (*image.RGBA, error) {
	icon, err := oksvg.ReadIconStream(bytes.NewReader(svg))
	if err != nil {
		return nil, fmt.Errorf("parse svg: %w", err)
	}
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	vb := icon.ViewBox
	w, h := float64(size), float64(size)
	if vb.W > 0 && vb.H > 0 {
		// Keep the aspect ratio, centred.
		s := min(w/vb.W, h/vb.H)
		icon.SetTarget((w-vb.W*s)/2, (h-vb.H*s)/2, vb.W*s, vb.H*s)
		// oksvg scales the paths but draws stroke widths in pixels; SVG
		// measures them in viewBox units, so they scale with the picture.
		// (The generated pictures scale no group, so the target's scale is
		// the whole of it.)
		for i := range icon.SVGPaths {
			icon.SVGPaths[i].LineWidth *= s
		}
	} else {
		icon.SetTarget(0, 0, w, h)
	}
	scanner := rasterx.NewScannerGV(size, size, img, img.Bounds())
	icon.Draw(rasterx.NewDasher(size, size, scanner), 1)
	return img, nil
}

// StepImages returns a step's pictures drawn at size×size pixels: the
// library illustration in palette p, a custom step's PNG or SVG file, or
// the app icon when there is neither. Drawing takes tens of milliseconds
// a frame, so callers cache the result and may call this off the Fyne
// goroutine (it touches no widgets).
func StepImages(s routines.Step, p Palette, size int) []image.Image {
	var out []image.Image
	for _, res := range StepFrames(s, p) {
		if img := decode(res, size); img != nil {
			out = append(out, img)
		}
	}
	if len(out) == 0 {
		if img, err := Raster(assets.AppIconSVG(), size); err == nil {
			out = append(out, img)
		}
	}
	return out
}

// decode turns a resource into an image: SVG by rasterizing, anything else
// by the registered image decoders (PNG).
func decode(res fyne.Resource, size int) image.Image {
	b := res.Content()
	if strings.HasSuffix(strings.ToLower(res.Name()), ".svg") {
		img, err := Raster(b, size)
		if err != nil {
			fyne.LogError("draw "+res.Name(), err)
			return nil
		}
		return img
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		fyne.LogError("decode "+res.Name(), err)
		return nil
	}
	return img
}
