package routine

import (
	"fmt"
	"image"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/routines"
)

// render copies the player's state onto the widgets.
func (v *View) render() {
	st := v.player.State()
	if st.Phase == routines.PhaseFinished {
		v.setPlaying(false)
		v.renderFinish()
		return
	}
	v.finish.Hide()
	v.playing.Show()

	setText(v.stepNo, stepOf(st))
	// The bar moves with the countdown, once a second: moved at every
	// tick it would repaint the window five times a second for a pixel.
	if key := fmt.Sprint(st.Number, st.Phase, clock(st.Left)); key != v.barAt {
		v.barAt = key
		v.progress.SetValue(st.Progress)
	}

	phase := st.Phase
	paused := phase == routines.PhasePaused
	if paused {
		phase = st.Resumes
	}
	v.renderPhase(phase, paused)
	v.renderStep(st.Current, phase)
	v.renderSideAndReps(st, phase)
	v.renderCount(st.Left, phase, paused)
	v.renderPicture(st, phase)
	v.renderNext(st, phase)
}

// stepOf is the header's "Step 3 of 5", with the side of a per-side step:
// a step done on both sides is one step, as the picker counts it.
func stepOf(st routines.State) string {
	args := i18n.Args{"Number": st.StepNumber, "Total": st.Steps}
	switch st.Current.Side {
	case routines.LeftSide:
		return i18n.F("view.step-of-left", args)
	case routines.RightSide:
		return i18n.F("view.step-of-right", args)
	}
	return i18n.F("view.step-of", args)
}

// renderPhase shows what the player is doing above the stretch's name,
// and whether the pause button pauses or resumes. A rest says so in the
// heading instead (see renderStep).
func (v *View) renderPhase(phase routines.Phase, paused bool) {
	switch {
	case paused:
		v.setPhase(i18n.T("view.paused"), theme.ColorNameForeground)
	case phase == routines.PhaseGetReady:
		v.setPhase(i18n.T("view.get-ready"), theme.ColorNamePrimary)
	default:
		v.setPhase("", theme.ColorNamePrimary)
	}
	text, icon := i18n.T("view.pause"), theme.MediaPauseIcon()
	if paused {
		text, icon = i18n.T("view.resume"), theme.MediaPlayIcon()
	}
	if v.pauseBtn.Text != text {
		v.pauseBtn.SetText(text)
		v.pauseBtn.SetIcon(icon)
	}
}

// renderStep shows the stretch's name, cues and caution. During a rest
// the stretch is the one that comes next, and the heading says so:
// "Rest · next: Overhead reach".
func (v *View) renderStep(seg routines.SegmentView, phase routines.Phase) {
	step := seg.Step
	name := i18n.StepName(step)
	if phase == routines.PhaseRest {
		name = i18n.F("view.rest-next", i18n.Args{"Name": name + sideSuffix(seg.Side)})
	}
	setText(v.name, name)
	setText(v.cueText, bullets(i18n.StepCues(step)))
	setText(v.cautionTx, i18n.StepCaution(step))
	showIf(v.caution, step.Caution != "")
}

// renderSideAndReps shows, beside the countdown, the side in large type
// and the repetitions: "6 reps" before the step, "Rep 3 of 6" during it.
// A rest shows neither, so its countdown cannot be read as the step's.
func (v *View) renderSideAndReps(st routines.State, phase routines.Phase) {
	side := ""
	if phase != routines.PhaseRest {
		side = sideText(st.Current.Side)
	}
	setCanvasText(v.side, side, theme.Color(theme.ColorNameForeground), v.side.TextSize)
	showIf(v.side, side != "")

	timing := st.Current.Step.Timing
	switch {
	case phase == routines.PhaseStep && st.Reps > 0:
		setText(v.reps, i18n.F("view.rep-of", i18n.Args{"Number": st.Rep, "Total": st.Reps}))
	case phase == routines.PhaseGetReady && timing.IsReps():
		setText(v.reps, i18n.N("view.reps", timing.Reps, nil))
	default:
		setText(v.reps, "")
	}
	showIf(v.reps, v.reps.Text != "")
}

// setText sets a label's text and leaves an unchanged label alone: the
// window renders five times a second, and every refresh repaints it.
func setText(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

// setCanvasText sets a text's content, colour and size, refreshing it
// only when one of them changes (see setText).
func setCanvasText(t *canvas.Text, s string, c color.Color, size float32) {
	if t.Text == s && t.TextSize == size && sameColour(t.Color, c) {
		return
	}
	t.Text, t.Color, t.TextSize = s, c, size
	t.Refresh()
}

func sameColour(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

func showIf(o fyne.CanvasObject, show bool) {
	if show {
		o.Show()
	} else {
		o.Hide()
	}
}

// renderCount shows the countdown: larger and in the primary colour in
// the last three seconds of a step or of the get-ready count, calm during
// a rest. Its box is sized for the larger text, so nothing moves.
func (v *View) renderCount(left time.Duration, phase routines.Phase, paused bool) {
	last := left <= 3*time.Second && left > 0 && !paused && phase != routines.PhaseRest
	switch {
	case last:
		setCanvasText(v.count, clock(left), theme.Color(theme.ColorNamePrimary), countSizeLast)
	case phase == routines.PhaseRest:
		setCanvasText(v.count, clock(left), theme.Color(theme.ColorNamePrimary), countSize)
	default:
		setCanvasText(v.count, clock(left), theme.Color(theme.ColorNameForeground), countSize)
	}
}

// renderPicture shows the step's picture (a moving step plays its
// movement, see motion.go), starts drawing the next step's, and forgets
// the pictures of steps behind.
func (v *View) renderPicture(st routines.State, phase routines.Phase) {
	seg := st.Current
	v.framesFor(seg)
	v.drawMotion(seg)
	playing := v.showPicture(st, phase)
	v.setPlaying(playing && !v.stopped)
	next := -1
	if st.HasNext {
		v.prefetch(st.Next)
		next = st.Next.Index
	}
	v.keepPictures(seg.Index, next)
}

// showPicture shows the picture of the moment and reports whether it
// changes with time (a movement playing).
func (v *View) showPicture(st routines.State, phase routines.Phase) bool {
	p, ok := v.cached(st.Current.Index)
	if !ok {
		return false
	}
	imgs, i, playing := v.pictureNow(st, phase, p)
	v.image.show(imgs, i)
	return playing
}

// renderNext shows, under a step, what comes after it: the routine's
// length before it starts, the next step with its thumbnail, or that this
// is the last step. A rest already names the next step, so it hides this.
func (v *View) renderNext(st routines.State, phase routines.Phase) {
	showIf(v.upNext, phase != routines.PhaseRest)
	var thumb image.Image
	switch {
	case phase == routines.PhaseGetReady:
		setText(v.nextText, i18n.N("view.steps-length", st.Steps, i18n.Args{"Length": i18n.Short(v.o.Routine.Duration())}))
	case st.HasNext:
		setText(v.nextText, i18n.F("view.up-next", i18n.Args{"Name": i18n.StepName(st.Next.Step) + sideSuffix(st.Next.Side)}))
		// The thumbnail appears once the prefetch has drawn it.
		if p, ok := v.cached(st.Next.Index); ok {
			thumb = p.thumb
		}
	default:
		setText(v.nextText, i18n.T("view.last-step"))
	}
	// Refreshing an image uploads it again: only when it changes.
	if v.nextImg.Image == thumb && v.nextImg.Visible() == (thumb != nil) {
		return
	}
	if thumb != nil {
		v.nextImg.Image = thumb
	}
	showIf(v.nextImg, thumb != nil)
	v.nextImg.Refresh()
	v.upNext.Refresh() // lays out a thumbnail that was hidden until now
}

// renderFinish shows what was done: how many stretches in how long, today's
// breaks, and the stretches' names.
func (v *View) renderFinish() {
	out := v.player.Outcome()
	lines := []string{i18n.N("view.did-stretches", out.StepsDone, i18n.Args{"Length": i18n.Short(out.Active)})}
	if v.o.BreaksToday != nil {
		if n := v.o.BreaksToday(); n == 1 {
			lines = append(lines, i18n.T("view.first-break"))
		} else if n > 1 {
			lines = append(lines, i18n.F("view.breaks-today", i18n.Args{"Count": n}))
		}
	}
	v.summary.SetText(strings.Join(lines, "\n"))
	var names []string
	for _, i := range v.player.DoneSteps() {
		names = append(names, i18n.StepName(v.o.Routine.Steps[i]))
	}
	v.did.SetText(wrapList(names, " · ", finishLine))
	showIf(v.did, len(names) > 0)
	v.playing.Hide()
	v.finish.Show()
}

// finishLine is how many characters a line of the finish screen's list of
// stretches holds before it breaks.
const finishLine = 56

// wrapList joins items with sep, breaking lines before width characters;
// an item is never split.
func wrapList(items []string, sep string, width int) string {
	var b strings.Builder
	line := 0
	for i, it := range items {
		n := len([]rune(it))
		switch {
		case i == 0:
		case line+len([]rune(sep))+n > width:
			b.WriteString("\n")
			line = 0
		default:
			b.WriteString(sep)
			line += len([]rune(sep))
		}
		b.WriteString(it)
		line += n
	}
	return b.String()
}

func (v *View) setPhase(text string, c fyne.ThemeColorName) {
	setCanvasText(v.phase, text, theme.Color(c), v.phase.TextSize)
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
