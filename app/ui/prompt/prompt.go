// Package prompt is the break prompt window's content, shown instead of a
// desktop notification when no notification server answers or when the user
// prefers prompts: how long they have been sitting, one suggested stretch
// with its picture and action, and Start routine / Snooze / Skip.
//
// It does not create the Fyne app or window (app/gui does), so it is tested
// with fyne.io/fyne/v2/test and no GL. Use a View on the Fyne goroutine only.
package prompt

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/i18n"
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
	// Close closes the window (Esc) without answering; nil ignores Esc.
	Close func()
}

// View is the prompt's content (about 460×420). Create it with New.
type View struct {
	headline, suggestion, cue, routine *widget.Label
	picture                            *canvas.Image
	startBtn, snoozeBtn, skipBtn       *widget.Button
	content                            fyne.CanvasObject
	close                              func()
}

// pictureWidth and pictureHeight size the stretch's illustration.
const pictureWidth, pictureHeight = 150, 120

// New builds the prompt.
func New(o Options) *View {
	v := &View{close: o.Close}

	v.headline = widget.NewLabel(headline(o.Sitting))
	v.headline.TextStyle = fyne.TextStyle{Bold: true}
	v.headline.SizeName = theme.SizeNameSubHeadingText
	v.headline.Alignment = fyne.TextAlignCenter
	v.headline.Truncation = fyne.TextTruncateEllipsis
	invite := widget.NewLabel(i18n.T("prompt.invite"))
	invite.Alignment = fyne.TextAlignCenter
	invite.Truncation = fyne.TextTruncateEllipsis

	v.startBtn = button(i18n.T("prompt.start"), theme.MediaPlayIcon(), o.Start)
	v.startBtn.Importance = widget.HighImportance
	v.snoozeBtn = button(snoozeLabel(o.SnoozeFor), theme.HistoryIcon(), o.Snooze)
	v.skipBtn = button(i18n.T("prompt.skip"), theme.NavigateNextIcon(), o.Skip)
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

// suggestionBox shows the stretch's picture, name and action; nil when no
// stretch is suggested.
func (v *View) suggestionBox(s routines.Stretch) fyne.CanvasObject {
	if s.ID == "" && s.Name == "" {
		return nil
	}
	name := i18n.StretchName(s)
	if name == "" {
		name = s.ID
	}
	v.suggestion = widget.NewLabel(i18n.F("prompt.try", i18n.Args{"Stretch": name}))
	v.suggestion.TextStyle = fyne.TextStyle{Bold: true}
	v.suggestion.Truncation = fyne.TextTruncateEllipsis
	// What to do, in one line, as the notification says it; the first cue
	// only sets the stretch up ("Stand tall"). A stretch without an action
	// shows its first cue.
	cue := i18n.StretchAction(s)
	if cues := i18n.StretchCues(s); cue == "" && len(cues) > 0 {
		cue = cues[0]
	}
	v.cue = widget.NewLabel(cue)
	v.cue.Wrapping = fyne.TextWrapWord
	texts := container.NewVBox(v.suggestion, v.cue)
	if cue == "" {
		v.cue.Hide()
	}

	// A raster keeps the picture's proportions; Fyne would stretch an SVG
	// to the shape of its slot.
	frames := art.StepImages(routines.StepOf(s, 0), art.CurrentPalette(), picturePixels)
	if len(frames) == 0 {
		return texts
	}
	v.picture = canvas.NewImageFromImage(frames[0])
	v.picture.FillMode = canvas.ImageFillContain
	v.picture.SetMinSize(fyne.NewSize(pictureWidth, pictureHeight))
	if app := fyne.CurrentApp(); app != nil {
		// The picture is coloured for the theme; follow a light/dark switch.
		app.Settings().AddListener(func(fyne.Settings) {
			fyne.Do(func() {
				if f := art.StepImages(routines.StepOf(s, 0), art.CurrentPalette(), picturePixels); len(f) > 0 {
					v.picture.Image = f[0]
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
	return i18n.F("prompt.headline", i18n.Args{"Duration": i18n.Long(sitting)})
}

// snoozeLabel is the Snooze button's text: "Snooze 10 min", "Snooze 1h 30min",
// or plain "Snooze" when the length is unknown.
func snoozeLabel(d time.Duration) string {
	if d <= 0 {
		return i18n.T("prompt.snooze")
	}
	length := i18n.Minutes(d)
	return i18n.F("prompt.snooze-for", i18n.Args{"Length": length})
}

// routineLine names what Start opens: "Quick standing reset · 2 min".
func routineLine(r routines.Routine) string {
	name := i18n.RoutineName(r)
	if name == "" {
		return ""
	}
	d := r.Duration()
	if d <= 0 {
		return name
	}
	return name + " · " + i18n.Minutes(d)
}

// picturePixels is the size the suggested stretch is drawn at.
const picturePixels = 256

// DefaultSize is the window's size when it opens. Its height, like the
// content's minimum, fits a 1366×768 screen with a panel and a title bar
// (at most 700 px; a test checks both).
func DefaultSize() fyne.Size { return fyne.NewSize(460, 420) }

// TypedKey handles the window's keys: Esc closes it, answering nothing.
func (v *View) TypedKey(ev *fyne.KeyEvent) {
	if ev != nil && ev.Name == fyne.KeyEscape && v.close != nil {
		v.close()
	}
}
