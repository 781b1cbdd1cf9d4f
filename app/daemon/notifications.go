package daemon

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/reminders/notify"
)

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
	d.mu.Lock()
	d.testPrompt = r.Test
	d.mu.Unlock()
	if err := d.openWindow(control.WindowPrompt, r.promptArg()); err != nil {
		d.log.Error("break window", "err", err)
	}
}

// notify sends r as a notification. A test reminder is shown beside the
// real one rather than in its place, and its buttons are remembered as
// inert.
func (d *Daemon) notify(r reminder) error {
	note := notify.Notification{Title: r.Title, Body: r.Body, Separate: r.Test}
	d.mu.Lock()
	buttons := d.core.notificationButtons()
	d.mu.Unlock()
	id, err := d.send(note, buttons)
	if err != nil {
		return err
	}
	d.notifyMu.Lock()
	defer d.notifyMu.Unlock()
	if r.Test {
		if d.testNotes == nil {
			d.testNotes = map[uint32]string{}
		}
		d.testNotes[id] = r.Routine
	} else {
		delete(d.testNotes, id)
	}
	return nil
}

// testNote reports whether notification id is a test reminder, and the
// routine its Start opens.
func (d *Daemon) testNote(id uint32) (string, bool) {
	d.notifyMu.Lock()
	defer d.notifyMu.Unlock()
	routine, ok := d.testNotes[id]
	return routine, ok
}

// send shows a notification, with the reminder buttons when asked for and
// the server supports them. It connects to the notification server lazily
// and reconnects after the server went away.
func (d *Daemon) send(note notify.Notification, buttons bool) (uint32, error) {
	d.notifyMu.Lock()
	defer d.notifyMu.Unlock()
	if d.notifier == nil {
		n, err := notify.New()
		if err != nil {
			return 0, err
		}
		d.notifier = n
		go d.followActions(n)
	}
	if buttons && d.notifier.SupportsActions() {
		note.Actions = translateActions(notify.ReminderActions())
	}
	ctx, cancel := context.WithTimeout(d.ctx, 3*time.Second)
	defer cancel()
	id, err := d.notifier.Send(ctx, note)
	if errors.Is(err, notify.ErrNoServer) {
		d.notifier.Close()
		d.notifier = nil
	}
	return id, err
}

// closeNotifier drops the connection to the notification server, when the
// daemon quits.
func (d *Daemon) closeNotifier() {
	d.notifyMu.Lock()
	defer d.notifyMu.Unlock()
	if d.notifier != nil {
		d.notifier.Close()
	}
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
	if _, err := d.send(notify.Notification{Title: i18n.T("config-errors.title"), Body: body, Separate: true}, false); err != nil {
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
		if routine, test := d.testNote(ev.ID); test {
			// A test reminder's buttons leave the engine alone; Start
			// shows the routine it named.
			if ev.Key == notify.ActionStart || ev.Key == "default" {
				if err := d.openWindow(control.WindowRoutine, routine); err != nil {
					d.log.Warn("notification button", "key", ev.Key, "err", err)
				}
			}
			continue
		}
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
