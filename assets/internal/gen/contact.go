package main

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"

	"github.com/limber-app/limber/app/ui/art"
	"github.com/limber-app/limber/assets"
)

// contactOptions says what a contact sheet of the stretch pictures shows.
type contactOptions struct {
	out    string   // PNG path; one file per size, named <out>-<size>.png
	before string   // git revision or directory of older SVGs; "" for none
	ids    []string // stretches to show; all when empty
	sizes  []int
	motion bool // show each movement (key frames with their tweens) instead
}

// sheetTheme is a theme variant the pictures are shown in.
type sheetTheme struct {
	bg  color.Color
	pal art.Palette
}

const labelW = 180 // pixels left of each row for the stretch name

// writeContactSheet draws, for each size, one row per stretch: in the
// light and then the dark theme, the older frames (with -before), the
// current frames, the last frame mirrored as the second side shows it, and
// the 64 and 40 px thumbnails. It is for people judging the drawings.
// With motion set, a row shows the movement instead of the key frames:
// key 1, the tweens, key 2 and so on.
func writeContactSheet(o contactOptions) error {
	test.NewApp() // the default theme reads its primary colour from an app
	var themes []sheetTheme
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := theme.DefaultTheme()
		themes = append(themes, sheetTheme{th.Color(theme.ColorNameBackground, v), art.ThemePalette(th, v)})
	}
	now := map[string][][]byte{}
	for id, frames := range stretches() {
		keys, moves := drawMotion(frames)
		now[id] = keys
		if o.motion {
			now[id] = [][]byte{keys[0]}
			for k, m := range moves {
				now[id] = append(append(now[id], m...), keys[k+1])
			}
		}
	}
	ids := o.ids
	if len(ids) == 0 {
		for id := range now {
			ids = append(ids, id)
		}
		sort.Strings(ids)
	}
	for _, size := range o.sizes {
		img, err := contactSheet(o, ids, now, themes, size)
		if err != nil {
			return err
		}
		if err := writePNG(fmt.Sprintf("%s-%d.png", strings.TrimSuffix(o.out, ".png"), size), img); err != nil {
			return err
		}
	}
	return nil
}

func contactSheet(o contactOptions, ids []string, now map[string][][]byte, themes []sheetTheme, size int) (*image.NRGBA, error) {
	cell := size + 8
	rows := make([][][]byte, len(ids))
	cols := 0
	for i, id := range ids {
		old, err := beforeFrames(o.before, id)
		if err != nil {
			return nil, err
		}
		rows[i] = old
		cols = max(cols, len(old)+len(now[id])+2)
	}
	width := labelW + len(themes)*cols*cell
	sheet := image.NewNRGBA(image.Rect(0, 0, width, len(ids)*cell))
	draw.Draw(sheet, sheet.Bounds(), image.NewUniform(color.NRGBA{0x80, 0x80, 0x80, 0xFF}), image.Point{}, draw.Src)
	for r, id := range ids {
		y := r * cell
		label(sheet, id, 4, y+cell/2)
		for t, th := range themes {
			x := labelW + t*cols*cell
			draw.Draw(sheet, image.Rect(x, y, x+cols*cell-4, y+cell-2), image.NewUniform(th.bg), image.Point{}, draw.Src)
			pics := append(append([][]byte{}, rows[r]...), now[id]...)
			for i, svg := range pics {
				put(sheet, colour(svg, th.pal), size, x+i*cell+4, y+4)
			}
			x += len(pics) * cell
			last := now[id][len(now[id])-1]
			put(sheet, art.Mirror(colour(last, th.pal)), size, x+4, y+4)
			x += cell
			for _, ts := range []int{64, 40} {
				if ts > size {
					continue
				}
				put(sheet, colour(art.Embolden(art.Crop(thumbFrame(now[id])), ts), th.pal), ts, x+4, y+4)
				x += ts + 4
			}
		}
	}
	return sheet, nil
}

// thumbFrame is the frame a thumbnail shows (see art.ThumbnailSVG).
func thumbFrame(frames [][]byte) []byte {
	best, most := frames[0], -1
	for _, f := range frames {
		if n := strings.Count(string(f), assets.AccentColour); n > most {
			best, most = f, n
		}
	}
	return best
}

func colour(svg []byte, p art.Palette) []byte {
	return assets.Recolour(svg, p.Figure, p.Accent, p.Props)
}

func put(dst *image.NRGBA, svg []byte, size, x, y int) {
	img, err := art.Raster(svg, size)
	if err != nil {
		label(dst, "error", x, y+size/2)
		return
	}
	draw.Draw(dst, image.Rect(x, y, x+size, y+size), img, image.Point{}, draw.Over)
}

func label(dst *image.NRGBA, s string, x, y int) {
	d := font.Drawer{Dst: dst, Src: image.White, Face: basicfont.Face7x13, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// beforeFrames reads the older frames of a stretch from a directory of
// SVGs or from assets/stretches at a git revision; none when from is "".
func beforeFrames(from, id string) ([][]byte, error) {
	if from == "" {
		return nil, nil
	}
	var out [][]byte
	for n := 1; ; n++ {
		name := fmt.Sprintf("%s-%d.svg", id, n)
		var b []byte
		var err error
		if st, serr := os.Stat(from); serr == nil && st.IsDir() {
			b, err = os.ReadFile(filepath.Join(from, name))
		} else {
			b, err = exec.Command("git", "show", from+":assets/stretches/"+name).Output()
		}
		if err != nil {
			return out, nil // no more frames (or none at that revision)
		}
		out = append(out, b)
	}
}
