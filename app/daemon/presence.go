package daemon

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/limber-app/limber/reminders/idle"
)

// Backoff between two switches of the activity source, so that sources
// which fail as soon as they are watched never make the daemon spin.
const (
	fallbackBackoffMin = 2 * time.Second
	fallbackBackoffMax = time.Minute
)

// errWatchEnded means a watch's channel closed without an error event,
// which a Watcher does only when its context is done.
var errWatchEnded = errors.New("idle watch ended")

// watchPresence follows the activity source's pushed presence events for
// the daemon's life, when the source pushes any (x11, mutter, wayland):
// each event goes into the engine at once, so a return is seen as it
// happens instead of at the next poll. The watch is armed again when
// natural_break or lull changes. When it fails (the X server, the compositor or
// Mutter went away), the next source in the auto order takes over, said
// in one log line and in `limber status`. A source that pushes nothing is
// read by the clock loop instead; then this goroutine ends.
func (d *Daemon) watchPresence() {
	backoff := fallbackBackoffMin
	var lastSwitch time.Time
	for d.ctx.Err() == nil {
		d.mu.Lock()
		src, thresholds := d.core.idle, d.core.presenceThresholds()
		d.mu.Unlock()
		w, ok := src.(idle.Watcher)
		if !ok {
			return
		}
		ctx, cancel := context.WithCancel(d.ctx)
		events, err := w.Watch(ctx, thresholds)
		if err != nil {
			cancel()
			d.mu.Lock()
			d.core.eventsUnavailable(err)
			d.mu.Unlock()
			d.poke()
			return
		}
		d.mu.Lock()
		d.core.eventsArmed()
		d.mu.Unlock()
		d.poke()
		err = d.followEvents(events, thresholds)
		cancel()
		for range events { // the watch closes its channel once cancelled
		}
		if err == nil {
			continue // natural_break changed: arm again
		}
		if d.ctx.Err() != nil {
			return
		}
		d.mu.Lock()
		d.core.eventsStopped()
		d.mu.Unlock()
		if !lastSwitch.IsZero() && time.Since(lastSwitch) < fallbackBackoffMax {
			// The source before failed recently too: wait before the next.
			if !d.sleep(backoff) {
				return
			}
			backoff = min(2*backoff, fallbackBackoffMax)
		} else {
			backoff = fallbackBackoffMin
		}
		lastSwitch = time.Now()
		d.fallBack(src.Name(), err)
	}
}

// followEvents feeds the watch's events into the engine until the watch
// fails (its error), the daemon stops or natural_break changes (nil).
func (d *Daemon) followEvents(events <-chan idle.Event, thresholds []time.Duration) error {
	for {
		select {
		case <-d.ctx.Done():
			return nil
		case <-d.rearm:
			d.mu.Lock()
			changed := !slices.Equal(thresholds, d.core.presenceThresholds())
			d.mu.Unlock()
			if changed {
				return nil
			}
		case ev, ok := <-events:
			if !ok {
				return errWatchEnded
			}
			if ev.Err != nil {
				return ev.Err
			}
			d.mu.Lock()
			d.core.presenceEvent(d.core.clock(), ev)
			d.mu.Unlock()
			d.log.Debug("presence", "event", ev.Kind.String(), "idle", ev.Idle)
			d.poke()
		}
	}
}

// fallBack replaces the failed source with the next one in the auto order
// that answers (none at the end), and says so in one log line.
func (d *Daemon) fallBack(failed string, cause error) {
	open := d.fallback
	if open == nil {
		open = idle.FallbackReport
	}
	src, attempts, err := open(failed)
	if err != nil {
		src, _ = idle.Open(idle.None)
	}
	for _, a := range attempts {
		d.log.Debug("idle source probe", "attempt", a.String())
	}
	d.mu.Lock()
	old := d.core.replaceIdle(src)
	d.mu.Unlock()
	d.log.Warn("idle source stopped working; falling back", "source", failed, "err", cause, "now", src.Name())
	if err := old.Close(); err != nil {
		d.log.Debug("close failed idle source", "source", failed, "err", err)
	}
	d.poke()
}

// rearmPresence asks watchPresence to arm its watch again if natural_break
// or lull changed.
func (d *Daemon) rearmPresence() {
	select {
	case d.rearm <- struct{}{}:
	default:
	}
}

// sleep waits for dur; false if the daemon stopped meanwhile.
func (d *Daemon) sleep(dur time.Duration) bool {
	t := time.NewTimer(dur)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-d.ctx.Done():
		return false
	}
}
