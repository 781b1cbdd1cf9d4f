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
	"strings"
)

func main() {
	out := flag.String("out", ".", "assets directory to write into")
	noPNG := flag.Bool("svg-only", false, "write SVG files only (skip rsvg-convert)")
	sheet := flag.String("tray-sheet", "", "instead of generating, write a contact sheet of the tray icons in -out to this PNG file")
	flag.Parse()
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
	for id, frames := range stretches() {
		for i, f := range frames {
			var w svgWriter
			f(&w)
			files[fmt.Sprintf("stretches/%s-%d.svg", id, i+1)] = w.svg(200)
		}
	}
	for state, svg := range traySVGs() {
		files["tray/"+state+".svg"] = svg
	}
	files["icon.svg"] = appIconSVG()
	return files
}

func run(out string, png bool) error {
	files := build()
	// Remove stale frames so a stretch that loses a frame does not keep it.
	old, err := filepath.Glob(filepath.Join(out, "stretches", "*.svg"))
	if err != nil {
		return fmt.Errorf("list old frames: %w", err)
	}
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
