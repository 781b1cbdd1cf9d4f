package routines

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/limber-app/limber/internal/clip"
	"github.com/limber-app/limber/internal/safefile"
)

// checkImage resolves a custom step's image path, written relative to the
// routine file's folder dir, and checks it is a PNG or SVG inside that folder
// (symlinks included), at most MaxImageBytes, and at most MaxImageSide pixels
// a side. Only the header is decoded. It returns the path to load the image
// from, or a message saying what is wrong and what is accepted.
func checkImage(dir, rel string) (string, string) {
	if msg := checkImageName(rel); msg != "" {
		return "", msg
	}
	full := filepath.Join(dir, rel)
	realFull, msg := resolveInside(dir, full, rel)
	if msg != "" {
		return "", msg
	}
	if msg := checkImageFile(realFull, rel); msg != "" {
		return "", msg
	}
	return full, ""
}

// checkImageName checks what the path says: relative, local, .png or .svg.
func checkImageName(rel string) string {
	if strings.TrimSpace(rel) == "" {
		return `is empty (use a PNG or SVG file next to the routine, e.g. "window.png")`
	}
	if filepath.IsAbs(rel) || !filepath.IsLocal(rel) {
		return fmt.Sprintf("%q is outside the routine's folder (use a path inside it, e.g. %q)",
			clip.String(rel), "images/"+clip.String(filepath.Base(rel)))
	}
	ext := strings.ToLower(filepath.Ext(rel))
	if ext != ".png" && ext != ".svg" {
		return fmt.Sprintf("%q is not a PNG or SVG (use a .png or .svg file)", clip.String(rel))
	}
	return ""
}

// resolveInside follows the symlinks of full and checks that it stays
// inside dir. It returns the real path, or a message.
func resolveInside(dir, full, rel string) (string, string) {
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", fmt.Sprintf("cannot resolve the routine's folder: %v", err)
	}
	realFull, err := filepath.EvalSymlinks(full)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Sprintf("%q does not exist (use a PNG or SVG path relative to the routine file)", clip.String(rel))
		}
		return "", fmt.Sprintf("cannot read %q: %v", clip.String(rel), unwrapPathError(err))
	}
	if r, err := filepath.Rel(realDir, realFull); err != nil || !filepath.IsLocal(r) {
		return "", fmt.Sprintf("%q leads outside the routine's folder through a symlink (copy the image into the folder)", clip.String(rel))
	}
	return realFull, ""
}

// checkImageFile checks that the file at path is a regular file within the
// size limits, decoding only its header.
func checkImageFile(path, rel string) string {
	f, err := safefile.OpenRegular(path)
	if errors.Is(err, safefile.ErrNotRegular) {
		return fmt.Sprintf("%q is not a regular file (use a PNG or SVG file)", clip.String(rel))
	}
	if err != nil {
		return fmt.Sprintf("cannot read %q: %v", clip.String(rel), unwrapPathError(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Sprintf("cannot read %q: %v", clip.String(rel), unwrapPathError(err))
	}
	if info.Size() > MaxImageBytes {
		return fmt.Sprintf("%q is %.1f MB; the limit is %d MB (shrink or compress it)",
			rel, float64(info.Size())/(1<<20), MaxImageBytes>>20)
	}
	var w, h float64
	if strings.ToLower(filepath.Ext(rel)) == ".png" {
		cfg, err := png.DecodeConfig(bufio.NewReader(f))
		if err != nil {
			return fmt.Sprintf("%q is not a readable PNG: %v (use a .png or .svg file)", clip.String(rel), err)
		}
		w, h = float64(cfg.Width), float64(cfg.Height)
	} else {
		w, h, err = svgSize(io.LimitReader(f, MaxImageBytes))
		if err != nil {
			return fmt.Sprintf("%q: %v", clip.String(rel), err)
		}
	}
	if w > MaxImageSide || h > MaxImageSide {
		return fmt.Sprintf("%q is %s×%s px; the limit is %d px a side (scale it down)",
			clip.String(rel), strconv.FormatFloat(w, 'f', -1, 64), strconv.FormatFloat(h, 'f', -1, 64), MaxImageSide)
	}
	return ""
}

// unwrapPathError drops the *PathError's repetition of the path, which the
// message already names relative to the routine file.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// svgSize reads the root <svg> element's size: width and height when they
// are plain numbers or pixels, otherwise the viewBox. Nothing past the root
// element is read.
func svgSize(r io.Reader) (w, h float64, err error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, 0, fmt.Errorf("is not a readable SVG: %v (use a .png or .svg file)", err)
		}
		if start, ok := tok.(xml.StartElement); ok {
			return svgRootSize(start)
		}
	}
}

// svgRootSize is the size the root element's attributes give.
func svgRootSize(start xml.StartElement) (w, h float64, err error) {
	if start.Name.Local != "svg" {
		return 0, 0, fmt.Errorf("is not an SVG: its root element is <%s>, not <svg>", start.Name.Local)
	}
	var width, height, viewBox string
	for _, a := range start.Attr {
		switch a.Name.Local {
		case "width":
			width = a.Value
		case "height":
			height = a.Value
		case "viewBox":
			viewBox = a.Value
		}
	}
	w, wok := svgLength(width)
	h, hok := svgLength(height)
	if wok && hok {
		return w, h, nil
	}
	vw, vh, ok := viewBoxSize(viewBox)
	if !ok {
		return 0, 0, errors.New(`has no usable width and height or viewBox (add e.g. viewBox="0 0 512 512")`)
	}
	if !wok {
		w = vw
	}
	if !hok {
		h = vh
	}
	return w, h, nil
}

// viewBoxSize is the width and height of a viewBox "x y w h".
func viewBoxSize(viewBox string) (w, h float64, ok bool) {
	f := strings.FieldsFunc(viewBox, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	if len(f) != 4 {
		return 0, 0, false
	}
	vw, err1 := strconv.ParseFloat(f[2], 64)
	vh, err2 := strconv.ParseFloat(f[3], 64)
	if err1 != nil || err2 != nil || vw <= 0 || vh <= 0 {
		return 0, 0, false
	}
	return vw, vh, true
}

// svgLength parses an SVG length that is a plain number or in px.
func svgLength(s string) (float64, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v <= 0 || v != v {
		return 0, false
	}
	return v, true
}
