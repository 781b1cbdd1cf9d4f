package daemon

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/limber-app/limber/reminders/idle"
)

// fakeWatcher is a pushing idle source: the test sends its events and
// sees each Watch call's thresholds.
type fakeWatcher struct {
	name     string
	events   chan idle.Event
	watches  chan []time.Duration
	watchErr error

	mu     sync.Mutex
	reads  int
	closed bool
}

func newFakeWatcher(name string) *fakeWatcher {
	return &fakeWatcher{name: name, events: make(chan idle.Event), watches: make(chan []time.Duration, 8)}
}

func (f *fakeWatcher) Name() string { return f.name }

func (f *fakeWatcher) Idle() (time.Duration, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reads++
	return 0, nil
}

func (f *fakeWatcher) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	return nil
}

func (f *fakeWatcher) readings() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.reads
}

func (f *fakeWatcher) Watch(ctx context.Context, ts []time.Duration) (<-chan idle.Event, error) {
	if f.watchErr != nil {
		return nil, f.watchErr
	}
	f.watches <- ts
	out := make(chan idle.Event)
	go func() {
		defer close(out)
		for {
			select {
			case <-ctx.Done():
				return
			case ev := <-f.events:
				select {
				case out <- ev:
				case <-ctx.Done():
					return
				}
				if ev.Err != nil {
					return
				}
			}
		}
	}()
	return out, nil
}

// TestCorePresenceEvents: once the watch's first event arrives the engine
// relies on the events and the source is no longer read at every tick;
// the return counts sitting from the event.
func TestCorePresenceEvents(t *testing.T) {
	c, clk, _ := testCore(t, "natural_break = \"5m\"\n")
	src := newFakeWatcher("fake")
	c.useIdle(src)
	if st := c.status(clk.read()); st.IdleEvents {
		t.Error("idle_events before the watch is armed")
	}
	c.eventsArmed()
	if st := c.status(clk.read()); !st.IdleEvents || st.IdleSource != "fake" {
		t.Errorf("armed: idle_source %q idle_events %v, want fake and true", st.IdleSource, st.IdleEvents)
	}
	c.observe(clk.read(), nil)
	c.observe(clk.read(), nil)
	if n := src.readings(); n != 2 {
		t.Errorf("before the first event: %d readings, want one per tick (2)", n)
	}

	clk.add(10 * time.Minute)
	c.presenceEvent(clk.read(), idle.Event{Kind: idle.Idle, Threshold: 5 * time.Minute, Idle: 5 * time.Minute})
	if st := c.status(clk.read()); st.State != "away" {
		t.Fatalf("after Idle: state %q, want away", st.State)
	}
	clk.add(time.Minute)
	c.observe(clk.read(), nil)
	if n := src.readings(); n != 2 {
		t.Errorf("after the first event: %d readings, want none more", n)
	}
	if st := c.status(clk.read()); st.State != "away" {
		t.Errorf("tick while away: state %q, want away", st.State)
	}

	clk.add(time.Minute)
	c.presenceEvent(clk.read(), idle.Event{Kind: idle.Active})
	clk.add(3 * time.Minute)
	c.observe(clk.read(), nil)
	if st := c.status(clk.read()); st.State != "sitting" || st.SittingSeconds != 180 {
		t.Errorf("3 min after Active: state %q sitting %d s, want sitting 180 s", st.State, st.SittingSeconds)
	}
	// Sitting, the daemon sleeps until the reminder is near, not until the
	// status line's next minute: the tray asks for a fresh line when its
	// menu opens.
	if w := c.nextWake(clk.read()); w.Sub(clk.read().Wall) <= time.Minute {
		t.Errorf("sitting: next wake in %v, want no wake for the status line's minutes", w.Sub(clk.read().Wall))
	}
}

func TestAwayPoll(t *testing.T) {
	for _, tt := range []struct {
		source string
		want   time.Duration
	}{
		{idle.X11, 2 * time.Second},
		{idle.Wayland, 2 * time.Second},
		{idle.Windows, 2 * time.Second},
		{idle.MacOS, 2 * time.Second},
		{idle.ScreenSaver, 5 * time.Second},
		{idle.Mutter, 5 * time.Second},
		{idle.None, 0},
	} {
		if got := awayPoll(tt.source); got != tt.want {
			t.Errorf("awayPoll(%s) = %v, want %v", tt.source, got, tt.want)
		}
	}
}

// testDaemon is the part of a Daemon that watchPresence uses, around c.
func testDaemon(t *testing.T, c *core, fallback *fakeWatcher) (*Daemon, <-chan struct{}) {
	t.Helper()
	d := &Daemon{log: slog.New(slog.NewTextHandler(io.Discard, nil)), core: c,
		wake: make(chan struct{}, 1), rearm: make(chan struct{}, 1)}
	d.ctx, d.cancel = context.WithCancel(context.Background())
	var tried []string
	d.fallback = func(failed string) (idle.Source, []idle.Attempt, error) {
		tried = append(tried, failed)
		if fallback == nil {
			return nil, nil, errors.New("nothing left")
		}
		return fallback, []idle.Attempt{{Name: fallback.Name()}}, nil
	}
	done := make(chan struct{})
	go func() { d.watchPresence(); close(done) }()
	t.Cleanup(func() {
		d.cancel()
		<-done
	})
	return d, done
}

// eventually polls cond under the daemon's lock.
func eventually(t *testing.T, d *Daemon, what string, cond func(*core) bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		d.mu.Lock()
		ok := cond(d.core)
		d.mu.Unlock()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestWatchPresence runs the presence goroutine against fake sources:
// events reach the engine, a natural_break change arms the watch again, a
// failed watch falls back to the next source, which is then watched.
func TestWatchPresence(t *testing.T) {
	c, clk, _ := testCore(t, "natural_break = \"5m\"\n")
	first, second := newFakeWatcher("first"), newFakeWatcher("second")
	c.useIdle(first)
	d, _ := testDaemon(t, c, second)

	if ts := <-first.watches; !slices.Equal(ts, []time.Duration{3 * time.Second, 5 * time.Minute}) {
		t.Fatalf("watch thresholds %v, want [lull 3s, natural_break 5m]", ts)
	}
	eventually(t, d, "idle_events", func(c *core) bool { return c.pushed() })
	first.events <- idle.Event{Kind: idle.Idle, Threshold: 5 * time.Minute, Idle: 5 * time.Minute}
	eventually(t, d, "away after Idle", func(c *core) bool { return c.status(c.clock()).State == "away" })
	first.events <- idle.Event{Kind: idle.Active}
	eventually(t, d, "sitting after Active", func(c *core) bool { return c.status(c.clock()).State == "sitting" })

	d.mu.Lock()
	cfg := c.cfg
	cfg.NaturalBreak = 3 * time.Minute
	c.cfg = cfg
	c.eng.ConfigChanged(c.clock(), cfg)
	d.mu.Unlock()
	d.rearmPresence()
	want := []time.Duration{3 * time.Second, 3 * time.Minute}
	if ts := <-first.watches; !slices.Equal(ts, want) {
		t.Fatalf("re-armed with %v, want %v", ts, want)
	}

	// A lull change alone arms the watch again too.
	d.mu.Lock()
	cfg.Lull = 5 * time.Second
	c.cfg = cfg
	c.eng.ConfigChanged(c.clock(), cfg)
	d.mu.Unlock()
	d.rearmPresence()
	want = []time.Duration{5 * time.Second, 3 * time.Minute}
	if ts := <-first.watches; !slices.Equal(ts, want) {
		t.Fatalf("re-armed after a lull change with %v, want %v", ts, want)
	}

	first.events <- idle.Event{Err: errors.New("X server gone")}
	if ts := <-second.watches; !slices.Equal(ts, want) {
		t.Fatalf("fallback watched with %v, want %v", ts, want)
	}
	eventually(t, d, "the fallback in status", func(c *core) bool {
		st := c.status(c.clock())
		return st.IdleSource == "second" && st.IdleEvents && strings.Contains(st.IdleNote, "first")
	})
	first.mu.Lock()
	closed := first.closed
	first.mu.Unlock()
	if !closed {
		t.Error("the failed source was not closed")
	}
	d.mu.Lock()
	clk.add(4 * time.Minute) // the goroutine reads the clock under the lock
	d.mu.Unlock()
	second.events <- idle.Event{Kind: idle.Idle, Threshold: 3 * time.Minute, Idle: 3 * time.Minute}
	eventually(t, d, "away after the fallback's Idle", func(c *core) bool { return c.status(c.clock()).State == "away" })
}

// TestWatchPresenceUnavailable: a source whose watch cannot start is read
// instead, and says so in idle_events.
func TestWatchPresenceUnavailable(t *testing.T) {
	c, clk, _ := testCore(t, "")
	src := newFakeWatcher("x11")
	src.watchErr = errors.New("no SYNC extension")
	c.useIdle(src)
	d, done := testDaemon(t, c, nil)
	select {
	case <-done: // nothing to watch: the goroutine ends
	case <-time.After(5 * time.Second):
		t.Fatal("watchPresence still runs for a source that cannot be watched")
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if c.pushed() || c.status(clk.read()).IdleSource != "x11" {
		t.Errorf("idle_events %v, source %q; want false and still x11", c.pushed(), c.idle.Name())
	}
	before := src.readings()
	c.observe(clk.read(), nil)
	if src.readings() != before+1 {
		t.Error("a source without events is not read at a tick")
	}
}

// TestPresenceThresholds: the watch reports lull and natural_break, or
// only natural_break when the lull is not shorter.
func TestPresenceThresholds(t *testing.T) {
	tests := []struct {
		config string
		want   []time.Duration
	}{
		{"", []time.Duration{3 * time.Second, 5 * time.Minute}},
		{"lull = \"10s\"\nnatural_break = \"2m\"\n", []time.Duration{10 * time.Second, 2 * time.Minute}},
		{"lull = \"5s\"\nnatural_break = \"5s\"\nsitting_limit = \"1m\"\n", []time.Duration{5 * time.Second}},
	}
	for _, tt := range tests {
		c, _, _ := testCore(t, tt.config)
		if got := c.presenceThresholds(); !slices.Equal(got, tt.want) {
			t.Errorf("config %q: thresholds %v, want %v", tt.config, got, tt.want)
		}
	}
}
