package idle

import (
	"errors"
	"fmt"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

// The X SYNCHRONIZATION extension (protocol 3.1), just the requests the idle
// watch needs: xgb has no generated package for it, so they are encoded here
// from the protocol specification (xcb-proto's sync.xml).
const (
	syncName = "SYNC"

	syncInitialize         = 0
	syncListSystemCounters = 1
	syncCreateAlarm        = 8
	syncChangeAlarm        = 9

	syncAlarmNotify = 1 // event number relative to the extension's first event

	// Alarm attribute mask bits, in the order their values follow.
	syncCACounter   = 1
	syncCAValueType = 2
	syncCAValue     = 4
	syncCATestType  = 8
	syncCADelta     = 16
	syncCAEvents    = 32

	syncValueAbsolute = 0

	syncPositiveComparison = 2 // fires while counter ≥ value
	syncNegativeComparison = 3 // fires while counter ≤ value

	syncAlarmDestroyed = 2 // AlarmNotify state

	// idleCounterName is the system counter of milliseconds since the last
	// input on any device.
	idleCounterName = "IDLETIME"
)

// xsync is the SYNC extension on one connection.
type xsync struct {
	conn   *xgb.Conn
	opcode byte
}

// initXSync checks for the extension, negotiates version 3.1 and registers
// the AlarmNotify event with xgb so that WaitForEvent returns it. Like xgb's
// generated extensions, the registration writes xgb's shared event table.
func initXSync(conn *xgb.Conn) (*xsync, error) {
	ext, err := xproto.QueryExtension(conn, uint16(len(syncName)), syncName).Reply()
	if err != nil {
		return nil, fmt.Errorf("query X extension %s: %w", syncName, err)
	}
	if !ext.Present {
		//lint:ignore ST1005 X is the window system's name
		return nil, fmt.Errorf("X server has no %s extension", syncName)
	}
	conn.ExtLock.Lock()
	conn.Extensions[syncName] = ext.MajorOpcode
	conn.ExtLock.Unlock()
	xgb.NewEventFuncs[int(ext.FirstEvent)+syncAlarmNotify] = newAlarmNotify

	s := &xsync{conn: conn, opcode: ext.MajorOpcode}
	if _, err := s.call(syncInitialize, true, []byte{3, 1, 0, 0}); err != nil {
		//lint:ignore ST1005 X is the window system's name
		return nil, fmt.Errorf("X %s initialize: %w", syncName, err)
	}
	return s, nil
}

// call sends a request with the given minor opcode and body (a multiple of
// 4 bytes) and waits for its reply, or for its error if it has none.
func (s *xsync) call(minor byte, hasReply bool, body []byte) ([]byte, error) {
	buf := make([]byte, 4, 4+len(body))
	buf[0], buf[1] = s.opcode, minor
	xgb.Put16(buf[2:], uint16((4+len(body))/4))
	buf = append(buf, body...)
	cookie := s.conn.NewCookie(true, hasReply)
	s.conn.NewRequest(buf, cookie)
	if hasReply {
		return cookie.Reply()
	}
	return nil, cookie.Check()
}

// counter returns the id of the named system counter.
func (s *xsync) counter(name string) (uint32, error) {
	reply, err := s.call(syncListSystemCounters, true, nil)
	if err != nil {
		return 0, fmt.Errorf("list X system counters: %w", err)
	}
	id, found, err := findSystemCounter(reply, name)
	if err != nil {
		return 0, err
	}
	if !found {
		//lint:ignore ST1005 X is the window system's name
		return 0, fmt.Errorf("X server has no %s system counter", name)
	}
	return id, nil
}

var errShortReply = errors.New("short SYNC ListSystemCounters reply")

// findSystemCounter parses a ListSystemCounters reply: a 32-byte header with
// the count at offset 8, then per counter its id, resolution (8 bytes),
// name length (2 bytes) and name, padded to 4 bytes.
func findSystemCounter(reply []byte, name string) (uint32, bool, error) {
	if len(reply) < 32 {
		return 0, false, errShortReply
	}
	n := xgb.Get32(reply[8:])
	b := reply[32:]
	for range n {
		if len(b) < 14 {
			return 0, false, errShortReply
		}
		id := xgb.Get32(b)
		nameLen := int(xgb.Get16(b[12:]))
		size := xgb.Pad(14 + nameLen)
		if len(b) < size {
			return 0, false, errShortReply
		}
		if string(b[14:14+nameLen]) == name {
			return id, true, nil
		}
		b = b[size:]
	}
	return 0, false, nil
}

// alarmBody encodes the attributes of an alarm on counter that sends an
// event when test holds against value (milliseconds for IDLETIME). A delta
// of zero makes a comparison alarm fire once and turn inactive until it is
// changed again.
func alarmBody(alarm, counter uint32, value int64, test uint32) []byte {
	b := make([]byte, 4*10)
	xgb.Put32(b[0:], alarm)
	xgb.Put32(b[4:], syncCACounter|syncCAValueType|syncCAValue|syncCATestType|syncCADelta|syncCAEvents)
	xgb.Put32(b[8:], counter)
	xgb.Put32(b[12:], syncValueAbsolute)
	xgb.Put32(b[16:], uint32(value>>32)) // INT64 is hi, then lo
	xgb.Put32(b[20:], uint32(value))
	xgb.Put32(b[24:], test)
	// delta: b[28:36] stays zero
	xgb.Put32(b[36:], 1) // events: true
	return b
}

// setAlarm creates the alarm, or changes it (which also makes an inactive
// alarm active again).
func (s *xsync) setAlarm(create bool, alarm, counter uint32, value int64, test uint32) error {
	op := byte(syncChangeAlarm)
	if create {
		op = syncCreateAlarm
	}
	if _, err := s.call(op, false, alarmBody(alarm, counter, value, test)); err != nil {
		return fmt.Errorf("set X alarm: %w", err)
	}
	return nil
}

// alarmNotify is the SYNC AlarmNotify event.
type alarmNotify struct {
	raw          []byte
	Alarm        uint32
	CounterValue int64
	State        byte
}

func newAlarmNotify(buf []byte) xgb.Event {
	get64 := func(b []byte) int64 { return int64(int32(xgb.Get32(b)))<<32 | int64(xgb.Get32(b[4:])) }
	return alarmNotify{
		raw:          buf,
		Alarm:        xgb.Get32(buf[4:]),
		CounterValue: get64(buf[8:]),
		State:        buf[28],
	}
}

func (e alarmNotify) Bytes() []byte { return e.raw }

func (e alarmNotify) String() string {
	return fmt.Sprintf("AlarmNotify{alarm %d, counter %d, state %d}", e.Alarm, e.CounterValue, e.State)
}

// counterDuration converts an IDLETIME value to a duration.
func counterDuration(ms int64) time.Duration { return time.Duration(max(ms, 0)) * time.Millisecond }
