package notify

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/limber-app/limber/internal/testdesktop"
)

// notifyCall is one Notify call as the server saw it.
type notifyCall struct {
	AppName, Icon, Summary, Body string
	ReplacesID                   uint32
	Actions                      []string
	Hints                        map[string]dbus.Variant
	Timeout                      int32
}

// fakeServer implements org.freedesktop.Notifications.
type fakeServer struct {
	conn   *dbus.Conn
	caps   []string
	mu     sync.Mutex
	block  chan struct{} // when non-nil, calls hang until it is closed
	nextID uint32
	calls  []notifyCall
	closed []uint32
}

func (f *fakeServer) wait() {
	f.mu.Lock()
	block := f.block
	f.mu.Unlock()
	if block != nil {
		<-block
	}
}

// wedge makes every later call hang until the test ends.
func (f *fakeServer) wedge(t *testing.T) {
	block := make(chan struct{})
	f.mu.Lock()
	f.block = block
	f.mu.Unlock()
	t.Cleanup(func() { close(block) })
}

func (f *fakeServer) GetCapabilities() ([]string, *dbus.Error) {
	f.wait()
	return f.caps, nil
}

func (f *fakeServer) Notify(app string, replaces uint32, icon, summary, body string, actions []string,
	hints map[string]dbus.Variant, timeout int32) (uint32, *dbus.Error) {
	f.wait()
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, notifyCall{app, icon, summary, body, replaces, actions, hints, timeout})
	if replaces != 0 {
		return replaces, nil
	}
	f.nextID++
	return f.nextID, nil
}

func (f *fakeServer) CloseNotification(id uint32) *dbus.Error {
	f.mu.Lock()
	f.closed = append(f.closed, id)
	f.mu.Unlock()
	f.emitClosed(id, 3)
	return nil
}

func (f *fakeServer) GetServerInformation() (string, string, string, string, *dbus.Error) {
	return "fake", "limber", "1", "1.2", nil
}

func (f *fakeServer) emitClosed(id, reason uint32) {
	_ = f.conn.Emit(path, notificationClosed, id, reason)
}

func (f *fakeServer) lastCall(t *testing.T) notifyCall {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.calls) == 0 {
		t.Fatal("server saw no Notify call")
	}
	return f.calls[len(f.calls)-1]
}

func startServer(t *testing.T, addr string, caps ...string) *fakeServer {
	t.Helper()
	f := &fakeServer{conn: testdesktop.Own(t, addr, service), caps: caps}
	if err := f.conn.Export(f, path, iface); err != nil {
		t.Fatal(err)
	}
	return f
}

func newTestNotifier(t *testing.T, addr string) *dbusNotifier {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	n, err := newDBus(conn, config{appName: "Limber test"})
	if err != nil {
		conn.Close()
		t.Fatalf("newDBus: %v", err)
	}
	t.Cleanup(func() { n.Close() })
	return n
}

var nudge = Notification{
	Title:   "Time to stand up",
	Body:    "You have been sitting for 45 minutes. Try a standing back stretch.",
	Icon:    "limber",
	Actions: ReminderActions(),
}

func TestNotifyArguments(t *testing.T) {
	tests := []struct {
		name        string
		caps        []string
		note        Notification
		wantActions []string
		wantUrgency byte
	}{
		{
			name: "server with actions", caps: []string{"body", "actions", "icon-static"}, note: nudge,
			wantActions: []string{"start", "Start routine", "snooze", "Snooze"}, wantUrgency: urgencyNormal,
		},
		{
			name: "server without actions", caps: []string{"body"}, note: nudge,
			wantActions: []string{}, wantUrgency: urgencyNormal,
		},
		{
			name: "urgent, no buttons", caps: []string{"actions"}, note: Notification{Title: "Stand up now", Urgent: true},
			wantActions: []string{}, wantUrgency: urgencyCritical,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			addr := testdesktop.DBus(t)
			srv := startServer(t, addr, tt.caps...)
			n := newTestNotifier(t, addr)
			if got, want := n.SupportsActions(), slices.Contains(tt.caps, "actions"); got != want {
				t.Errorf("SupportsActions() = %v, want %v", got, want)
			}
			id, err := n.Send(context.Background(), tt.note)
			if err != nil {
				t.Fatalf("Send: %v", err)
			}
			if id == 0 {
				t.Error("Send returned id 0")
			}
			c := srv.lastCall(t)
			if c.AppName != "Limber test" || c.Summary != tt.note.Title || c.Body != tt.note.Body ||
				c.Icon != tt.note.Icon || c.ReplacesID != 0 || c.Timeout != expireDefault {
				t.Errorf("Notify call = %+v", c)
			}
			if !slices.Equal(c.Actions, tt.wantActions) {
				t.Errorf("actions = %q, want %q", c.Actions, tt.wantActions)
			}
			if u, ok := c.Hints["urgency"].Value().(byte); !ok || u != tt.wantUrgency {
				t.Errorf("urgency hint = %v, want byte %d", c.Hints["urgency"], tt.wantUrgency)
			}
		})
	}
}

func TestReplacesPreviousReminder(t *testing.T) {
	addr := testdesktop.DBus(t)
	srv := startServer(t, addr, "actions")
	n := newTestNotifier(t, addr)
	ctx := context.Background()

	first, err := n.Send(ctx, nudge)
	if err != nil {
		t.Fatal(err)
	}
	second, err := n.Send(ctx, nudge)
	if err != nil {
		t.Fatal(err)
	}
	if c := srv.lastCall(t); c.ReplacesID != first || second != first {
		t.Errorf("second Send: replaces_id %d, id %d; want both %d", c.ReplacesID, second, first)
	}

	// Once the user dismissed it, the next reminder is a new notification.
	srv.emitClosed(first, 2)
	deadline := time.Now().Add(2 * time.Second)
	for {
		n.mu.Lock()
		last := n.last
		n.mu.Unlock()
		if last == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("NotificationClosed not processed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	third, err := n.Send(ctx, nudge)
	if err != nil {
		t.Fatal(err)
	}
	if c := srv.lastCall(t); c.ReplacesID != 0 || third == first {
		t.Errorf("after close: replaces_id %d, id %d; want 0 and a new id", c.ReplacesID, third)
	}
}

func TestActionInvoked(t *testing.T) {
	addr := testdesktop.DBus(t)
	srv := startServer(t, addr, "actions")
	n := newTestNotifier(t, addr)
	id, err := n.Send(context.Background(), nudge)
	if err != nil {
		t.Fatal(err)
	}
	impostor := testdesktop.Conn(t, addr)

	// Another app's notification, a spoofed signal, then ours.
	for _, e := range []struct {
		conn *dbus.Conn
		id   uint32
		key  string
	}{{srv.conn, id + 100, "open"}, {impostor, id, "snooze"}, {srv.conn, id, ActionStart}} {
		if err := e.conn.Emit(path, actionInvoked, e.id, e.key); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case ev := <-n.Actions():
		if ev != (ActionEvent{ID: id, Key: ActionStart}) {
			t.Errorf("got %+v, want {%d start}", ev, id)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no ActionEvent")
	}
	select {
	case ev := <-n.Actions():
		t.Errorf("unexpected extra event %+v", ev)
	case <-time.After(100 * time.Millisecond):
	}
}

func TestCloseWithdrawsReminder(t *testing.T) {
	addr := testdesktop.DBus(t)
	srv := startServer(t, addr, "actions")
	n := newTestNotifier(t, addr)
	id, err := n.Send(context.Background(), nudge)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	srv.mu.Lock()
	closed := slices.Clone(srv.closed)
	srv.mu.Unlock()
	if !slices.Equal(closed, []uint32{id}) {
		t.Errorf("server closed %v, want [%d]", closed, id)
	}
	if _, ok := <-n.Actions(); ok {
		t.Error("Actions channel still open after Close")
	}
	if err := n.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := n.Send(context.Background(), nudge); err == nil {
		t.Error("Send after Close succeeded")
	}
}

func TestNoServer(t *testing.T) {
	tests := []struct {
		name string
		addr func(t *testing.T) string
	}{
		{"bus without server", func(t *testing.T) string { return testdesktop.DBus(t) }},
		{"no bus", func(*testing.T) string { return "unix:path=/nonexistent/limber-test" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DBUS_SESSION_BUS_ADDRESS", tt.addr(t))
			start := time.Now()
			n, err := New()
			if err == nil {
				n.Close()
				t.Fatal("New succeeded with no notification server")
			}
			if !errors.Is(err, ErrNoServer) {
				t.Errorf("error %v does not wrap ErrNoServer", err)
			}
			if d := time.Since(start); d > callTimeout {
				t.Errorf("New took %v, want under %v", d, callTimeout)
			}
		})
	}
}

func TestWedgedServer(t *testing.T) {
	addr := testdesktop.DBus(t)
	srv := startServer(t, addr, "actions")
	n := newTestNotifier(t, addr)
	srv.wedge(t)

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	if _, err := n.Send(ctx, nudge); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Send = %v, want deadline exceeded", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Send took %v despite a 100ms context", d)
	}

	start = time.Now()
	if _, err := n.Send(context.Background(), nudge); err == nil {
		t.Error("Send to a wedged server succeeded")
	}
	if d := time.Since(start); d > callTimeout+500*time.Millisecond {
		t.Errorf("Send took %v, want about %v", d, callTimeout)
	}
}

func TestNewOnSessionBus(t *testing.T) {
	addr := testdesktop.DBus(t)
	srv := startServer(t, addr, "actions", "body")
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
	n, err := New(WithAppName("Limber dev"))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	defer n.Close()
	if !n.SupportsActions() {
		t.Error("SupportsActions() = false")
	}
	if _, err := n.Send(context.Background(), nudge); err != nil {
		t.Fatal(err)
	}
	if c := srv.lastCall(t); c.AppName != "Limber dev" {
		t.Errorf("app name = %q", c.AppName)
	}
}

// TestReminderHints: a persistent reminder with an image, category and
// desktop entry asks for no expiry and carries the hints; "resident" only
// where the server keeps notifications.
func TestReminderHints(t *testing.T) {
	note := nudge
	note.Image, note.Persistent, note.Category, note.DesktopEntry = "/tmp/limber.png", true, "presence", "io.github.limber_app.limber"
	for _, persistence := range []bool{false, true} {
		caps := []string{"actions", "body"}
		if persistence {
			caps = append(caps, "persistence")
		}
		addr := testdesktop.DBus(t)
		srv := startServer(t, addr, caps...)
		n := newTestNotifier(t, addr)
		if _, err := n.Send(context.Background(), note); err != nil {
			t.Fatal(err)
		}
		c := srv.lastCall(t)
		if c.Timeout != expireNever {
			t.Errorf("persistent: timeout %d, want %d", c.Timeout, expireNever)
		}
		for key, want := range map[string]any{"image-path": note.Image, "category": "presence",
			"desktop-entry": note.DesktopEntry, "urgency": urgencyNormal} {
			if got := c.Hints[key]; got.Value() != want {
				t.Errorf("hint %s = %v, want %v", key, got, want)
			}
		}
		if r, ok := c.Hints["resident"]; ok != persistence || (ok && r.Value() != true) {
			t.Errorf("persistence %v: resident hint %v (present %v)", persistence, r, ok)
		}
	}
}

// TestSeparateDoesNotReplace: a separate notification (a test reminder)
// neither replaces the reminder on screen nor is replaced by the next one.
func TestSeparateDoesNotReplace(t *testing.T) {
	addr := testdesktop.DBus(t)
	srv := startServer(t, addr, "actions")
	n := newTestNotifier(t, addr)
	ctx := context.Background()
	first, err := n.Send(ctx, nudge)
	if err != nil {
		t.Fatal(err)
	}
	test := nudge
	test.Separate = true
	sep, err := n.Send(ctx, test)
	if err != nil {
		t.Fatal(err)
	}
	if c := srv.lastCall(t); c.ReplacesID != 0 || sep == first {
		t.Errorf("separate Send replaced %d (id %d, first %d)", c.ReplacesID, sep, first)
	}
	if _, err := n.Send(ctx, nudge); err != nil {
		t.Fatal(err)
	}
	if c := srv.lastCall(t); c.ReplacesID != first {
		t.Errorf("next reminder replaces %d, want the first reminder %d", c.ReplacesID, first)
	}
}
