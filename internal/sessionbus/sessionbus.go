// Package sessionbus finds and opens the user's D-Bus session bus, and never
// starts one.
//
// godbus (and through it fyne.io/systray and Fyne) runs dbus-launch when
// DBUS_SESSION_BUS_ADDRESS is unset, and the bus daemon it starts outlives
// Limber. Without a session bus there is no tray host, notification server
// or screen saver to talk to anyway, so Limber goes without: Settle pins
// the address for every library in the process and its children, or
// disables the bus for them, and Open connects only to a bus that exists.
package sessionbus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/godbus/dbus/v5"
)

// EnvAddress is the variable that names the session bus.
const EnvAddress = "DBUS_SESSION_BUS_ADDRESS"

// Disabled is the address Settle sets when there is no session bus. Its
// transport is one no D-Bus library knows, so every connection attempt
// fails at once instead of launching a bus.
const Disabled = "disabled:"

// ErrNoBus means no session bus is known: the address variable is unset
// (or asks for autolaunch) and the runtime folder has no bus socket.
var ErrNoBus = errors.New("no session bus: " + EnvAddress + " is unset and XDG_RUNTIME_DIR has no bus socket")

// Address returns the session bus address: the address variable when it
// names a bus, else the systemd user bus socket XDG_RUNTIME_DIR/bus when it
// exists, else ErrNoBus. getenv is os.Getenv outside tests.
func Address(getenv func(string) string) (string, error) {
	addr := getenv(EnvAddress)
	switch {
	case addr == Disabled:
		return "", ErrNoBus
	case addr != "" && !strings.Contains(addr, "autolaunch:"):
		return addr, nil
	}
	if dir := getenv("XDG_RUNTIME_DIR"); dir != "" {
		path := filepath.Join(dir, "bus")
		if fi, err := os.Stat(path); err == nil && fi.Mode().Type() == fs.ModeSocket {
			return "unix:path=" + path, nil
		}
	}
	return "", ErrNoBus
}

// Settle makes every D-Bus user of this process and of the processes it
// starts agree on the session bus without autolaunching one: it sets the
// address variable to the bus Address finds, or to Disabled (and returns
// ErrNoBus) when there is none.
func Settle() (string, error) {
	addr, err := Address(os.Getenv)
	if err != nil {
		return "", errors.Join(err, os.Setenv(EnvAddress, Disabled))
	}
	if err := os.Setenv(EnvAddress, addr); err != nil {
		return "", fmt.Errorf("set %s: %w", EnvAddress, err)
	}
	return addr, nil
}

// Open opens a private, authenticated connection to the session bus that
// Address finds. It never launches a bus.
func Open(opts ...dbus.ConnOption) (*dbus.Conn, error) {
	addr, err := Address(os.Getenv)
	if err != nil {
		return nil, err
	}
	conn, err := dbus.Dial(addr, opts...)
	if err != nil {
		return nil, fmt.Errorf("session bus %s: %w", addr, err)
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
