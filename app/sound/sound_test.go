package sound

import (
	"errors"
	"math"
	"slices"
	"sync"
	"testing"
	"time"
)

// TestSamplesAreGentleAndClean: every cue is short, never near full scale
// (a soft cue, no clipping), starts and ends at silence (no click), and
// sounds different from the others.
func TestSamplesAreGentleAndClean(t *testing.T) {
	maxLen := map[Cue]time.Duration{Step: 600 * time.Millisecond, Switch: 600 * time.Millisecond,
		Tick: 80 * time.Millisecond, Done: 1500 * time.Millisecond}
	seen := map[string]Cue{}
	for _, c := range Cues() {
		s := Samples(c)
		if len(s) == 0 {
			t.Fatalf("%s: no samples", c)
		}
		if d := time.Duration(len(s)) * time.Second / Rate; d > maxLen[c] {
			t.Errorf("%s lasts %s, want at most %s", c, d, maxLen[c])
		}
		peak := 0
		for _, v := range s {
			peak = max(peak, abs(int(v)))
		}
		if peak < math.MaxInt16/20 || peak > math.MaxInt16/2 {
			t.Errorf("%s peaks at %d of %d: want audible but at most half scale", c, peak, math.MaxInt16)
		}
		if first, last := abs(int(s[0])), abs(int(s[len(s)-1])); first > 200 || last > 200 {
			t.Errorf("%s starts at %d and ends at %d: want silence at both ends", c, first, last)
		}
		key := string(slices.Collect(func(yield func(rune) bool) {
			for _, v := range s[:min(len(s), 4000)] {
				if !yield(rune(v)) {
					return
				}
			}
		}))
		if other, ok := seen[key]; ok {
			t.Errorf("%s sounds like %s", c, other)
		}
		seen[key] = c
	}
}

// TestTickIsQuieterThanChimes: the tick, heard every second at the end
// of a step, must not be louder than the step and side chimes.
func TestTickIsQuieterThanChimes(t *testing.T) {
	e := func(c Cue) float64 {
		var sum float64
		for _, v := range Samples(c) {
			sum += float64(v) * float64(v)
		}
		return sum
	}
	if e(Tick) >= e(Step) || e(Tick) >= e(Switch) {
		t.Errorf("tick energy %.3g, step %.3g, switch %.3g", e(Tick), e(Step), e(Switch))
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// fakeBackend records what it is asked to play.
type fakeBackend struct {
	played chan []int16
	err    error
	mu     sync.Mutex
	closed bool
}

func (f *fakeBackend) PlaySamples(s []int16) error {
	f.played <- s
	return f.err
}

func (f *fakeBackend) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	return nil
}

func TestQueuePlaysInOrderAndOpensLazily(t *testing.T) {
	b := &fakeBackend{played: make(chan []int16, 4)}
	opened := 0
	q := NewQueue(func() (Backend, error) { opened++; return b, nil }, func(err error) { t.Errorf("failed: %v", err) })
	time.Sleep(10 * time.Millisecond)
	if opened != 0 {
		t.Fatal("the backend was opened before any cue")
	}
	q.Play(Step)
	if got := <-b.played; !slices.Equal(got, Samples(Step)) {
		t.Error("first cue is not the step chime")
	}
	q.Play(Done)
	if got := <-b.played; !slices.Equal(got, Samples(Done)) {
		t.Error("second cue is not the done chord")
	}
	q.Close()
	q.Play(Tick) // after Close: dropped, no panic
	select {
	case <-b.played:
		t.Error("a cue played after Close")
	case <-time.After(50 * time.Millisecond):
	}
	if opened != 1 {
		t.Errorf("opened %d times", opened)
	}
}

func TestQueueFailsOnceAndGoesQuiet(t *testing.T) {
	failures := make(chan error, 4)
	q := NewQueue(func() (Backend, error) { return nil, errors.New("no server") }, func(err error) { failures <- err })
	q.Play(Step)
	select {
	case err := <-failures:
		if err == nil {
			t.Error("nil error")
		}
	case <-time.After(2 * time.Second):
		t.Fatal("no failure reported")
	}
	for range 5 {
		q.Play(Tick)
	}
	select {
	case err := <-failures:
		t.Errorf("second failure reported: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
	q.Close()
}

func TestQueueReportsAPlaybackError(t *testing.T) {
	b := &fakeBackend{played: make(chan []int16, 4), err: errors.New("server went away")}
	failures := make(chan error, 1)
	q := NewQueue(func() (Backend, error) { return b, nil }, func(err error) { failures <- err })
	defer q.Close()
	q.Play(Switch)
	<-b.played
	select {
	case <-failures:
	case <-time.After(2 * time.Second):
		t.Fatal("playback error not reported")
	}
}
