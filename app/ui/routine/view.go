// Package routine is the routine window's content: a large illustration of
// the current stretch, its cues, a big countdown, progress through the
// routine, what comes next, and the controls. It drives a routines.Player
// from an injected clock, so tests replay a routine second by second without
// a display or real time.
package routine

import (
	"fmt"
	"image"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/i18n"
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
}

// View is the routine window's content. Call its methods on the Fyne
// goroutine only.
type View struct {
	o       Options
	player  *routines.Player
	palette art.Palette
	frames  map[int][]image.Image // pictures per segment index, drawn once
	pending map[int]bool          // segments being drawn in the background
	done    bool

	root     *fyne.Container
	playing  *fyne.Container
	finish   *fyne.Container
	safety   *fyne.Container
	title    *widget.Label
	stepNo   *widget.Label
	progress *widget.ProgressBar
	image    *canvas.Image
	phase    *canvas.Text
	name     *widget.Label
	side     *widget.Label
	cues     *widget.Label
	caution  *widget.Label
	count    *canvas.Text
	reps     *widget.Label
	nextImg  *canvas.Image
	nextText *widget.Label
	pauseBtn *widget.Button
	summary  *widget.Label
	gotIt    *widget.Button
	shown    int // resource index on screen, to avoid needless refreshes
}

// New builds the view and starts the player at the clock's now.
func New(o Options) *View {
	if o.Clock == nil {
		o.Clock = time.Now
	}
	opts := []routines.Option{}
	if o.GetReady > 0 {
		opts = append(opts, routines.WithGetReady(o.GetReady))
	}
	v := &View{o: o, player: routines.NewPlayer(o.Routine, opts...), shown: -1,
		frames: map[int][]image.Image{}, pending: map[int]bool{}}
	v.palette = art.CurrentPalette()
	v.build()
	v.player.Start(o.Clock())
	v.render()
	return v
}

// Content is the window's content.
func (v *View) Content() fyne.CanvasObject { return v.root }

// Player exposes the state machine, for tests and for the window's title.
func (v *View) Player() *routines.Player { return v.player }

func (v *View) build() {
	v.title = widget.NewLabelWithStyle(i18n.RoutineName(v.o.Routine), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.stepNo = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{})
	v.progress = widget.NewProgressBar()
	v.progress.TextFormatter = func() string { return "" }

	v.image = canvas.NewImageFromImage(nil)
	v.image.FillMode = canvas.ImageFillContain
	v.image.SetMinSize(fyne.NewSize(340, 340))

	v.phase = canvas.NewText("", theme.Color(theme.ColorNamePrimary))
	v.phase.TextStyle = fyne.TextStyle{Bold: true}
	v.phase.TextSize = theme.TextSize() * 1.2
	v.name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.name.SizeName = theme.SizeNameHeadingText
	v.name.Wrapping = fyne.TextWrapWord
	v.side = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	v.cues = widget.NewLabel("")
	v.cues.Wrapping = fyne.TextWrapWord
	v.caution = widget.NewLabel("")
	v.caution.Wrapping = fyne.TextWrapWord
	v.caution.Importance = widget.WarningImportance
	v.count = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	v.count.TextStyle = fyne.TextStyle{Bold: true}
	v.count.TextSize = 72
	v.reps = widget.NewLabel("")

	v.nextImg = canvas.NewImageFromImage(nil)
	v.nextImg.FillMode = canvas.ImageFillContain
	v.nextImg.SetMinSize(fyne.NewSize(56, 56))
	v.nextText = widget.NewLabel("")
	v.nextText.Truncation = fyne.TextTruncateEllipsis

	prev := widget.NewButtonWithIcon(i18n.T("view.previous"), theme.MediaSkipPreviousIcon(), func() { v.Previous() })
	v.pauseBtn = widget.NewButtonWithIcon(i18n.T("view.pause"), theme.MediaPauseIcon(), func() { v.TogglePause() })
	v.pauseBtn.Importance = widget.HighImportance
	next := widget.NewButtonWithIcon(i18n.T("view.next"), theme.MediaSkipNextIcon(), func() { v.Next() })
	restart := widget.NewButtonWithIcon(i18n.T("view.restart"), theme.MediaReplayIcon(), func() { v.Restart() })
	closeBtn := widget.NewButtonWithIcon(i18n.T("view.close"), theme.CancelIcon(), func() { v.CloseWindow() })
	controls := container.NewHBox(prev, v.pauseBtn, next, restart, layout.NewSpacer(), closeBtn)

	text := container.NewVBox(v.phase, v.name, v.side, v.cues, v.caution, layout.NewSpacer(),
		container.NewHBox(v.count, container.NewCenter(v.reps)))
	body := container.NewBorder(nil, nil, container.NewPadded(v.image), nil, container.NewPadded(text))
	upNext := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(56, 56), v.nextImg), nil, v.nextText)
	header := container.NewVBox(container.NewBorder(nil, nil, nil, v.stepNo, v.title), v.progress)
	v.playing = container.NewBorder(header, container.NewVBox(widget.NewSeparator(), upNext, controls), nil, nil, body)

	v.summary = widget.NewLabel("")
	v.summary.Alignment = fyne.TextAlignCenter
	v.summary.Wrapping = fyne.TextWrapWord
	well := widget.NewLabelWithStyle(i18n.T("view.well-done"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	well.SizeName = theme.SizeNameHeadingText
	doneBtn := widget.NewButtonWithIcon(i18n.T("view.done"), theme.ConfirmIcon(), func() { v.CloseWindow() })
	doneBtn.Importance = widget.HighImportance
	another := widget.NewButtonWithIcon(i18n.T("view.another"), theme.ListIcon(), func() {
		if v.o.Another != nil {
			v.o.Another()
		}
	})
	v.finish = container.NewCenter(container.NewVBox(well, v.summary,
		container.NewCenter(container.NewHBox(another, doneBtn))))
	v.finish.Hide()

	v.safety = container.NewVBox()
	if v.o.ShowSafety {
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
	v.root = container.NewBorder(v.safety, nil, nil, nil, container.NewStack(v.playing, v.finish))
}

// Tick brings the routine up to the clock and redraws. The window calls it
// a few times a second.
func (v *View) Tick() {
	v.handle(v.player.Advance(v.o.Clock()))
	v.render()
}

// TogglePause pauses or resumes (Space).
func (v *View) TogglePause() {
	now := v.o.Clock()
	if v.player.Paused() {
		v.handle(v.player.Resume(now))
	} else {
		v.handle(v.player.Pause(now))
	}
	v.render()
}

// Next skips to the next step (→).
func (v *View) Next() { v.handle(v.player.Next(v.o.Clock())); v.render() }

// Previous goes back a step, or to the start of this one (←).
func (v *View) Previous() { v.handle(v.player.Previous(v.o.Clock())); v.render() }

// Restart plays the routine again from the get-ready count (R).
func (v *View) Restart() {
	v.done = false
	v.handle(v.player.Restart(v.o.Clock()))
	v.render()
}

// CloseWindow stops the routine and asks the window to close (Esc).
func (v *View) CloseWindow() {
	out := v.player.Outcome()
	if !v.done {
		out = v.player.Stop(v.o.Clock())
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
	case fyne.KeyEscape:
		v.CloseWindow()
	}
}

func (v *View) handle(events []routines.Event) {
	for _, ev := range events {
		if ev.Kind == routines.Finished && !v.done {
			v.done = true
			if v.o.Finished != nil {
				v.o.Finished(v.player.Outcome())
			}
		}
	}
}

// render copies the player's state onto the widgets.
func (v *View) render() {
	st := v.player.State()
	if st.Phase == routines.PhaseFinished {
		v.renderFinish()
		return
	}
	v.finish.Hide()
	v.playing.Show()

	v.stepNo.SetText(i18n.F("view.step-of", i18n.Args{"Number": st.Number, "Total": st.Total}))
	v.progress.SetValue(st.Progress)

	phase := st.Phase
	paused := phase == routines.PhasePaused
	if paused {
		phase = st.Resumes
	}
	switch {
	case paused:
		v.setPhase(i18n.T("view.paused"), theme.ColorNameWarning)
	case phase == routines.PhaseGetReady:
		v.setPhase(i18n.T("view.get-ready"), theme.ColorNamePrimary)
	case phase == routines.PhaseRest:
		v.setPhase(i18n.T("view.rest"), theme.ColorNamePrimary)
	default:
		v.setPhase("", theme.ColorNamePrimary)
	}
	if paused {
		v.pauseBtn.SetText(i18n.T("view.resume"))
		v.pauseBtn.SetIcon(theme.MediaPlayIcon())
	} else {
		v.pauseBtn.SetText(i18n.T("view.pause"))
		v.pauseBtn.SetIcon(theme.MediaPauseIcon())
	}

	seg := st.Current
	step := seg.Step
	v.name.SetText(i18n.StepName(step))
	v.side.SetText(sideText(seg.Side))
	if v.side.Text == "" {
		v.side.Hide()
	} else {
		v.side.Show()
	}
	v.cues.SetText(bullets(i18n.StepCues(step)))
	v.caution.SetText(i18n.StepCaution(step))
	if step.Caution == "" {
		v.caution.Hide()
	} else {
		v.caution.Show()
	}
	if step.Timing.IsReps() && phase == routines.PhaseStep {
		v.reps.SetText(i18n.N("view.reps-each", step.Timing.Reps, i18n.Args{"Pace": shortDur(step.Timing.Pace)}))
	} else if step.Timing.IsReps() {
		v.reps.SetText(i18n.N("view.reps", step.Timing.Reps, nil))
	} else {
		v.reps.SetText("")
	}

	left := st.Left
	v.count.Text = clock(left)
	last := left <= 3*time.Second && left > 0 && !paused
	if last {
		v.count.Color = theme.Color(theme.ColorNameError)
		v.count.TextSize = 84
	} else {
		v.count.Color = theme.Color(theme.ColorNameForeground)
		v.count.TextSize = 72
	}
	v.count.Refresh()

	frames := v.framesFor(seg.Index, step)
	i := 0
	if step.Moving && len(frames) > 1 && phase == routines.PhaseStep {
		elapsed := st.Length - st.Left
		i = int(elapsed/time.Second) % len(frames)
	}
	if key := seg.Index*16 + i; key != v.shown {
		v.shown = key
		v.image.Image = frames[i]
		v.image.Refresh()
	}
	if st.HasNext {
		v.prefetch(st.Next.Index, st.Next.Step)
	}

	if st.HasNext && phase != routines.PhaseGetReady {
		v.nextText.SetText(i18n.F("view.up-next", i18n.Args{"Name": i18n.StepName(st.Next.Step) + sideSuffix(st.Next.Side)}))
		// The thumbnail appears once the prefetch has drawn it.
		if f, ok := v.frames[st.Next.Index]; ok {
			v.nextImg.Image = f[0]
			v.nextImg.Show()
		} else {
			v.nextImg.Hide()
		}
	} else if phase == routines.PhaseGetReady {
		v.nextText.SetText(i18n.N("view.steps-length", st.Total, i18n.Args{"Length": longDur(v.o.Routine.Duration())}))
		v.nextImg.Hide()
	} else {
		v.nextText.SetText(i18n.T("view.last-step"))
		v.nextImg.Hide()
	}
	v.nextImg.Refresh()
}

func (v *View) renderFinish() {
	out := v.player.Outcome()
	text := i18n.F("view.stretched-for", i18n.Args{"Length": longDur(out.Active)})
	if v.o.BreaksToday != nil {
		n := v.o.BreaksToday()
		if n == 1 {
			text += "\n" + i18n.T("view.first-break")
		} else if n > 1 {
			text += "\n" + i18n.F("view.breaks-today", i18n.Args{"Count": n})
		}
	}
	v.summary.SetText(text)
	v.playing.Hide()
	v.finish.Show()
}

func (v *View) setPhase(text string, c fyne.ThemeColorName) {
	v.phase.Text = text
	v.phase.Color = theme.Color(c)
	v.phase.Refresh()
}

// pictureSize is the pixel size pictures are drawn at: sharp at the
// window's size on a HiDPI screen, scaled down for the Up next thumbnail.
const pictureSize = 400

// framesFor returns a segment's pictures, drawing them now if the
// background prefetch has not.
func (v *View) framesFor(seg int, step routines.Step) []image.Image {
	if f, ok := v.frames[seg]; ok {
		return f
	}
	f := art.StepImages(step, v.palette, pictureSize)
	v.frames[seg] = f
	return f
}

// prefetch draws a coming segment's pictures off the Fyne goroutine, so a
// step change does not stall the countdown.
func (v *View) prefetch(seg int, step routines.Step) {
	if _, ok := v.frames[seg]; ok || v.pending[seg] {
		return
	}
	v.pending[seg] = true
	palette := v.palette
	go func() {
		f := art.StepImages(step, palette, pictureSize)
		fyne.Do(func() {
			delete(v.pending, seg)
			if _, ok := v.frames[seg]; !ok && palette == v.palette {
				v.frames[seg] = f
				v.render()
			}
		})
	}()
}

// Retheme recolours the pictures after a theme change.
func (v *View) Retheme() {
	v.palette = art.CurrentPalette()
	v.frames = map[int][]image.Image{}
	v.shown = -1
	v.render()
}

func bullets(cues []string) string {
	var b strings.Builder
	for i, c := range cues {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("• " + c)
	}
	return b.String()
}

func sideText(s routines.Side) string {
	switch s {
	case routines.LeftSide:
		return i18n.T("view.left-side")
	case routines.RightSide:
		return i18n.T("view.right-side")
	}
	return ""
}

func sideSuffix(s routines.Side) string {
	if t := sideText(s); t != "" {
		return " (" + t + ")"
	}
	return ""
}

// clock formats a countdown as m:ss, rounding up so "0:01" shows until the
// very end and "0:00" never shows while time remains.
func clock(d time.Duration) string {
	s := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

func shortDur(d time.Duration) string {
	if d%time.Second == 0 {
		return fmt.Sprintf("%d s", int(d/time.Second))
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

func longDur(d time.Duration) string {
	d = d.Round(time.Second)
	m, s := int(d/time.Minute), int(d%time.Minute/time.Second)
	switch {
	case m == 0:
		return fmt.Sprintf("%d s", s)
	case s == 0:
		return fmt.Sprintf("%d min", m)
	default:
		return fmt.Sprintf("%d min %02d s", m, s)
	}
}

// DefaultSize is the window's size when it opens. Its height, like the
// content's minimum, fits a 1366×768 screen with a panel and a title bar
// (at most 700 px; a test checks both).
func DefaultSize() fyne.Size { return fyne.NewSize(880, 660) }
