package sound

import (
	"fmt"
	"sync"
)

// Backend plays samples (mono, 16-bit, at Rate) on a sound server.
// PlaySamples blocks until the sound has been played.
type Backend interface {
	PlaySamples([]int16) error
	Close() error
}

// Queue is a Sink that plays cues one after another on its own goroutine.
// It opens its Backend on the first cue, so a window whose sound is muted
// never connects to a sound server. If the backend cannot be opened, or
// fails while playing, Failed is called once and every later cue is
// dropped: the routine goes on silently.
type Queue struct {
	open   func() (Backend, error)
	failed func(error)

	once   sync.Once
	cues   chan Cue
	quit   chan struct{}
	mu     sync.Mutex
	dead   bool // failed or closed: drop cues
	closed bool
}

// queueLen is how many cues may wait; more are dropped rather than played
// late (a tick a second after its second is worse than none).
const queueLen = 2

// NewQueue returns a queue that opens its backend with open; failed, if
// not nil, is called once from the queue's goroutine when sound stops
// working.
func NewQueue(open func() (Backend, error), failed func(error)) *Queue {
	return &Queue{open: open, failed: failed, cues: make(chan Cue, queueLen),
		quit: make(chan struct{})}
}

// Play queues c without blocking.
func (q *Queue) Play(c Cue) {
	q.mu.Lock()
	dead := q.dead
	q.mu.Unlock()
	if dead {
		return
	}
	q.once.Do(func() { go q.run() })
	select {
	case q.cues <- c:
	default: // full: drop it
	}
}

// Close stops the queue; the backend is closed after the cue playing now.
// Cues played after Close are dropped.
func (q *Queue) Close() {
	q.mu.Lock()
	defer q.mu.Unlock()
	if !q.closed {
		q.closed, q.dead = true, true
		close(q.quit)
	}
}

func (q *Queue) run() {
	b, err := q.open()
	if err != nil {
		q.fail(fmt.Errorf("open sound: %w", err))
		return
	}
	defer b.Close()
	for {
		select {
		case <-q.quit:
			return
		case c := <-q.cues:
			if err := b.PlaySamples(Samples(c)); err != nil {
				q.fail(fmt.Errorf("play %s cue: %w", c, err))
				return
			}
		}
	}
}

func (q *Queue) fail(err error) {
	q.mu.Lock()
	q.dead = true
	q.mu.Unlock()
	if q.failed != nil {
		q.failed(err)
	}
}
