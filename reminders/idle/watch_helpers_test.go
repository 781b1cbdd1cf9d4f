package idle

import (
	"context"
	"testing"
	"time"
)

// eventTimeout bounds every wait for an event that must come; generous, so a
// slow machine fails only when something is really wrong. Latency is
// asserted separately and tightly.
const eventTimeout = 20 * time.Second

// maxLatency is how soon after injected input the Active event must arrive.
const maxLatency = time.Second

// startWatch arms w at thresholds; the watch is cancelled when the test ends.
func startWatch(t *testing.T, w Watcher, thresholds ...time.Duration) (<-chan Event, context.CancelFunc) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	ch, err := w.Watch(ctx, thresholds)
	if err != nil {
		t.Fatalf("Watch(%v): %v", thresholds, err)
	}
	return ch, cancel
}

// nextEvent returns the next event, failing the test if none arrives within
// eventTimeout or the channel closes.
func nextEvent(t *testing.T, ch <-chan Event) Event {
	t.Helper()
	select {
	case ev, ok := <-ch:
		if !ok {
			t.Fatal("event channel closed")
		}
		return ev
	case <-time.After(eventTimeout):
		t.Fatalf("no event within %v", eventTimeout)
	}
	return Event{}
}

// wantIdle waits for the Idle event of threshold, checking it came no
// earlier than threshold after since.
func wantIdle(t *testing.T, ch <-chan Event, threshold time.Duration, since time.Time) {
	t.Helper()
	ev := nextEvent(t, ch)
	if ev.Kind != Idle || ev.Threshold != threshold || ev.Err != nil {
		t.Fatalf("got %+v, want Idle at %v", ev, threshold)
	}
	if ev.Idle < threshold {
		t.Errorf("Idle event says idle %v, below its threshold %v", ev.Idle, threshold)
	}
	// Timers may round to the millisecond; allow that much early.
	if d := time.Since(since); d < threshold-5*time.Millisecond {
		t.Errorf("Idle(%v) arrived %v after the last input", threshold, d)
	}
}

// wantActiveAfter injects input and waits for the Active event, asserting
// that it arrives within maxLatency of the injection. It returns the
// measured latency.
func wantActiveAfter(t *testing.T, ch <-chan Event, inject func()) time.Duration {
	t.Helper()
	start := time.Now()
	inject()
	ev := nextEvent(t, ch)
	latency := time.Since(start)
	if ev.Kind != Active || ev.Err != nil {
		t.Fatalf("got %+v, want Active", ev)
	}
	if latency > maxLatency {
		t.Errorf("Active arrived %v after the input, want under %v", latency, maxLatency)
	}
	t.Logf("activity noticed %v after the input was injected", latency)
	return latency
}

// wantErrAndClose waits for an error event followed by the channel closing.
func wantErrAndClose(t *testing.T, ch <-chan Event) error {
	t.Helper()
	for {
		ev := nextEvent(t, ch)
		if ev.Err == nil {
			continue // events before the failure
		}
		select {
		case _, ok := <-ch:
			if ok {
				t.Fatal("event after the error event")
			}
		case <-time.After(eventTimeout):
			t.Fatal("channel not closed after the error event")
		}
		return ev.Err
	}
}

// wantClosed waits for the channel to close without an error event.
func wantClosed(t *testing.T, ch <-chan Event) {
	t.Helper()
	select {
	case ev, ok := <-ch:
		if ok {
			t.Fatalf("got %+v after cancel, want the channel closed", ev)
		}
	case <-time.After(eventTimeout):
		t.Fatal("channel not closed after cancel")
	}
}
