package reminders

import "time"

// The engine's state is three stages stacked in a fixed order, each held in
// its own struct below, the way Workrave splits break control into timers
// and break stages: first duty (is the engine watching at all?), then
// presence (is the user at the computer?), then the due period (is a break
// owed?). The displayed State is the first stage that says something, which
// is why in_routine, paused and outside_hours hide away, and away hides
// due; see Engine.computeState.

// duty is whether the engine watches at all. A routine, a pause and time
// outside working hours each put it off duty; off duty nothing counts as
// sitting and nothing reminds.
type duty struct {
	inHours     bool
	pausedUntil time.Time // zero when not paused; Forever() until resumed
	routine     bool      // a routine window is open
	routineID   string
}

// on reports whether the engine is on duty.
func (d duty) on() bool { return d.pausedUntil.IsZero() && !d.routine && d.inHours }

// paused reports whether a pause is in force.
func (d duty) paused() bool { return !d.pausedUntil.IsZero() }

// offState names why the engine is off duty, in display precedence; false
// when it is on duty.
func (d duty) offState() (State, bool) {
	switch {
	case d.routine:
		return InRoutine, true
	case d.paused():
		return Paused, true
	case !d.inHours:
		return OutsideHours, true
	}
	return 0, false
}

// away reasons reported by the app.
const (
	awayAsleep uint8 = 1 << iota
	awayLocked
)

// absence is the user being away from the computer: by desktop events
// (screen lock, sleep), which the app reports as they happen, or by idle
// time, which the engine learns from readings and presence events. Both
// follow one rule: an absence of natural_break or more is a natural break,
// recorded once; a shorter one counts as sitting.
type absence struct {
	events uint8   // awayAsleep|awayLocked currently in force
	since  Instant // when the first of events began
	byIdle bool    // the last idle reading or event said idle ≥ natural_break
	// idleSeenAt is the Mono time of the last reading or event that found
	// the user idle for natural_break or more. The user came back after
	// it, so a return never counts more sitting time than the time since.
	idleSeenAt time.Duration
	// breakTaken: a natural break was recorded for the current absence, or
	// the absence began off duty and is not a break to record.
	breakTaken bool
}

// away reports whether the user is away for any reason.
func (a absence) away() bool { return a.events != 0 || a.byIdle }

// presence is what the engine knows of the user's last input.
type presence struct {
	// lastIdle is the idle time at the previous input, extrapolated between
	// readings; NextWake uses it to find when a break could complete.
	lastIdle time.Duration
	// presentAt is a Mono reading at which the user certainly was present
	// (clicked, unlocked, typed); idle readings are capped at the time since
	// then, because some idle sources miss some kinds of input.
	presentAt    time.Duration
	hasPresentAt bool
	// seenAt is the Mono time of the newest presence information applied
	// (reading, event, command); a pushed event older than it is stale.
	seenAt time.Duration
	// pushed: the presence source pushes Active and Idle events, so
	// NextWake need not schedule idle readings (SetPresenceEvents).
	pushed bool
	// awayPoll overrides AwayPoll when positive (SetAwayPoll).
	awayPoll time.Duration
	// lullAware: reminders wait for a lull in typing (SetTypingAware).
	lullAware bool
	// typing: the newest presence information was input (a reading below
	// lull, an Active event, a command) with no lull reported since.
	typing bool
}

// snooze is the postponement of the next due period.
type snooze struct {
	active bool
	until  time.Duration // Mono end of the active snooze
	used   int           // snoozes since the last real break
}

// duePeriod runs from the moment sitting reaches the limit until one
// resolution (natural break, routine, snooze, skip, pause, cleared) closes
// it. Reminders are given inside it only.
type duePeriod struct {
	open       bool
	reminded   int           // reminders given in this period
	lastRemind time.Duration // Mono time of the last of them
	pending    pending       // a reminder that fell due, not shown yet
}

// computeState reads the stages in precedence order: duty, then presence,
// then the due period.
func (e *Engine) computeState() State {
	if st, off := e.duty.offState(); off {
		return st
	}
	if e.absence.away() {
		return Away
	}
	if e.due.open {
		return Due
	}
	return Sitting
}

// counting reports whether time would count as sitting if the user is here:
// on duty and not locked or asleep.
func (e *Engine) counting() bool { return e.duty.on() && e.absence.events == 0 }

// present reports whether sitting time is accumulating right now.
func (e *Engine) present() bool { return e.counting() && !e.absence.byIdle }

// nextReminderAt is the Mono time at which the next reminder is due while
// the user stays present: the posture's limit (or the snooze end) before a
// due period opens, the next repeat inside one, never inside the resume
// grace. False when the due period has given all its reminders. It is the
// one place this formula lives: NextWake sleeps until it and Status shows
// the time left.
func (e *Engine) nextReminderAt() (time.Duration, bool) {
	if !e.due.open {
		limit, on := e.postureLimit()
		if !on {
			return 0, false
		}
		at := e.last.Mono + limit - *e.stretch()
		if e.snooze.active {
			at = max(at, e.snooze.until)
		}
		return max(at, e.quietUntil), true
	}
	if e.due.reminded >= e.cfg.MaxReminders {
		return 0, false
	}
	at := e.quietUntil
	if e.due.reminded > 0 {
		at = max(at, e.due.lastRemind+e.cfg.RemindAgain)
	}
	return at, true
}
