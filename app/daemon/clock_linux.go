package daemon

import (
	"time"

	"golang.org/x/sys/unix"

	"github.com/limber-app/limber/reminders"
)

// now reads the wall clock and CLOCK_BOOTTIME, which keeps counting while
// the machine is suspended, so the engine can see a suspend that logind did
// not announce.
func now() reminders.Instant {
	wall := time.Now()
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_BOOTTIME, &ts); err != nil {
		return reminders.InstantOf(processStart, wall)
	}
	return reminders.Instant{Wall: wall, Mono: time.Duration(ts.Nano())}
}
