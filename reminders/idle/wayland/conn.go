package wayland

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sync"
)

// Core protocol object ids and opcodes (wayland.xml).
const (
	displayID = 1 // wl_display is always object 1

	displaySync        = 0 // request sync(new_id callback)
	displayGetRegistry = 1 // request get_registry(new_id registry)
	displayError       = 0 // event error(object, uint code, string message)
	displayDeleteID    = 1 // event delete_id(uint id)

	registryBind         = 0 // request bind(uint name, new_id{string interface, uint version, id})
	registryGlobal       = 0 // event global(uint name, string interface, uint version)
	registryGlobalRemove = 1 // event global_remove(uint name)

	callbackDone = 0 // event done(uint data)
)

// ProtocolError is a fatal error the compositor reported with
// wl_display.error; the compositor closes the connection after sending it.
type ProtocolError struct {
	Object  uint32
	Code    uint32
	Message string
}

func (e *ProtocolError) Error() string {
	return fmt.Sprintf("wayland protocol error on object %d, code %d: %s", e.Object, e.Code, e.Message)
}

// Global is one global object the compositor advertises in the registry.
type Global struct {
	Name      uint32
	Interface string
	Version   uint32
}

// Conn is a connection to a Wayland compositor. It is not safe for
// concurrent use, except that Close may be called at any time to unblock a
// pending read.
type Conn struct {
	sock   net.Conn
	nextID uint32
	rbuf   []byte
	wbuf   []byte

	closeOnce sync.Once
	closeErr  error
}

// SocketPath resolves a display name the way libwayland does: an absolute
// path is used as is; otherwise it is relative to $XDG_RUNTIME_DIR, and an
// empty name means $WAYLAND_DISPLAY or else "wayland-0".
func SocketPath(display string, getenv func(string) string) (string, error) {
	if display == "" {
		display = getenv("WAYLAND_DISPLAY")
	}
	if display == "" {
		display = "wayland-0"
	}
	if filepath.IsAbs(display) {
		return display, nil
	}
	dir := getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		return "", errors.New("XDG_RUNTIME_DIR is not set")
	}
	return filepath.Join(dir, display), nil
}

// Dial connects to the compositor serving display (see SocketPath).
func Dial(display string) (*Conn, error) {
	path, err := SocketPath(display, os.Getenv)
	if err != nil {
		return nil, fmt.Errorf("wayland display: %w", err)
	}
	sock, err := net.Dial("unix", path)
	if err != nil {
		return nil, fmt.Errorf("connect to wayland display: %w", err)
	}
	return NewConn(sock), nil
}

// NewConn wraps an established connection, e.g. one end of a socket pair in
// tests. The Conn owns sock and closes it.
func NewConn(sock net.Conn) *Conn {
	return &Conn{sock: sock, nextID: displayID + 1, rbuf: make([]byte, maxMessageSize)}
}

// Close closes the connection; the compositor then destroys every object
// this client created. A read blocked in another goroutine returns an error.
func (c *Conn) Close() error {
	c.closeOnce.Do(func() { c.closeErr = c.sock.Close() })
	return c.closeErr
}

// newID allocates the next client object id. Ids are never reused: the few
// objects this package creates live as long as the connection, and
// libwayland servers accept either a freed id or the next unused one.
func (c *Conn) newID() uint32 {
	id := c.nextID
	c.nextID++
	return id
}

// send queues a request; flush writes the queue. Requests are batched so
// that setup sends its requests in one write.
func (c *Conn) send(object uint32, opcode uint16, a args) {
	c.wbuf = Message{Object: object, Opcode: opcode, Args: a}.Append(c.wbuf)
}

func (c *Conn) flush() error {
	if len(c.wbuf) == 0 {
		return nil
	}
	_, err := c.sock.Write(c.wbuf)
	c.wbuf = c.wbuf[:0]
	if err != nil {
		return fmt.Errorf("write to compositor: %w", err)
	}
	return nil
}

// sync queues wl_display.sync and returns the callback's id; its done event
// arrives after the compositor has handled every earlier request.
func (c *Conn) sync() uint32 {
	id := c.newID()
	c.send(displayID, displaySync, args{}.uint(id))
	return id
}

// read returns the next event not addressed to wl_display. It turns
// wl_display.error into a *ProtocolError and consumes delete_id, which
// needs no bookkeeping because ids are not reused.
func (c *Conn) read() (Message, error) {
	for {
		m, err := ReadMessage(c.sock, c.rbuf)
		if err != nil {
			return Message{}, fmt.Errorf("read from compositor: %w", err)
		}
		if m.Object != displayID {
			return m, nil
		}
		r := argReader{b: m.Args}
		switch m.Opcode {
		case displayError:
			e := &ProtocolError{Object: r.uint(), Code: r.uint(), Message: r.string()}
			if r.err != nil {
				return Message{}, fmt.Errorf("wl_display.error: %w", r.err)
			}
			return Message{}, e
		case displayDeleteID:
			if r.uint(); r.err != nil {
				return Message{}, fmt.Errorf("wl_display.delete_id: %w", r.err)
			}
		default:
			return Message{}, fmt.Errorf("%w: wl_display event opcode %d", ErrMalformed, m.Opcode)
		}
	}
}
