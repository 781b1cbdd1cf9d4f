package notify

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/godbus/dbus/v5"
)

const (
	service = "org.freedesktop.Notifications"
	path    = dbus.ObjectPath("/org/freedesktop/Notifications")
	iface   = service

	actionInvoked      = iface + ".ActionInvoked"
	notificationClosed = iface + ".NotificationClosed"

	// urgency hint values from the Desktop Notifications Specification.
	urgencyNormal   byte = 1
	urgencyCritical byte = 2
	// expireDefault lets the server choose how long to show it;
	// expireNever keeps it until the user closes it.
	expireDefault int32 = -1
	expireNever   int32 = 0
)

// dbusNotifier talks to org.freedesktop.Notifications over one private
// session-bus connection.
type dbusNotifier struct {
	conn    *dbus.Conn
	obj     dbus.BusObject
	appName string
	actions bool // server advertises the "actions" capability
	persist bool // server advertises "persistence": the "resident" hint means something

	signals chan *dbus.Signal
	events  chan ActionEvent
	done    chan struct{}

	closeOnce sync.Once
	closeErr  error

	mu   sync.Mutex
	last uint32              // notification to replace; 0 when none is up
	open map[uint32]struct{} // ours and not yet closed
}

// newDBus asks the server for its capabilities, which also proves that one
// is there, and subscribes to its signals. conn is owned by the notifier
// from now on, unless an error is returned.
func newDBus(conn *dbus.Conn, cfg config) (*dbusNotifier, error) {
	n := &dbusNotifier{
		conn:    conn,
		obj:     conn.Object(service, path),
		appName: cfg.appName,
		signals: make(chan *dbus.Signal, 8),
		events:  make(chan ActionEvent, 8),
		done:    make(chan struct{}),
		open:    map[uint32]struct{}{},
	}
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	var caps []string
	if err := n.obj.CallWithContext(ctx, iface+".GetCapabilities", 0).Store(&caps); err != nil {
		return nil, fmt.Errorf("%w on the session bus: GetCapabilities: %w", ErrNoServer, err)
	}
	n.actions = slices.Contains(caps, "actions")
	n.persist = slices.Contains(caps, "persistence")

	conn.Signal(n.signals)
	for _, member := range []string{"ActionInvoked", "NotificationClosed"} {
		if err := conn.AddMatchSignalContext(ctx, dbus.WithMatchSender(service), dbus.WithMatchObjectPath(path),
			dbus.WithMatchInterface(iface), dbus.WithMatchMember(member)); err != nil {
			conn.RemoveSignal(n.signals)
			return nil, fmt.Errorf("subscribe to %s: %w", member, err)
		}
	}
	go n.run()
	return n, nil
}

func (n *dbusNotifier) SupportsActions() bool       { return n.actions }
func (n *dbusNotifier) Actions() <-chan ActionEvent { return n.events }

func (n *dbusNotifier) Send(ctx context.Context, note Notification) (uint32, error) {
	if err := note.validate(); err != nil {
		return 0, err
	}
	actions := []string{}
	if n.actions {
		for _, a := range note.Actions {
			actions = append(actions, a.Key, a.Label)
		}
	}
	urgency := urgencyNormal
	if note.Urgent {
		urgency = urgencyCritical
	}
	hints := n.hints(note, urgency)
	expire := expireDefault
	if note.Persistent {
		expire = expireNever
	}

	n.mu.Lock()
	replaces := n.last
	n.mu.Unlock()
	if note.Separate {
		replaces = 0
	}

	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	var id uint32
	err := n.obj.CallWithContext(ctx, iface+".Notify", 0,
		n.appName, replaces, note.Icon, note.Title, note.Body, actions, hints, expire).Store(&id)
	if err != nil {
		return 0, fmt.Errorf("notify %q: %w", note.Title, err)
	}

	n.mu.Lock()
	if replaces != 0 && id != replaces {
		delete(n.open, replaces) // the server showed a new one instead
	}
	if !note.Separate {
		n.last = id
	}
	n.open[id] = struct{}{}
	n.mu.Unlock()
	return id, nil
}

// hints are the freedesktop hints for note.
func (n *dbusNotifier) hints(note Notification, urgency byte) map[string]dbus.Variant {
	hints := map[string]dbus.Variant{"urgency": dbus.MakeVariant(urgency)}
	if note.Image != "" {
		hints["image-path"] = dbus.MakeVariant(note.Image)
	}
	if note.Category != "" {
		hints["category"] = dbus.MakeVariant(note.Category)
	}
	if note.DesktopEntry != "" {
		hints["desktop-entry"] = dbus.MakeVariant(note.DesktopEntry)
	}
	if note.Persistent && n.persist {
		hints["resident"] = dbus.MakeVariant(true)
	}
	return hints
}

// run turns server signals into ActionEvents until the connection closes.
func (n *dbusNotifier) run() {
	defer close(n.done)
	defer close(n.events)
	for sig := range n.signals {
		if ev, ok := n.handle(sig); ok {
			select {
			case n.events <- ev:
			default:
				// Nobody is reading; a stale button press is worth less
				// than a blocked D-Bus reader.
			}
		}
	}
}

// handle updates bookkeeping for a signal and returns the event to deliver,
// if any. Presses on other applications' notifications are ignored: many
// servers broadcast ActionInvoked to every listener.
func (n *dbusNotifier) handle(sig *dbus.Signal) (ActionEvent, bool) {
	if sig.Path != path || len(sig.Body) < 2 {
		return ActionEvent{}, false
	}
	id, ok := sig.Body[0].(uint32)
	if !ok {
		return ActionEvent{}, false
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	_, ours := n.open[id]
	switch sig.Name {
	case actionInvoked:
		key, isString := sig.Body[1].(string)
		if !ours || !isString {
			return ActionEvent{}, false
		}
		return ActionEvent{ID: id, Key: key}, true
	case notificationClosed:
		delete(n.open, id)
		if n.last == id {
			n.last = 0
		}
	}
	return ActionEvent{}, false
}

// Close withdraws the notification still showing, since its buttons would
// no longer reach anyone, then closes the connection. Later calls return
// the first call's result.
func (n *dbusNotifier) Close() error {
	n.closeOnce.Do(func() { n.closeErr = n.close() })
	return n.closeErr
}

func (n *dbusNotifier) close() error {
	n.mu.Lock()
	last := n.last
	n.mu.Unlock()
	var errs []error
	if last != 0 {
		ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
		if err := n.obj.CallWithContext(ctx, iface+".CloseNotification", 0, last).Err; err != nil {
			errs = append(errs, fmt.Errorf("close notification %d: %w", last, err))
		}
		cancel()
	}
	if err := n.conn.Close(); err != nil {
		errs = append(errs, fmt.Errorf("close session bus: %w", err))
	}
	<-n.done
	return errors.Join(errs...)
}
