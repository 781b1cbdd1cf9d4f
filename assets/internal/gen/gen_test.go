package main

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// assetsDir is the assets package directory, relative to this package.
const assetsDir = "../.."

// TestGeneratedFilesUpToDate fails when a pose was changed without running
// `go generate ./assets`, or when a generated file was edited by hand.
func TestGeneratedFilesUpToDate(t *testing.T) {
	files := build()
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(assetsDir, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s: %v (run go generate ./assets)", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale (run go generate ./assets)", name)
		}
	}
	onDisk, err := filepath.Glob(filepath.Join(assetsDir, "stretches", "*.svg"))
	if err != nil {
		t.Fatal(err)
	}
	tweensOnDisk, err := filepath.Glob(filepath.Join(assetsDir, "stretches", "motion", "*.svg"))
	if err != nil {
		t.Fatal(err)
	}
	onDisk = append(onDisk, tweensOnDisk...)
	for _, path := range onDisk {
		rel, err := filepath.Rel(assetsDir, path)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := files[filepath.ToSlash(rel)]; !ok {
			t.Errorf("%s is not generated any more; delete it (go generate does)", filepath.Base(path))
		}
	}
}

func TestDir(t *testing.T) {
	tests := []struct {
		angle float64
		want  P
	}{
		{0, P{0, -1}}, {90, P{1, 0}}, {180, P{0, 1}}, {270, P{-1, 0}}, {-90, P{-1, 0}},
	}
	for _, tt := range tests {
		if got := dir(tt.angle); !closeTo(got, tt.want, 1e-9) {
			t.Errorf("dir(%v) = %v, want %v", tt.angle, got, tt.want)
		}
		if got := angleOf(tt.want); math.Abs(math.Mod(got-tt.angle+720, 360)) > 1e-9 {
			t.Errorf("angleOf(%v) = %v, want %v", tt.want, got, tt.angle)
		}
	}
}

func TestSolveIK(t *testing.T) {
	tests := []struct {
		name      string
		target    P
		bend      float64
		wantEnd   P
		wantMidX  float64 // sign of the middle joint's x tells the bend side
		reachable bool
	}{
		{"reachable bends right", P{0, 40}, 1, P{0, 40}, -1, true},
		{"reachable bends left", P{0, 40}, -1, P{0, 40}, 1, true},
		{"too far stretches straight", P{0, 100}, 1, P{0, 52}, 0, false},
		{"on the root folds", P{0, 0}, 1, P{}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Limb{To: &tt.target, Bend: tt.bend}
			var s skeleton
			mid, end := s.limb(P{}, l, P{}, upperArm, foreArm)
			if d := mid.len(); math.Abs(d-upperArm) > 1e-6 {
				t.Errorf("upper segment length %v, want %v", d, upperArm)
			}
			if d := end.sub(mid).len(); math.Abs(d-foreArm) > 1e-6 {
				t.Errorf("lower segment length %v, want %v", d, foreArm)
			}
			if tt.reachable || tt.wantEnd != (P{}) {
				if !closeTo(end, tt.wantEnd, 0.5) {
					t.Errorf("end %v, want %v", end, tt.wantEnd)
				}
			}
			if tt.wantMidX != 0 && math.Signbit(mid.X) != math.Signbit(tt.wantMidX) {
				t.Errorf("middle joint %v on the wrong side for bend %v", mid, tt.bend)
			}
		})
	}
}

func closeTo(a, b P, eps float64) bool { return a.sub(b).len() <= eps }

func TestEveryFrameDrawsTheFigure(t *testing.T) {
	for id, frames := range stretches() {
		for i, f := range frames {
			var w svgWriter
			f.draw(&w)
			if !bytes.Contains(w.svg(w.box, 200), []byte(ink)) {
				t.Errorf("%s frame %d has no figure", id, i+1)
			}
		}
	}
}

// TestTrayStatesKeepTheFigure: every tray state shows Limber's figure, so
// the icon is recognisable whatever the state; states differ by badge
// colour and a corner mark.
func TestTrayStatesKeepTheFigure(t *testing.T) {
	for state, svg := range traySVGs() {
		if !bytes.Contains(svg, []byte(`<polyline points="18,14 32,27 46,14"`)) {
			t.Errorf("tray state %q does not draw the figure", state)
		}
	}
}

func TestAreaScale(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	// Left half opaque red, right half transparent.
	for y := 0; y < 4; y++ {
		for x := 0; x < 2; x++ {
			src.SetNRGBA(x, y, color.NRGBA{0xFF, 0, 0, 0xFF})
		}
	}
	tests := []struct {
		size int
		x    int
		want color.RGBA
	}{
		{2, 0, color.RGBA{0xFF, 0, 0, 0xFF}},
		{2, 1, color.RGBA{}},
		{1, 0, color.RGBA{0x80, 0, 0, 0x80}}, // premultiplied half red
		{3, 1, color.RGBA{0x80, 0, 0, 0x80}}, // the middle pixel straddles the edge
	}
	for _, tt := range tests {
		got := areaScale(src, tt.size).At(tt.x, 0)
		if got != tt.want {
			t.Errorf("size %d pixel %d = %v, want %v", tt.size, tt.x, got, tt.want)
		}
	}
}

// TestFramesShareAFittedViewBox: the frames of a stretch are framed alike,
// so the figure does not jump, and the frame hugs the content: a lying
// figure fills its picture instead of its bottom third.
func TestFramesShareAFittedViewBox(t *testing.T) {
	vbOf := func(svg []byte) string {
		s := string(svg)
		i := strings.Index(s, `viewBox="`) + len(`viewBox="`)
		return s[i : i+strings.IndexByte(s[i:], '"')]
	}
	for id, frames := range stretches() {
		svgs, moves := drawMotion(frames)
		all := append([]frame{}, frames...)
		for _, m := range moves {
			svgs = append(svgs, m...)
		}
		for _, m := range movement(frames) {
			all = append(all, m...)
		}
		for i := 1; i < len(svgs); i++ {
			if a, b := vbOf(svgs[0]), vbOf(svgs[i]); a != b {
				t.Errorf("%s: frame 1 viewBox %q, frame %d %q", id, a, i+1, b)
			}
		}
		var content box
		for _, f := range all {
			var w svgWriter
			f.draw(&w)
			content.union(w.box)
		}
		side := content.square(frameMargin, frameMin)
		wide := max(content.x2-content.x1, content.y2-content.y1)
		if got := side.x2 - side.x1; got > max(wide+2*frameMargin+2*floorPad+1, frameMin+1) {
			t.Errorf("%s: viewBox side %v for content %v wide", id, got, wide)
		}
	}
	b := box{}
	b.add(P{10, 20}, 0)
	b.add(P{50, 30}, 0)
	if got := b.square(5, 0); got != (box{5, 0, 55, 50, true}) {
		t.Errorf("square = %+v", got)
	}
	if got := b.square(5, 100); got.x2-got.x1 != 100 {
		t.Errorf("square with a minimum side 100 = %+v", got)
	}
}
