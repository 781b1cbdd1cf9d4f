//go:build !linux

package session

import "context"

// config is shared with the Linux implementation; only the report hook
// exists here, and nothing is reported because nothing is tried.
type config struct {
	report func(string, error)
}

// Watch returns a channel that never delivers an event and is closed when
// ctx is done: this platform has no watcher yet.
func Watch(ctx context.Context, opts ...Option) (<-chan Event, error) {
	ch := make(chan Event)
	go func() {
		<-ctx.Done()
		close(ch)
	}()
	return ch, nil
}
