package harness

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/introspect"
	"github.com/godbus/dbus/v5/prop"
)

// StatusNotifierWatcher names, as fyne.io/systray calls them: it calls
// RegisterStatusNotifierItem("/StatusNotifierItem") on this name and path at
// start, and again whenever NameOwnerChanged says the name got a new owner.
const (
	WatcherName  = "org.kde.StatusNotifierWatcher"
	watcherPath  = dbus.ObjectPath("/StatusNotifierWatcher")
	watcherIface = "org.kde.StatusNotifierWatcher"
)

// Item identifies a registered tray item: the unique bus name of the process
// that registered it and the object path of its org.kde.StatusNotifierItem.
type Item struct {
	Service string // unique name, e.g. ":1.7"
	Path    dbus.ObjectPath
}

// String is the KDE watcher's notation, service + path.
func (it Item) String() string { return it.Service + string(it.Path) }

// Watcher is a test-side org.kde.StatusNotifierWatcher: the piece of a
// desktop's tray host that items register with. It forgets an item when the
// item's bus connection goes away, like the real one.
type Watcher struct {
	conn *dbus.Conn
	// claimFirst, when set, makes export take the name first and publish
	// the object this much later, as some real watchers do on a restart.
	claimFirst time.Duration

	mu            sync.Mutex
	items         []Item
	registrations int // accepted RegisterStatusNotifierItem calls for new items
	registerCalls int // RegisterStatusNotifierItem calls read, counted in arrival order
	changed       changes
}

// StartWatcher claims org.kde.StatusNotifierWatcher on the desktop's bus.
// It may be called after the daemon started (the late-watcher case).
func (d *Desktop) StartWatcher() *Watcher {
	d.tb.Helper()
	w := &Watcher{changed: newChanges()}
	conn, err := d.dial(dbus.WithIncomingInterceptor(w.intercept))
	if err != nil {
		d.tb.Fatalf("harness: watcher: %v", err)
	}
	w.conn = conn
	if err := w.export(); err != nil {
		d.tb.Fatalf("harness: watcher: %v", err)
	}
	return w
}

// export publishes the object, then takes the name: systray reacts to the
// name's NameOwnerChanged by calling us at once, so the methods must already
// be there.
func (w *Watcher) export() error {
	if w.claimFirst > 0 {
		if err := w.claim(); err != nil {
			return err
		}
		time.Sleep(w.claimFirst)
	}
	methods := map[string]any{
		"RegisterStatusNotifierItem": w.registerItem,
		"RegisterStatusNotifierHost": func(string) *dbus.Error { return nil },
	}
	if err := w.conn.ExportMethodTable(methods, watcherPath, watcherIface); err != nil {
		return fmt.Errorf("export methods: %w", err)
	}
	// Properties are served by hand rather than with the prop package: its
	// SetMust panics when the change signal cannot be sent, which happens
	// when an item leaves while the harness is tearing the bus down.
	propMethods := map[string]any{
		"Get": func(iface, name string) (dbus.Variant, *dbus.Error) {
			if iface != watcherIface {
				return dbus.Variant{}, prop.ErrIfaceNotFound
			}
			v, ok := w.properties()[name]
			if !ok {
				return dbus.Variant{}, prop.ErrPropNotFound
			}
			return v, nil
		},
		"GetAll": func(iface string) (map[string]dbus.Variant, *dbus.Error) {
			if iface != watcherIface {
				return nil, prop.ErrIfaceNotFound
			}
			return w.properties(), nil
		},
		"Set": func(string, string, dbus.Variant) *dbus.Error { return prop.ErrReadOnly },
	}
	if err := w.conn.ExportMethodTable(propMethods, watcherPath, "org.freedesktop.DBus.Properties"); err != nil {
		return fmt.Errorf("export properties: %w", err)
	}
	node := &introspect.Node{
		Name: string(watcherPath),
		Interfaces: []introspect.Interface{
			introspect.IntrospectData,
			prop.IntrospectData,
			{
				Name: watcherIface,
				Methods: []introspect.Method{
					{Name: "RegisterStatusNotifierItem", Args: []introspect.Arg{{Name: "service", Type: "s", Direction: "in"}}},
					{Name: "RegisterStatusNotifierHost", Args: []introspect.Arg{{Name: "service", Type: "s", Direction: "in"}}},
				},
				Signals: []introspect.Signal{
					{Name: "StatusNotifierItemRegistered", Args: []introspect.Arg{{Type: "s"}}},
					{Name: "StatusNotifierItemUnregistered", Args: []introspect.Arg{{Type: "s"}}},
					{Name: "StatusNotifierHostRegistered"},
				},
				Properties: []introspect.Property{
					{Name: "RegisteredStatusNotifierItems", Type: "as", Access: "read"},
					{Name: "IsStatusNotifierHostRegistered", Type: "b", Access: "read"},
					{Name: "ProtocolVersion", Type: "i", Access: "read"},
				},
			},
		},
	}
	if err := w.conn.Export(introspect.NewIntrospectable(node), watcherPath, "org.freedesktop.DBus.Introspectable"); err != nil {
		return fmt.Errorf("export introspection: %w", err)
	}

	// Forget items whose connection closes (crash, quit, SIGKILL).
	if err := w.conn.AddMatchSignal(
		dbus.WithMatchSender("org.freedesktop.DBus"),
		dbus.WithMatchInterface("org.freedesktop.DBus"),
		dbus.WithMatchMember("NameOwnerChanged"),
	); err != nil {
		return fmt.Errorf("match NameOwnerChanged: %w", err)
	}
	signals := make(chan *dbus.Signal, 64)
	w.conn.Signal(signals)
	go w.watchOwners(signals)
	if w.claimFirst > 0 {
		return nil
	}
	return w.claim()
}

// claim takes the watcher's well-known name.
func (w *Watcher) claim() error {
	reply, err := w.conn.RequestName(WatcherName, dbus.NameFlagDoNotQueue)
	if err != nil {
		return fmt.Errorf("request %s: %w", WatcherName, err)
	}
	if reply != dbus.RequestNameReplyPrimaryOwner {
		return fmt.Errorf("request %s: not primary owner (reply %d)", WatcherName, reply)
	}
	return nil
}

// StartWatcherClaimingFirst starts a watcher that takes its name before it
// publishes its object (delay later): an item that registers as soon as the
// name appears gets an error, and must retry.
func (d *Desktop) StartWatcherClaimingFirst(delay time.Duration) *Watcher {
	d.tb.Helper()
	conn, err := d.dial()
	if err != nil {
		d.tb.Fatalf("harness: watcher: %v", err)
	}
	w := &Watcher{conn: conn, changed: newChanges(), claimFirst: delay}
	if err := w.export(); err != nil {
		d.tb.Fatalf("harness: watcher: %v", err)
	}
	return w
}

// Stop takes the watcher off the bus, as when the tray host restarts or
// crashes: its name goes and it forgets every item.
func (w *Watcher) Stop() error { return w.conn.Close() }

// registerItem implements RegisterStatusNotifierItem. The argument is either
// an object path (then the item lives on the caller's connection) or a bus
// name (then at the default path), per the KDE watcher.
func (w *Watcher) registerItem(sender dbus.Sender, service string) *dbus.Error {
	item := Item{Service: string(sender), Path: "/StatusNotifierItem"}
	switch {
	case strings.HasPrefix(service, "/"):
		item.Path = dbus.ObjectPath(service)
	case service != "":
		item.Service = service
	}
	if !item.Path.IsValid() {
		return dbus.MakeFailedError(fmt.Errorf("invalid item path %q", item.Path))
	}

	w.mu.Lock()
	for _, it := range w.items {
		if it == item {
			w.mu.Unlock()
			return nil // re-registration after a watcher restart
		}
	}
	w.items = append(w.items, item)
	w.registrations++
	ids := w.idsLocked()
	w.changed.broadcast()
	w.mu.Unlock()

	w.itemsChanged(ids)
	_ = w.conn.Emit(watcherPath, watcherIface+".StatusNotifierItemRegistered", item.String())
	return nil
}

// watchOwners drops the items of connections that left the bus.
func (w *Watcher) watchOwners(signals <-chan *dbus.Signal) {
	for sig := range signals {
		if sig.Name != "org.freedesktop.DBus.NameOwnerChanged" || len(sig.Body) != 3 {
			continue
		}
		name, _ := sig.Body[0].(string)
		newOwner, _ := sig.Body[2].(string)
		if newOwner != "" {
			continue
		}
		w.mu.Lock()
		var gone []Item
		kept := w.items[:0]
		for _, it := range w.items {
			if it.Service == name {
				gone = append(gone, it)
			} else {
				kept = append(kept, it)
			}
		}
		w.items = kept
		ids := w.idsLocked()
		if len(gone) > 0 {
			w.changed.broadcast()
		}
		w.mu.Unlock()
		if len(gone) == 0 {
			continue
		}
		w.itemsChanged(ids)
		for _, it := range gone {
			_ = w.conn.Emit(watcherPath, watcherIface+".StatusNotifierItemUnregistered", it.String())
		}
	}
}

// properties is the current value of every watcher property.
func (w *Watcher) properties() map[string]dbus.Variant {
	w.mu.Lock()
	ids := w.idsLocked()
	w.mu.Unlock()
	return map[string]dbus.Variant{
		"RegisteredStatusNotifierItems":  dbus.MakeVariant(ids),
		"IsStatusNotifierHostRegistered": dbus.MakeVariant(true),
		"ProtocolVersion":                dbus.MakeVariant(int32(0)),
	}
}

// itemsChanged announces a new RegisteredStatusNotifierItems. A failure
// means the connection is closing; there is no one left to tell.
func (w *Watcher) itemsChanged(ids []string) {
	_ = w.conn.Emit(watcherPath, "org.freedesktop.DBus.Properties.PropertiesChanged", watcherIface,
		map[string]dbus.Variant{"RegisteredStatusNotifierItems": dbus.MakeVariant(ids)}, []string{})
}

func (w *Watcher) idsLocked() []string {
	ids := make([]string, len(w.items))
	for i, it := range w.items {
		ids[i] = it.String()
	}
	return ids
}

// intercept sees every incoming message in the order the bus delivered it,
// before any handler runs (godbus handles each call on its own goroutine,
// in no fixed order).
func (w *Watcher) intercept(msg *dbus.Message) {
	if msg.Type != dbus.TypeMethodCall {
		return
	}
	if member, _ := msg.Headers[dbus.FieldMember].Value().(string); member != "RegisterStatusNotifierItem" {
		return
	}
	w.mu.Lock()
	w.registerCalls++
	w.mu.Unlock()
}

// RegisterCalls counts every RegisterStatusNotifierItem call received,
// accepted or not, repeated or not.
func (w *Watcher) RegisterCalls() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.registerCalls
}

// Sync returns once the watcher has read every message the bus routed to
// it before now: it pings itself through the bus, and the bus delivers to
// one connection in order.
func (w *Watcher) Sync() error {
	names := w.conn.Names()
	if len(names) == 0 {
		return fmt.Errorf("watcher: no unique name")
	}
	if err := w.conn.Object(names[0], "/").Call("org.freedesktop.DBus.Peer.Ping", 0).Err; err != nil {
		return fmt.Errorf("watcher: ping self: %w", err)
	}
	return nil
}

// Items returns the items registered now, oldest first.
func (w *Watcher) Items() []Item {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]Item(nil), w.items...)
}

// Registrations counts the distinct items ever registered, including ones
// that have since gone away.
func (w *Watcher) Registrations() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.registrations
}

// WaitItem waits until at least one item is registered and returns the
// oldest.
func (w *Watcher) WaitItem(timeout time.Duration) (Item, error) {
	var item Item
	err := w.WaitFor(func(items []Item) bool {
		if len(items) > 0 {
			item = items[0]
			return true
		}
		return false
	}, timeout)
	return item, err
}

// WaitFor waits until pred holds for the registered items.
func (w *Watcher) WaitFor(pred func([]Item) bool, timeout time.Duration) error {
	items, ok := awaitChange(&w.mu, &w.changed, timeout, nil,
		func() []Item { return append([]Item(nil), w.items...) }, pred)
	if !ok {
		return fmt.Errorf("watcher: condition not met after %s; registered items: %v", timeout, items)
	}
	return nil
}

// WaitHostItem waits until a real tray host's watcher (waybar's, say) on
// the bus lists an item, and returns the first. Hosts list an item as
// "service/path", or as a bare service name for the default path.
func (d *Desktop) WaitHostItem(timeout time.Duration) (Item, error) {
	obj := d.Bus().Object(watcherIface, watcherPath) // the well-known name is the interface name
	deadline := time.Now().Add(timeout)
	for {
		v, err := obj.GetProperty(watcherIface + ".RegisteredStatusNotifierItems")
		if items, ok := v.Value().([]string); err == nil && ok && len(items) > 0 {
			service, path, found := strings.Cut(items[0], "/")
			if !found {
				return Item{Service: service, Path: "/StatusNotifierItem"}, nil
			}
			return Item{Service: service, Path: dbus.ObjectPath("/" + path)}, nil
		}
		if time.Now().After(deadline) {
			return Item{}, fmt.Errorf("no item registered with the tray host after %s (last error: %v)", timeout, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
