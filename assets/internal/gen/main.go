// Command gen draws Limber's stretch illustrations, tray icons and app icon.
//
// It is run from the assets package with `go generate`. The SVG files are
// deterministic functions of the pose tables in this package; PNG files are
// rasterised from the generated SVGs with rsvg-convert, which is needed only
// when regenerating, never at run time.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	out := flag.String("out", ".", "assets directory to write into")
	noPNG := flag.Bool("svg-only", false, "write SVG files only (skip rsvg-convert)")
	sheet := flag.String("tray-sheet", "", "instead of generating, write a contact sheet of the tray icons in -out to this PNG file")
	contact := flag.String("contact-sheet", "", "instead of generating, write contact sheets of the stretch pictures to this PNG path (one file per size, <path>-<size>.png)")
	before := flag.String("before", "", "with -contact-sheet: git revision or directory of older stretch SVGs to show beside the current ones")
	ids := flag.String("ids", "", "with -contact-sheet: comma-separated stretch IDs to show (default all)")
	sizes := flag.String("sizes", "96,256", "with -contact-sheet: comma-separated picture sizes in pixels")
	motion := flag.Bool("motion", false, "with -contact-sheet: show each movement, key frames with their in-between frames")
	flag.Parse()
	if *contact != "" {
		o := contactOptions{out: *contact, before: *before, motion: *motion}
		if *ids != "" {
			o.ids = strings.Split(*ids, ",")
		}
		for _, s := range strings.Split(*sizes, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(s))
			if err != nil || n < 16 {
				fmt.Fprintln(os.Stderr, "gen: bad -sizes:", *sizes)
				os.Exit(2)
			}
			o.sizes = append(o.sizes, n)
		}
		if err := writeContactSheet(o); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		return
	}
	if *sheet != "" {
		if err := writeSheet(*out, *sheet); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*out, !*noPNG); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// build returns every generated SVG keyed by its path relative to assets/.
func build() map[string][]byte {
	files := map[string][]byte{}
	for id, keys := range stretches() {
		svgs, moves := drawMotion(keys)
		for i, svg := range svgs {
			files[fmt.Sprintf("stretches/%s-%d.svg", id, i+1)] = svg
		}
		for k, m := range moves {
			for j, svg := range m {
				files[tweenFile(id, k+1, j+1)] = svg
			}
		}
	}
	for state, svg := range traySVGs() {
		files["tray/"+state+".svg"] = svg
	}
	files["icon.svg"] = appIconSVG()
	return files
}

// Framing of the stretch pictures, in viewBox units: a margin around the
// content, and a smallest side so a small scene is not blown up past the
// size of a standing figure's.
const (
	frameMargin = 6
	frameMin    = 150
)

// drawStretch draws the frames of one stretch (key frames and tweens), all
// framed by one square viewBox fitted to the union of their content, so
// the figure does not jump between frames and every picture fills its
// box. Tweens rarely reach past the key frames; where one does, the key
// frames are framed to hold it, so the movement is never cut off.
func drawStretch(frames []frame) [][]byte {
	ws := make([]svgWriter, len(frames))
	var all box
	for i, f := range frames {
		f.draw(&ws[i])
		all.union(ws[i].box)
	}
	x1, x2 := all.x1-floorPad, all.x2+floorPad
	for i := range ws {
		ws[i].lay(x1, x2)
		all.union(ws[i].box)
	}
	vb := all.square(frameMargin, frameMin)
	out := make([][]byte, len(ws))
	for i := range ws {
		out[i] = ws[i].svg(vb, 200)
	}
	return out
}

func run(out string, png bool) error {
	files := build()
	// Remove stale frames so a stretch that loses a frame does not keep it.
	old, err := filepath.Glob(filepath.Join(out, "stretches", "*.svg"))
	if err != nil {
		return fmt.Errorf("list old frames: %w", err)
	}
	oldTweens, err := filepath.Glob(filepath.Join(out, "stretches", "motion", "*.svg"))
	if err != nil {
		return fmt.Errorf("list old tweens: %w", err)
	}
	old = append(old, oldTweens...)
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return fmt.Errorf("remove %s: %w", f, err)
		}
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("mkdir for %s: %w", name, err)
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	if !png {
		return nil
	}
	for _, name := range names {
		if !strings.HasPrefix(name, "tray/") {
			continue
		}
		state := strings.TrimSuffix(strings.TrimPrefix(name, "tray/"), ".svg")
		for _, size := range traySizes() {
			dst := filepath.Join(out, "tray", fmt.Sprintf("%s-%d.png", state, size))
			if err := rasterise(filepath.Join(out, filepath.FromSlash(name)), dst, size); err != nil {
				return err
			}
		}
	}
	return rasterise(filepath.Join(out, "icon.svg"), filepath.Join(out, "icon.png"), 512)
}

// traySizes are the pixel sizes of the committed tray PNGs.
func traySizes() []int { return []int{22, 32, 64} }

func rasterise(src, dst string, size int) error {
	cmd := exec.Command("rsvg-convert", "-w", fmt.Sprint(size), "-h", fmt.Sprint(size), src, "-o", dst)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("rsvg-convert %s: %w: %s", src, err, b)
	}
	return nil
}
