package dnd

import (
	"errors"
	"fmt"
	"slices"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// fullscreen checks the EWMH state of the active X11 window over one
// connection. Under Wayland DISPLAY usually points at Xwayland, which only
// knows X clients; a native fullscreen Wayland window goes unnoticed.
type fullscreen struct {
	conn                                *xgb.Conn
	root                                xproto.Window
	activeWindow, wmState, stateFullscr xproto.Atom
}

func newFullscreen(display string) (*fullscreen, error) {
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		return nil, fmt.Errorf("connect to X display %s: %w", display, err)
	}
	f := &fullscreen{conn: conn, root: xproto.Setup(conn).DefaultScreen(conn).Root}
	for _, a := range []struct {
		name string
		dst  *xproto.Atom
	}{
		{"_NET_ACTIVE_WINDOW", &f.activeWindow},
		{"_NET_WM_STATE", &f.wmState},
		{"_NET_WM_STATE_FULLSCREEN", &f.stateFullscr},
	} {
		reply, err := xproto.InternAtom(conn, false, uint16(len(a.name)), a.name).Reply()
		if err != nil {
			conn.Close()
			return nil, fmt.Errorf("intern X atom %s: %w", a.name, err)
		}
		*a.dst = reply.Atom
	}
	return f, nil
}

// active reports whether the window named by the root's _NET_ACTIVE_WINDOW
// has _NET_WM_STATE_FULLSCREEN in its _NET_WM_STATE.
func (f *fullscreen) active() (bool, error) {
	win, err := f.property(f.root, f.activeWindow, xproto.AtomWindow, 1)
	if err != nil {
		return false, fmt.Errorf("read _NET_ACTIVE_WINDOW: %w", err)
	}
	if len(win) == 0 || win[0] == 0 {
		return false, nil // no window manager, or nothing focused
	}
	states, err := f.property(xproto.Window(win[0]), f.wmState, xproto.AtomAtom, 64)
	if err != nil {
		var bad xproto.WindowError
		if errors.As(err, &bad) {
			return false, nil // the window closed since the WM named it
		}
		return false, fmt.Errorf("read _NET_WM_STATE of window %#x: %w", win[0], err)
	}
	return slices.Contains(states, uint32(f.stateFullscr)), nil
}

// property reads up to n 32-bit items of a window property of the given
// type; a missing property or one of another type or format reads as empty.
func (f *fullscreen) property(win xproto.Window, prop, typ xproto.Atom, n uint32) ([]uint32, error) {
	reply, err := xproto.GetProperty(f.conn, false, win, prop, typ, 0, n).Reply()
	if err != nil {
		return nil, err
	}
	if reply == nil || reply.Format != 32 || reply.Type != typ {
		return nil, nil
	}
	items := min(int(reply.ValueLen), len(reply.Value)/4)
	out := make([]uint32, items)
	for i := range out {
		out[i] = xgb.Get32(reply.Value[4*i:])
	}
	return out, nil
}

func (f *fullscreen) close() { f.conn.Close() }
