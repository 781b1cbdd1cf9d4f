package gui

import (
	"io"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/limber-app/limber/app/autostart"
	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/ui/settings"
	"github.com/limber-app/limber/app/ui/stats"
	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/routines"
)

// showSettings edits config.toml. Save writes it atomically, keeping the
// user's comments and unknown keys; the daemon applies it at once.
func (s *session) showSettings(catalog routines.Catalog) error {
	path := s.o.Paths.ConfigFile()
	cfg, errs := reminders.LoadConfig(path)
	var auto settings.Autostart
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		if a, err := autostart.FromEnv(os.Getenv, exe); err == nil {
			auto = a
		}
	}
	tell := func(action control.Action) {
		out := control.Outcome{Window: control.WindowSettings, Action: action}
		if s.o.Child {
			s.send(out)
		} else {
			s.tell(control.Request{Cmd: control.CmdOutcome, Outcome: &out})
		}
	}
	v := settings.New(settings.Options{
		Config:    cfg,
		Errors:    errs,
		Path:      path,
		Routines:  catalog.Routines,
		Autostart: auto,
		Save: func(c reminders.Config) error {
			if err := reminders.SaveConfig(path, c); err != nil {
				return err
			}
			tell(control.ActionSaved)
			s.win.Close()
			return nil
		},
		Cancel:       s.win.Close,
		TestReminder: func() { tell(control.ActionTest) },
		ConfirmDiscard: func(discard func()) {
			dialog.ShowConfirm(i18n.T("settings.discard.title"), i18n.T("settings.discard.question"),
				func(ok bool) {
					if ok {
						discard()
					}
				}, s.win)
		},
	})
	s.win.SetTitle(i18n.T("window.settings"))
	s.win.SetContent(v.Content())
	s.win.Canvas().SetOnTypedKey(v.TypedKey)
	s.win.Resize(settings.DefaultSize())
	return nil
}

// showStats shows the history: today, the last 7 or 30 days, and the
// routines done most.
func (s *session) showStats(catalog routines.Catalog) error {
	events, err := reminders.ReadHistory(s.o.Paths.HistoryFile())
	if err != nil {
		fyne.LogError("read history", err)
	}
	v := stats.New(stats.Options{
		Close:  s.win.Close,
		Events: events,
		Now:    time.Now(),
		Names: func(id string) string {
			if r, ok := catalog.Find(id); ok {
				return i18n.RoutineName(r)
			}
			return id
		},
		Save: func(name string, write func(io.Writer) error) {
			d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
				if err != nil {
					dialog.ShowError(err, s.win)
					return
				}
				if w == nil {
					return // cancelled
				}
				werr := write(w)
				if cerr := w.Close(); werr == nil {
					werr = cerr
				}
				if werr != nil {
					dialog.ShowError(werr, s.win)
				}
			}, s.win)
			d.SetFileName(name)
			if home, err := os.UserHomeDir(); err == nil {
				if dir, err := storage.ListerForURI(storage.NewFileURI(home)); err == nil {
					d.SetLocation(dir)
				}
			}
			d.Resize(fyne.NewSize(720, 520))
			d.Show()
		},
	})
	s.win.SetTitle(i18n.T("window.stats"))
	s.win.SetContent(v.Content())
	s.win.Canvas().SetOnTypedKey(v.TypedKey)
	s.win.Resize(stats.DefaultSize())
	return nil
}
