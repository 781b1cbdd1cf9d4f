package daemon

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/assets"
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
	note := notify.Notification{Title: r.Title, Body: r.Body, Separate: r.Test,
		Persistent: true, Category: "presence", DesktopEntry: appID}
	note.Icon, note.Image = d.reminderIcon()
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

// reportHistoryError says once, at start, that history cannot be written
// (reminders go on; the history is retried every minute).
func (d *Daemon) reportHistoryError(msg string) {
	if msg == "" {
		return
	}
	body := msg + "\n" + i18n.T("history-error.body")
	if _, err := d.send(notify.Notification{Title: i18n.T("history-error.title"), Body: body, Separate: true}, false); err != nil {
		d.log.Debug("history error notification", "err", err)
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

// appID names the installed desktop entry and icon (packaging/install.sh).
const appID = "io.github.limber_app.limber"

// reminderIcon is the reminder's icon: the installed icon's name when an
// icon theme folder has it, else the embedded app icon written once to a
// file in the user's cache folder, given both as the icon and as the
// image-path hint. "" when neither works: a reminder without an icon is
// still a reminder.
func (d *Daemon) reminderIcon() (icon, image string) {
	if iconInstalled(os.Getenv) {
		return appID, ""
	}
	path, err := iconFile()
	if err != nil {
		d.log.Debug("reminder icon", "err", err)
		return "", ""
	}
	return path, path
}

// iconInstalled reports whether the hicolor theme of a data folder of the
// XDG base directory spec holds the app's icon.
func iconInstalled(getenv func(string) string) bool {
	var dirs []string
	if home := getenv("XDG_DATA_HOME"); home != "" {
		dirs = append(dirs, home)
	} else if h := getenv("HOME"); h != "" {
		dirs = append(dirs, filepath.Join(h, ".local", "share"))
	}
	system := getenv("XDG_DATA_DIRS")
	if system == "" {
		system = "/usr/local/share:/usr/share"
	}
	dirs = append(dirs, filepath.SplitList(system)...)
	for _, dir := range dirs {
		if dir == "" {
			continue
		}
		for _, name := range []string{"scalable/apps/" + appID + ".svg", "256x256/apps/" + appID + ".png", "128x128/apps/" + appID + ".png", "48x48/apps/" + appID + ".png"} {
			if _, err := os.Stat(filepath.Join(dir, "icons", "hicolor", name)); err == nil {
				return true
			}
		}
	}
	return false
}

// iconFile writes the embedded app icon to the user's cache folder, unless
// it is already there, and returns its path.
func iconFile() (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find cache folder: %w", err)
	}
	png := assets.AppIconPNG()
	path := filepath.Join(cache, "limber", "icon.png")
	if fi, err := os.Stat(path); err == nil && fi.Size() == int64(len(png)) {
		return path, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", fmt.Errorf("create cache folder: %w", err)
	}
	// Written to a temporary name and renamed, so a server never reads half
	// a file.
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, png, 0o644); err != nil {
		return "", fmt.Errorf("write icon: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", fmt.Errorf("write icon: %w", err)
	}
	return path, nil
}
