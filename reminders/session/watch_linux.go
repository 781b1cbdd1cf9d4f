package session

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/limber-app/limber/internal/sessionbus"
)

// callTimeout bounds each D-Bus call made while setting up.
const callTimeout = 2 * time.Second

const (
	login1Service   = "org.freedesktop.login1"
	login1Path      = "/org/freedesktop/login1"
	login1Manager   = "org.freedesktop.login1.Manager"
	login1Session   = "org.freedesktop.login1.Session"
	prepareForSleep = login1Manager + ".PrepareForSleep"
	sessionLock     = login1Session + ".Lock"
	sessionUnlock   = login1Session + ".Unlock"

	fdoScreenSaver   = "org.freedesktop.ScreenSaver"
	gnomeScreenSaver = "org.gnome.ScreenSaver"
)

type config struct {
	system, session *dbus.Conn // injected by tests; nil means connect
	pid             int
	report          func(string, error)
}

// Watch listens for sleep, wake, lock and unlock until ctx is done, then
// closes the returned channel and its bus connections.
//
// A missing source is not an error: Watch returns a channel fed by whatever
// does work, and the WithReport hook says what was skipped. It fails only
// when no source at all could be attached; it then returns a nil channel,
// which a select may keep using since it never fires.
func Watch(ctx context.Context, opts ...Option) (<-chan Event, error) {
	cfg := config{pid: os.Getpid()}
	for _, o := range opts {
		o(&cfg)
	}
	return watch(ctx, cfg)
}

// bus is one connection Watch listens on.
type bus struct {
	conn    *dbus.Conn
	own     bool // close on exit; otherwise only detach
	signals chan *dbus.Signal
	matches [][]dbus.MatchOption
}

func watch(ctx context.Context, cfg config) (<-chan Event, error) {
	report := func(src string, err error) {
		if cfg.report != nil {
			cfg.report(src, err)
		}
	}
	var errs []error
	fail := func(src string, err error) {
		report(src, err)
		errs = append(errs, fmt.Errorf("%s: %w", src, err))
	}

	var sessionPath dbus.ObjectPath // empty: logind lock signals not watched
	system, err := attach(cfg.system, dbus.ConnectSystemBus)
	if err != nil {
		fail(SourceLogindSleep, err)
		fail(SourceLogindLock, err)
	} else {
		path, pathErr := logindSession(ctx, system.conn, cfg.pid)
		if err := system.match(ctx, dbus.WithMatchSender(login1Service), dbus.WithMatchObjectPath(login1Path),
			dbus.WithMatchInterface(login1Manager), dbus.WithMatchMember("PrepareForSleep")); err != nil {
			fail(SourceLogindSleep, err)
		} else {
			report(SourceLogindSleep, nil)
		}
		if pathErr != nil {
			fail(SourceLogindLock, pathErr)
		} else if err := system.match(ctx, dbus.WithMatchSender(login1Service), dbus.WithMatchObjectPath(path),
			dbus.WithMatchInterface(login1Session)); err != nil {
			fail(SourceLogindLock, err)
		} else {
			sessionPath = path
			report(SourceLogindLock, nil)
		}
	}

	session, err := attach(cfg.session, sessionbus.Open)
	if err != nil {
		fail(SourceFreedesktopSaver, err)
		fail(SourceGNOMESaver, err)
	} else {
		// A rule naming a well-known sender keeps working when the screen
		// saver starts (or restarts) later, so it need not be running now.
		for _, s := range []struct{ source, service string }{
			{SourceFreedesktopSaver, fdoScreenSaver},
			{SourceGNOMESaver, gnomeScreenSaver},
		} {
			if err := session.match(ctx, dbus.WithMatchSender(s.service), dbus.WithMatchInterface(s.service),
				dbus.WithMatchMember("ActiveChanged")); err != nil {
				fail(s.source, err)
			} else {
				report(s.source, nil)
			}
		}
	}

	var active []*bus
	for _, b := range []*bus{system, session} {
		switch {
		case b == nil:
		case len(b.matches) == 0:
			b.detach()
		default:
			active = append(active, b)
		}
	}
	if len(active) == 0 {
		return nil, fmt.Errorf("watch session events: %w", errors.Join(errs...))
	}

	out := make(chan Event, 4)
	go run(ctx, out, active, sessionPath)
	return out, nil
}

// attach wraps an injected connection, or opens one with connect.
func attach(conn *dbus.Conn, connect func(...dbus.ConnOption) (*dbus.Conn, error)) (*bus, error) {
	b := &bus{conn: conn, signals: make(chan *dbus.Signal, 8)}
	if conn == nil {
		c, err := connect()
		if err != nil {
			return nil, err
		}
		b.conn, b.own = c, true
	}
	b.conn.Signal(b.signals)
	return b, nil
}

// match adds a match rule on the bus and remembers it for detach.
func (b *bus) match(ctx context.Context, opts ...dbus.MatchOption) error {
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	if err := b.conn.AddMatchSignalContext(ctx, opts...); err != nil {
		return fmt.Errorf("add match rule: %w", err)
	}
	b.matches = append(b.matches, opts)
	return nil
}

// detach stops listening: it closes a connection Watch opened, or removes
// its rules and channel from an injected one.
func (b *bus) detach() {
	if b.own {
		b.conn.Close()
		return
	}
	for _, m := range b.matches {
		ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
		_ = b.conn.RemoveMatchSignalContext(ctx, m...)
		cancel()
	}
	b.conn.RemoveSignal(b.signals)
}

// logindSession finds this process's login session object, falling back to
// logind's notion of the caller's "auto" session (the user's graphical
// session) when the daemon runs outside one, e.g. as a systemd user service.
func logindSession(ctx context.Context, conn *dbus.Conn, pid int) (dbus.ObjectPath, error) {
	mgr := conn.Object(login1Service, login1Path)
	call := func(method string, arg any) (dbus.ObjectPath, error) {
		ctx, cancel := context.WithTimeout(ctx, callTimeout)
		defer cancel()
		var path dbus.ObjectPath
		err := mgr.CallWithContext(ctx, login1Manager+"."+method, 0, arg).Store(&path)
		if err == nil && !path.IsValid() {
			err = fmt.Errorf("invalid session path %q", path)
		}
		return path, err
	}
	path, errPID := call("GetSessionByPID", uint32(pid))
	if errPID == nil {
		return path, nil
	}
	path, errAuto := call("GetSession", "auto")
	if errAuto == nil {
		return path, nil
	}
	return "", fmt.Errorf("find logind session: by pid: %w; auto: %w", errPID, errAuto)
}

// lockState remembers the last lock event so that the several sources that
// report one lock (logind and each screen saver) yield one event.
type lockState int

const (
	lockUnknown lockState = iota
	locked
	unlocked
)

// run forwards translated signals until ctx is done.
func run(ctx context.Context, out chan<- Event, buses []*bus, sessionPath dbus.ObjectPath) {
	defer close(out)
	defer func() {
		for _, b := range buses {
			b.detach()
		}
	}()

	chans := make([]chan *dbus.Signal, len(buses))
	for i, b := range buses {
		chans[i] = b.signals
	}
	var state lockState
	for {
		sig, ok := receive(ctx, chans)
		if !ok {
			return
		}
		ev, valid := translate(sig, sessionPath)
		if !valid || state.repeats(ev) {
			continue
		}
		select {
		case out <- ev:
		case <-ctx.Done():
			return
		}
	}
}

// receive waits for the next signal from either bus (there are at most
// two), forgetting a bus whose channel closes. It reports false when ctx
// is done.
func receive(ctx context.Context, chans []chan *dbus.Signal) (*dbus.Signal, bool) {
	for {
		var c0, c1 chan *dbus.Signal // nil never fires
		c0 = chans[0]
		if len(chans) > 1 {
			c1 = chans[1]
		}
		select {
		case <-ctx.Done():
			return nil, false
		case sig, ok := <-c0:
			if ok {
				return sig, true
			}
			chans[0] = nil
		case sig, ok := <-c1:
			if ok {
				return sig, true
			}
			chans[1] = nil
		}
	}
}

// repeats records ev and reports whether it repeats the lock state already
// announced, so one lock reported by several sources yields one event.
func (s *lockState) repeats(ev Event) bool {
	var next lockState
	switch ev {
	case Lock:
		next = locked
	case Unlock:
		next = unlocked
	default:
		return false
	}
	if *s == next {
		return true
	}
	*s = next
	return false
}

// translate maps a D-Bus signal to an Event; sessionPath is this process's
// logind session. Signals with an unexpected shape or object are ignored
// rather than trusted.
func translate(sig *dbus.Signal, sessionPath dbus.ObjectPath) (Event, bool) {
	if sig == nil {
		return 0, false
	}
	flag := func() (bool, bool) {
		if len(sig.Body) != 1 {
			return false, false
		}
		b, ok := sig.Body[0].(bool)
		return b, ok
	}
	switch sig.Name {
	case prepareForSleep:
		if sig.Path != login1Path {
			return 0, false
		}
		if b, ok := flag(); ok {
			return pick(b, Sleep, Wake), true
		}
	case sessionLock, sessionUnlock:
		if sessionPath == "" || sig.Path != sessionPath {
			return 0, false
		}
		return pick(sig.Name == sessionLock, Lock, Unlock), true
	case fdoScreenSaver + ".ActiveChanged", gnomeScreenSaver + ".ActiveChanged":
		if b, ok := flag(); ok {
			return pick(b, Lock, Unlock), true
		}
	}
	return 0, false
}

func pick(b bool, yes, no Event) Event {
	if b {
		return yes
	}
	return no
}
