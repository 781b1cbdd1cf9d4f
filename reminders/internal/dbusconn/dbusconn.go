// Package dbusconn opens the private session-bus connections the reminder
// sources use. Each source owns its connection, so one source's signal
// subscriptions never reach another (fyne.io/systray, for one, stops
// re-registering its icon when an unexpected signal arrives on the shared
// connection).
package dbusconn

import (
	"fmt"

	"github.com/godbus/dbus/v5"
)

// Session opens a private session-bus connection without auto-launching a
// bus: with no session bus there is no notification server, screen saver
// or idle monitor to talk to.
func Session(opts ...dbus.ConnOption) (*dbus.Conn, error) {
	conn, err := dbus.SessionBusPrivateNoAutoStartup(opts...)
	if err != nil {
		return nil, fmt.Errorf("session bus: %w", err)
	}
	if err := conn.Auth(nil); err != nil {
		conn.Close()
		return nil, fmt.Errorf("session bus auth: %w", err)
	}
	if err := conn.Hello(); err != nil {
		conn.Close()
		return nil, fmt.Errorf("session bus hello: %w", err)
	}
	return conn, nil
}
