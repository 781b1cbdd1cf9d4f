package art

import (
	"bytes"
	"context"
	"image/color"
	"slices"
	"testing"

	"github.com/limber-app/limber/assets"
	"github.com/limber-app/limber/routines"
)

func TestMotionCycle(t *testing.T) {
	p := Palette{Figure: color.NRGBA{0x11, 0x11, 0x11, 0xFF}, Accent: color.NRGBA{0xEE, 0, 0, 0xFF}, Props: color.NRGBA{0x99, 0x99, 0x99, 0xFF}}
	svgs, cycle, ok := motionSVGs("cat-camel", false, p)
	if !ok {
		t.Fatal("cat-camel has no motion")
	}
	keys, _ := assets.Illustration("cat-camel")
	tw, _ := assets.Tweens("cat-camel", 0)
	n := len(tw)
	if len(svgs) != 2+n {
		t.Fatalf("%d pictures, want 2 key frames and %d tweens", len(svgs), n)
	}
	// key 1, tweens 1..n, key 2, tweens n..1.
	want := []int{0}
	for j := 1; j <= n; j++ {
		want = append(want, j)
	}
	want = append(want, n+1)
	for j := n; j >= 1; j-- {
		want = append(want, j)
	}
	if !slices.Equal(cycle, want) {
		t.Errorf("cycle = %v, want %v", cycle, want)
	}
	if !bytes.Equal(svgs[0], assets.Recolour(keys[0], p.Figure, p.Accent, p.Props)) ||
		!bytes.Equal(svgs[n+1], assets.Recolour(keys[1], p.Figure, p.Accent, p.Props)) ||
		!bytes.Equal(svgs[1], assets.Recolour(tw[0], p.Figure, p.Accent, p.Props)) {
		t.Error("pictures are not the key frames and tweens in order, recoloured")
	}
	mirrored, _, _ := motionSVGs("cat-camel", true, p)
	if !bytes.Equal(mirrored[3], Mirror(svgs[3])) {
		t.Error("the second side's tween is not the mirrored first side's")
	}
}

func TestMotionImages(t *testing.T) {
	p := Palette{Figure: color.Black, Accent: color.NRGBA{0xFF, 0, 0, 0xFF}, Props: color.Gray{0x80}}
	moving := routines.Step{StretchID: "cat-camel", Moving: true}
	tests := []struct {
		name string
		step routines.Step
		ok   bool
	}{
		{"moving stretch", moving, true},
		{"not moving", routines.Step{StretchID: "cat-camel"}, false},
		{"hold with one frame", routines.Step{StretchID: "childs-pose", Moving: true}, false},
		{"flip", routines.Step{StretchID: "hand-open-close", Moving: true}, false},
		{"custom picture", routines.Step{Image: "x.png", Moving: true}, false},
	}
	for _, tt := range tests {
		m, ok := MotionImages(context.Background(), tt.step, routines.LeftSide, p, 48)
		if ok != tt.ok {
			t.Errorf("%s: ok = %v, want %v", tt.name, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		for _, i := range m.Cycle {
			if i < 0 || i >= len(m.Images) {
				t.Fatalf("%s: cycle index %d out of %d pictures", tt.name, i, len(m.Images))
			}
		}
		if b := m.Images[0].Bounds(); b.Dx() != 48 || b.Dy() != 48 {
			t.Errorf("%s: picture %v, want 48×48", tt.name, b)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, ok := MotionImages(ctx, moving, routines.LeftSide, p, 48); ok {
		t.Error("drawn after the context ended")
	}
}
