package harness

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// maxTreeDepth bounds the window-tree walk. Without a window manager,
// toplevels are children of the root; a little depth covers reparenting.
const maxTreeDepth = 4

// X11 is a plain X client on the desktop's display, used to find the
// windows Limber opens. There is no window manager under bare Xvfb, so a
// window is "shown" when it is viewable, not when a WM says so.
type X11 struct {
	conn *xgb.Conn
	root xproto.Window

	mu    sync.Mutex
	atoms map[string]xproto.Atom
}

// Window is a snapshot of one X window with a title.
type Window struct {
	ID            xproto.Window
	Title         string
	X, Y          int // position relative to the root
	Width, Height int
	Mapped        bool // map state is not Unmapped
	Viewable      bool // mapped and all its ancestors are mapped
	PID           int  // _NET_WM_PID, 0 when unset
}

// X11 returns the desktop's X client, connecting on first use.
func (d *Desktop) X11() *X11 {
	d.tb.Helper()
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.x11 != nil {
		return d.x11
	}
	// Without this xgb logs every X error event and the (expected) missing
	// ~/.Xauthority to stderr; errors that matter come back from requests.
	xgb.Logger.SetOutput(discard{})
	conn, err := xgb.NewConnDisplay(d.display)
	if err != nil {
		d.tb.Fatalf("harness: connect to X display %s: %v", d.display, err)
	}
	d.x11 = &X11{
		conn:  conn,
		root:  xproto.Setup(conn).DefaultScreen(conn).Root,
		atoms: map[string]xproto.Atom{},
	}
	d.closers = append(d.closers, conn.Close)
	return d.x11
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// atom interns name once.
func (x *X11) atom(name string) (xproto.Atom, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if a, ok := x.atoms[name]; ok {
		return a, nil
	}
	reply, err := xproto.InternAtom(x.conn, false, uint16(len(name)), name).Reply()
	if err != nil {
		return 0, fmt.Errorf("intern atom %s: %w", name, err)
	}
	x.atoms[name] = reply.Atom
	return reply.Atom, nil
}

// Windows lists every window with a title, walking the tree from the root.
// Windows that vanish during the walk are skipped.
func (x *X11) Windows() ([]Window, error) {
	var out []Window
	var walk func(xproto.Window, int) error
	walk = func(parent xproto.Window, depth int) error {
		tree, err := xproto.QueryTree(x.conn, parent).Reply()
		if err != nil {
			if parent == x.root {
				return fmt.Errorf("query tree of root: %w", err)
			}
			return nil // destroyed meanwhile
		}
		for _, win := range tree.Children {
			if w, ok := x.describe(win); ok && w.Title != "" {
				out = append(out, w)
			}
			if depth+1 < maxTreeDepth {
				if err := walk(win, depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(x.root, 0); err != nil {
		return nil, err
	}
	return out, nil
}

// describe reads a window's title, geometry, map state and pid. ok is false
// when the window is gone.
func (x *X11) describe(win xproto.Window) (Window, bool) {
	attrs, err := xproto.GetWindowAttributes(x.conn, win).Reply()
	if err != nil {
		return Window{}, false
	}
	geom, err := xproto.GetGeometry(x.conn, xproto.Drawable(win)).Reply()
	if err != nil {
		return Window{}, false
	}
	w := Window{
		ID:       win,
		Title:    x.title(win),
		X:        int(geom.X),
		Y:        int(geom.Y),
		Width:    int(geom.Width),
		Height:   int(geom.Height),
		Mapped:   attrs.MapState != xproto.MapStateUnmapped,
		Viewable: attrs.MapState == xproto.MapStateViewable,
		PID:      x.pid(win),
	}
	if pos, err := xproto.TranslateCoordinates(x.conn, win, x.root, 0, 0).Reply(); err == nil {
		w.X, w.Y = int(pos.DstX), int(pos.DstY)
	}
	return w, true
}

// title prefers the EWMH UTF-8 title and falls back to ICCCM WM_NAME.
func (x *X11) title(win xproto.Window) string {
	if netName, err := x.atom("_NET_WM_NAME"); err == nil {
		if utf8, err := x.atom("UTF8_STRING"); err == nil {
			if s := x.stringProperty(win, netName, utf8); s != "" {
				return s
			}
		}
	}
	return x.stringProperty(win, xproto.AtomWmName, xproto.GetPropertyTypeAny)
}

func (x *X11) stringProperty(win xproto.Window, prop, typ xproto.Atom) string {
	reply, err := xproto.GetProperty(x.conn, false, win, prop, typ, 0, 1024).Reply()
	if err != nil || reply.Format != 8 {
		return ""
	}
	return string(reply.Value)
}

func (x *X11) pid(win xproto.Window) int {
	atom, err := x.atom("_NET_WM_PID")
	if err != nil {
		return 0
	}
	reply, err := xproto.GetProperty(x.conn, false, win, atom, xproto.AtomCardinal, 0, 1).Reply()
	if err != nil || reply.Format != 32 || len(reply.Value) < 4 {
		return 0
	}
	return int(xgb.Get32(reply.Value))
}

// FindWindow waits until a window whose title contains titleSubstring
// exists and returns it, preferring a viewable one.
func (x *X11) FindWindow(titleSubstring string, timeout time.Duration) (Window, error) {
	return x.waitWindow(titleSubstring, false, timeout)
}

// WaitViewable waits until a window whose title contains titleSubstring is
// viewable (mapped, on screen) and returns it.
func (x *X11) WaitViewable(titleSubstring string, timeout time.Duration) (Window, error) {
	return x.waitWindow(titleSubstring, true, timeout)
}

func (x *X11) waitWindow(sub string, viewable bool, timeout time.Duration) (Window, error) {
	deadline := time.Now().Add(timeout)
	// X round trips on a local Xvfb take microseconds; poll briskly so the
	// click-to-window benchmark measures the app, not the harness.
	const interval = 20 * time.Millisecond
	for {
		wins, err := x.Windows()
		if err != nil {
			return Window{}, err
		}
		var candidate *Window
		for i := range wins {
			if !strings.Contains(wins[i].Title, sub) {
				continue
			}
			if wins[i].Viewable {
				return wins[i], nil
			}
			if candidate == nil {
				candidate = &wins[i]
			}
		}
		if candidate != nil && !viewable {
			return *candidate, nil
		}
		if time.Now().After(deadline) {
			return Window{}, fmt.Errorf("no %swindow titled *%s* after %s; windows: %s",
				map[bool]string{true: "viewable ", false: ""}[viewable], sub, timeout, describeAll(wins))
		}
		time.Sleep(interval)
	}
}

// WaitGone waits until no window title contains titleSubstring.
func (x *X11) WaitGone(titleSubstring string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		wins, err := x.Windows()
		if err != nil {
			return err
		}
		present := false
		for _, w := range wins {
			if strings.Contains(w.Title, titleSubstring) {
				present = true
				break
			}
		}
		if !present {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("window titled *%s* still present after %s", titleSubstring, timeout)
		}
		time.Sleep(pollInterval)
	}
}

// CloseWindow asks the window's client to close it, as a window manager's
// close button does: a WM_DELETE_WINDOW client message.
func (x *X11) CloseWindow(win xproto.Window) error {
	protocols, err := x.atom("WM_PROTOCOLS")
	if err != nil {
		return err
	}
	del, err := x.atom("WM_DELETE_WINDOW")
	if err != nil {
		return err
	}
	ev := xproto.ClientMessageEvent{
		Format: 32,
		Window: win,
		Type:   protocols,
		Data:   xproto.ClientMessageDataUnionData32New([]uint32{uint32(del), uint32(xproto.TimeCurrentTime), 0, 0, 0}),
	}
	if err := xproto.SendEventChecked(x.conn, false, win, xproto.EventMaskNoEvent, string(ev.Bytes())).Check(); err != nil {
		return fmt.Errorf("send WM_DELETE_WINDOW to window %d: %w", win, err)
	}
	return nil
}

// CreateWindow creates and maps a plain titled window. The harness
// self-tests use it; e2e tests may use it as a focus target for typing.
func (x *X11) CreateWindow(title string, width, height uint16) (xproto.Window, error) {
	win, err := xproto.NewWindowId(x.conn)
	if err != nil {
		return 0, fmt.Errorf("allocate window id: %w", err)
	}
	screen := xproto.Setup(x.conn).DefaultScreen(x.conn)
	if err := xproto.CreateWindowChecked(x.conn, screen.RootDepth, win, x.root, 10, 10, width, height, 0,
		xproto.WindowClassInputOutput, screen.RootVisual, 0, nil).Check(); err != nil {
		return 0, fmt.Errorf("create window: %w", err)
	}
	if err := xproto.ChangePropertyChecked(x.conn, xproto.PropModeReplace, win, xproto.AtomWmName, xproto.AtomString,
		8, uint32(len(title)), []byte(title)).Check(); err != nil {
		return 0, fmt.Errorf("set WM_NAME: %w", err)
	}
	if err := xproto.MapWindowChecked(x.conn, win).Check(); err != nil {
		return 0, fmt.Errorf("map window: %w", err)
	}
	return win, nil
}

func describeAll(wins []Window) string {
	if len(wins) == 0 {
		return "(none)"
	}
	parts := make([]string, len(wins))
	for i, w := range wins {
		parts[i] = fmt.Sprintf("%q %dx%d+%d+%d viewable=%v", w.Title, w.Width, w.Height, w.X, w.Y, w.Viewable)
	}
	return strings.Join(parts, "; ")
}
