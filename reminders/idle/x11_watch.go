package idle

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jezek/xgb"
)

// Watch implements Watcher with alarms on the X server's IDLETIME system
// counter (SYNC extension), on a connection of its own: one alarm per
// threshold (counter ≥ threshold) and, while the user is idle, an activity
// alarm (counter back below the value it had when the user went idle).
// Comparison alarms fire once and go inactive, so each is armed again at the
// next change of state; an alarm armed while its condition already holds
// fires at once, so an absence that began before Watch is reported
// immediately with its full length.
func (s *x11Source) Watch(ctx context.Context, thresholds []time.Duration) (<-chan Event, error) {
	ts, err := normThresholds(thresholds)
	if err != nil {
		return nil, err
	}
	conn, err := xgb.NewConnDisplay(s.display)
	if err != nil {
		return nil, fmt.Errorf("connect to X display %s: %w", s.display, err)
	}
	w, err := newX11Watch(conn, ts)
	if err != nil {
		conn.Close()
		return nil, err
	}
	w.em = newEmitter(ctx)
	stop := context.AfterFunc(ctx, conn.Close)
	go func() {
		defer stop()
		defer conn.Close()
		w.run()
	}()
	return w.em.out, nil
}

// x11Watch is the state of one Watch, touched only by its goroutine after
// newX11Watch.
type x11Watch struct {
	sync    *xsync
	counter uint32
	em      *emitter

	idleAlarms    map[uint32]time.Duration
	activeAlarm   uint32
	activeCreated bool
}

func newX11Watch(conn *xgb.Conn, ts []time.Duration) (*x11Watch, error) {
	sy, err := initXSync(conn)
	if err != nil {
		return nil, err
	}
	counter, err := sy.counter(idleCounterName)
	if err != nil {
		return nil, err
	}
	w := &x11Watch{sync: sy, counter: counter, idleAlarms: make(map[uint32]time.Duration, len(ts))}
	for _, t := range ts {
		id, err := conn.NewId()
		if err != nil {
			return nil, fmt.Errorf("allocate X alarm id: %w", err)
		}
		if err := sy.setAlarm(true, id, counter, t.Milliseconds(), syncPositiveComparison); err != nil {
			return nil, err
		}
		w.idleAlarms[id] = t
	}
	if w.activeAlarm, err = conn.NewId(); err != nil {
		return nil, fmt.Errorf("allocate X alarm id: %w", err)
	}
	return w, nil
}

func (w *x11Watch) run() {
	defer close(w.em.out)
	for {
		ev, xerr := w.sync.conn.WaitForEvent()
		if xerr != nil {
			w.em.fail(fmt.Errorf("x11 idle watch: X error %v", xerr))
			return
		}
		if ev == nil {
			w.em.fail(errors.New("x11 idle watch: X server connection closed"))
			return
		}
		n, ok := ev.(alarmNotify)
		if !ok || n.State == syncAlarmDestroyed {
			continue
		}
		if err := w.notify(n); err != nil {
			w.em.fail(fmt.Errorf("x11 idle watch: %w", err))
			return
		}
		if w.em.ctx.Err() != nil {
			return
		}
	}
}

// notify handles one alarm firing.
func (w *x11Watch) notify(n alarmNotify) error {
	if n.Alarm == w.activeAlarm {
		w.em.active()
		// Arm the idle alarms again; each fires at once if the user is
		// already idle past it.
		for id, t := range w.idleAlarms {
			if err := w.sync.setAlarm(false, id, w.counter, t.Milliseconds(), syncPositiveComparison); err != nil {
				return err
			}
		}
		return nil
	}
	t, ok := w.idleAlarms[n.Alarm]
	if !ok {
		return nil
	}
	first := !w.em.away()
	w.em.idle(t, counterDuration(n.CounterValue))
	if !first {
		return nil
	}
	// The counter drops to zero at the next input; fire when it goes
	// below the value it had now. Input that came since the alarm fired
	// makes this fire at once.
	create := !w.activeCreated
	w.activeCreated = true
	return w.sync.setAlarm(create, w.activeAlarm, w.counter, n.CounterValue-1, syncNegativeComparison)
}
