//go:build linux

package testcompositor

import (
	"encoding/binary"
	"fmt"
	"net"
	"time"

	"github.com/limber-app/limber/reminders/idle/wayland"
)

// Mouse buttons for Click, as Linux input event codes.
const (
	ButtonLeft  = 0x110
	ButtonRight = 0x111
)

// Click moves a pointer to x, y on the compositor's output (Width×Height)
// and clicks button, as a user would: the headless backend has no input
// devices, so Click creates a virtual one (wlr-virtual-pointer, which sway
// offers) for the moment of the click. It speaks the Wayland wire
// protocol with the framing of reminders/idle/wayland, as little of it as
// a click needs.
func (s *Sway) Click(x, y int, button uint32) error {
	c, err := net.Dial("unix", s.Socket())
	if err != nil {
		return fmt.Errorf("connect to sway: %w", err)
	}
	defer c.Close()
	w := &wire{c: c, next: 2}
	globals, err := w.globals()
	if err != nil {
		return err
	}
	seatName, ok1 := globals["wl_seat"]
	mgrName, ok2 := globals["zwlr_virtual_pointer_manager_v1"]
	if !ok1 || !ok2 {
		return fmt.Errorf("sway offers no wl_seat or zwlr_virtual_pointer_manager_v1: %v", globals)
	}
	seat := w.bind(seatName, "wl_seat", 1)
	mgr := w.bind(mgrName, "zwlr_virtual_pointer_manager_v1", 1)
	ptr := w.id()
	w.send(mgr, 0, u32s(seat, ptr)) // create_virtual_pointer
	const (
		motionAbsolute = 1
		buttonEvent    = 2
		frame          = 4
	)
	now := uint32(time.Now().UnixMilli())
	steps := []struct {
		op   uint16
		args []byte
	}{
		{motionAbsolute, u32s(now, uint32(x), uint32(y), Width, Height)},
		{frame, nil},
		{buttonEvent, u32s(now+100, button, 1)},
		{frame, nil},
		{buttonEvent, u32s(now+200, button, 0)},
		{frame, nil},
	}
	for _, st := range steps {
		w.send(ptr, st.op, st.args)
		if w.err != nil {
			return w.err
		}
		time.Sleep(100 * time.Millisecond) // let the seat see a new device and each event
	}
	// A roundtrip: sway has read everything before the device goes away.
	_, err = w.globals()
	return err
}

// wire is a minimal Wayland client connection.
type wire struct {
	c        net.Conn
	next     uint32
	registry uint32
	err      error
}

func (w *wire) id() uint32 { w.next++; return w.next - 1 }

func (w *wire) send(object uint32, opcode uint16, args []byte) {
	if w.err != nil {
		return
	}
	_, w.err = w.c.Write(wayland.Message{Object: object, Opcode: opcode, Args: args}.Append(nil))
}

// globals asks for the registry (once) and a sync, and reads events up to
// the sync's reply: the globals by interface name.
func (w *wire) globals() (map[string]uint32, error) {
	if w.registry == 0 {
		w.registry = w.id()
		w.send(1, 1, u32s(w.registry)) // wl_display.get_registry
	}
	done := w.id()
	w.send(1, 0, u32s(done)) // wl_display.sync
	out := map[string]uint32{}
	if err := w.c.SetReadDeadline(time.Now().Add(5 * time.Second)); err != nil {
		return nil, err
	}
	buf := make([]byte, 4096) // libwayland's largest message
	for {
		m, err := wayland.ReadMessage(w.c, buf)
		if err != nil {
			return nil, fmt.Errorf("read from sway: %w", err)
		}
		switch {
		case m.Object == done:
			return out, w.err
		case m.Object == 1 && m.Opcode == 0: // wl_display.error
			return nil, fmt.Errorf("sway reported a protocol error")
		case m.Object == w.registry && m.Opcode == 0: // wl_registry.global
			if name, iface, ok := global(m.Args); ok {
				out[iface] = name
			}
		}
	}
}

// global reads a wl_registry.global event: name, interface.
func global(body []byte) (uint32, string, bool) {
	if len(body) < 8 {
		return 0, "", false
	}
	name, l := binary.NativeEndian.Uint32(body), int(binary.NativeEndian.Uint32(body[4:]))
	if l < 1 || 8+l > len(body) {
		return 0, "", false
	}
	return name, string(body[8 : 8+l-1]), true
}

// bind binds global name as interface iface at version, to a new id.
func (w *wire) bind(name uint32, iface string, version uint32) uint32 {
	id := w.id()
	args := u32s(name, uint32(len(iface)+1))
	args = append(args, iface...)
	args = append(args, make([]byte, 4-len(iface)%4)...) // NUL and padding
	w.send(w.registry, 0, append(args, u32s(version, id)...))
	return id
}

func u32s(vs ...uint32) []byte {
	var b []byte
	for _, v := range vs {
		b = binary.NativeEndian.AppendUint32(b, v)
	}
	return b
}
