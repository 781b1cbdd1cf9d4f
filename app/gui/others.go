package gui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/ui/picker"
	"github.com/limber-app/limber/app/ui/prompt"
	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/routines"
)

// showPicker lists every routine. Starting one hands it to the daemon,
// which owns routine windows; without a daemon it plays in this window.
func (s *session) showPicker(catalog routines.Catalog) {
	s.win.SetTitle(i18n.T("window.picker"))
	v := picker.New(picker.Options{
		Catalog: catalog,
		Close:   s.win.Close,
		Start: func(id string) {
			switch {
			case s.o.Child:
				s.send(control.Outcome{Action: control.ActionStart, RoutineID: id})
				s.win.Close()
			case s.tell(control.Request{Cmd: control.CmdOpen, Window: control.WindowRoutine, Arg: id}):
				s.win.Close()
			default:
				if err := s.showRoutine(catalog, id); err != nil {
					fyne.LogError("start routine", err)
				}
			}
		},
	})
	s.win.SetContent(v.Content())
	s.win.Canvas().SetOnTypedKey(v.TypedKey)
	s.win.SetCloseIntercept(nil)
	s.win.Resize(picker.DefaultSize())
}

// showPrompt is the break window used when no notification server
// answers, or when the user prefers a window. Its argument is
// "ROUTINE STRETCH SITTING_SECONDS" as the daemon composed the reminder.
func (s *session) showPrompt(catalog routines.Catalog, arg string) error {
	fields := strings.Fields(arg)
	for len(fields) < 3 {
		fields = append(fields, "")
	}
	r, ok := catalog.Find(fields[0])
	if !ok {
		r, _ = catalog.Find(routines.QuickStandingReset)
	}
	stretch, _ := routines.LookupStretch(fields[1])
	secs, _ := strconv.Atoi(fields[2])
	cfg, _ := reminders.LoadConfig(s.o.Paths.ConfigFile())

	answer := func(action control.Action) func() {
		return func() {
			out := control.Outcome{Action: action, RoutineID: r.ID}
			if s.o.Child {
				s.send(out)
			} else {
				out.Window = control.WindowPrompt
				s.tell(control.Request{Cmd: control.CmdOutcome, Outcome: &out})
			}
			s.win.Close()
		}
	}
	v := prompt.New(prompt.Options{
		Sitting:   time.Duration(secs) * time.Second,
		Stretch:   stretch,
		Routine:   r,
		SnoozeFor: cfg.Snooze,
		Start:     answer(control.ActionStart),
		Snooze:    answer(control.ActionSnooze),
		Skip:      answer(control.ActionSkip),
		Close:     s.win.Close,
	})
	s.win.SetTitle(i18n.T("window.prompt"))
	s.win.SetContent(v.Content())
	s.win.Canvas().SetOnTypedKey(v.TypedKey)
	s.win.Resize(prompt.DefaultSize())
	s.win.SetFixedSize(true)
	return nil
}
