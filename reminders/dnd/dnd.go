// Package dnd tells whether the user asked not to be disturbed: the
// notification server's do-not-disturb switch (the Inhibited property of
// org.freedesktop.Notifications, GNOME 45+, KDE) or a fullscreen window
// (presentations, video calls, games) under X11.
//
// A Watcher does no work of its own between calls: the daemon asks Active
// when a reminder is about to be shown and every few seconds while holding
// one back. The notification server's state is cached from its
// PropertiesChanged signal, so most calls cost no round trip at all.
package dnd

import (
	"errors"
	"os"
	"runtime"
	"time"

	"github.com/limber-app/limber/internal/sessionbus"
)

// callTimeout bounds every D-Bus call, so a wedged notification server
// cannot stall the daemon.
const callTimeout = 2 * time.Second

// Source names passed to the WithReport hook.
const (
	SourceNotifications = "notification server"
	SourceFullscreen    = "x11 fullscreen"
)

// Watcher reports whether reminders should be held back.
type Watcher interface {
	// Active reports whether do-not-disturb is on or the active window is
	// fullscreen. A source that cannot answer counts as "not active": the
	// bool is meaningful even when err reports that failure.
	Active() (bool, error)
	// Close releases the watcher's connections.
	Close() error
}

// Option configures New.
type Option func(*config)

type config struct {
	report  func(string, error)
	display string // X display; "" means none
}

// WithReport registers a function New calls once per source, with a nil
// error for each source it uses, so the app can explain what it honours.
func WithReport(report func(source string, err error)) Option {
	return func(c *config) { c.report = report }
}

// New returns a Watcher using every source this session offers. A missing
// source is reported through WithReport, not returned: with none at all the
// Watcher simply always answers false. On Windows and macOS no source is
// implemented yet.
func New(opts ...Option) Watcher {
	cfg := config{display: os.Getenv("DISPLAY")}
	for _, o := range opts {
		o(&cfg)
	}
	report := func(src string, err error) {
		if cfg.report != nil {
			cfg.report(src, err)
		}
	}
	w := &watcher{}
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		report(SourceNotifications, errUnsupported)
		report(SourceFullscreen, errUnsupported)
		return w
	}

	if conn, err := sessionbus.Open(); err != nil {
		report(SourceNotifications, err)
	} else if w.inhibit, err = newInhibitWatch(conn); err != nil {
		conn.Close()
		report(SourceNotifications, err)
	} else {
		report(SourceNotifications, nil)
	}

	if cfg.display == "" {
		report(SourceFullscreen, errors.New("DISPLAY is not set"))
	} else if fs, err := newFullscreen(cfg.display); err != nil {
		report(SourceFullscreen, err)
	} else {
		w.fullscreen = fs
		report(SourceFullscreen, nil)
	}
	return w
}

var errUnsupported = errors.New("not supported on " + runtime.GOOS)

// watcher combines the sources that were available; either may be nil.
type watcher struct {
	inhibit    *inhibitWatch
	fullscreen *fullscreen
}

func (w *watcher) Active() (bool, error) {
	if w.inhibit != nil && w.inhibit.inhibited() {
		return true, nil
	}
	if w.fullscreen == nil {
		return false, nil
	}
	return w.fullscreen.active()
}

func (w *watcher) Close() error {
	var errs []error
	if w.inhibit != nil {
		errs = append(errs, w.inhibit.close())
	}
	if w.fullscreen != nil {
		w.fullscreen.close()
	}
	return errors.Join(errs...)
}
