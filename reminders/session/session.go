// Package session reports when the machine sleeps and wakes and when the
// screen locks and unlocks, so the sitting-time engine can treat those as
// breaks instead of sitting time.
//
// On Linux it listens to systemd-logind on the system bus and to the screen
// saver on the session bus; any of them may be missing (containers, CI,
// minimal window managers), and Watch then uses what remains. Elsewhere the
// channel never fires and the engine's monotonic-clock jump check is the
// only sleep detector.
package session

import "fmt"

// Event is a change of the session's state.
type Event int

// Events delivered by Watch.
const (
	Sleep  Event = iota + 1 // the machine is about to suspend or hibernate
	Wake                    // the machine resumed (or a suspend was aborted)
	Lock                    // the screen locked or the screen saver started
	Unlock                  // the screen unlocked or the screen saver stopped
)

func (e Event) String() string {
	switch e {
	case Sleep:
		return "sleep"
	case Wake:
		return "wake"
	case Lock:
		return "lock"
	case Unlock:
		return "unlock"
	}
	return fmt.Sprintf("Event(%d)", int(e))
}

// Source names passed to the WithReport hook.
const (
	SourceLogindSleep      = "logind sleep"
	SourceLogindLock       = "logind session lock"
	SourceFreedesktopSaver = "freedesktop screensaver"
	SourceGNOMESaver       = "gnome screensaver"
)

// Option configures Watch.
type Option func(*config)

// WithReport registers a function Watch calls once per source it tried
// while setting up, with a nil error for the sources it is listening to, so
// the app can explain in `limber status` or a log why, say, locking is not
// noticed. It is called synchronously, before Watch returns.
func WithReport(report func(source string, err error)) Option {
	return func(c *config) { c.report = report }
}
