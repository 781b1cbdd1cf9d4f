package wayland

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// fakeCompositor is a scripted Wayland server on a Unix socket: it answers
// get_registry with its globals and sync with done, records binds and idle
// requests, and lets the test send events.
type fakeCompositor struct {
	t       *testing.T
	path    string
	globals []Global
	conn    net.Conn
	reqs    chan Message // requests other than get_registry and sync

	accepted chan net.Conn
}

func newFakeCompositor(t *testing.T, globals ...Global) *fakeCompositor {
	t.Helper()
	dir, err := os.MkdirTemp("", "wl")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	f := &fakeCompositor{t: t, path: filepath.Join(dir, "wayland-fake"), globals: globals, reqs: make(chan Message, 16)}
	ln, err := net.Listen("unix", f.path)
	if err != nil {
		t.Fatal(err)
	}
	accepted := make(chan net.Conn, 1)
	go func() {
		defer ln.Close()
		c, err := ln.Accept()
		if err != nil {
			close(accepted)
			return
		}
		accepted <- c
		f.serve(c)
	}()
	t.Cleanup(func() {
		ln.Close()
		if c, ok := <-accepted; ok {
			c.Close()
		}
	})
	f.accepted = accepted
	return f
}

// serve answers the core requests until the client goes away.
func (f *fakeCompositor) serve(c net.Conn) {
	f.conn = c
	buf := make([]byte, maxMessageSize)
	var registry uint32
	for {
		m, err := ReadMessage(c, buf)
		if err != nil {
			close(f.reqs)
			return
		}
		r := argReader{b: append([]byte(nil), m.Args...)}
		switch {
		case m.Object == displayID && m.Opcode == displayGetRegistry:
			registry = r.uint()
			for _, g := range f.globals {
				f.send(registry, registryGlobal, args{}.uint(g.Name).string(g.Interface).uint(g.Version))
			}
		case m.Object == displayID && m.Opcode == displaySync:
			id := r.uint()
			f.send(id, callbackDone, args{}.uint(0))
			f.send(displayID, displayDeleteID, args{}.uint(id))
		default:
			m.Args = r.b
			f.reqs <- m
		}
	}
}

// send writes an event. A client that hung up (it may close as soon as it
// has the answer it needs, before the compositor's delete_id that follows
// a callback's done) or a connection closed at cleanup is not an error,
// as for a real compositor.
func (f *fakeCompositor) send(object uint32, opcode uint16, a args) {
	_, err := f.conn.Write(Message{Object: object, Opcode: opcode, Args: a}.Append(nil))
	if err != nil && !errors.Is(err, syscall.EPIPE) && !errors.Is(err, syscall.ECONNRESET) && !errors.Is(err, net.ErrClosed) {
		f.t.Errorf("fake compositor write: %v", err)
	}
}

// request returns the next request the client made beyond the core ones.
func (f *fakeCompositor) request() Message {
	f.t.Helper()
	select {
	case m := <-f.reqs:
		return m
	case <-time.After(10 * time.Second):
		f.t.Fatal("no request from the client")
	}
	return Message{}
}

var (
	seatGlobal = Global{Name: 1, Interface: SeatInterface, Version: 8}
	extGlobal  = Global{Name: 2, Interface: ExtIdleNotifier, Version: 2}
	kdeGlobal  = Global{Name: 3, Interface: KDEIdle, Version: 1}
)

// dialFake connects an IdleClient to f and returns it with the ids of the
// seat and notifier it bound, read from its bind requests.
func dialFake(t *testing.T, f *fakeCompositor) (c *IdleClient, seat, notifier uint32, bound []string) {
	t.Helper()
	c, err := DialIdle(f.path)
	if err != nil {
		t.Fatalf("DialIdle: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	for range 2 {
		m := f.request()
		r := argReader{b: m.Args}
		_, iface, version, id := r.uint(), r.string(), r.uint(), r.uint()
		if m.Opcode != registryBind || r.err != nil {
			t.Fatalf("request %+v, want bind", m)
		}
		bound = append(bound, iface)
		if iface == SeatInterface {
			seat = id
			if version != 1 {
				t.Errorf("bound wl_seat version %d, want 1", version)
			}
		} else {
			notifier = id
		}
	}
	return c, seat, notifier, bound
}

func TestIdleClientPrefersExtInputNotifications(t *testing.T) {
	f := newFakeCompositor(t, kdeGlobal, seatGlobal, extGlobal)
	c, seat, notifier, bound := dialFake(t, f)
	if c.Protocol() != ExtIdleNotifier || !c.InputOnly() || bound[1] != ExtIdleNotifier {
		t.Fatalf("protocol %s (input only %v, bound %v), want ext v2", c.Protocol(), c.InputOnly(), bound)
	}
	id, err := c.AddTimeout(1500 * time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	m := f.request()
	r := argReader{b: m.Args}
	gotID, ms, gotSeat := r.uint(), r.uint(), r.uint()
	if m.Object != notifier || m.Opcode != extGetInputIdleNotification || gotID != id || ms != 1500 || gotSeat != seat {
		t.Fatalf("request %d/%d (id %d, %d ms, seat %d), want get_input_idle_notification(%d, 1500, %d) on %d",
			m.Object, m.Opcode, gotID, ms, gotSeat, id, seat, notifier)
	}
	f.send(seat, 0, args{}.uint(3)) // wl_seat.capabilities: ignored
	f.send(id, extNotificationIdled, nil)
	f.send(id, extNotificationResumed, nil)
	for _, want := range []IdleEvent{{id, true}, {id, false}} {
		if ev, err := c.Next(); err != nil || ev != want {
			t.Fatalf("Next() = %+v, %v; want %+v", ev, err, want)
		}
	}
}

func TestIdleClientExtVersion1(t *testing.T) {
	f := newFakeCompositor(t, seatGlobal, Global{Name: 2, Interface: ExtIdleNotifier, Version: 1})
	c, _, _, _ := dialFake(t, f)
	if c.InputOnly() {
		t.Error("input-only notifications on version 1")
	}
	if _, err := c.AddTimeout(time.Second); err != nil {
		t.Fatal(err)
	}
	if m := f.request(); m.Opcode != extGetIdleNotification {
		t.Errorf("opcode %d, want get_idle_notification", m.Opcode)
	}
}

func TestIdleClientKDE(t *testing.T) {
	f := newFakeCompositor(t, seatGlobal, kdeGlobal)
	c, seat, notifier, _ := dialFake(t, f)
	id, err := c.AddTimeout(2 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	m := f.request()
	r := argReader{b: m.Args}
	gotID, gotSeat, ms := r.uint(), r.uint(), r.uint()
	if m.Object != notifier || m.Opcode != kdeGetIdleTimeout || gotID != id || gotSeat != seat || ms != 2000 {
		t.Fatalf("request %+v, want get_idle_timeout(%d, seat %d, 2000)", m, id, seat)
	}
	f.send(id, kdeTimeoutIdle, nil)
	if ev, err := c.Next(); err != nil || ev != (IdleEvent{id, true}) {
		t.Fatalf("Next() = %+v, %v", ev, err)
	}
}

func TestIdleClientFaults(t *testing.T) {
	tests := []struct {
		name   string
		inject func(f *fakeCompositor, id uint32)
		check  func(err error) bool
	}{
		{"seat removed", func(f *fakeCompositor, _ uint32) {
			f.send(2, registryGlobalRemove, args{}.uint(99)) // another global: ignored
			f.send(2, registryGlobalRemove, args{}.uint(seatGlobal.Name))
		}, func(err error) bool { return errors.Is(err, ErrGlobalRemoved) }},
		{"notifier removed", func(f *fakeCompositor, _ uint32) {
			f.send(2, registryGlobalRemove, args{}.uint(extGlobal.Name))
		}, func(err error) bool { return errors.Is(err, ErrGlobalRemoved) }},
		{"protocol error", func(f *fakeCompositor, id uint32) {
			f.send(displayID, displayError, args{}.uint(id).uint(0).string("invalid timeout"))
		}, func(err error) bool {
			var pe *ProtocolError
			return errors.As(err, &pe) && pe.Code == 0 && pe.Message == "invalid timeout"
		}},
		{"unknown event", func(f *fakeCompositor, id uint32) {
			f.send(id, 7, nil)
		}, func(err error) bool { return errors.Is(err, ErrMalformed) }},
		{"compositor exits", func(f *fakeCompositor, _ uint32) {
			f.conn.Close()
		}, func(err error) bool { return err != nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeCompositor(t, seatGlobal, extGlobal)
			c, _, _, _ := dialFake(t, f)
			id, err := c.AddTimeout(time.Second)
			if err != nil {
				t.Fatal(err)
			}
			f.request()
			tt.inject(f, id)
			if _, err := c.Next(); !tt.check(err) {
				t.Errorf("Next() error %v", err)
			}
		})
	}
}

func TestDialIdleWithoutProtocol(t *testing.T) {
	for _, globals := range [][]Global{{seatGlobal}, {extGlobal}, {}} {
		f := newFakeCompositor(t, globals...)
		if _, err := DialIdle(f.path); !errors.Is(err, ErrNoIdleProtocol) {
			t.Errorf("globals %v: err = %v, want ErrNoIdleProtocol", globals, err)
		}
	}
}

func TestSocketPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		display string
		env     map[string]string
		want    string
		wantErr bool
	}{
		{"", map[string]string{"XDG_RUNTIME_DIR": "/run/user/1"}, "/run/user/1/wayland-0", false},
		{"", map[string]string{"XDG_RUNTIME_DIR": "/run/user/1", "WAYLAND_DISPLAY": "wayland-1"}, "/run/user/1/wayland-1", false},
		{"/tmp/w", nil, "/tmp/w", false},
		{"wayland-2", nil, "", true},
	}
	for _, tt := range tests {
		got, err := SocketPath(tt.display, env(tt.env))
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("SocketPath(%q, %v) = %q, %v", tt.display, tt.env, got, err)
		}
	}
}
