// Package notify shows the stand-up nudge as a desktop notification.
//
// On Linux and the BSDs it speaks the freedesktop notification protocol over
// the session bus, so it can offer buttons ("Start routine", "Snooze"),
// replace the previous nudge instead of stacking a new one, and report which
// button was pressed. On Windows and macOS it uses beeep, without buttons.
package notify

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// DefaultAppName is the application name notification servers show.
const DefaultAppName = "Limber"

// callTimeout bounds every call to the notification server: with no server,
// or a wedged one, the app must learn quickly and fall back to a window.
const callTimeout = 2 * time.Second

// Notification is one nudge.
type Notification struct {
	Title, Body string
	// Actions are buttons, shown only where SupportsActions is true.
	Actions []Action
	// Icon is an icon file path or a themed icon name; empty for none.
	Icon string
	// Urgent asks the server to keep the notification up (critical urgency
	// on Linux) or, with beeep, to play a sound.
	Urgent bool
	// Image is a PNG file shown as the notification's image (the
	// freedesktop "image-path" hint), for servers that cannot find Icon in
	// the icon theme, e.g. when the app is not installed.
	Image string
	// Persistent asks the server to keep the notification until the user
	// acts on it (no expiry, and "resident" where the server keeps
	// notifications), so a reminder is not missed during a glance away.
	Persistent bool
	// Category is the freedesktop category hint, e.g. "presence".
	Category string
	// DesktopEntry names the app's .desktop file (without ".desktop"), so
	// the server can show the app's name and icon and group its
	// notifications.
	DesktopEntry string
	// Separate shows the notification beside the previous one instead of
	// replacing it, and leaves the previous one to be replaced next time: a
	// test reminder must not take the place of a real one.
	Separate bool
}

// Action is a notification button. Key is reported back in ActionEvent;
// the freedesktop key "default" is the click on the notification body.
type Action struct{ Key, Label string }

// Keys of the buttons on a stand-up reminder.
const (
	ActionStart  = "start"
	ActionSnooze = "snooze"
)

// ReminderActions returns the buttons of a stand-up reminder: start the
// suggested routine, or snooze. A fresh slice each call, safe to modify.
func ReminderActions() []Action {
	return []Action{{Key: ActionStart, Label: "Start routine"}, {Key: ActionSnooze, Label: "Snooze"}}
}

// ActionEvent says the user pressed button Key on notification ID.
type ActionEvent struct {
	ID  uint32
	Key string
}

// Notifier shows notifications.
type Notifier interface {
	// Send shows n, replacing the previous notification if it is still on
	// screen, and returns its id. It gives up after at most two seconds.
	Send(ctx context.Context, n Notification) (id uint32, err error)
	// Actions delivers the buttons pressed on this Notifier's own
	// notifications. It is nil, and so never fires, where actions are not
	// supported, and is closed by Close otherwise.
	Actions() <-chan ActionEvent
	// SupportsActions reports whether notifications can carry buttons.
	SupportsActions() bool
	// Close withdraws the notification still on screen, if it can, and
	// releases the connection.
	Close() error
}

// Option configures New.
type Option func(*config)

type config struct {
	appName string
}

// WithAppName sets the application name shown by the notification server
// (default "Limber").
func WithAppName(name string) Option {
	return func(c *config) { c.appName = name }
}

// New connects to the platform's notification service. On Linux it fails
// within two seconds, with an error wrapping ErrNoServer, when no
// notification server answers on the session bus.
func New(opts ...Option) (Notifier, error) {
	cfg := config{appName: DefaultAppName}
	for _, o := range opts {
		o(&cfg)
	}
	return newPlatform(cfg)
}

// ErrNoServer means nothing can show notifications in this session.
var ErrNoServer = errors.New("no notification server")

// validate rejects notifications no server can show sensibly.
func (n Notification) validate() error {
	if n.Title == "" {
		return errors.New("notification has no title")
	}
	for i, a := range n.Actions {
		if a.Key == "" {
			return fmt.Errorf("notification action %d (%q) has no key", i, a.Label)
		}
	}
	return nil
}
