package meeting

import (
	"encoding/binary"
	"fmt"
	"io"
	"net"
)

// maxFrame is PulseAudio's own limit on one frame (FRAME_SIZE_MAX_ALLOW).
const maxFrame = 16 << 20

// frameHeader is the descriptor before every frame of the native
// protocol: length, channel, offset (two words) and flags, big-endian.
const frameHeader = 20

// frameGuard sits between the protocol client and the socket and refuses
// a frame longer than maxFrame before the client sees its header: the
// client allocates whatever length it is told, so a socket that is not a
// sound server (or a confused one) would otherwise cost gigabytes.
type frameGuard struct {
	net.Conn
	hdr     [frameHeader]byte
	pending []byte // header bytes validated but not yet handed out
	body    uint32 // bytes left in the current frame's body
}

func (g *frameGuard) Read(p []byte) (int, error) {
	if len(g.pending) > 0 {
		n := copy(p, g.pending)
		g.pending = g.pending[n:]
		return n, nil
	}
	if g.body == 0 {
		if _, err := io.ReadFull(g.Conn, g.hdr[:]); err != nil {
			return 0, err
		}
		length := binary.BigEndian.Uint32(g.hdr[:4])
		if length > maxFrame {
			return 0, fmt.Errorf("sound server sent a %d-byte frame (limit %d): not a PulseAudio server?", length, maxFrame)
		}
		g.body = length
		n := copy(p, g.hdr[:])
		g.pending = g.hdr[n:]
		return n, nil
	}
	if uint32(len(p)) > g.body {
		p = p[:g.body]
	}
	n, err := g.Conn.Read(p)
	g.body -= uint32(n)
	return n, err
}
