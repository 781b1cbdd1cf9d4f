// Package routine is the routine window's content: a large illustration of
// the current stretch, its cues, a big countdown, progress through the
// routine, what comes next, and the controls. It drives a routines.Player
// from an injected clock, so tests replay a routine second by second without
// a display or real time.
package routine

import (
	"context"
	"image"
	"image/color"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/sound"
	"github.com/limber-app/limber/app/ui/art"
	"github.com/limber-app/limber/routines"
)

// Options configure a routine view.
type Options struct {
	Routine  routines.Routine
	Clock    func() time.Time // time.Now in the app, a fake in tests
	GetReady time.Duration    // count before the first step; 0 means the default
	// ShowSafety shows the safety note until the user acknowledges it
	// (first use); SafetyAck records that.
	ShowSafety bool
	SafetyAck  func()
	// BreaksToday is shown on the finish screen (it includes this one).
	BreaksToday func() int
	// Finished is called once when the routine reaches its end.
	Finished func(routines.Outcome)
	// Close asks the window to close (Close button, Esc, Done); the
	// outcome so far tells whether it was complete.
	Close func(routines.Outcome)
	// Another opens the routine picker (finish screen).
	Another func()
	// Sound plays the audio cues; nil means no sound and no mute button.
	Sound sound.Sink
	// Muted starts the window muted (the `sounds = false` setting); the
	// mute button still turns sound on for this routine.
	Muted bool
	// NewTicker paces the playing figure of a moving step; nil means a
	// time.Ticker.
	NewTicker func(every time.Duration) Ticker
	// Artist draws the pictures; nil means app/ui/art's drawing.
	Artist Artist
}

// View is the routine window's content. Call its methods on the Fyne
// goroutine only.
type View struct {
	o       Options
	player  *routines.Player
	palette art.Palette
	// picMu guards frames, pending and drawing, which the background
	// drawing of coming pictures (prefetch) and of the current step's
	// movement (drawMotion) fill while the Fyne goroutine reads.
	picMu   sync.Mutex
	frames  map[int]pictures           // pictures per segment index, drawn once
	picGen  int                        // counts theme changes, which empty frames
	pending map[int]bool               // segments being drawn in the background
	drawing map[int]context.CancelFunc // movements being drawn, by segment
	at      time.Time                  // when the player was last told the time
	anim    *player                    // the playing figure's ticker; nil when still
	stopped bool                       // Stop was called: the figure plays no more
	done    bool
	barAt   string // the moment the progress bar shows (see render)
	cues    cuer
	muted   bool

	root      *fyne.Container
	playing   *fyne.Container
	finish    *fyne.Container
	safety    *fyne.Container
	title     *widget.Label
	stepNo    *widget.Label
	progress  *quietBar
	image     *picture
	phase     *canvas.Text
	name      *widget.Label
	cueText   *widget.Label
	caution   *fyne.Container
	cautionBg *canvas.Rectangle
	cautionTx *widget.Label
	count     *canvas.Text
	side      *canvas.Text
	reps      *widget.Label
	upNext    *fyne.Container
	nextImg   *canvas.Image
	nextText  *widget.Label
	pauseBtn  *widget.Button
	muteBtn   *widget.Button
	soundNote *widget.Label
	summary   *widget.Label
	did       *widget.Label
	gotIt     *widget.Button
}

// New builds the view and starts the player at the clock's now.
func New(o Options) *View {
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.Artist == nil {
		o.Artist = artArtist{}
	}
	if o.NewTicker == nil {
		o.NewTicker = newTimeTicker
	}
	opts := []routines.Option{}
	if o.GetReady > 0 {
		opts = append(opts, routines.WithGetReady(o.GetReady))
	}
	v := &View{o: o, player: routines.NewPlayer(o.Routine, opts...),
		frames: map[int]pictures{}, pending: map[int]bool{}, drawing: map[int]context.CancelFunc{}, muted: o.Muted}
	v.palette = art.CurrentPalette()
	v.build()
	v.handle(v.player.Start(v.now()))
	v.render()
	return v
}

// Content is the window's content.
func (v *View) Content() fyne.CanvasObject { return v.root }

// The countdown's text sizes: its last three seconds are larger, inside a
// box sized for the larger text so nothing beside it moves.
const (
	countSize     = 72
	countSizeLast = 84
	sideSize      = 30
)

func (v *View) build() {
	v.title = widget.NewLabelWithStyle(i18n.RoutineName(v.o.Routine), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.stepNo = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{})
	v.progress = newQuietBar()

	v.image = newPicture()

	v.phase = canvas.NewText("", theme.Color(theme.ColorNamePrimary))
	v.phase.TextStyle = fyne.TextStyle{Bold: true}
	v.phase.TextSize = theme.TextSize() * 1.2
	v.name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.name.SizeName = theme.SizeNameHeadingText
	v.name.Wrapping = fyne.TextWrapWord
	v.cueText = widget.NewLabel("")
	v.cueText.Wrapping = fyne.TextWrapWord
	v.buildCaution()

	v.count = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	v.count.TextStyle = fyne.TextStyle{Bold: true}
	v.count.TextSize = countSize
	// As wide as the larger text, as tall as the normal one: the larger
	// count grows into the space below rather than pushing its neighbours.
	widest := widestClock(v.o.Routine, v.o.GetReady)
	countBox := fyne.NewSize(fyne.MeasureText(widest, countSizeLast, v.count.TextStyle).Width,
		fyne.MeasureText(widest, countSize, v.count.TextStyle).Height)
	v.side = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	v.side.TextStyle = fyne.TextStyle{Bold: true}
	v.side.TextSize = sideSize
	v.reps = widget.NewLabel("")
	v.reps.SizeName = theme.SizeNameSubHeadingText
	countRow := container.NewHBox(container.NewGridWrap(countBox, v.count),
		container.NewVBox(layout.NewSpacer(), v.side, v.reps, layout.NewSpacer()))

	v.nextImg = canvas.NewImageFromImage(nil)
	v.nextImg.FillMode = canvas.ImageFillContain
	v.nextImg.SetMinSize(fyne.NewSize(nextThumbSize, nextThumbSize))
	v.nextText = widget.NewLabel("")
	v.nextText.Truncation = fyne.TextTruncateEllipsis

	text := container.NewVBox(v.phase, v.name, v.cueText, v.caution, layout.NewSpacer(), countRow)
	body := container.NewBorder(nil, nil, container.NewPadded(v.image.stack), nil, container.NewPadded(text))
	v.upNext = container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(nextThumbSize, nextThumbSize), v.nextImg), nil, v.nextText)
	header := container.NewVBox(container.NewBorder(nil, nil, nil, v.stepNo, v.title), v.progress.box)
	v.playing = container.NewBorder(header, container.NewVBox(widget.NewSeparator(), v.upNext, v.controls()), nil, nil, body)

	v.buildFinish()
	v.buildSafety()
	v.root = container.NewBorder(v.safety, nil, nil, nil, container.NewStack(v.playing, v.finish))
}

// widestClock is the widest countdown the routine shows, in zeros (the
// digits are equally wide), to size the countdown's box once.
func widestClock(r routines.Routine, getReady time.Duration) string {
	longest := max(getReady, routines.DefaultGetReady)
	for _, s := range r.Segments() {
		longest = max(longest, s.Duration, s.Rest)
	}
	return strings.Map(func(c rune) rune {
		if c >= '0' && c <= '9' {
			return '0'
		}
		return c
	}, clock(longest))
}

// buildCaution makes the caution box: a warning icon and the text in the
// foreground colour on a faint warning tint (see cautionColors).
func (v *View) buildCaution() {
	v.cautionTx = widget.NewLabel("")
	v.cautionTx.Wrapping = fyne.TextWrapWord
	v.cautionBg = canvas.NewRectangle(color.Transparent)
	v.cautionBg.CornerRadius = theme.InputRadiusSize()
	icon := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
	v.caution = container.NewStack(v.cautionBg,
		container.NewBorder(nil, nil, container.NewCenter(icon), nil, v.cautionTx))
	v.recolourCaution()
}

func (v *View) recolourCaution() {
	_, fill := cautionColors(currentTheme())
	v.cautionBg.FillColor = fill
	v.cautionBg.Refresh()
}

// controls is the row of buttons under the routine.
func (v *View) controls() fyne.CanvasObject {
	prev := widget.NewButtonWithIcon(i18n.T("view.previous"), theme.MediaSkipPreviousIcon(), func() { v.Previous() })
	v.pauseBtn = widget.NewButtonWithIcon(i18n.T("view.pause"), theme.MediaPauseIcon(), func() { v.TogglePause() })
	v.pauseBtn.Importance = widget.HighImportance
	next := widget.NewButtonWithIcon(i18n.T("view.next"), theme.MediaSkipNextIcon(), func() { v.Next() })
	restart := widget.NewButtonWithIcon(i18n.T("view.restart"), theme.MediaReplayIcon(), func() { v.Restart() })
	closeBtn := widget.NewButtonWithIcon(i18n.T("view.close"), theme.CancelIcon(), func() { v.CloseWindow() })
	v.muteBtn = widget.NewButton("", func() { v.ToggleMute() })
	v.soundNote = widget.NewLabelWithStyle(i18n.T("view.no-sound"), fyne.TextAlignTrailing, fyne.TextStyle{Italic: true})
	v.soundNote.Hide()
	v.renderMute()
	if v.o.Sound == nil {
		v.muteBtn.Hide()
	}
	row := container.NewHBox(prev, v.pauseBtn, next, restart, layout.NewSpacer(), v.muteBtn, closeBtn)
	return container.NewVBox(row, v.soundNote)
}

// buildFinish makes the finish screen: what was done, today's breaks,
// and the two buttons, centred.
func (v *View) buildFinish() {
	icon := widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	iconBox := container.NewCenter(container.NewGridWrap(fyne.NewSize(72, 72), icon))
	well := widget.NewLabelWithStyle(i18n.T("view.well-done"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	well.SizeName = theme.SizeNameHeadingText
	v.summary = widget.NewLabel("")
	v.summary.Alignment = fyne.TextAlignCenter
	v.did = widget.NewLabel("")
	v.did.Alignment = fyne.TextAlignCenter
	doneBtn := widget.NewButtonWithIcon(i18n.T("view.done"), theme.ConfirmIcon(), func() { v.CloseWindow() })
	doneBtn.Importance = widget.HighImportance
	another := widget.NewButtonWithIcon(i18n.T("view.another"), theme.ListIcon(), func() {
		if v.o.Another != nil {
			v.o.Another()
		}
	})
	v.finish = container.NewCenter(container.NewVBox(iconBox, well, v.summary, v.did, widget.NewLabel(""),
		container.NewCenter(container.NewHBox(another, doneBtn))))
	v.finish.Hide()
}

func (v *View) buildSafety() {
	v.safety = container.NewVBox()
	if !v.o.ShowSafety {
		return
	}
	note := widget.NewLabel(i18n.SafetyNote())
	note.Wrapping = fyne.TextWrapWord
	v.gotIt = widget.NewButton(i18n.T("view.got-it"), func() {
		v.safety.Hide()
		if v.o.SafetyAck != nil {
			v.o.SafetyAck()
		}
	})
	v.safety.Add(widget.NewCard("", "", container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), v.gotIt, note)))
}

// Tick brings the routine up to the clock and redraws. The window calls it
// a few times a second.
func (v *View) Tick() { v.handle(v.player.Advance(v.now())); v.render() }

// TogglePause pauses or resumes (Space).
func (v *View) TogglePause() {
	now := v.now()
	if v.player.Paused() {
		v.handle(v.player.Resume(now))
	} else {
		v.handle(v.player.Pause(now))
	}
	v.render()
}

// Next skips to the next step (→).
func (v *View) Next() { v.handle(v.player.Next(v.now())); v.render() }

// Previous goes back a step, or to the start of this one (←).
func (v *View) Previous() { v.handle(v.player.Previous(v.now())); v.render() }

// Restart plays the routine again from the get-ready count (R).
func (v *View) Restart() {
	v.done = false
	v.cues.reset()
	v.handle(v.player.Restart(v.now()))
	v.render()
}

// ToggleMute turns the sound cues off or on for this routine (M).
func (v *View) ToggleMute() {
	v.muted = !v.muted
	v.renderMute()
}

// SoundUnavailable says, once and quietly, that the routine goes on
// without sound because no sound server answered.
func (v *View) SoundUnavailable() {
	v.soundNote.Show()
	v.muteBtn.Hide()
}

// CloseWindow stops the routine and asks the window to close (Esc).
func (v *View) CloseWindow() {
	v.Stop()
	out := v.player.Outcome()
	if !v.done {
		out = v.player.Stop(v.now())
	}
	if v.o.Close != nil {
		v.o.Close(out)
	}
}

// TypedKey handles the window's keyboard shortcuts.
func (v *View) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace:
		if !v.done {
			v.TogglePause()
		}
	case fyne.KeyLeft:
		v.Previous()
	case fyne.KeyRight:
		v.Next()
	case fyne.KeyR:
		v.Restart()
	case fyne.KeyM:
		if v.o.Sound != nil {
			v.ToggleMute()
		}
	case fyne.KeyEscape:
		v.CloseWindow()
	}
}

// handle reacts to the player's events: the Finished callback, and the
// sound cue of the moment.
func (v *View) handle(events []routines.Event) {
	for _, ev := range events {
		if ev.Kind == routines.Finished && !v.done {
			v.done = true
			if v.o.Finished != nil {
				v.o.Finished(v.player.Outcome())
			}
		}
	}
	c, ok := v.cues.cue(events, v.player.State())
	if ok && !v.muted && v.o.Sound != nil {
		v.o.Sound.Play(c)
	}
}

func (v *View) renderMute() {
	if v.muted {
		v.muteBtn.SetText(i18n.T("view.unmute"))
		v.muteBtn.SetIcon(theme.VolumeMuteIcon())
	} else {
		v.muteBtn.SetText(i18n.T("view.mute"))
		v.muteBtn.SetIcon(theme.VolumeUpIcon())
	}
}

// pictureSize is the pixel size pictures are drawn at: sharp at the
// window's size on a HiDPI screen, scaled down for the Up next thumbnail.
const pictureSize = 400

// pictures are a segment's frames at window size, its thumbnail for "Up
// next", and for a moving step its movement, drawn in the background.
type pictures struct {
	frames   []image.Image
	thumb    image.Image
	motion   *art.Motion // nil until drawn, or when there is none
	noMotion bool        // drawn: the step has no movement to play
}

// wantsMotion reports whether seg's movement is still to be drawn.
func (p pictures) wantsMotion(seg routines.SegmentView) bool {
	return seg.Step.Moving && p.motion == nil && !p.noMotion
}

// setMotion records the drawn movement, or that there is none.
func (p *pictures) setMotion(m art.Motion, ok bool) {
	if ok {
		p.motion = &m
	} else {
		p.noMotion = true
	}
}

// framesFor returns a segment's pictures, drawing them now if the
// background prefetch has not.
func (v *View) framesFor(seg routines.SegmentView) []image.Image {
	if p, ok := v.cached(seg.Index); ok {
		return p.frames
	}
	p := sidePictures(v.o.Artist, seg, v.palette)
	v.picMu.Lock()
	v.frames[seg.Index] = p
	v.picMu.Unlock()
	return p.frames
}

// cached returns a segment's pictures if they are drawn.
func (v *View) cached(index int) (pictures, bool) {
	v.picMu.Lock()
	defer v.picMu.Unlock()
	p, ok := v.frames[index]
	return p, ok
}

// nextThumbSize is the "Up next" thumbnail's size on screen.
const nextThumbSize = 56

// sidePictures draws a segment's still pictures (its movement is drawn
// when it becomes the current segment, see drawMotion).
func sidePictures(a Artist, seg routines.SegmentView, p art.Palette) pictures {
	frames, thumb := a.Stills(seg.Step, seg.Side, p)
	return pictures{frames: frames, thumb: thumb}
}

// prefetch draws a coming segment's pictures off the Fyne goroutine, so a
// step change does not stall the countdown. The drawing only fills the
// cache; the window's next tick (every 200 ms) shows what it drew, so no
// widget is touched off the Fyne goroutine.
func (v *View) prefetch(seg routines.SegmentView) {
	v.picMu.Lock()
	defer v.picMu.Unlock()
	if _, ok := v.frames[seg.Index]; ok || v.pending[seg.Index] {
		return
	}
	v.pending[seg.Index] = true
	palette, gen := v.palette, v.picGen
	go func() {
		p := sidePictures(v.o.Artist, seg, palette)
		v.picMu.Lock()
		defer v.picMu.Unlock()
		// A theme change meanwhile emptied the cache: drop the old colours.
		if gen != v.picGen {
			return
		}
		delete(v.pending, seg.Index)
		if _, ok := v.frames[seg.Index]; !ok {
			v.frames[seg.Index] = p
		}
	}()
}

// Retheme recolours the pictures, the bar and the caution box after a
// theme change.
func (v *View) Retheme() {
	v.palette = art.CurrentPalette()
	v.picMu.Lock()
	v.stopDrawing(-1)
	v.frames, v.pending = map[int]pictures{}, map[int]bool{}
	v.picGen++
	v.picMu.Unlock()
	v.progress.recolour()
	v.recolourCaution()
	v.render()
}

// DefaultSize is the window's size when it opens. Its height, like the
// content's minimum, fits a 1366×768 screen with a panel and a title bar
// (at most 700 px; a test checks both).
func DefaultSize() fyne.Size { return fyne.NewSize(880, 660) }
