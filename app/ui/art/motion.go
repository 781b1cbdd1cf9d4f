package art

import (
	"context"
	"image"

	"github.com/limber-app/limber/assets"
	"github.com/limber-app/limber/routines"
)

// Motion is a moving stretch's movement: its distinct pictures (key frames
// and in-between frames) and the order one repetition plays them in. A
// picture played twice in a repetition (going and coming back) is drawn
// once, so a window can keep one texture per picture.
type Motion struct {
	Images []image.Image
	Cycle  []int // indices into Images, one repetition
}

// MotionImages draws the movement of a moving library step for one side
// at size×size pixels (mirrored for the right side, like StepSideImages).
// One repetition goes from the first key frame through the tweens to the
// last and back the same way. ok is false when there is no movement to
// play: a hold, a custom picture, or a stretch whose key frames are not
// one movement (the window flips between its frames instead), or ctx
// ended before all were drawn. Drawing takes tens of milliseconds a
// picture; call it off the Fyne goroutine.
func MotionImages(ctx context.Context, s routines.Step, side routines.Side, p Palette, size int) (Motion, bool) {
	if !s.Moving || s.Image != "" || s.StretchID == "" {
		return Motion{}, false
	}
	svgs, cycle, ok := motionSVGs(s.StretchID, side == routines.RightSide, p)
	if !ok {
		return Motion{}, false
	}
	m := Motion{Cycle: cycle}
	for _, svg := range svgs {
		if ctx.Err() != nil {
			return Motion{}, false
		}
		img, err := Raster(svg, size)
		if err != nil {
			return Motion{}, false
		}
		m.Images = append(m.Images, img)
	}
	return m, true
}

// motionSVGs returns a stretch's key frames and tweens, coloured with p and
// mirrored when asked, and one repetition as indices into them.
func motionSVGs(stretchID string, mirrored bool, p Palette) (svgs [][]byte, cycle []int, ok bool) {
	keys, ok := assets.Illustration(stretchID)
	if !ok || len(keys) < 2 {
		return nil, nil, false
	}
	// Key frame k's index, then the tweens leading from it to k+1.
	var forward, back []int
	for k, key := range keys {
		forward = append(forward, len(svgs))
		svgs = append(svgs, key)
		if k == len(keys)-1 {
			break
		}
		tw, ok := assets.Tweens(stretchID, k)
		if !ok {
			return nil, nil, false
		}
		for _, t := range tw {
			forward = append(forward, len(svgs))
			svgs = append(svgs, t)
		}
	}
	// Back the same way, stopping short of the first key frame, which
	// starts the next repetition.
	for i := len(forward) - 2; i > 0; i-- {
		back = append(back, forward[i])
	}
	for i, svg := range svgs {
		svg = assets.Recolour(svg, p.Figure, p.Accent, p.Props)
		if mirrored {
			svg = Mirror(svg)
		}
		svgs[i] = svg
	}
	return svgs, append(forward, back...), true
}
