//go:build !linux

package daemon

import (
	"time"

	"github.com/limber-app/limber/reminders"
)

// now reads the wall clock and Go's monotonic clock. On these systems the
// session watcher has no sleep events; the engine still measures sitting
// from the monotonic clock, so wall-clock steps are not mistaken for sitting.
func now() reminders.Instant { return reminders.InstantOf(processStart, time.Now()) }
