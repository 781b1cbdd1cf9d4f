package daemon

import (
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/limber-app/limber/app/tray"
	"github.com/limber-app/limber/reminders/session"
	"github.com/limber-app/limber/routines"
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
		d.core.sessionEvent(now(), ev)
		d.mu.Unlock()
		d.log.Info("session", "event", ev.String())
		d.poke()
	}
}

// reloadDelay coalesces a burst of file events (write + chmod + rename)
// into one reload.
const reloadDelay = 300 * time.Millisecond

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
	cfgPath := d.core.configFile()
	routinesDir := d.opts.Paths.RoutinesDir()
	d.watchFolders(w, filepath.Dir(cfgPath), routinesDir)

	// Catch up first with what changed between loading and watching.
	var debounce <-chan time.Time
	var pending fileChanges
	d.mu.Lock()
	pending.config, pending.routines = d.core.stale()
	d.mu.Unlock()
	if pending.any() {
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
			change, created := changedFile(ev, cfgPath, routinesDir)
			if created {
				_ = w.Add(routinesDir)
			}
			if change.any() {
				pending = pending.merge(change)
				debounce = time.After(reloadDelay)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			d.log.Warn("file watch", "err", err)
		case <-debounce:
			debounce = nil
			d.reload(pending)
			pending = fileChanges{}
		}
	}
}

// watchFolders watches the config's folder and the routines folder. A
// folder can only be watched once it exists: Limber's own routines folder
// is made (an empty folder changes nothing), so a routine written later is
// picked up without a restart.
func (d *Daemon) watchFolders(w *fsnotify.Watcher, cfgDir, routinesDir string) {
	if err := os.MkdirAll(routinesDir, 0o700); err != nil {
		d.log.Debug("cannot create the routines folder", "err", err)
	}
	for _, dir := range []string{cfgDir, routinesDir} {
		if err := w.Add(dir); err != nil {
			d.log.Debug("not watching", "dir", dir, "err", err)
		}
	}
}

// fileChanges say what needs reloading.
type fileChanges struct{ config, routines bool }

func (f fileChanges) any() bool { return f.config || f.routines }

func (f fileChanges) merge(g fileChanges) fileChanges {
	return fileChanges{config: f.config || g.config, routines: f.routines || g.routines}
}

// changedFile tells what a file event touched: the config file, a routine
// file, or the routines folder itself being created (then it must be
// watched anew, and counts as a routines change).
func changedFile(ev fsnotify.Event, cfgPath, routinesDir string) (change fileChanges, created bool) {
	switch {
	case ev.Name == cfgPath:
		return fileChanges{config: true}, false
	case filepath.Dir(ev.Name) == routinesDir && routines.IsRoutineFile(filepath.Base(ev.Name)):
		return fileChanges{routines: true}, false
	case ev.Name == routinesDir && ev.Has(fsnotify.Create):
		return fileChanges{routines: true}, true
	}
	return fileChanges{}, false
}

// reload applies changed files: the config at once, the routines to the
// tray's submenu. Config errors are notified only when they changed.
func (d *Daemon) reload(changes fileChanges) {
	// Read the files first, without the lock: a slow disk or a hostile
	// file must not hold up the tray or a command.
	d.mu.Lock()
	catalog := d.core.catalog
	d.mu.Unlock()
	var routStamp string
	if changes.routines {
		routStamp, catalog = d.core.readRoutines()
	}
	// The config names a routine (suggest), so new routines re-check it.
	loaded := d.core.readConfig(catalog)

	d.mu.Lock()
	var cfgErrs []string
	var entries []tray.Entry
	if changes.routines {
		d.core.setRoutines(routStamp, catalog)
		entries = d.core.trayRoutines()
	}
	if changes.config || changes.routines {
		before := d.core.configErrors()
		d.core.reloadConfig(loaded)
		after := d.core.configErrors()
		d.log.Info("config reloaded", "errors", len(after))
		if !slices.Equal(before, after) {
			cfgErrs = after
		}
	}
	t := d.tray
	d.mu.Unlock()
	if changes.routines && t != nil {
		t.SetRoutines(entries)
	}
	go d.reportConfigErrors(cfgErrs)
	if changes.config {
		d.rearmPresence()
	}
	d.poke()
}

// onTrayHost follows whether a tray host shows the icon, says so in the
// log, and resends the icon to a host that just appeared.
func (d *Daemon) onTrayHost(present bool) {
	d.mu.Lock()
	was := d.trayHost
	d.trayHost = present
	d.mu.Unlock()
	if present {
		go d.keepRegistered()
	}
	switch {
	case !present:
		d.log.Warn("no tray is shown: nothing owns " + tray.WatcherName + " on the session bus. " +
			"Limber keeps running and shows its icon as soon as one appears " +
			"(on GNOME, enable the AppIndicator/KStatusNotifierItem extension). " +
			"Meanwhile use the command line: limber status, limber routine, limber settings.")
	case !was:
		d.log.Info("tray host found; icon shown")
		d.mu.Lock()
		t := d.tray
		d.mu.Unlock()
		if t != nil {
			t.Resend()
		}
	}
}
