package daemon

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/tray"
	"github.com/limber-app/limber/reminders/notify"
	"github.com/limber-app/limber/reminders/session"
)

// watchSession feeds sleep, wake, lock and unlock into the engine. Where
// none of them can be watched the engine's clock check is the backstop.
func (d *Daemon) watchSession() {
	events, err := session.Watch(d.ctx, session.WithReport(func(source string, err error) {
		d.log.Debug("session source unavailable", "source", source, "err", err)
	}))
	if err != nil || events == nil {
		d.log.Info("sleep and lock events unavailable; relying on the clock to notice suspends", "err", err)
		return
	}
	for ev := range events {
		d.mu.Lock()
		at := now()
		switch ev {
		case session.Sleep:
			d.core.apply(d.core.eng.Sleep(at))
		case session.Wake:
			d.core.apply(d.core.eng.Wake(at))
		case session.Lock:
			d.core.apply(d.core.eng.Lock(at))
		case session.Unlock:
			d.core.apply(d.core.eng.Unlock(at))
		}
		d.mu.Unlock()
		d.log.Info("session", "event", ev.String())
		d.poke()
	}
}

// watchFiles reloads the config and the user's routines when they change,
// using inotify (no polling). Editors replace files by rename, so the
// folders are watched, not the files.
func (d *Daemon) watchFiles() {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		d.log.Warn("config changes need a restart: cannot watch files", "err", err)
		return
	}
	defer w.Close()
	cfgDir := filepath.Dir(d.core.cfgPath)
	routinesDir := d.opts.Paths.RoutinesDir()
	// A folder can only be watched once it exists: make Limber's own (an
	// empty folder changes nothing), so a config or routine written later
	// is picked up without a restart.
	if err := os.MkdirAll(routinesDir, 0o700); err != nil {
		d.log.Debug("cannot create the routines folder", "err", err)
	}
	for _, dir := range []string{cfgDir, routinesDir} {
		if err := w.Add(dir); err != nil {
			d.log.Debug("not watching", "dir", dir, "err", err)
		}
	}
	// Coalesce bursts (write + chmod + rename) into one reload. Catch up
	// first with what changed between loading and watching.
	var debounce <-chan time.Time
	d.mu.Lock()
	cfgChanged, routinesChanged := d.core.stale()
	d.mu.Unlock()
	if cfgChanged || routinesChanged {
		debounce = time.After(0)
	}
	for {
		select {
		case <-d.ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			switch {
			case ev.Name == d.core.cfgPath:
				cfgChanged = true
			case filepath.Dir(ev.Name) == routinesDir && strings.HasSuffix(ev.Name, ".toml"):
				routinesChanged = true
			case ev.Name == routinesDir && ev.Has(fsnotify.Create):
				_ = w.Add(routinesDir)
				routinesChanged = true
			default:
				continue
			}
			debounce = time.After(300 * time.Millisecond)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			d.log.Warn("file watch", "err", err)
		case <-debounce:
			debounce = nil
			d.mu.Lock()
			var cfgErrs []string
			if cfgChanged {
				before := d.core.configErrors()
				d.core.reloadConfig()
				d.log.Info("config reloaded", "errors", len(d.core.cfgErrs))
				if after := d.core.configErrors(); !slices.Equal(before, after) {
					cfgErrs = after
				}
			}
			var entries []tray.Entry
			if routinesChanged {
				d.core.reloadRoutines()
				entries = d.core.trayRoutines()
			}
			t := d.tray
			d.mu.Unlock()
			if routinesChanged && t != nil {
				t.SetRoutines(entries)
			}
			cfgChanged, routinesChanged = false, false
			go d.reportConfigErrors(cfgErrs)
			d.poke()
		}
	}
}

// remind shows one reminder: a notification with Start/Snooze buttons where
// the server has actions, else a plain one, and the break window when no
// notification server answers, so a reminder is never lost silently.
func (d *Daemon) remind(r reminder) {
	d.log.Info("reminder", "sitting", r.Sitting.Round(time.Second).String(), "routine", r.Routine)
	if !r.Prompt {
		err := d.notify(r)
		if err == nil {
			return
		}
		d.log.Warn("notification failed; showing the break window instead", "err", err)
	}
	arg := fmt.Sprintf("%s %s %d", r.Routine, r.Stretch, int(r.Sitting/time.Second))
	if err := d.openWindow(control.WindowPrompt, arg); err != nil {
		d.log.Error("break window", "err", err)
	}
}

func (d *Daemon) notify(r reminder) error {
	note := notify.Notification{Title: r.Title, Body: r.Body}
	d.mu.Lock()
	buttons := d.core.cfg.NotificationButtons
	d.mu.Unlock()
	return d.send(note, buttons)
}

// send shows a notification, with the reminder buttons when asked for and
// the server supports them. It connects to the notification server lazily
// and reconnects after the server went away.
func (d *Daemon) send(note notify.Notification, buttons bool) error {
	d.notifyMu.Lock()
	defer d.notifyMu.Unlock()
	if d.notifier == nil {
		n, err := notify.New()
		if err != nil {
			return err
		}
		d.notifier = n
		go d.followActions(n)
	}
	if buttons && d.notifier.SupportsActions() {
		note.Actions = translateActions(notify.ReminderActions())
	}
	ctx, cancel := context.WithTimeout(d.ctx, 3*time.Second)
	defer cancel()
	_, err := d.notifier.Send(ctx, note)
	if errors.Is(err, notify.ErrNoServer) {
		d.notifier.Close()
		d.notifier = nil
	}
	return err
}

// reportConfigErrors tells the user once, by notification, that their
// config has problems; `limber status` lists them until they are fixed.
func (d *Daemon) reportConfigErrors(errs []string) {
	if len(errs) == 0 {
		return
	}
	// The errors themselves (file, line, key) come from the config parser and
	// stay in English; the sentences around them are translated.
	body := strings.Join(errs[:min(len(errs), 3)], "\n")
	if len(errs) > 3 {
		body += "\n" + i18n.N("config-errors.more", len(errs)-3, nil)
	}
	body += "\n" + i18n.T("config-errors.defaults")
	if err := d.send(notify.Notification{Title: i18n.T("config-errors.title"), Body: body}, false); err != nil {
		d.log.Debug("config error notification", "err", err)
	}
}

// translateActions labels the reminder buttons in the active language.
func translateActions(actions []notify.Action) []notify.Action {
	for i, a := range actions {
		switch a.Key {
		case notify.ActionStart:
			actions[i].Label = i18n.T("reminder.action.start")
		case notify.ActionSnooze:
			actions[i].Label = i18n.T("reminder.action.snooze")
		}
	}
	return actions
}

// followActions acts on the notification's buttons until the notifier
// closes.
func (d *Daemon) followActions(n notify.Notifier) {
	for ev := range n.Actions() {
		d.log.Info("notification button", "key", ev.Key)
		var err error
		switch ev.Key {
		case notify.ActionStart, "default":
			d.mu.Lock()
			id := d.core.remindedRoutine()
			d.mu.Unlock()
			err = d.openWindow(control.WindowRoutine, id)
		case notify.ActionSnooze:
			err = d.do(control.Request{Cmd: control.CmdSnooze})
		}
		if err != nil {
			d.log.Warn("notification button", "key", ev.Key, "err", err)
		}
	}
}
