package harness

import (
	"fmt"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/introspect"
	"github.com/godbus/dbus/v5/prop"
)

const (
	notificationsName  = "org.freedesktop.Notifications"
	notificationsPath  = dbus.ObjectPath("/org/freedesktop/Notifications")
	notificationsIface = "org.freedesktop.Notifications"
)

// Close reasons of the NotificationClosed signal (Desktop Notifications
// Specification 1.2).
const (
	ClosedExpired   uint32 = 1
	ClosedDismissed uint32 = 2
	ClosedByCall    uint32 = 3
)

// Notification is one Notify call as the server received it.
type Notification struct {
	ID         uint32
	Sender     string // unique bus name of the caller
	AppName    string
	ReplacesID uint32
	AppIcon    string
	Summary    string
	Body       string
	Actions    []string // key, label, key, label, …
	Hints      map[string]dbus.Variant
	Timeout    int32
	Closed     bool // CloseNotification was called, or the test closed it
}

// Notifications is a test-side org.freedesktop.Notifications server that
// records every notification.
type Notifications struct {
	conn         *dbus.Conn
	capabilities []string

	props *prop.Properties

	mu      sync.Mutex
	list    []Notification
	nextID  uint32
	changed changes
}

// StartNotifications claims org.freedesktop.Notifications on the desktop's
// bus. capabilities defaults to ["actions", "body"].
func (d *Desktop) StartNotifications(capabilities ...string) *Notifications {
	d.tb.Helper()
	if len(capabilities) == 0 {
		capabilities = []string{"actions", "body"}
	}
	conn, err := d.dial()
	if err != nil {
		d.tb.Fatalf("harness: notifications: %v", err)
	}
	n := &Notifications{conn: conn, capabilities: capabilities, changed: newChanges()}
	if err := n.export(); err != nil {
		d.tb.Fatalf("harness: notifications: %v", err)
	}
	return n
}

func (n *Notifications) export() error {
	methods := map[string]any{
		"GetCapabilities": func() ([]string, *dbus.Error) {
			return append([]string(nil), n.capabilities...), nil
		},
		"Notify":            n.notify,
		"CloseNotification": n.closeNotification,
		"GetServerInformation": func() (string, string, string, string, *dbus.Error) {
			return "limber-e2e", "limber", "1.0", "1.2", nil
		},
	}
	if err := n.conn.ExportMethodTable(methods, notificationsPath, notificationsIface); err != nil {
		return fmt.Errorf("export methods: %w", err)
	}
	props, err := prop.Export(n.conn, notificationsPath, prop.Map{
		notificationsIface: {"Inhibited": {Value: false, Emit: prop.EmitTrue}},
	})
	if err != nil {
		return fmt.Errorf("export properties: %w", err)
	}
	n.props = props
	node := &introspect.Node{
		Name: string(notificationsPath),
		Interfaces: []introspect.Interface{
			introspect.IntrospectData,
			prop.IntrospectData,
			{
				Name: notificationsIface,
				Methods: []introspect.Method{
					{Name: "GetCapabilities", Args: []introspect.Arg{{Name: "caps", Type: "as", Direction: "out"}}},
					{Name: "Notify", Args: []introspect.Arg{
						{Name: "app_name", Type: "s", Direction: "in"},
						{Name: "replaces_id", Type: "u", Direction: "in"},
						{Name: "app_icon", Type: "s", Direction: "in"},
						{Name: "summary", Type: "s", Direction: "in"},
						{Name: "body", Type: "s", Direction: "in"},
						{Name: "actions", Type: "as", Direction: "in"},
						{Name: "hints", Type: "a{sv}", Direction: "in"},
						{Name: "expire_timeout", Type: "i", Direction: "in"},
						{Name: "id", Type: "u", Direction: "out"},
					}},
					{Name: "CloseNotification", Args: []introspect.Arg{{Name: "id", Type: "u", Direction: "in"}}},
					{Name: "GetServerInformation", Args: []introspect.Arg{
						{Name: "name", Type: "s", Direction: "out"},
						{Name: "vendor", Type: "s", Direction: "out"},
						{Name: "version", Type: "s", Direction: "out"},
						{Name: "spec_version", Type: "s", Direction: "out"},
					}},
				},
				Signals: []introspect.Signal{
					{Name: "NotificationClosed", Args: []introspect.Arg{{Name: "id", Type: "u"}, {Name: "reason", Type: "u"}}},
					{Name: "ActionInvoked", Args: []introspect.Arg{{Name: "id", Type: "u"}, {Name: "action_key", Type: "s"}}},
				},
				Properties: props.Introspection(notificationsIface),
			},
		},
	}
	if err := n.conn.Export(introspect.NewIntrospectable(node), notificationsPath, "org.freedesktop.DBus.Introspectable"); err != nil {
		return fmt.Errorf("export introspection: %w", err)
	}
	reply, err := n.conn.RequestName(notificationsName, dbus.NameFlagDoNotQueue)
	if err != nil {
		return fmt.Errorf("request %s: %w", notificationsName, err)
	}
	if reply != dbus.RequestNameReplyPrimaryOwner {
		return fmt.Errorf("request %s: not primary owner (reply %d)", notificationsName, reply)
	}
	return nil
}

func (n *Notifications) notify(sender dbus.Sender, appName string, replacesID uint32, appIcon, summary, body string,
	actions []string, hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	id := replacesID
	if id == 0 || id > n.nextID { // unknown ids get a fresh one, per spec
		n.nextID++
		id = n.nextID
	}
	n.list = append(n.list, Notification{
		ID: id, Sender: string(sender), AppName: appName, ReplacesID: replacesID, AppIcon: appIcon,
		Summary: summary, Body: body, Actions: actions, Hints: hints, Timeout: timeout,
	})
	n.changed.broadcast()
	return id, nil
}

func (n *Notifications) closeNotification(id uint32) *dbus.Error {
	if n.markClosed(id) {
		_ = n.conn.Emit(notificationsPath, notificationsIface+".NotificationClosed", id, ClosedByCall)
	}
	return nil
}

// markClosed flags every record of id as closed and reports whether any was
// open.
func (n *Notifications) markClosed(id uint32) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	found := false
	for i := range n.list {
		if n.list[i].ID == id && !n.list[i].Closed {
			n.list[i].Closed = true
			found = true
		}
	}
	if found {
		n.changed.broadcast()
	}
	return found
}

// All returns every notification received, in order (a replacement is a new
// record with the same ID).
func (n *Notifications) All() []Notification {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]Notification(nil), n.list...)
}

// Wait waits for a notification satisfying pred, received at any time, and
// returns the first such.
func (n *Notifications) Wait(pred func(Notification) bool, timeout time.Duration) (Notification, error) {
	return n.WaitSince(0, pred, timeout)
}

// WaitSince is Wait that ignores the first skip records, e.g.
// WaitSince(len(n.All()), …) waits for a new notification.
func (n *Notifications) WaitSince(skip int, pred func(Notification) bool, timeout time.Duration) (Notification, error) {
	var found Notification
	list, ok := awaitChange(&n.mu, &n.changed, timeout, nil,
		func() []Notification { return append([]Notification(nil), n.list...) },
		func(list []Notification) bool {
			for i, nt := range list {
				if i >= skip && pred(nt) {
					found = nt
					return true
				}
			}
			return false
		})
	if !ok {
		return Notification{}, fmt.Errorf("no matching notification after %s; received %d: %+v", timeout, len(list), list)
	}
	return found, nil
}

// InvokeAction simulates the user clicking an action button: it emits
// ActionInvoked(id, key) (and, like most servers, closes the notification).
func (n *Notifications) InvokeAction(id uint32, key string) error {
	if err := n.conn.Emit(notificationsPath, notificationsIface+".ActionInvoked", id, key); err != nil {
		return fmt.Errorf("emit ActionInvoked(%d, %q): %w", id, key, err)
	}
	if n.markClosed(id) {
		if err := n.conn.Emit(notificationsPath, notificationsIface+".NotificationClosed", id, ClosedDismissed); err != nil {
			return fmt.Errorf("emit NotificationClosed(%d): %w", id, err)
		}
	}
	return nil
}

// SetInhibited switches the server's do-not-disturb mode (the Inhibited
// property, announced with PropertiesChanged as GNOME and KDE do).
func (n *Notifications) SetInhibited(on bool) {
	n.props.SetMust(notificationsIface, "Inhibited", on)
}
