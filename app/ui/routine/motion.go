package routine

import (
	"context"
	"image"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"github.com/limber-app/limber/routines"
)

// The playing figure. While a moving step runs, its picture plays the
// movement (art.MotionImages) at the pace of its repetitions: one
// repetition goes from the first key frame through the in-between frames
// to the last and back. A ticker that exists only while such a step runs
// asks for a new picture frameEvery; which picture shows follows from the
// time into the step, so a late tick skips pictures rather than slowing
// the movement, and a tick that falls on the same picture costs nothing.

// frameEvery paces the playing figure: at most 15 pictures a second.
const frameEvery = time.Second / 15

// defaultPace is one movement's length for a moving step timed as a hold,
// which has no pace of its own.
const defaultPace = 4 * time.Second

// Ticker paces the playing figure: a time.Ticker in the app, a fake in
// tests.
type Ticker interface {
	// Wait blocks until the next picture is due; it returns false once
	// Stop was called.
	Wait() bool
	// Stop ends the ticker; a Wait under way returns false.
	Stop()
}

// timeTicker is the app's Ticker.
type timeTicker struct {
	t    *time.Ticker
	stop chan struct{}
}

func newTimeTicker(every time.Duration) Ticker {
	return &timeTicker{t: time.NewTicker(every), stop: make(chan struct{})}
}

func (t *timeTicker) Wait() bool {
	select {
	case <-t.t.C:
		return true
	case <-t.stop:
		return false
	}
}

func (t *timeTicker) Stop() {
	t.t.Stop()
	close(t.stop)
}

// player is a running animation: its ticker and the goroutine it drives.
type player struct {
	ticker Ticker
	done   chan struct{}
}

// setPlaying starts or stops the animation. Call it on the Fyne goroutine.
func (v *View) setPlaying(on bool) {
	switch {
	case on && v.anim == nil:
		t := v.o.NewTicker(frameEvery)
		a := &player{ticker: t, done: make(chan struct{})}
		v.anim = a
		go func() {
			defer close(a.done)
			for t.Wait() {
				fyne.Do(v.animate)
			}
		}()
	case !on && v.anim != nil:
		v.anim.ticker.Stop()
		<-v.anim.done // fyne.Do does not wait, so this cannot block on us
		v.anim = nil
	}
}

// Stop ends the playing figure for good: the window calls it when it
// closes or shows another routine. Call it on the Fyne goroutine.
func (v *View) Stop() {
	v.stopped = true
	v.setPlaying(false)
}

// animate shows the picture of the moment; the animation calls it.
func (v *View) animate() {
	if v.anim == nil {
		return // a tick queued before the animation stopped
	}
	st := v.player.State()
	phase := st.Phase
	if phase == routines.PhasePaused {
		phase = st.Resumes
	}
	v.showPicture(st, phase)
}

// now reads the clock for the player and remembers when, so the picture
// between two player updates can follow the time since (see intoStep).
func (v *View) now() time.Time {
	v.at = v.o.Clock()
	return v.at
}

// intoStep is how long the current step has run: as of the player's last
// update, plus the time since while it runs.
func (v *View) intoStep(st routines.State) time.Duration {
	into := st.Length - st.Left
	if st.Phase == routines.PhaseStep {
		into = min(st.Length, into+max(0, v.o.Clock().Sub(v.at)))
	}
	return into
}

// pace is one repetition of a step, the length of one movement.
func pace(s routines.Step) time.Duration {
	if s.Timing.IsReps() && s.Timing.Pace > 0 {
		return s.Timing.Pace
	}
	return defaultPace
}

// pictureNow returns a segment's pictures and which of them shows: the
// movement while a moving step runs, a flip once a second between the key
// frames of a moving step without a movement, else the first picture.
// playing is whether the picture changes with time.
func (v *View) pictureNow(st routines.State, phase routines.Phase, p pictures) (imgs []image.Image, i int, playing bool) {
	imgs = p.frames
	if p.motion != nil {
		imgs = p.motion.Images
	}
	step := st.Current.Step
	if !step.Moving || phase != routines.PhaseStep {
		return imgs, 0, false
	}
	into := v.intoStep(st)
	switch {
	case p.motion != nil:
		cyc, rep := p.motion.Cycle, pace(step)
		k := int(int64(into%rep) * int64(len(cyc)) / int64(rep))
		return imgs, cyc[min(k, len(cyc)-1)], st.Phase == routines.PhaseStep
	case len(imgs) > 1:
		return imgs, int(into/time.Second) % len(imgs), false
	}
	return imgs, 0, false
}

// picture is the step's picture on screen: one canvas.Image per picture
// of the segment, stacked, only the one showing visible. Changing picture
// hides one and shows another, so each keeps its texture: in Fyne v2.7,
// refreshing a canvas.Image with a new Image frees its texture, and
// painting it again scales the picture to its size (Catmull-Rom, on the
// CPU) and uploads it, every frame.
type picture struct {
	stack  *fyne.Container
	frames []*fyne.Container // one holder per picture, each with its image
	set    []image.Image     // the pictures loaded, to tell a new set
	shown  int
}

// pictureMin is the picture's smallest size on screen.
const pictureMin = 340

func newPicture() *picture {
	// A fixed minimum size that does not depend on which picture shows.
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(pictureMin, pictureMin))
	return &picture{stack: container.NewStack(spacer), shown: -1}
}

// show shows picture i of imgs, loading imgs when they are not the set
// on screen.
func (p *picture) show(imgs []image.Image, i int) {
	if !sameSet(p.set, imgs) {
		p.set = imgs
		p.frames = p.frames[:0]
		objs := []fyne.CanvasObject{p.stack.Objects[0]}
		for j, img := range imgs {
			ci := canvas.NewImageFromImage(img)
			ci.FillMode = canvas.ImageFillContain
			holder := container.NewStack(ci)
			if j != i {
				holder.Hide()
			}
			p.frames = append(p.frames, holder)
			objs = append(objs, holder)
		}
		p.stack.Objects = objs
		p.shown = i
		p.stack.Refresh()
		return
	}
	if i == p.shown || i < 0 || i >= len(p.frames) {
		return
	}
	p.frames[p.shown].Hide() // marks the canvas for a repaint
	p.frames[i].Show()
	p.shown = i
}

func sameSet(a, b []image.Image) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// drawMotion draws the current segment's movement in the background
// (a few tenths of a second; usually during the get-ready count or the
// rest before it) and adds it to the segment's cached pictures; the next
// tick shows it. A segment left before its movement is drawn cancels the
// drawing (see keepPictures).
func (v *View) drawMotion(seg routines.SegmentView) {
	v.picMu.Lock()
	defer v.picMu.Unlock()
	if p, ok := v.frames[seg.Index]; !ok || !p.wantsMotion(seg) || v.drawing[seg.Index] != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	v.drawing[seg.Index] = cancel
	palette, gen := v.palette, v.picGen
	go func() {
		m, ok := v.o.Artist.Motion(ctx, seg.Step, seg.Side, palette)
		v.picMu.Lock()
		defer v.picMu.Unlock()
		if ctx.Err() != nil || gen != v.picGen {
			return // left, or drawn in the old theme's colours
		}
		cancel()
		delete(v.drawing, seg.Index)
		if p, cached := v.frames[seg.Index]; cached {
			p.setMotion(m, ok)
			v.frames[seg.Index] = p
		}
	}()
}

// stopDrawing cancels the drawing of movements, but for the segment keep
// (-1 for none). Call it with picMu held.
func (v *View) stopDrawing(keep int) {
	for i, cancel := range v.drawing {
		if i != keep {
			cancel()
			delete(v.drawing, i)
		}
	}
}

// keepPictures drops the cached pictures of every segment but the current
// and the next, so a long routine holds at most one segment's movement
// and two segments' stills.
func (v *View) keepPictures(cur, next int) {
	v.picMu.Lock()
	defer v.picMu.Unlock()
	v.stopDrawing(cur)
	for i := range v.frames {
		if i != cur && i != next {
			delete(v.frames, i)
		}
	}
}
