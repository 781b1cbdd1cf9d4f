package control

import (
	"fmt"
	"time"
)

// Pause lengths that are words, not durations.
const (
	PauseForever  = "forever"  // until resumed
	PauseTomorrow = "tomorrow" // until the schedule's next start
)

// Pause is a parsed pause argument: exactly one of Forever, Tomorrow or a
// positive For.
type Pause struct {
	Forever, Tomorrow bool
	For               time.Duration
}

// ParsePause reads a pause argument: "forever", "tomorrow" or a positive
// duration ("30m"). An empty Request.For means "forever" on the wire; the
// CLI never sends it, and this function refuses it like any non-duration.
func ParsePause(s string) (Pause, error) {
	switch s {
	case PauseForever:
		return Pause{Forever: true}, nil
	case PauseTomorrow:
		return Pause{Tomorrow: true}, nil
	}
	d, err := ParseSnooze(s)
	if err != nil {
		return Pause{}, err
	}
	return Pause{For: d}, nil
}

// ParseSnooze reads a snooze length: a positive duration ("10m"). An empty
// Request.For means the configured snooze; that is the daemon's business.
func ParseSnooze(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, err
	}
	if d <= 0 {
		return 0, fmt.Errorf("%q is not a positive duration", s)
	}
	return d, nil
}
