package gui

import (
	"errors"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/sound"
	"github.com/limber-app/limber/app/sound/pulse"
	"github.com/limber-app/limber/app/ui/routine"
	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/routines"
)

// tickEvery is how often the routine window redraws: often enough for a
// smooth countdown (a moving step's figure has its own, faster ticker
// while it plays, see app/ui/routine). The window process
// lives only as long as the routine, so this costs the daemon nothing.
const tickEvery = 200 * time.Millisecond

const safetySeen = "safety-note-seen"

func (s *session) showRoutine(catalog routines.Catalog, id string) error {
	r, ok := catalog.Find(id)
	if !ok {
		return errors.New("no routine " + id)
	}
	s.win.SetTitle(i18n.F("window.routine", i18n.Args{"Name": i18n.RoutineName(r)}))
	s.win.Resize(routine.DefaultSize())

	breaksBefore := s.breaksToday()
	_, err := os.Stat(s.markerPath(safetySeen))
	firstUse := errors.Is(err, os.ErrNotExist)

	var view *routine.View
	var finished bool
	cfg, _ := reminders.LoadConfig(s.o.Paths.ConfigFile())
	cues := s.soundQueue(func() *routine.View { return view })
	view = routine.New(routine.Options{
		Sound:       cues,
		Muted:       !cfg.Sounds,
		Routine:     r,
		Clock:       time.Now,
		ShowSafety:  firstUse,
		SafetyAck:   func() { s.mark(safetySeen) },
		BreaksToday: func() int { return breaksBefore + 1 },
		Finished: func(out routines.Outcome) {
			finished = true
			s.record(r.ID, out)
		},
		Close: func(out routines.Outcome) {
			if !finished {
				s.record(r.ID, out)
			}
			s.win.Close()
		},
		Another: func() {
			switch {
			case s.o.Child:
				s.send(control.Outcome{Window: control.WindowRoutine, Action: control.ActionAnother})
				s.win.Close()
			case s.tell(control.Request{Cmd: control.CmdOpen, Window: control.WindowPicker}):
				s.win.Close()
			default:
				s.showPicker(catalog)
			}
		},
	})
	s.win.SetContent(view.Content())
	s.win.Canvas().SetOnTypedKey(view.TypedKey)
	s.win.SetCloseIntercept(func() { view.CloseWindow() })
	s.app.Settings().AddListener(func(fyne.Settings) { fyne.Do(view.Retheme) })

	// One ticker per window: a routine started again from the picker in
	// this window replaces the previous one.
	if s.stopTicker != nil {
		s.stopTicker()
	}
	stop := make(chan struct{})
	var once sync.Once
	s.stopTicker = func() { once.Do(func() { close(stop); view.Stop() }) }
	s.onClosed = append(s.onClosed, s.stopTicker)
	go func() {
		t := time.NewTicker(tickEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				fyne.Do(view.Tick)
			case <-stop:
				return
			}
		}
	}()
	return nil
}

// soundQueue plays the routine's cues; it connects to the sound server on
// the first cue, and where none answers the view says so once and the
// routine goes on silently.
func (s *session) soundQueue(view func() *routine.View) *sound.Queue {
	q := sound.NewQueue(func() (sound.Backend, error) { return pulse.Open("Limber") }, func(err error) {
		fyne.LogError("routine sounds", err)
		fyne.Do(func() {
			if v := view(); v != nil {
				v.SoundUnavailable()
			}
		})
	})
	s.onClosed = append(s.onClosed, q.Close)
	return q
}

// record reports a routine's outcome: to the daemon when we are its
// child, else straight into the history, so a routine done without the
// daemon still counts.
func (s *session) record(id string, out routines.Outcome) {
	action := control.ActionStopped
	if out.Completed {
		action = control.ActionCompleted
	}
	msg := control.Outcome{Window: control.WindowRoutine, Action: action, RoutineID: id, Seconds: int(out.Active / time.Second), Steps: out.StepsDone}
	if s.o.Child && s.send(msg) == nil {
		return
	}
	// Not our daemon's child, or the daemon that started us is gone: give
	// it to the daemon that runs now, if any, else to the history.
	if s.tell(control.Request{Cmd: control.CmdOutcome, Outcome: &msg}) {
		return
	}
	h, err := reminders.OpenHistory(s.o.Paths.HistoryFile())
	if err != nil {
		fyne.LogError("record routine", err)
		return
	}
	defer h.Close()
	completed := out.Completed
	if err := h.Append(reminders.Event{T: time.Now(), Event: reminders.EventRoutine, Routine: id,
		Completed: &completed, Seconds: int64(out.Active / time.Second)}); err != nil {
		fyne.LogError("record routine", err)
	}
}

// breaksToday counts today's breaks from the history file.
func (s *session) breaksToday() int {
	events, _ := reminders.ReadHistory(s.o.Paths.HistoryFile())
	days := reminders.Summarize(events, time.Local)
	today := time.Now().Format(time.DateOnly)
	for _, d := range days {
		if d.Date == today {
			return d.Breaks
		}
	}
	return 0
}

// mark creates a marker file; failing to is harmless (the note shows again).
func (s *session) mark(name string) {
	if err := os.MkdirAll(s.o.Paths.StateDir, 0o700); err != nil {
		return
	}
	_ = os.WriteFile(s.markerPath(name), nil, 0o600)
}
