package main

import (
	"bytes"
	"math"
	"slices"
	"sort"
	"testing"
)

// flips are the moving stretches whose key frames are not one movement of
// one body, so the window flips between them: a fist and spread fingers
// on arms that do not move.
var flips = []string{"hand-open-close"}

// TestEveryMovementHasTweens: a stretch with two or more key frames gets
// in-between frames, unless it is a known flip.
func TestEveryMovementHasTweens(t *testing.T) {
	var none []string
	for id, keys := range stretches() {
		if len(keys) > 1 && movement(keys) == nil {
			none = append(none, id)
		}
	}
	sort.Strings(none)
	if !slices.Equal(none, flips) {
		t.Errorf("stretches without tweens = %v, want %v", none, flips)
	}
}

// TestTweensMoveBetweenTheKeys: every tween is a picture of its own (no
// two alike, none equal to a key frame), carries no arrow, and every limb
// segment keeps a length between its lengths in the two key frames, so
// the skeleton was interpolated, not the drawing.
func TestTweensMoveBetweenTheKeys(t *testing.T) {
	for id, keys := range stretches() {
		svgs, moves := drawMotion(keys)
		seen := map[string]string{}
		for i, s := range svgs {
			seen[string(s)] = "key frame " + string(rune('1'+i))
		}
		for k, m := range moves {
			if len(m) != tweenCount {
				t.Errorf("%s: %d tweens from key %d, want %d", id, len(m), k+1, tweenCount)
			}
			for j, s := range m {
				if prev, dup := seen[string(s)]; dup {
					t.Errorf("%s: tween %d-%d is the same picture as %s", id, k+1, j+1, prev)
				}
				seen[string(s)] = "another tween"
				if bytes.Contains(s, []byte(`stroke-width="4.5"`)) {
					t.Errorf("%s: tween %d-%d draws an arrow", id, k+1, j+1)
				}
			}
		}
		for k, m := range movement(keys) {
			a, b := lengths(keys[k].pose), lengths(keys[k+1].pose)
			for j, f := range m {
				for seg, got := range lengths(f.pose) {
					lo, hi := min(a[seg], b[seg]), max(a[seg], b[seg])
					if got < lo-0.01 || got > hi+0.01 {
						t.Errorf("%s: tween %d-%d segment %d is %.2f long, keys %.2f and %.2f",
							id, k+1, j+1, seg, got, a[seg], b[seg])
					}
				}
			}
		}
	}
}

// lengths are the drawn lengths of a pose's eight limb segments.
func lengths(p Pose) []float64 {
	s := grounded(p).solve()
	var out []float64
	for i := range 2 {
		out = append(out,
			s.elbow[i].sub(s.shoulder[i]).len(), s.wrist[i].sub(s.elbow[i]).len(),
			s.knee[i].sub(s.hipJ[i]).len(), s.ankle[i].sub(s.knee[i]).len())
	}
	return out
}

func TestSweepPassesAbove(t *testing.T) {
	tests := []struct{ a, b, want float64 }{
		{194, 330, 136},  // arms up sideways: the short way
		{272, 100, 188},  // lying, arm overhead to the belly: over the top
		{100, 272, -188}, // and back
		{90, 270, -180},  // straight ahead to straight back: over the top
		{0, 90, 90},
	}
	for _, tt := range tests {
		if got := sweep(tt.a, tt.b); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("sweep(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestTurnTakesTheShortWay(t *testing.T) {
	tests := []struct{ a, b, t, want float64 }{
		{350, 10, 0.5, 360},
		{10, 350, 0.5, 0},
		{194, 330, 0.5, 262},
		{90, 270, 0, 90},
		{0, 90, 1, 90},
	}
	for _, tt := range tests {
		if got := turn(tt.a, tt.b, tt.t); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("turn(%v, %v, %v) = %v, want %v", tt.a, tt.b, tt.t, got, tt.want)
		}
	}
}
