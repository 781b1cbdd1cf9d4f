package art

import (
	"bytes"
	"image"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/limber-app/limber/assets"
	"github.com/limber-app/limber/routines"
)

// PictureSVG returns frame i (from 0) of a stretch's illustration coloured
// with p, mirrored left to right when mirrored is set. ok is false when the
// stretch has no illustration or no such frame.
//
// Per-side steps show the drawn side first; the window shows the second
// side mirrored, so a person copying the picture moves the side the cue
// names. Mirroring is a transform on the whole drawing (figure, props and
// arrows), so the embedded files are not doubled.
func PictureSVG(stretchID string, frame int, mirrored bool, p Palette) ([]byte, bool) {
	svgs, ok := assets.Illustration(stretchID)
	if !ok || frame < 0 || frame >= len(svgs) {
		return nil, false
	}
	svg := assets.Recolour(svgs[frame], p.Figure, p.Accent, p.Props)
	if mirrored {
		svg = Mirror(svg)
	}
	return svg, true
}

// Picture draws frame i of a stretch at size×size pixels (see PictureSVG).
func Picture(stretchID string, frame int, mirrored bool, p Palette, size int) (image.Image, bool) {
	svg, ok := PictureSVG(stretchID, frame, mirrored, p)
	if !ok {
		return nil, false
	}
	img, err := Raster(svg, size)
	if err != nil {
		return nil, false
	}
	return img, true
}

var viewBoxAttr = regexp.MustCompile(`viewBox="([^"]*)"`)

// Mirror flips an SVG left to right about the centre of its viewBox by
// wrapping its content in a group with a mirroring matrix. An SVG without
// a readable viewBox is returned unchanged.
func Mirror(svg []byte) []byte {
	m := viewBoxAttr.FindSubmatch(svg)
	if m == nil {
		return svg
	}
	f := strings.Fields(string(m[1]))
	if len(f) != 4 {
		return svg
	}
	x, err1 := strconv.ParseFloat(f[0], 64)
	w, err2 := strconv.ParseFloat(f[2], 64)
	if err1 != nil || err2 != nil {
		return svg
	}
	return wrap(svg, `<g transform="matrix(-1 0 0 1 `+strconv.FormatFloat(2*x+w, 'f', -1, 64)+` 0)">`)
}

// ThumbnailSVG returns the picture a list shows for a stretch at about
// size pixels: the frame that shows the stretch (the one with the most
// accent colour), cropped to the figure and its arrows so the body fills
// the small square, with props (chair, bed, floor) kept but thinned so
// they give the setting without clogging the silhouette.
func ThumbnailSVG(stretchID string, p Palette, size int) ([]byte, bool) {
	svgs, ok := assets.Illustration(stretchID)
	if !ok {
		return nil, false
	}
	best, most := 0, -1
	for i, svg := range svgs {
		if n := bytes.Count(bytes.ToUpper(svg), []byte(assets.AccentColour)); n > most {
			best, most = i, n
		}
	}
	return assets.Recolour(Embolden(Crop(svgs[best]), size), p.Figure, p.Accent, p.Props), true
}

// Crop reframes a contract-coloured SVG (see assets.Recolour) to the square
// around its figure and accents, leaving out the props when measuring.
// It returns svg unchanged when it cannot measure it.
func Crop(svg []byte) []byte {
	side, ok := viewSide(svg)
	if !ok {
		return svg
	}
	const px = 128
	measure := bytes.ReplaceAll(svg, []byte(`"`+assets.PropsColour+`"`), []byte(`"none"`))
	img, err := Raster(measure, px)
	if err != nil {
		return svg
	}
	r, ok := opaqueBounds(img)
	if !ok {
		return svg
	}
	k := side / px
	x1, y1, x2, y2 := float64(r.Min.X)*k, float64(r.Min.Y)*k, float64(r.Max.X)*k, float64(r.Max.Y)*k
	s := max(x2-x1, y2-y1) * 1.08
	return reframe(svg, (x1+x2-s)/2, (y1+y2-s)/2, s)
}

// opaqueBounds is the smallest rectangle holding every visible pixel.
func opaqueBounds(img *image.RGBA) (image.Rectangle, bool) {
	var r image.Rectangle
	found := false
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if img.RGBAAt(x, y).A < 32 {
				continue
			}
			p := image.Rect(x, y, x+1, y+1)
			if !found {
				r, found = p, true
			} else {
				r = r.Union(p)
			}
		}
	}
	return r, found
}

// viewSide reads the side of a square "0 0 S S" viewBox.
func viewSide(svg []byte) (float64, bool) {
	m := viewBoxAttr.FindSubmatch(svg)
	if m == nil {
		return 0, false
	}
	f := strings.Fields(string(m[1]))
	if len(f) != 4 || f[0] != "0" || f[1] != "0" || f[2] != f[3] {
		return 0, false
	}
	s, err := strconv.ParseFloat(f[2], 64)
	return s, err == nil && s > 0
}

// reframe shows the square of side s at (x, y) of svg's drawing.
func reframe(svg []byte, x, y, s float64) []byte {
	f := func(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }
	return wrap(viewBoxAttr.ReplaceAll(svg, []byte(`viewBox="0 0 `+f(s)+" "+f(s)+`"`)),
		`<g transform="translate(`+f(-x)+" "+f(-y)+`)">`)
}

// wrap puts the content of svg's root element inside the group opened by
// open; svg is returned unchanged when it has no root element.
func wrap(svg []byte, open string) []byte {
	start := bytes.Index(svg, []byte("<svg"))
	end := bytes.LastIndex(svg, []byte("</svg>"))
	if start < 0 || end < 0 {
		return svg
	}
	start += bytes.IndexByte(svg[start:], '>') + 1
	if start > end {
		return svg
	}
	var b bytes.Buffer
	b.Write(svg[:start])
	b.WriteString(open)
	b.Write(svg[start:end])
	b.WriteString("</g>")
	b.Write(svg[end:])
	return b.Bytes()
}

var strokeAttrs = regexp.MustCompile(`stroke="([^"]*)" stroke-width="([0-9.]+)"`)

// thicken multiplies the stroke widths in a contract-coloured svg by k,
// and those of props by thinProps.
func thicken(svg []byte, k, thinProps float64) []byte {
	return strokeAttrs.ReplaceAllFunc(svg, func(attr []byte) []byte {
		m := strokeAttrs.FindSubmatch(attr)
		v, err := strconv.ParseFloat(string(m[2]), 64)
		if err != nil {
			return attr
		}
		f := k
		if strings.EqualFold(string(m[1]), assets.PropsColour) {
			f = thinProps
		}
		return []byte(`stroke="` + string(m[1]) + `" stroke-width="` + strconv.FormatFloat(math.Round(v*f*10)/10, 'f', -1, 64) + `"`)
	})
}

// thumbWeight is how much bolder strokes are drawn at size pixels. Limbs
// merge into a blob when thickened much, so the gain is slight: ×1.1 at
// 64 px, ×1.2 at 40 px.
func thumbWeight(size int) float64 {
	if size >= 96 || size <= 0 {
		return 1
	}
	return math.Pow(96/float64(size), 0.2)
}

// Thumbnail draws a stretch's list picture at px×px pixels for a display
// size of size pixels (px may be larger for HiDPI screens; the stroke
// weight follows size). The picker's rows (~64 px) and the routine
// window's "Up next" (~40 px) use it instead of the full picture.
func Thumbnail(stretchID string, p Palette, size, px int) (image.Image, bool) {
	svg, ok := ThumbnailSVG(stretchID, p, size)
	if !ok {
		return nil, false
	}
	img, err := Raster(svg, px)
	if err != nil {
		return nil, false
	}
	return img, true
}

// StepThumbnail is Thumbnail for a routine step: a custom step's own
// picture, or the app icon when the step has neither, as StepImages.
func StepThumbnail(s routines.Step, p Palette, size, px int) image.Image {
	if s.Image == "" && s.StretchID != "" {
		if img, ok := Thumbnail(s.StretchID, p, size, px); ok {
			return img
		}
	}
	if imgs := StepImages(s, p, px); len(imgs) > 0 {
		return imgs[0]
	}
	return nil
}

// StepSideImages is StepImages for one side of a step: the library
// illustration is mirrored for the right side, so the second side of a
// per-side step shows the other side working. Custom pictures are never
// mirrored (they may hold text).
func StepSideImages(s routines.Step, side routines.Side, p Palette, size int) []image.Image {
	if side != routines.RightSide || s.Image != "" || s.StretchID == "" {
		return StepImages(s, p, size)
	}
	var out []image.Image
	for i := 0; ; i++ {
		img, ok := Picture(s.StretchID, i, true, p, size)
		if !ok {
			break
		}
		out = append(out, img)
	}
	if len(out) == 0 {
		return StepImages(s, p, size)
	}
	return out
}

// Embolden returns a contract-coloured svg with the figure's and arrows'
// strokes made bolder and the props' thinner for display at about size
// pixels (see thumbWeight); at 96 px and above it is unchanged.
func Embolden(svg []byte, size int) []byte {
	k := thumbWeight(size)
	if k == 1 {
		return svg
	}
	return thicken(svg, k, 0.7)
}
