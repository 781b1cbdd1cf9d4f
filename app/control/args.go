package control

import (
	"errors"
	"fmt"
	"time"
)

// Bounds of the pause and snooze lengths. Below a minute nothing would
// change before it ends; beyond a week a pause is meant as "forever" (and
// much longer ones overflow the wall clock). A snooze is also bounded by
// the sitting limit, which only the daemon knows.
const (
	MinLength = time.Minute
	MaxPause  = 7 * 24 * time.Hour
	MaxSnooze = MaxPause
)

// ErrOutOfRange wraps a well-formed length beyond the bounds above.
var ErrOutOfRange = errors.New("out of range")

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

// ParsePause reads a pause argument: "forever", "tomorrow" or a duration
// ("30m") from MinLength to MaxPause. An empty Request.For means "forever" on the wire; the
// CLI never sends it, and this function refuses it like any non-duration.
func ParsePause(s string) (Pause, error) {
	switch s {
	case PauseForever:
		return Pause{Forever: true}, nil
	case PauseTomorrow:
		return Pause{Tomorrow: true}, nil
	}
	d, err := parseLength(s, MaxPause)
	if err != nil {
		return Pause{}, err
	}
	return Pause{For: d}, nil
}

// ParseSnooze reads a snooze length: a duration ("10m") from MinLength to
// MaxSnooze. An empty Request.For means the configured snooze; that, and
// the bound by the sitting limit, are the daemon's business.
func ParseSnooze(s string) (time.Duration, error) {
	return parseLength(s, MaxSnooze)
}

// parseLength reads a positive duration from MinLength to most.
func parseLength(s string, most time.Duration) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, err
	}
	if d <= 0 {
		return 0, fmt.Errorf("%q is not a positive duration", s)
	}
	if d < MinLength || d > most {
		return 0, fmt.Errorf("%q: %w (from %v to %v)", s, ErrOutOfRange, MinLength, most)
	}
	return d, nil
}
