package idle

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Watcher is implemented by sources whose desktop pushes presence changes:
// x11 (XSync alarms), mutter (IdleMonitor watches) and wayland (the idle
// protocols). The others (screensaver, windows, macos, none) only answer
// single readings, and the daemon polls them while the user is away; see
// Pushes.
type Watcher interface {
	// Watch arms one idle watch per threshold and, while the user is idle,
	// an activity watch, and sends their events until ctx is done or the
	// source fails. On failure it sends an Event with Err set and closes
	// the channel; when ctx is done it closes the channel without an error
	// event. The events of one stretch of absence are the Idle events of
	// the thresholds it reaches, in increasing order, then one Active when
	// input resumes; Active is never sent without an Idle before it.
	//
	// To change the thresholds, cancel ctx and call Watch again. Each Watch
	// holds its own connection or watch ids, so several may run at once.
	Watch(ctx context.Context, thresholds []time.Duration) (<-chan Event, error)
}

// EventKind says whether the user became idle or active.
type EventKind int

const (
	// Idle: no input for Event.Threshold.
	Idle EventKind = iota + 1
	// Active: input after an Idle.
	Active
)

func (k EventKind) String() string {
	switch k {
	case Idle:
		return "idle"
	case Active:
		return "active"
	}
	return fmt.Sprintf("EventKind(%d)", int(k))
}

// Event is one presence change pushed by a Watcher.
type Event struct {
	Kind EventKind
	// Threshold is the threshold that fired, for Idle.
	Threshold time.Duration
	// Idle is the time since the last input when the event was produced:
	// at least Threshold for Idle, about zero for Active.
	Idle time.Duration
	// Err is set on the last event of a failed watch; Kind is then zero.
	Err error
}

// Pushes reports whether src pushes presence changes (implements Watcher),
// for `limber status` (idle_events).
func Pushes(src Source) bool {
	_, ok := src.(Watcher)
	return ok
}

// ErrNoThresholds is returned by Watch for an empty or non-positive
// threshold list.
var ErrNoThresholds = errors.New("idle watch needs at least one positive threshold")

// normThresholds returns the thresholds sorted and without duplicates, or
// ErrNoThresholds.
func normThresholds(ts []time.Duration) ([]time.Duration, error) {
	if len(ts) == 0 {
		return nil, ErrNoThresholds
	}
	out := slices.Clone(ts)
	slices.Sort(out)
	out = slices.Compact(out)
	if out[0] <= 0 {
		return nil, fmt.Errorf("%w: got %v", ErrNoThresholds, out[0])
	}
	return out, nil
}

// emitter delivers a watch's events and keeps the Idle…Active pairing:
// Active only after an Idle, each threshold's Idle once per absence.
type emitter struct {
	ctx   context.Context
	out   chan Event
	fired map[time.Duration]bool // thresholds reported in this absence
}

func newEmitter(ctx context.Context) *emitter {
	return &emitter{ctx: ctx, out: make(chan Event, 4), fired: make(map[time.Duration]bool)}
}

// away reports whether an Idle was sent since the last Active.
func (e *emitter) away() bool { return len(e.fired) > 0 }

// send delivers ev unless ctx is done; it reports whether to go on.
func (e *emitter) send(ev Event) bool {
	select {
	case e.out <- ev:
		return true
	case <-e.ctx.Done():
		return false
	}
}

// idle reports threshold t reached, once per absence.
func (e *emitter) idle(t, idle time.Duration) bool {
	if e.fired[t] {
		return true
	}
	e.fired[t] = true
	return e.send(Event{Kind: Idle, Threshold: t, Idle: max(idle, t)})
}

// active reports input after an absence; without one it does nothing.
func (e *emitter) active() bool {
	if !e.away() {
		return true
	}
	clear(e.fired)
	return e.send(Event{Kind: Active})
}

// fail sends the final error event unless the watch was cancelled, in which
// case the error is just the cancellation's echo.
func (e *emitter) fail(err error) {
	if e.ctx.Err() != nil {
		return
	}
	e.send(Event{Err: err})
}
