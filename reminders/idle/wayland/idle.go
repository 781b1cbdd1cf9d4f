package wayland

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// Interface names of the globals this package binds.
const (
	SeatInterface = "wl_seat"
	// ExtIdleNotifier is the standard idle protocol (ext-idle-notify-v1).
	ExtIdleNotifier = "ext_idle_notifier_v1"
	// KDEIdle is KDE's older protocol, still the only one in wlroots < 0.17.
	KDEIdle = "org_kde_kwin_idle"
)

// Opcodes of the idle protocols (ext-idle-notify-v1.xml, KDE's idle.xml).
const (
	extGetIdleNotification      = 1 // request (new_id, uint timeout, object seat)
	extGetInputIdleNotification = 2 // request, since version 2: same arguments
	extNotificationIdled        = 0 // event
	extNotificationResumed      = 1 // event

	kdeGetIdleTimeout = 0 // request (new_id, object seat, uint timeout)
	kdeTimeoutIdle    = 0 // event
	kdeTimeoutResumed = 1 // event
)

// ErrNoIdleProtocol means the compositor offers neither idle protocol (or no
// seat to watch).
var ErrNoIdleProtocol = errors.New("compositor offers no idle protocol (" + ExtIdleNotifier + " or " + KDEIdle + ") and seat")

// ErrGlobalRemoved means the seat or the idle notifier the client bound was
// removed from the registry, so no more events will come.
var ErrGlobalRemoved = errors.New("wayland global removed")

// IdleClient watches one seat through the best idle protocol the compositor
// offers. Use it from one goroutine; Close may be called from any.
type IdleClient struct {
	conn     *Conn
	registry uint32

	seat, seatName uint32

	notifier, notifierName uint32
	protocol               string
	version                uint32

	timeouts map[uint32]struct{}
}

// DialIdle connects to display (see SocketPath) and sets up an IdleClient.
func DialIdle(display string) (*IdleClient, error) {
	conn, err := Dial(display)
	if err != nil {
		return nil, err
	}
	c, err := NewIdleClient(conn)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return c, nil
}

// NewIdleClient reads the registry on conn and binds the first seat and the
// idle notifier, preferring ext_idle_notifier_v1 over org_kde_kwin_idle. It
// fails with ErrNoIdleProtocol when either is missing. It takes two round
// trips: one to list the globals and one to confirm the binds.
func NewIdleClient(conn *Conn) (*IdleClient, error) {
	c := &IdleClient{conn: conn, timeouts: make(map[uint32]struct{})}
	c.registry = conn.newID()
	conn.send(displayID, displayGetRegistry, args{}.uint(c.registry))
	globals, err := c.roundtrip()
	if err != nil {
		return nil, fmt.Errorf("list wayland globals: %w", err)
	}
	var seat, ext, kde *Global
	for i := range globals {
		g := &globals[i]
		switch {
		case g.Interface == SeatInterface && seat == nil:
			seat = g
		case g.Interface == ExtIdleNotifier && ext == nil:
			ext = g
		case g.Interface == KDEIdle && kde == nil:
			kde = g
		}
	}
	notifier := ext
	if notifier == nil {
		notifier = kde
	}
	if seat == nil || notifier == nil {
		return nil, ErrNoIdleProtocol
	}
	// Version 1 of wl_seat is all that is needed: the seat is only passed as
	// an argument. ext_idle_notifier_v1 version 2 adds input-only
	// notifications.
	c.seatName = seat.Name
	c.seat = c.bind(*seat, 1)
	c.notifierName, c.protocol = notifier.Name, notifier.Interface
	c.version = 1
	if notifier.Interface == ExtIdleNotifier {
		c.version = min(notifier.Version, 2)
	}
	c.notifier = c.bind(*notifier, c.version)
	if _, err := c.roundtrip(); err != nil {
		return nil, fmt.Errorf("bind %s: %w", c.protocol, err)
	}
	return c, nil
}

// bind queues wl_registry.bind for g at version and returns the new id.
func (c *IdleClient) bind(g Global, version uint32) uint32 {
	id := c.conn.newID()
	c.conn.send(c.registry, registryBind, args{}.uint(g.Name).string(g.Interface).uint(version).uint(id))
	return id
}

// roundtrip flushes the queued requests plus a sync and reads events until
// the sync's done, returning the globals announced meanwhile.
func (c *IdleClient) roundtrip() ([]Global, error) {
	cb := c.conn.sync()
	if err := c.conn.flush(); err != nil {
		return nil, err
	}
	var globals []Global
	for {
		m, err := c.conn.read()
		if err != nil {
			return nil, err
		}
		switch {
		case m.Object == cb && m.Opcode == callbackDone:
			return globals, nil
		case m.Object == c.registry && m.Opcode == registryGlobal:
			r := argReader{b: m.Args}
			g := Global{Name: r.uint(), Interface: r.string(), Version: r.uint()}
			if r.err != nil {
				return nil, fmt.Errorf("wl_registry.global: %w", r.err)
			}
			globals = append(globals, g)
		}
	}
}

// Protocol returns the name of the idle protocol in use.
func (c *IdleClient) Protocol() string { return c.protocol }

// InputOnly reports whether timeouts count input alone; otherwise
// compositors also hold them off while an idle inhibitor (e.g. a playing
// video) is active.
func (c *IdleClient) InputOnly() bool {
	return c.protocol == ExtIdleNotifier && c.version >= 2
}

// AddTimeout asks the compositor to report when the seat has seen no input
// for d, counted from now, and when input resumes after that. It returns
// the notification's object id, which IdleEvent.Timeout carries. d is
// rounded to milliseconds and clamped to the protocol's range.
func (c *IdleClient) AddTimeout(d time.Duration) (uint32, error) {
	ms := uint32(min(max(d.Milliseconds(), 1), math.MaxUint32))
	id := c.conn.newID()
	switch {
	case c.protocol == KDEIdle:
		c.conn.send(c.notifier, kdeGetIdleTimeout, args{}.uint(id).uint(c.seat).uint(ms))
	case c.version >= 2:
		c.conn.send(c.notifier, extGetInputIdleNotification, args{}.uint(id).uint(ms).uint(c.seat))
	default:
		c.conn.send(c.notifier, extGetIdleNotification, args{}.uint(id).uint(ms).uint(c.seat))
	}
	if err := c.conn.flush(); err != nil {
		return 0, err
	}
	c.timeouts[id] = struct{}{}
	return id, nil
}

// IdleEvent is a state change of one timeout.
type IdleEvent struct {
	Timeout uint32 // id returned by AddTimeout
	Idle    bool   // true: idle for the timeout; false: input resumed
}

// Next blocks until a timeout changes state. It fails when the connection
// closes, the compositor reports a protocol error, or the seat or notifier
// global is removed (ErrGlobalRemoved).
func (c *IdleClient) Next() (IdleEvent, error) {
	for {
		m, err := c.conn.read()
		if err != nil {
			return IdleEvent{}, err
		}
		if m.Object == c.registry && m.Opcode == registryGlobalRemove {
			r := argReader{b: m.Args}
			name := r.uint()
			if r.err != nil {
				return IdleEvent{}, fmt.Errorf("wl_registry.global_remove: %w", r.err)
			}
			switch name {
			case c.seatName:
				return IdleEvent{}, fmt.Errorf("%w: %s", ErrGlobalRemoved, SeatInterface)
			case c.notifierName:
				return IdleEvent{}, fmt.Errorf("%w: %s", ErrGlobalRemoved, c.protocol)
			}
			continue
		}
		if _, ok := c.timeouts[m.Object]; !ok {
			continue // wl_seat capabilities and name, new globals, ...
		}
		// Both protocols number their two events the same way.
		switch m.Opcode {
		case extNotificationIdled:
			return IdleEvent{Timeout: m.Object, Idle: true}, nil
		case extNotificationResumed:
			return IdleEvent{Timeout: m.Object, Idle: false}, nil
		}
		return IdleEvent{}, fmt.Errorf("%w: %s notification event opcode %d", ErrMalformed, c.protocol, m.Opcode)
	}
}

// Close closes the connection; the compositor drops every timeout with it.
func (c *IdleClient) Close() error { return c.conn.Close() }
