package dnd

import (
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/limber-app/limber/internal/testdesktop"
)

// fakeServer is a notification server's Properties interface that counts
// the Get calls it answers.
type fakeServer struct {
	mu        sync.Mutex
	inhibited *bool // nil: the server has no such property
	gets      int
}

func (f *fakeServer) Get(iface, name string) (dbus.Variant, *dbus.Error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.gets++
	if iface != notifService || name != inhibitedKey || f.inhibited == nil {
		return dbus.Variant{}, dbus.NewError("org.freedesktop.DBus.Error.UnknownProperty", []any{name})
	}
	return dbus.MakeVariant(*f.inhibited), nil
}

func (f *fakeServer) set(v bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.inhibited = &v
}

func (f *fakeServer) getCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.gets
}

func serve(t *testing.T, addr string, f *fakeServer) *dbus.Conn {
	t.Helper()
	conn := testdesktop.Own(t, addr, notifService)
	if err := conn.Export(f, notifPath, propsIface); err != nil {
		t.Fatal(err)
	}
	return conn
}

func changed(t *testing.T, conn *dbus.Conn, props map[string]dbus.Variant, invalidated ...string) {
	t.Helper()
	if invalidated == nil {
		invalidated = []string{}
	}
	if err := conn.Emit(notifPath, propsIface+".PropertiesChanged", notifService, props, invalidated); err != nil {
		t.Fatal(err)
	}
}

func newInhibit(t *testing.T, addr string) *inhibitWatch {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatal(err)
	}
	w, err := newInhibitWatch(conn)
	if err != nil {
		conn.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { w.close() })
	return w
}

// eventually polls cond for up to two seconds: signals arrive asynchronously.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestInhibitedFollowsServer(t *testing.T) {
	addr := testdesktop.DBus(t)
	srv := &fakeServer{}
	srv.set(false)
	srvConn := serve(t, addr, srv)
	w := newInhibit(t, addr)

	if w.inhibited() {
		t.Fatal("inhibited with Inhibited=false")
	}
	w.inhibited()
	if n := srv.getCount(); n != 1 {
		t.Errorf("%d Get calls for two checks, want 1 (cached)", n)
	}

	// The server turns DND on and says so: no further Get needed.
	srv.set(true)
	changed(t, srvConn, map[string]dbus.Variant{inhibitedKey: dbus.MakeVariant(true)})
	eventually(t, "Inhibited=true", w.inhibited)
	if n := srv.getCount(); n != 1 {
		t.Errorf("%d Get calls after a change signal, want 1", n)
	}

	// Other properties changing leave the cache alone, and an impostor
	// cannot flip it. Either would bump gen before the invalidation below,
	// which the bus delivers after them: the impostor's GetId returns only
	// once the bus has routed its signal.
	gen := w.state().gen
	changed(t, srvConn, map[string]dbus.Variant{"Other": dbus.MakeVariant(1)})
	impostor := testdesktop.Conn(t, addr)
	changed(t, impostor, map[string]dbus.Variant{inhibitedKey: dbus.MakeVariant(false)})
	if err := impostor.BusObject().Call("org.freedesktop.DBus.GetId", 0).Err; err != nil {
		t.Fatal(err)
	}

	// Invalidation forces a fresh read.
	srv.set(false)
	changed(t, srvConn, map[string]dbus.Variant{}, inhibitedKey)
	eventually(t, "invalidation applied", func() bool { return !w.state().known })
	if got := w.state().gen; got != gen+1 {
		t.Errorf("%d cache changes before the invalidation, want none: impostor or unrelated property applied", got-gen-1)
	}
	eventually(t, "Inhibited re-read as false", func() bool { return !w.inhibited() })
	if n := srv.getCount(); n != 2 {
		t.Errorf("%d Get calls after invalidation, want 2", n)
	}
}

func TestInhibitedServerRestart(t *testing.T) {
	addr := testdesktop.DBus(t)
	old := &fakeServer{}
	old.set(true)
	oldConn := serve(t, addr, old)
	w := newInhibit(t, addr)
	if !w.inhibited() {
		t.Fatal("not inhibited with Inhibited=true")
	}

	// The server goes away: its DND state must not linger.
	oldConn.Close()
	eventually(t, "not inhibited after the server quit", func() bool { return !w.inhibited() })

	// A new server (say, after a desktop switch) is asked afresh.
	fresh := &fakeServer{}
	fresh.set(true)
	serve(t, addr, fresh)
	eventually(t, "inhibited by the new server", w.inhibited)
}

func TestInhibitedErrorsMeanFalse(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, addr string)
	}{
		{"no server", func(*testing.T, string) {}},
		{"server without the property", func(t *testing.T, addr string) { serve(t, addr, &fakeServer{}) }},
		{"property of the wrong type", func(t *testing.T, addr string) {
			conn := testdesktop.Own(t, addr, notifService)
			if err := conn.Export(wrongType{}, notifPath, propsIface); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			addr := testdesktop.DBus(t)
			tt.setup(t, addr)
			w := &watcher{inhibit: newInhibit(t, addr)}
			start := time.Now()
			active, err := w.Active()
			if active || err != nil {
				t.Errorf("Active() = %v, %v; want false, nil", active, err)
			}
			if d := time.Since(start); d > callTimeout {
				t.Errorf("Active took %v", d)
			}
		})
	}
}

type wrongType struct{}

func (wrongType) Get(iface, name string) (dbus.Variant, *dbus.Error) {
	return dbus.MakeVariant("yes"), nil
}

func TestNewWithoutSources(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/limber-test")
	t.Setenv("DISPLAY", "")
	got := map[string]error{}
	w := New(WithReport(func(src string, err error) { got[src] = err }))
	defer w.Close()
	if len(got) != 2 || got[SourceNotifications] == nil || got[SourceFullscreen] == nil {
		t.Errorf("reports = %v, want both sources failing", got)
	}
	if active, err := w.Active(); active || err != nil {
		t.Errorf("Active() = %v, %v; want false, nil", active, err)
	}
}

func TestNewOnPrivateBus(t *testing.T) {
	addr := testdesktop.DBus(t)
	srv := &fakeServer{}
	srv.set(true)
	serve(t, addr, srv)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
	t.Setenv("DISPLAY", "")
	w := New()
	defer w.Close()
	if active, err := w.Active(); !active || err != nil {
		t.Errorf("Active() = %v, %v; want true, nil", active, err)
	}
}

// watchState is a snapshot of the watcher's cache.
type watchState struct {
	known, value bool
	gen          uint64
}

func (w *inhibitWatch) state() watchState {
	w.mu.Lock()
	defer w.mu.Unlock()
	return watchState{w.known, w.value, w.gen}
}
