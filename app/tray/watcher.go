package tray

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/godbus/dbus/v5"
)

// WatcherName is the D-Bus name of the StatusNotifierWatcher, the desktop
// component that shows tray icons. GNOME has none without an extension.
const WatcherName = "org.kde.StatusNotifierWatcher"

// WatchHost reports whether a tray host is on the session bus now, and
// calls changed(present) each time one appears or goes, on conn (a private
// connection: systray's own must not see unexpected signals). systray
// registers the icon once when a watcher appears; the daemon checks with
// Registered and retries with Register, and tells the user whether the
// icon can be seen.
func WatchHost(conn *dbus.Conn, changed func(bool)) (present bool, err error) {
	if err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, WatcherName).Store(&present); err != nil {
		return false, fmt.Errorf("ask the bus for %s: %w", WatcherName, err)
	}
	if err := conn.AddMatchSignal(
		dbus.WithMatchSender("org.freedesktop.DBus"),
		dbus.WithMatchInterface("org.freedesktop.DBus"),
		dbus.WithMatchMember("NameOwnerChanged"),
		dbus.WithMatchArg(0, WatcherName),
	); err != nil {
		return present, fmt.Errorf("watch %s: %w", WatcherName, err)
	}
	ch := make(chan *dbus.Signal, 4)
	conn.Signal(ch)
	go func() {
		for sig := range ch {
			if sig.Name != "org.freedesktop.DBus.NameOwnerChanged" || len(sig.Body) != 3 {
				continue
			}
			if name, _ := sig.Body[0].(string); name != WatcherName {
				continue
			}
			owner, _ := sig.Body[2].(string)
			changed(owner != "")
		}
	}()
	return present, nil
}

const (
	watcherPath  = "/StatusNotifierWatcher"
	watcherIface = "org.kde.StatusNotifierWatcher"
	itemPath     = "/StatusNotifierItem" // where fyne.io/systray exports the item
)

// itemConn is the connection fyne.io/systray exports the item on: godbus's
// shared session connection. The daemon settles the bus address first
// (internal/sessionbus), so this never launches a bus.
func itemConn() (*dbus.Conn, error) {
	conn, err := dbus.SessionBus()
	if err != nil {
		return nil, fmt.Errorf("connect to the session bus: %w", err)
	}
	return conn, nil
}

// Register asks the watcher to list the item. fyne.io/systray does so once
// when a watcher appears; a watcher that takes its name before it exports
// its object answers that first call with an error, so the daemon calls
// this until Registered holds.
func Register(ctx context.Context) error {
	conn, err := itemConn()
	if err != nil {
		return err
	}
	call := conn.Object(WatcherName, watcherPath).CallWithContext(ctx, watcherIface+".RegisterStatusNotifierItem", 0, itemPath)
	if call.Err != nil {
		return fmt.Errorf("register the tray item: %w", call.Err)
	}
	return nil
}

// Registered reports whether the watcher lists this process's item, by
// its connection's unique name or systray's well-known name.
func Registered(ctx context.Context) (bool, error) {
	conn, err := itemConn()
	if err != nil {
		return false, err
	}
	var v dbus.Variant
	err = conn.Object(WatcherName, watcherPath).CallWithContext(ctx, "org.freedesktop.DBus.Properties.Get", 0,
		watcherIface, "RegisteredStatusNotifierItems").Store(&v)
	if err != nil {
		return false, fmt.Errorf("ask %s for its items: %w", WatcherName, err)
	}
	items, _ := v.Value().([]string)
	names := slices.Clone(conn.Names())
	names = append(names, fmt.Sprintf("org.kde.StatusNotifierItem-%d-1", os.Getpid()))
	for _, it := range items {
		for _, n := range names {
			if it == n || strings.HasPrefix(it, n+"/") {
				return true, nil
			}
		}
	}
	return false, nil
}
