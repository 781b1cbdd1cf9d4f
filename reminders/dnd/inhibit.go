package dnd

import (
	"context"
	"fmt"
	"sync"

	"github.com/godbus/dbus/v5"
)

const (
	notifService = "org.freedesktop.Notifications"
	notifPath    = "/org/freedesktop/Notifications"
	propsIface   = "org.freedesktop.DBus.Properties"
	inhibitedKey = "Inhibited"
)

// inhibitWatch tracks the notification server's Inhibited property. The
// value is fetched on demand and then kept up to date by PropertiesChanged;
// a change of server owner invalidates it.
type inhibitWatch struct {
	conn    *dbus.Conn
	obj     dbus.BusObject
	signals chan *dbus.Signal
	done    chan struct{}

	mu    sync.Mutex
	known bool   // value is current
	value bool   // last known Inhibited
	gen   uint64 // bumped by every signal, so a slow Get cannot overwrite newer news
}

// newInhibitWatch subscribes to the server's property changes on conn,
// which it owns from now on. The server need not be running yet: rules
// naming a well-known sender follow whoever owns it later.
func newInhibitWatch(conn *dbus.Conn) (*inhibitWatch, error) {
	w := &inhibitWatch{
		conn:    conn,
		obj:     conn.Object(notifService, notifPath),
		signals: make(chan *dbus.Signal, 4),
		done:    make(chan struct{}),
	}
	conn.Signal(w.signals)
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	if err := conn.AddMatchSignalContext(ctx, dbus.WithMatchSender(notifService), dbus.WithMatchObjectPath(notifPath),
		dbus.WithMatchInterface(propsIface), dbus.WithMatchMember("PropertiesChanged"), dbus.WithMatchArg(0, notifService)); err != nil {
		return nil, fmt.Errorf("watch notification server properties: %w", err)
	}
	if err := conn.AddMatchSignalContext(ctx, dbus.WithMatchSender("org.freedesktop.DBus"), dbus.WithMatchInterface("org.freedesktop.DBus"),
		dbus.WithMatchMember("NameOwnerChanged"), dbus.WithMatchArg(0, notifService)); err != nil {
		return nil, fmt.Errorf("watch notification server owner: %w", err)
	}
	go w.run()
	return w, nil
}

// run applies signals until the connection closes.
func (w *inhibitWatch) run() {
	defer close(w.done)
	for sig := range w.signals {
		w.apply(sig)
	}
}

func (w *inhibitWatch) apply(sig *dbus.Signal) {
	w.mu.Lock()
	defer w.mu.Unlock()
	switch sig.Name {
	case "org.freedesktop.DBus.NameOwnerChanged":
		w.gen++
		w.known = false
	case propsIface + ".PropertiesChanged":
		if sig.Path != notifPath || len(sig.Body) != 3 {
			return
		}
		if iface, _ := sig.Body[0].(string); iface != notifService {
			return
		}
		changed, _ := sig.Body[1].(map[string]dbus.Variant)
		invalidated, _ := sig.Body[2].([]string)
		if v, ok := changed[inhibitedKey]; ok {
			b, isBool := v.Value().(bool)
			w.gen++
			w.known, w.value = isBool, b
			return
		}
		for _, name := range invalidated {
			if name == inhibitedKey {
				w.gen++
				w.known = false
			}
		}
	}
}

// inhibited returns the cached value, fetching it when unknown. Any failure
// (no server, a server without the property) means "not inhibited".
func (w *inhibitWatch) inhibited() bool {
	w.mu.Lock()
	known, value, gen := w.known, w.value, w.gen
	w.mu.Unlock()
	if known {
		return value
	}

	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	var v dbus.Variant
	// NoAutoStart: asking must not launch an activatable notification daemon.
	err := w.obj.CallWithContext(ctx, propsIface+".Get", dbus.FlagNoAutoStart, notifService, inhibitedKey).Store(&v)
	b, isBool := v.Value().(bool)
	if err != nil || !isBool {
		return false
	}
	w.mu.Lock()
	if w.gen == gen {
		w.known, w.value = true, b
	}
	w.mu.Unlock()
	return b
}

func (w *inhibitWatch) close() error {
	err := w.conn.Close()
	<-w.done
	if err != nil {
		return fmt.Errorf("close session bus: %w", err)
	}
	return nil
}
