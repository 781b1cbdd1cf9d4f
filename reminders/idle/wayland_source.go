package idle

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/limber-app/limber/reminders/idle/wayland"
)

// readingStep is the timeout of the notification a wayland source keeps for
// its Idle readings: the protocols only push, so a reading is pieced
// together from the last idled/resumed pair and is exact once the user has
// been idle this long, zero before.
const readingStep = time.Second

// waylandSource talks to the compositor with the Wayland idle protocols. Its
// readings come from one notification of readingStep, followed by a
// goroutine blocked on the socket; Watch opens a connection of its own.
type waylandSource struct {
	display string // as for wayland.SocketPath; "" = from the environment
	client  *wayland.IdleClient

	mu        sync.Mutex
	idleSince time.Time // zero while the user is active
	err       error     // why the reading connection ended
	done      chan struct{}
}

func openWayland() (Source, error) { return newWayland("") }

// newWayland connects to display and checks that it offers an idle protocol.
func newWayland(display string) (*waylandSource, error) {
	client, err := wayland.DialIdle(display)
	if err != nil {
		return nil, err
	}
	if _, err := client.AddTimeout(readingStep); err != nil {
		client.Close()
		return nil, fmt.Errorf("wayland idle timeout: %w", err)
	}
	s := &waylandSource{display: display, client: client, done: make(chan struct{})}
	go s.track()
	return s, nil
}

// track follows the reading notification until the connection ends.
func (s *waylandSource) track() {
	defer close(s.done)
	for {
		ev, err := s.client.Next()
		s.mu.Lock()
		if err != nil {
			s.err = err
			s.mu.Unlock()
			return
		}
		if ev.Idle {
			s.idleSince = time.Now().Add(-readingStep)
		} else {
			s.idleSince = time.Time{}
		}
		s.mu.Unlock()
	}
}

func (s *waylandSource) Name() string { return Wayland }

// Protocol names the Wayland idle protocol in use, for diagnostics.
func (s *waylandSource) Protocol() string { return s.client.Protocol() }

// Idle returns the time since the last input, or zero if that is under
// readingStep.
func (s *waylandSource) Idle() (time.Duration, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return 0, fmt.Errorf("wayland idle source: %w", s.err)
	}
	if s.idleSince.IsZero() {
		return 0, nil
	}
	return time.Since(s.idleSince), nil
}

func (s *waylandSource) Close() error {
	err := s.client.Close()
	<-s.done
	return err
}

// Watch implements Watcher with one notification per threshold on a
// connection of its own. The protocols count each timeout from the moment
// it is created, so an absence that began before Watch is measured from
// Watch's start.
func (s *waylandSource) Watch(ctx context.Context, thresholds []time.Duration) (<-chan Event, error) {
	ts, err := normThresholds(thresholds)
	if err != nil {
		return nil, err
	}
	client, err := wayland.DialIdle(s.display)
	if err != nil {
		return nil, err
	}
	byID := make(map[uint32]time.Duration, len(ts))
	for _, t := range ts {
		id, err := client.AddTimeout(t)
		if err != nil {
			client.Close()
			return nil, fmt.Errorf("wayland idle timeout %v: %w", t, err)
		}
		byID[id] = t
	}
	em := newEmitter(ctx)
	stop := context.AfterFunc(ctx, func() { client.Close() })
	go func() {
		defer close(em.out)
		defer stop()
		defer client.Close()
		for {
			ev, err := client.Next()
			if err != nil {
				em.fail(fmt.Errorf("wayland idle watch (%s): %w", client.Protocol(), err))
				return
			}
			ok := true
			if ev.Idle {
				ok = em.idle(byID[ev.Timeout], 0)
			} else {
				// Every armed notification that went idle resumes; the
				// first one is the news.
				ok = em.active()
			}
			if !ok {
				return
			}
		}
	}()
	return em.out, nil
}
