package main

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
)

// Panel backgrounds for the contact sheet: a light and a dark panel, as in
// the default themes of common desktops.
var sheetBackgrounds = []color.NRGBA{
	{0xF6, 0xF5, 0xF4, 0xFF},
	{0x2B, 0x2B, 0x2B, 0xFF},
}

// sheetSizes are the panel icon sizes the sheet shows.
var sheetSizes = []int{22, 24, 32, 48}

// sheetStates orders the tray states on the sheet.
var sheetStates = []string{"normal", "due", "paused", "away"}

const (
	sheetCell = 56 // cell side in pixels, before magnification
	sheetZoom = 3  // nearest-neighbour magnification, to judge pixels
)

// writeSheet renders a contact sheet of the tray icons in assetsDir to out:
// per background, a row per size; each row shows the four states drawn at
// that size from the SVG, then the 64 px PNG scaled down by area averaging,
// which is what a tray host shows (the daemon sends only the 64 px icon).
// It is for people judging the icons, not part of the generated assets.
func writeSheet(assetsDir, out string) error {
	tmp, err := os.MkdirTemp("", "limber-sheet-")
	if err != nil {
		return fmt.Errorf("contact sheet: %w", err)
	}
	defer os.RemoveAll(tmp)

	cols := 2 * len(sheetStates)
	rows := len(sheetBackgrounds) * len(sheetSizes)
	sheet := image.NewNRGBA(image.Rect(0, 0, cols*sheetCell, rows*sheetCell))
	for bi, bg := range sheetBackgrounds {
		for si, size := range sheetSizes {
			y := (bi*len(sheetSizes) + si) * sheetCell
			draw.Draw(sheet, image.Rect(0, y, sheet.Bounds().Dx(), y+sheetCell), image.NewUniform(bg), image.Point{}, draw.Src)
			for i, state := range sheetStates {
				fromSVG, err := renderSVG(filepath.Join(assetsDir, "tray", state+".svg"), tmp, size)
				if err != nil {
					return err
				}
				big, err := readPNG(filepath.Join(assetsDir, "tray", state+"-64.png"))
				if err != nil {
					return err
				}
				for j, icon := range []image.Image{fromSVG, areaScale(big, size)} {
					x := (j*len(sheetStates) + i) * sheetCell
					at := image.Pt(x+(sheetCell-size)/2, y+(sheetCell-size)/2)
					draw.Draw(sheet, image.Rectangle{Min: at, Max: at.Add(image.Pt(size, size))}, icon, icon.Bounds().Min, draw.Over)
				}
			}
		}
	}
	return writePNG(out, magnify(sheet, sheetZoom))
}

func renderSVG(svg, tmp string, size int) (image.Image, error) {
	dst := filepath.Join(tmp, fmt.Sprintf("%s-%d.png", filepath.Base(svg), size))
	if err := rasterise(svg, dst, size); err != nil {
		return nil, err
	}
	return readPNG(dst)
}

func readPNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("contact sheet: %w", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	return img, nil
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("contact sheet: %w", err)
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("encode %s: %w", path, err)
	}
	return f.Close()
}

// areaScale scales a square image down to size×size, averaging the
// premultiplied colour of the source area under each target pixel.
func areaScale(src image.Image, size int) image.Image {
	b := src.Bounds()
	k := float64(b.Dx()) / float64(size)
	dst := image.NewRGBA(image.Rect(0, 0, size, size))
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var sum [4]float64
			var area float64
			for sy := int(float64(y) * k); float64(sy) < float64(y+1)*k && sy < b.Dy(); sy++ {
				wy := overlap(float64(sy), float64(y)*k, float64(y+1)*k)
				for sx := int(float64(x) * k); float64(sx) < float64(x+1)*k && sx < b.Dx(); sx++ {
					w := wy * overlap(float64(sx), float64(x)*k, float64(x+1)*k)
					r, g, bl, a := src.At(b.Min.X+sx, b.Min.Y+sy).RGBA()
					sum[0] += w * float64(r)
					sum[1] += w * float64(g)
					sum[2] += w * float64(bl)
					sum[3] += w * float64(a)
					area += w
				}
			}
			c := func(v float64) uint8 { return uint8(v/area/257 + 0.5) }
			dst.SetRGBA(x, y, color.RGBA{c(sum[0]), c(sum[1]), c(sum[2]), c(sum[3])})
		}
	}
	return dst
}

// overlap is how much of the unit pixel [p, p+1) lies in [lo, hi).
func overlap(p, lo, hi float64) float64 {
	return max(0, min(p+1, hi)-max(p, lo))
}

func magnify(src *image.NRGBA, k int) *image.NRGBA {
	b := src.Bounds()
	dst := image.NewNRGBA(image.Rect(0, 0, b.Dx()*k, b.Dy()*k))
	for y := 0; y < dst.Bounds().Dy(); y++ {
		for x := 0; x < dst.Bounds().Dx(); x++ {
			dst.SetNRGBA(x, y, src.NRGBAAt(x/k, y/k))
		}
	}
	return dst
}
