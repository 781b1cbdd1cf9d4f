package tray

import (
	"fmt"

	"github.com/godbus/dbus/v5"
)

// WatcherName is the D-Bus name of the StatusNotifierWatcher, the desktop
// component that shows tray icons. GNOME has none without an extension.
const WatcherName = "org.kde.StatusNotifierWatcher"

// WatchHost reports whether a tray host is on the session bus now, and
// calls changed(present) each time one appears or goes. systray itself
// re-registers the icon when a watcher appears; this only lets the daemon
// tell the user whether the icon can be seen.
func WatchHost(changed func(bool)) (present bool, err error) {
	conn, err := dbus.SessionBus()
	if err != nil {
		return false, fmt.Errorf("connect to the session bus: %w", err)
	}
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
