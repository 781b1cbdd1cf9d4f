package idle

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/godbus/dbus/v5"
)

// mutterSource is GNOME Mutter's IdleMonitor: readings like the other D-Bus
// sources, plus pushed watches.
type mutterSource struct {
	*dbusSource
	// restartGrace overrides mutterRestartGrace in tests when positive.
	restartGrace time.Duration
}

const (
	mutterAddIdleWatch       = mutterService + ".AddIdleWatch"
	mutterAddUserActiveWatch = mutterService + ".AddUserActiveWatch"
	mutterRemoveWatch        = mutterService + ".RemoveWatch"
	mutterWatchFired         = mutterService + ".WatchFired"
	nameOwnerChanged         = "org.freedesktop.DBus.NameOwnerChanged"
)

// mutterRestartGrace is how long a watch waits for Mutter to come back after
// it left the bus (gnome-shell restarting on X11) before giving up.
const mutterRestartGrace = 10 * time.Second

// ErrMutterGone means Mutter left the session bus and did not come back
// within mutterRestartGrace.
var ErrMutterGone = errors.New("mutter left the session bus")

// Watch implements Watcher with Mutter's IdleMonitor watches: AddIdleWatch
// per threshold (Mutter fires them each time the idle time crosses them)
// and, once the user is idle, one AddUserActiveWatch, which fires once at
// the next input and is added again at the next absence — not kept armed
// while the user is present, where it would fire at every key press. If
// Mutter restarts, the watch ids are lost with it and Watch arms them again
// on the new instance.
func (s *mutterSource) Watch(ctx context.Context, thresholds []time.Duration) (<-chan Event, error) {
	ts, err := normThresholds(thresholds)
	if err != nil {
		return nil, err
	}
	grace := mutterRestartGrace
	if s.restartGrace > 0 {
		grace = s.restartGrace
	}
	w := &mutterWatch{
		src:        s.dbusSource,
		grace:      grace,
		thresholds: ts,
		sigs:       make(chan *dbus.Signal, 16),
		em:         newEmitter(ctx),
		matches: [][]dbus.MatchOption{
			{dbus.WithMatchObjectPath(mutterPath), dbus.WithMatchInterface(mutterService), dbus.WithMatchMember("WatchFired")},
			{dbus.WithMatchSender("org.freedesktop.DBus"), dbus.WithMatchInterface("org.freedesktop.DBus"),
				dbus.WithMatchMember("NameOwnerChanged"), dbus.WithMatchArg(0, mutterService)},
		},
	}
	for i, m := range w.matches {
		if err := s.conn.AddMatchSignal(m...); err != nil {
			w.matches = w.matches[:i]
			w.unsubscribe()
			return nil, fmt.Errorf("subscribe to mutter signals: %w", err)
		}
	}
	s.conn.Signal(w.sigs)
	if err := w.arm(); err != nil {
		w.unsubscribe()
		return nil, err
	}
	go w.run()
	return w.em.out, nil
}

// mutterWatch is the state of one Watch; only its goroutine touches it
// after arm.
type mutterWatch struct {
	src        *dbusSource
	thresholds []time.Duration
	grace      time.Duration
	sigs       chan *dbus.Signal
	matches    [][]dbus.MatchOption
	em         *emitter

	owner    string                   // Mutter's unique bus name
	idleIDs  map[uint32]time.Duration // idle watch id → threshold
	activeID uint32                   // pending user-active watch, 0 if none
}

// call calls an IdleMonitor method with the usual timeout.
func (w *mutterWatch) call(method string, args ...any) *dbus.Call {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	return w.src.obj.CallWithContext(ctx, method, 0, args...)
}

// arm adds the idle watches on the current Mutter instance, and the
// user-active watch if the user is away.
func (w *mutterWatch) arm() error {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	var owner string
	if err := w.src.conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.GetNameOwner", 0, mutterService).Store(&owner); err != nil {
		return fmt.Errorf("find mutter on the session bus: %w", err)
	}
	w.owner = owner
	w.idleIDs = make(map[uint32]time.Duration, len(w.thresholds))
	w.activeID = 0
	for _, t := range w.thresholds {
		var id uint32
		if err := w.call(mutterAddIdleWatch, uint64(t.Milliseconds())).Store(&id); err != nil {
			return fmt.Errorf("mutter AddIdleWatch(%v): %w", t, err)
		}
		w.idleIDs[id] = t
	}
	if w.em.away() {
		return w.armActive()
	}
	return nil
}

// armActive adds the one-shot user-active watch after an idle watch fired.
// Input between the idle watch firing and this call would only be seen at
// the next input, so it reads the idle time afterwards and reports the
// return at once if the user is already back.
func (w *mutterWatch) armActive() error {
	var id uint32
	if err := w.call(mutterAddUserActiveWatch).Store(&id); err != nil {
		return fmt.Errorf("mutter AddUserActiveWatch: %w", err)
	}
	w.activeID = id
	if idle, err := w.src.Idle(); err == nil && idle < w.thresholds[0] {
		w.call(mutterRemoveWatch, id)
		w.activeID = 0
		w.em.active()
	}
	return nil
}

func (w *mutterWatch) run() {
	defer close(w.em.out)
	defer w.unsubscribe()
	g := &graceTimer{d: w.grace}
	defer g.stop()
	for {
		select {
		case <-w.em.ctx.Done():
			w.removeWatches()
			return
		case <-g.C():
			w.em.fail(w.goneError(g.lastErr))
			return
		case sig, ok := <-w.sigs:
			if !ok {
				w.em.fail(errors.New("mutter idle watch: session bus connection closed"))
				return
			}
			if err := w.signal(sig, g); err != nil {
				// Mutter may be on its way out: give it the grace
				// period to come back before failing.
				g.lastErr = err
				g.start()
			}
			if w.em.ctx.Err() != nil {
				w.removeWatches()
				return
			}
		}
	}
}

// signal handles one D-Bus signal: a fired watch, or Mutter leaving or
// (re)joining the bus, which loses every watch id and so re-arms them.
func (w *mutterWatch) signal(sig *dbus.Signal, g *graceTimer) error {
	switch sig.Name {
	case mutterWatchFired:
		if sig.Sender != w.owner || sig.Path != mutterPath || len(sig.Body) != 1 {
			return nil
		}
		id, _ := sig.Body[0].(uint32)
		return w.fired(id)
	case nameOwnerChanged:
		if len(sig.Body) != 3 || sig.Body[0] != mutterService {
			return nil
		}
		newOwner, _ := sig.Body[2].(string)
		if newOwner == "" {
			w.owner, w.idleIDs, w.activeID = "", nil, 0
			g.lastErr = nil
			g.start()
			return nil
		}
		g.stop()
		return w.arm()
	}
	return nil
}

// goneError says why the watch gives up when the grace period ends.
func (w *mutterWatch) goneError(lastErr error) error {
	if w.owner != "" && lastErr != nil {
		return fmt.Errorf("mutter idle watch: %w", lastErr)
	}
	return fmt.Errorf("%w for %v", ErrMutterGone, w.grace)
}

// graceTimer runs while Mutter is off the bus or failing calls, which
// happens while it shuts down for a restart; its channel is nil otherwise.
type graceTimer struct {
	d       time.Duration
	t       *time.Timer
	lastErr error // the failure that started it, if any
}

func (g *graceTimer) start() {
	if g.t == nil {
		g.t = time.NewTimer(g.d)
	}
}

func (g *graceTimer) stop() {
	if g.t != nil {
		g.t.Stop()
		g.t = nil
	}
	g.lastErr = nil
}

func (g *graceTimer) C() <-chan time.Time {
	if g.t == nil {
		return nil
	}
	return g.t.C
}

// fired handles WatchFired for one of this watch's ids.
func (w *mutterWatch) fired(id uint32) error {
	if id != 0 && id == w.activeID {
		w.activeID = 0
		w.em.active()
		return nil
	}
	t, ok := w.idleIDs[id]
	if !ok {
		return nil // another client's watch
	}
	idle, err := w.src.Idle()
	if err != nil {
		idle = t // the watch fired at t; the reading is only a refinement
	}
	if idle < t {
		return nil // input came between the watch firing and now
	}
	first := !w.em.away()
	w.em.idle(t, idle)
	if first {
		return w.armActive()
	}
	return nil
}

// removeWatches drops this watch's ids from Mutter, best effort: the
// connection may be the reason the watch ends.
func (w *mutterWatch) removeWatches() {
	for id := range w.idleIDs {
		w.call(mutterRemoveWatch, id)
	}
	if w.activeID != 0 {
		w.call(mutterRemoveWatch, w.activeID)
	}
}

func (w *mutterWatch) unsubscribe() {
	w.src.conn.RemoveSignal(w.sigs)
	for _, m := range w.matches {
		_ = w.src.conn.RemoveMatchSignal(m...)
	}
}
