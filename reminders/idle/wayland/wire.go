package wayland

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Every message starts with an 8-byte header: the object id, then one word
// holding the message size in bytes (header included) in the upper 16 bits
// and the opcode in the lower 16.
const headerSize = 8

// maxMessageSize is libwayland's limit (WL_MAX_MESSAGE_SIZE); a peer that
// announces a bigger message is broken or not a Wayland compositor.
const maxMessageSize = 4096

// Message is one request or event: the object it is addressed to or sent
// from, the opcode within that object's interface, and the encoded
// arguments.
type Message struct {
	Object uint32
	Opcode uint16
	Args   []byte
}

// ErrMalformed is wrapped by every decoding error.
var ErrMalformed = errors.New("malformed wayland message")

// Append encodes m onto b and returns the extended slice.
func (m Message) Append(b []byte) []byte {
	size := headerSize + len(m.Args)
	b = binary.NativeEndian.AppendUint32(b, m.Object)
	b = binary.NativeEndian.AppendUint32(b, uint32(size)<<16|uint32(m.Opcode))
	return append(b, m.Args...)
}

// parseHeader validates a message header and returns the object, opcode and
// total message size.
func parseHeader(h []byte) (object uint32, opcode uint16, size int, err error) {
	object = binary.NativeEndian.Uint32(h[0:4])
	word := binary.NativeEndian.Uint32(h[4:8])
	size = int(word >> 16)
	opcode = uint16(word)
	switch {
	case size < headerSize:
		return 0, 0, 0, fmt.Errorf("%w: size %d is smaller than the header", ErrMalformed, size)
	case size%4 != 0:
		return 0, 0, 0, fmt.Errorf("%w: size %d is not a multiple of 4", ErrMalformed, size)
	case size > maxMessageSize:
		return 0, 0, 0, fmt.Errorf("%w: size %d exceeds %d", ErrMalformed, size, maxMessageSize)
	}
	return object, opcode, size, nil
}

// ParseMessage decodes the message at the start of b and returns it with the
// number of bytes it took. The message's Args alias b. It fails with
// io.ErrUnexpectedEOF when b holds only part of a message.
func ParseMessage(b []byte) (Message, int, error) {
	if len(b) < headerSize {
		return Message{}, 0, io.ErrUnexpectedEOF
	}
	object, opcode, size, err := parseHeader(b)
	if err != nil {
		return Message{}, 0, err
	}
	if len(b) < size {
		return Message{}, 0, io.ErrUnexpectedEOF
	}
	return Message{Object: object, Opcode: opcode, Args: b[headerSize:size]}, size, nil
}

// ReadMessage reads one whole message from r into buf, which must hold at
// least maxMessageSize bytes; the message's Args alias buf.
func ReadMessage(r io.Reader, buf []byte) (Message, error) {
	if _, err := io.ReadFull(r, buf[:headerSize]); err != nil {
		return Message{}, err
	}
	object, opcode, size, err := parseHeader(buf)
	if err != nil {
		return Message{}, err
	}
	if _, err := io.ReadFull(r, buf[headerSize:size]); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return Message{}, err
	}
	return Message{Object: object, Opcode: opcode, Args: buf[headerSize:size]}, nil
}

// args builds the argument block of a request. Only the argument types this
// package sends are supported: uint (also object and new_id, which are
// object ids on the wire) and string.
type args []byte

func (a args) uint(v uint32) args { return binary.NativeEndian.AppendUint32(a, v) }

// string encodes s as its length including the terminating NUL, the bytes,
// the NUL, and zero padding to a 4-byte boundary.
func (a args) string(s string) args {
	a = a.uint(uint32(len(s) + 1))
	a = append(a, s...)
	a = append(a, 0)
	for len(a)%4 != 0 {
		a = append(a, 0)
	}
	return a
}

// argReader decodes the arguments of an event in order. The first failure
// sticks: later reads return zero values, and err reports it.
type argReader struct {
	b   []byte
	err error
}

func (r *argReader) fail(format string, a ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: "+format, append([]any{ErrMalformed}, a...)...)
	}
	r.b = nil
}

func (r *argReader) uint() uint32 {
	if r.err != nil {
		return 0
	}
	if len(r.b) < 4 {
		r.fail("%d bytes left for a 4-byte argument", len(r.b))
		return 0
	}
	v := binary.NativeEndian.Uint32(r.b)
	r.b = r.b[4:]
	return v
}

// string decodes a string argument. A length of zero is a null string,
// returned as "".
func (r *argReader) string() string {
	n := r.uint()
	if r.err != nil || n == 0 {
		return ""
	}
	padded := (uint64(n) + 3) &^ 3
	if padded > uint64(len(r.b)) {
		r.fail("string of %d bytes overruns the message", n)
		return ""
	}
	s := r.b[:n]
	if s[n-1] != 0 {
		r.fail("string is not NUL-terminated")
		return ""
	}
	r.b = r.b[padded:]
	return string(s[:n-1])
}
