package harness

import (
	"sync"
	"time"
)

// changes wakes goroutines that wait for shared state to change: closing
// the channel broadcasts, and a fresh one waits for the next change. The
// mutex that guards the state guards it too.
type changes struct{ ch chan struct{} }

func newChanges() changes { return changes{ch: make(chan struct{})} }

// broadcast wakes every waiter. Call it with the state's mutex held.
func (c *changes) broadcast() {
	close(c.ch)
	c.ch = make(chan struct{})
}

// awaitChange takes a snapshot of the state under mu, and again after each
// change, until ok holds for it or timeout passes. After stop closes (nil
// never does) it takes one last look. It returns the last snapshot and
// whether ok held; ok runs without mu held, so it may call back in.
func awaitChange[T any](mu *sync.Mutex, c *changes, timeout time.Duration, stop <-chan struct{},
	snapshot func() T, ok func(T) bool) (T, bool) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	look := func() (T, <-chan struct{}) {
		mu.Lock()
		defer mu.Unlock()
		return snapshot(), c.ch
	}
	for {
		s, next := look()
		if ok(s) {
			return s, true
		}
		select {
		case <-next:
		case <-stop:
			s, _ = look()
			return s, ok(s)
		case <-deadline.C:
			return s, false
		}
	}
}
