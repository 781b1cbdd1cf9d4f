// Package prompt is the break prompt window's content, shown instead of a
// desktop notification when no notification server answers or when the user
// prefers prompts: how long they have been sitting, one suggested stretch
// with its picture and first cue, and Start routine / Snooze / Skip.
//
// It does not create the Fyne app or window (app/gui does), so it is tested
// with fyne.io/fyne/v2/test and no GL. Use a View on the Fyne goroutine only.
package prompt

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/ui/art"
	"github.com/limber-app/limber/routines"
)

// Options configure a prompt.
type Options struct {
	Sitting   time.Duration    // how long the user has been sitting
	Stretch   routines.Stretch // suggested standing or seated stretch; zero for none
	Routine   routines.Routine // what Start opens
	SnoozeFor time.Duration    // shown on the Snooze button ("Snooze 10 min")

	// The buttons' actions. A nil action disables its button.
	Start, Snooze, Skip func()
}

// View is the prompt's content (about 460×420). Create it with New.
type View struct {
	headline, suggestion, cue, routine *widget.Label
	picture                            *canvas.Image
	startBtn, snoozeBtn, skipBtn       *widget.Button
	content                            fyne.CanvasObject
}

// pictureWidth and pictureHeight size the stretch's illustration.
const pictureWidth, pictureHeight = 150, 120

// New builds the prompt.
func New(o Options) *View {
	v := &View{}

	v.headline = widget.NewLabel(headline(o.Sitting))
	v.headline.TextStyle = fyne.TextStyle{Bold: true}
	v.headline.SizeName = theme.SizeNameSubHeadingText
	v.headline.Alignment = fyne.TextAlignCenter
	v.headline.Truncation = fyne.TextTruncateEllipsis
	invite := widget.NewLabel("A short stretch now is good for your back and your focus.")
	invite.Alignment = fyne.TextAlignCenter
	invite.Truncation = fyne.TextTruncateEllipsis

	v.startBtn = button("Start routine", theme.MediaPlayIcon(), o.Start)
	v.startBtn.Importance = widget.HighImportance
	v.snoozeBtn = button(snoozeLabel(o.SnoozeFor), theme.HistoryIcon(), o.Snooze)
	v.skipBtn = button("Skip", theme.NavigateNextIcon(), o.Skip)
	v.skipBtn.Importance = widget.LowImportance

	v.routine = widget.NewLabel(routineLine(o.Routine))
	v.routine.Alignment = fyne.TextAlignCenter
	v.routine.SizeName = theme.SizeNameCaptionText
	v.routine.Truncation = fyne.TextTruncateEllipsis
	if v.routine.Text == "" {
		v.routine.Hide()
	}

	top := container.NewVBox(v.headline, invite)
	body := container.NewVBox(top, widget.NewSeparator())
	if s := v.suggestionBox(o.Stretch); s != nil {
		body.Add(s)
	}
	actions := container.NewVBox(
		v.startBtn,
		v.routine,
		container.NewGridWithColumns(2, v.snoozeBtn, v.skipBtn),
	)
	v.content = container.NewPadded(container.NewBorder(body, actions, nil, nil))
	return v
}

// Content is the object to put in the window.
func (v *View) Content() fyne.CanvasObject { return v.content }

// suggestionBox shows the stretch's picture, name and first cue; nil when no
// stretch is suggested.
func (v *View) suggestionBox(s routines.Stretch) fyne.CanvasObject {
	if s.ID == "" && s.Name == "" {
		return nil
	}
	name := s.Name
	if name == "" {
		name = s.ID
	}
	v.suggestion = widget.NewLabel("Try this: " + name)
	v.suggestion.TextStyle = fyne.TextStyle{Bold: true}
	v.suggestion.Truncation = fyne.TextTruncateEllipsis
	var cue string
	if len(s.Cues) > 0 {
		cue = s.Cues[0]
	}
	v.cue = widget.NewLabel(cue)
	v.cue.Wrapping = fyne.TextWrapWord
	texts := container.NewVBox(v.suggestion, v.cue)
	if cue == "" {
		v.cue.Hide()
	}

	frames := art.StepFrames(routines.StepOf(s, 0), art.CurrentPalette())
	if len(frames) == 0 {
		return texts
	}
	v.picture = canvas.NewImageFromResource(frames[0])
	v.picture.FillMode = canvas.ImageFillContain
	v.picture.SetMinSize(fyne.NewSize(pictureWidth, pictureHeight))
	if app := fyne.CurrentApp(); app != nil {
		// The picture is coloured for the theme; follow a light/dark switch.
		app.Settings().AddListener(func(fyne.Settings) {
			fyne.Do(func() {
				if f := art.StepFrames(routines.StepOf(s, 0), art.CurrentPalette()); len(f) > 0 {
					v.picture.Resource = f[0]
					v.picture.Refresh()
				}
			})
		})
	}
	return container.NewBorder(nil, nil, v.picture, nil, texts)
}

// button makes a button that runs action, disabled when action is nil.
func button(label string, icon fyne.Resource, action func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, action)
	if action == nil {
		b.Disable()
	}
	return b
}

// headline is the prompt's first line: "You have been sitting for 47 minutes".
func headline(sitting time.Duration) string {
	return "You have been sitting for " + sittingLabel(sitting)
}

// sittingLabel says a sitting time in whole minutes, rounded down (the
// user has sat at least that long): "1 minute", "47 minutes", "1h 05min".
func sittingLabel(d time.Duration) string {
	m := int(d / time.Minute)
	switch {
	case m < 1:
		return "less than a minute"
	case m == 1:
		return "1 minute"
	case m < 60:
		return fmt.Sprintf("%d minutes", m)
	default:
		return fmt.Sprintf("%dh %02dmin", m/60, m%60)
	}
}

// snoozeLabel is the Snooze button's text: "Snooze 10 min", "Snooze 1h 30min",
// or plain "Snooze" when the length is unknown.
func snoozeLabel(d time.Duration) string {
	if d <= 0 {
		return "Snooze"
	}
	if d < time.Minute {
		return fmt.Sprintf("Snooze %d s", max(1, int(d.Round(time.Second)/time.Second)))
	}
	m := int(d.Round(time.Minute) / time.Minute)
	switch {
	case m < 60:
		return fmt.Sprintf("Snooze %d min", m)
	case m%60 == 0:
		return fmt.Sprintf("Snooze %dh", m/60)
	default:
		return fmt.Sprintf("Snooze %dh %02dmin", m/60, m%60)
	}
}

// routineLine names what Start opens: "Quick standing reset · 2 min".
func routineLine(r routines.Routine) string {
	if r.Name == "" {
		return ""
	}
	d := r.Duration()
	if d <= 0 {
		return r.Name
	}
	if d < 50*time.Second {
		return fmt.Sprintf("%s · %d s", r.Name, int(d.Round(time.Second)/time.Second))
	}
	return fmt.Sprintf("%s · %d min", r.Name, max(1, int(d.Round(time.Minute)/time.Minute)))
}
