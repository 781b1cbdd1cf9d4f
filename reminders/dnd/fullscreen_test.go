package dnd

import (
	"testing"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"

	"github.com/limber-app/limber/internal/testdesktop"
)

// wm plays the window manager's part on a bare Xvfb: it owns windows and
// sets the EWMH properties a real WM would.
type wm struct {
	t    *testing.T
	conn *xgb.Conn
	root xproto.Window
}

func newWM(t *testing.T, display string) *wm {
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(conn.Close)
	return &wm{t: t, conn: conn, root: xproto.Setup(conn).DefaultScreen(conn).Root}
}

func (w *wm) atom(name string) xproto.Atom {
	reply, err := xproto.InternAtom(w.conn, false, uint16(len(name)), name).Reply()
	if err != nil {
		w.t.Fatal(err)
	}
	return reply.Atom
}

func (w *wm) window() xproto.Window {
	id, err := xproto.NewWindowId(w.conn)
	if err != nil {
		w.t.Fatal(err)
	}
	screen := xproto.Setup(w.conn).DefaultScreen(w.conn)
	if err := xproto.CreateWindowChecked(w.conn, screen.RootDepth, id, w.root, 0, 0, 1280, 1024, 0,
		xproto.WindowClassInputOutput, screen.RootVisual, 0, nil).Check(); err != nil {
		w.t.Fatal(err)
	}
	return id
}

func (w *wm) set(win xproto.Window, prop string, typ xproto.Atom, values ...uint32) {
	data := make([]byte, 4*len(values))
	for i, v := range values {
		xgb.Put32(data[4*i:], v)
	}
	if err := xproto.ChangePropertyChecked(w.conn, xproto.PropModeReplace, win, w.atom(prop), typ, 32,
		uint32(len(values)), data).Check(); err != nil {
		w.t.Fatal(err)
	}
}

func TestFullscreen(t *testing.T) {
	display := testdesktop.Xvfb(t)
	wm := newWM(t, display)
	fs, err := newFullscreen(display)
	if err != nil {
		t.Fatal(err)
	}
	defer fs.close()

	full := wm.window()
	wm.set(full, "_NET_WM_STATE", xproto.AtomAtom, uint32(wm.atom("_NET_WM_STATE_ABOVE")), uint32(wm.atom("_NET_WM_STATE_FULLSCREEN")))
	normal := wm.window()
	wm.set(normal, "_NET_WM_STATE", xproto.AtomAtom, uint32(wm.atom("_NET_WM_STATE_MAXIMIZED_VERT")))
	bare := wm.window()
	gone := wm.window()
	wm.set(gone, "_NET_WM_STATE", xproto.AtomAtom, uint32(wm.atom("_NET_WM_STATE_FULLSCREEN")))
	if err := xproto.DestroyWindowChecked(wm.conn, gone).Check(); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name   string
		active []uint32 // nil: property not set at all
		typ    xproto.Atom
		want   bool
	}{
		{"no window manager", nil, xproto.AtomWindow, false},
		{"fullscreen window active", []uint32{uint32(full)}, xproto.AtomWindow, true},
		{"maximized window active", []uint32{uint32(normal)}, xproto.AtomWindow, false},
		{"window without state", []uint32{uint32(bare)}, xproto.AtomWindow, false},
		{"nothing focused", []uint32{0}, xproto.AtomWindow, false},
		{"destroyed window", []uint32{uint32(gone)}, xproto.AtomWindow, false},
		{"malformed property type", []uint32{uint32(full)}, xproto.AtomCardinal, false},
		{"empty property", []uint32{}, xproto.AtomWindow, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.active != nil {
				wm.set(wm.root, "_NET_ACTIVE_WINDOW", tt.typ, tt.active...)
			}
			w := &watcher{fullscreen: fs}
			got, err := w.Active()
			if err != nil || got != tt.want {
				t.Errorf("Active() = %v, %v; want %v, nil", got, err, tt.want)
			}
		})
	}
}

func TestNewWithDisplay(t *testing.T) {
	display := testdesktop.Xvfb(t)
	wm := newWM(t, display)
	win := wm.window()
	wm.set(win, "_NET_WM_STATE", xproto.AtomAtom, uint32(wm.atom("_NET_WM_STATE_FULLSCREEN")))
	wm.set(wm.root, "_NET_ACTIVE_WINDOW", xproto.AtomWindow, uint32(win))

	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/limber-test")
	t.Setenv("DISPLAY", display)
	reports := map[string]error{}
	w := New(WithReport(func(src string, err error) { reports[src] = err }))
	defer w.Close()
	if err := reports[SourceFullscreen]; err != nil {
		t.Fatalf("fullscreen source: %v", err)
	}
	if active, err := w.Active(); !active || err != nil {
		t.Errorf("Active() = %v, %v; want true, nil", active, err)
	}
}
