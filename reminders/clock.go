package reminders

import "time"

// Instant is one reading of the two clocks the engine needs.
//
// Wall is the local wall-clock time. It decides which day it is, whether we
// are inside working hours and when a pause ends; it may jump (NTP, timezone
// change, DST) and is never used to measure how long someone sat.
//
// Mono is a monotonic reading from an arbitrary origin; only differences
// between readings matter. Sitting time is accumulated from Mono differences,
// so a wall-clock step is neither sitting nor a break. The app should read a
// clock that keeps counting while the machine is suspended (CLOCK_BOOTTIME on
// Linux): then a suspend the app did not report shows up as a Mono gap far
// longer than the engine's NextWake asked for, and the engine counts that gap
// as time away. Go's runtime monotonic clock stops during suspend on Linux and
// macOS; with it the backstop cannot see a suspend, and the Sleep/Wake events
// are the only signal (for explicit away periods the engine uses the larger of
// the wall and Mono gaps, so they still measure correctly).
type Instant struct {
	Wall time.Time
	Mono time.Duration
}

// InstantOf builds an Instant from a time.Time carrying Go's monotonic reading,
// measured from origin (typically the daemon's start time). It is a
// convenience for callers that have no suspend-aware clock.
func InstantOf(origin, t time.Time) Instant {
	return Instant{Wall: t, Mono: t.Sub(origin)}
}

// Add returns the instant d later on both clocks, as a fake clock in tests
// advances.
func (i Instant) Add(d time.Duration) Instant {
	return Instant{Wall: i.Wall.Add(d), Mono: i.Mono + d}
}

// foreverUnix is 9999-12-31T23:59:59Z, far enough to mean "never" and still
// representable in RFC 3339, JSON and TOML.
const foreverUnix = 253402300799

// Forever is the PausedUntil value of a pause that lasts until Resume.
func Forever() time.Time { return time.Unix(foreverUnix, 0).UTC() }

// IsForever reports whether t is (at or beyond) the Forever sentinel.
func IsForever(t time.Time) bool { return !t.IsZero() && t.Unix() >= foreverUnix }
