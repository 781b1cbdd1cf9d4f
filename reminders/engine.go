package reminders

import (
	"errors"
	"fmt"
	"time"
)

// State is what the engine is doing, as shown in the tray and `limber status`.
type State int

const (
	Sitting      State = iota // at the computer, sitting time accumulating
	Away                      // idle for natural_break or more, locked or asleep
	Due                       // sitting limit reached; reminding
	Paused                    // paused by the user
	OutsideHours              // outside working hours
	InRoutine                 // a stretching routine is playing
)

func (s State) String() string {
	switch s {
	case Sitting:
		return "sitting"
	case Away:
		return "away"
	case Due:
		return "due"
	case Paused:
		return "paused"
	case OutsideHours:
		return "outside_hours"
	case InRoutine:
		return "in_routine"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

// MarshalText makes a State encode as its name in JSON.
func (s State) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Timing policy constants.
const (
	// ResumeGrace: no reminder in the first minute after a resume or unlock,
	// so the user is not greeted by a nag.
	ResumeGrace = time.Minute
	// AwayPoll is how often NextWake asks for an idle reading while the user
	// is away by idle and the presence source does not push events: coming
	// back can then only be noticed by polling. SetAwayPoll changes it for a
	// source whose reading is cheap.
	AwayPoll = time.Minute
	// SuspendSlack is how late past its NextWake an observation may come
	// before the gap is suspected to be an unreported suspend.
	SuspendSlack = 30 * time.Second
	// MinWait keeps NextWake strictly ahead of now so a daemon never spins.
	MinWait = time.Second
)

// Remind asks the app to show a reminder.
type Remind struct {
	Sitting time.Duration // sitting time when reminded
	Count   int           // 1 for the first reminder of a due period
	// Posture is the posture to change: PostureSitting asks the user to
	// stand up, PostureStanding (standing_limit reached) to sit for a
	// while, Standing long.
	Posture  Posture
	Standing time.Duration // standing time when reminded
	// LateBy is how long after it fell due the reminder is shown: it was
	// held (HeldBy) or waited for a lull in the user's typing, or both.
	LateBy time.Duration
	// HeldBy names the holds that kept it back, sorted; empty if none.
	HeldBy []HoldReason
	// HoldLasted is how long the hold lasted, from the start of the
	// earliest hold that kept it back (which may be before it fell due)
	// to the hold's end, or to max_hold running out: "you sat through a
	// 50-minute call".
	HoldLasted time.Duration
	// HoldCapped: shown because max_hold ran out while a hold was still on.
	HoldCapped bool
}

// Effects is what one input caused.
type Effects struct {
	From, To State
	// Remind is non-nil when the app should show a reminder now.
	Remind *Remind
	// History holds the events to append to the history file, in order.
	History []Event
	// DueOpened is set when the sitting limit was reached and a due period
	// began (a reminder may still be held by DND or the resume grace).
	DueOpened bool
	// Resolution names the history event that closed the open due period
	// (snoozed, skipped, natural_break, routine, paused, cleared, stood or
	// sat); empty
	// when none closed.
	Resolution string
}

// Changed reports whether the state changed.
func (f Effects) Changed() bool { return f.From != f.To }

// Errors returned for refused commands. The messages are shown to users.
var (
	ErrNothingToSnooze = errors.New("nothing to snooze: no break is coming up")
	ErrSnoozeLimit     = errors.New("snooze limit reached: take a break first")
	ErrNotDue          = errors.New("no break is due")
	ErrNotPaused       = errors.New("not paused")
	ErrPauseInPast     = errors.New("pause end is not in the future")
)

// Engine is the sitting-time state machine. It is pure: every input carries
// the current Instant, and it starts no goroutines, timers or I/O. It is not
// safe for concurrent use; the daemon owns it on one goroutine.
//
// Every input runs as one step: advance accounts for the time since the
// previous input, the input's own change is applied, and evaluate opens or
// closes the due period and reminds. What a step caused is collected in the
// Effects it returns; nothing else leaves the engine.
type Engine struct {
	cfg   Config
	last  Instant // time of the previous input
	state State   // computeState as of the last step
	day   civilDay
	today DayStats
	// recent keeps the counters of the days around the current one, so
	// that a wall-clock step there and back does not lose them.
	recent map[civilDay]DayStats

	duty     duty
	absence  absence
	presence presence
	sitting  time.Duration // sitting time since the last real break
	snooze   snooze
	due      duePeriod
	// holds are the holds in force (SetHold), with the Mono time each began.
	holds   map[HoldReason]time.Duration
	posture Posture
	stood   time.Duration // standing time of the current standing stretch

	// quietUntil is the Mono end of the resume grace: no reminder before.
	quietUntil time.Duration
	// expectGap is the Mono wait the last NextWake computed (-1: none); an
	// input far later than that reveals an unreported suspend.
	expectGap time.Duration
}

// New returns an engine starting at now with cfg. The user is assumed
// present with zero sitting time until the first idle reading says
// otherwise. Invalid timings in cfg (see Config.Validate) fall back to
// their defaults.
func New(cfg Config, now Instant) *Engine {
	cfg = cfg.sanitized()
	e := &Engine{cfg: cfg, last: now, day: dayOf(now.Wall)}
	e.duty.inHours = cfg.Schedule.Active(now.Wall)
	e.today.Date = e.day.String()
	e.evaluate(&Effects{}, now)
	return e
}

// Config returns the configuration in use.
func (e *Engine) Config() Config { return e.cfg }

// PausedUntil is the end of the current pause: zero when not paused,
// Forever() until resumed. The app persists it across restarts.
func (e *Engine) PausedUntil() time.Time { return e.duty.pausedUntil }

// RestorePause re-applies a pause saved before a daemon restart, without
// recording history. An expired pause is ignored.
func (e *Engine) RestorePause(now Instant, until time.Time) Effects {
	return e.step(now, nil, func(fx *Effects) error {
		if until.After(now.Wall) {
			e.duty.pausedUntil = until
			e.resolve(fx, EventPaused)
			e.resetSitting()
		}
		return nil
	})
}

// Observe feeds an idle reading: the time since the user's last input.
func (e *Engine) Observe(now Instant, idle time.Duration) Effects {
	if idle < 0 {
		idle = 0
	}
	return e.step(now, &idle, nil)
}

// Snooze postpones the due break by d (the configured snooze if d ≤ 0).
// It is refused when no break is due (ErrNotDue: a snooze then would only
// use up the sitting period's snoozes), when the engine is away, paused,
// off hours or in a routine (ErrNothingToSnooze), or when the snooze limit
// is reached.
func (e *Engine) Snooze(now Instant, d time.Duration) (Effects, error) {
	if d <= 0 {
		d = e.cfg.Snooze
	}
	return e.command(now, func(fx *Effects) error {
		if st := e.computeState(); st != Sitting && st != Due {
			return fmt.Errorf("%w (state %s)", ErrNothingToSnooze, st)
		}
		if !e.due.open {
			return fmt.Errorf("snooze: %w", ErrNotDue)
		}
		if e.snooze.used >= e.cfg.SnoozeLimit {
			return fmt.Errorf("%w (%d of %d snoozes used)", ErrSnoozeLimit, e.snooze.used, e.cfg.SnoozeLimit)
		}
		e.snooze = snooze{active: true, until: now.Mono + d, used: e.snooze.used + 1}
		e.record(fx, now, Event{Event: EventSnoozed, SittingS: secs(e.sitting), StandingS: secs(e.stood), Seconds: secs(d)})
		e.resolve(fx, EventSnoozed)
		return nil
	})
}

// Skip dismisses the due break; sitting time starts again from zero.
func (e *Engine) Skip(now Instant) (Effects, error) {
	return e.command(now, func(fx *Effects) error {
		if !e.due.open {
			return ErrNotDue
		}
		e.record(fx, now, Event{Event: EventSkipped, SittingS: secs(e.sitting), StandingS: secs(e.stood)})
		e.resolve(fx, EventSkipped)
		e.resetSitting()
		return nil
	})
}

// Pause stops counting and reminding until the wall time until (Forever()
// for "until resumed"). Sitting time restarts from zero afterwards.
func (e *Engine) Pause(now Instant, until time.Time) (Effects, error) {
	return e.command(now, func(fx *Effects) error {
		if !until.After(now.Wall) {
			return ErrPauseInPast
		}
		u := until
		e.record(fx, now, Event{Event: EventPaused, SittingS: secs(e.sitting), StandingS: secs(e.stood), Until: &u})
		e.duty.pausedUntil = until
		e.resolve(fx, EventPaused)
		e.resetSitting()
		return nil
	})
}

// PauseUntilTomorrow pauses until the first working hour of a later day
// (midnight if that day is on all day).
func (e *Engine) PauseUntilTomorrow(now Instant) (Effects, error) {
	until := e.cfg.Schedule.FirstStartAfterToday(now.Wall)
	if until.IsZero() {
		until = Forever()
	}
	return e.Pause(now, until)
}

// Resume ends a pause.
func (e *Engine) Resume(now Instant) (Effects, error) {
	return e.command(now, func(fx *Effects) error {
		if !e.duty.paused() {
			return ErrNotPaused
		}
		e.endPause(fx, now, "resumed")
		return nil
	})
}

// RoutineStarted reports that a routine window opened.
func (e *Engine) RoutineStarted(now Instant, id string) Effects {
	f, _ := e.command(now, func(*Effects) error {
		e.duty.routine, e.duty.routineID = true, id
		return nil
	})
	return f
}

// RoutineFinished reports that a routine window closed after seconds of
// stretching. Standing up for a routine, finished or not, resolves a due
// break and restarts sitting time; only a completed one counts as a break.
func (e *Engine) RoutineFinished(now Instant, id string, completed bool, seconds int) Effects {
	return e.RoutineEnded(now, id, completed, seconds, true)
}

// RoutineEnded is RoutineFinished where the caller decides whether the
// routine counts as standing up: one closed before it counted (counts
// false, e.g. on "Get ready") is recorded as a routine that was not
// completed, and leaves a due break due and sitting time where it was.
func (e *Engine) RoutineEnded(now Instant, id string, completed bool, seconds int, counts bool) Effects {
	f, _ := e.command(now, func(fx *Effects) error {
		c := completed
		if id == "" {
			id = e.duty.routineID
		}
		e.duty.routine, e.duty.routineID = false, ""
		e.record(fx, now, Event{Event: EventRoutine, SittingS: secs(e.sitting), StandingS: secs(e.stood), Routine: id, Completed: &c, Seconds: int64(max(seconds, 0))})
		if !counts {
			return nil
		}
		e.resolve(fx, EventRoutine)
		if !e.duty.paused() {
			e.resetSitting()
		}
		return nil
	})
	return f
}

// Sleep reports that the machine is about to suspend or hibernate.
func (e *Engine) Sleep(now Instant) Effects { return e.goAway(now, awayAsleep) }

// Wake reports a resume from suspend or hibernation.
func (e *Engine) Wake(now Instant) Effects { return e.comeBack(now, awayAsleep) }

// Lock reports that the screen locked.
func (e *Engine) Lock(now Instant) Effects { return e.goAway(now, awayLocked) }

// Unlock reports that the screen unlocked.
func (e *Engine) Unlock(now Instant) Effects { return e.comeBack(now, awayLocked) }

// ConfigChanged applies a reloaded configuration. The new sitting limit
// applies to the sitting time already accumulated. Invalid timings fall
// back to their defaults.
func (e *Engine) ConfigChanged(now Instant, cfg Config) Effects {
	return e.step(now, nil, func(fx *Effects) error {
		e.cfg = cfg.sanitized()
		e.updateHours(fx, now)
		return nil
	})
}

func (e *Engine) goAway(now Instant, why uint8) Effects {
	return e.step(now, nil, func(*Effects) error {
		if e.absence.events == 0 {
			e.absence.since = now
			// An absence that starts off duty is not a break to record.
			e.absence.breakTaken = e.absence.breakTaken || !e.duty.on()
		}
		e.absence.events |= why
		return nil
	})
}

func (e *Engine) comeBack(now Instant, why uint8) Effects {
	return e.step(now, nil, func(*Effects) error {
		wasAway := e.absence.events != 0
		e.absence.events &^= why
		if e.absence.events != 0 {
			return nil
		}
		if wasAway && !e.absence.breakTaken && e.counting() {
			// A short absence counts as sitting (or standing), like a
			// short idle gap.
			*e.stretch() += e.awayFor(now)
		}
		e.absence.breakTaken, e.absence.byIdle = false, false
		e.quietUntil = now.Mono + ResumeGrace
		e.markPresent(now)
		return nil
	})
}

// command runs a user command: the user is evidently present.
func (e *Engine) command(now Instant, f func(*Effects) error) (Effects, error) {
	var err error
	fx := e.step(now, nil, func(fx *Effects) error {
		e.markPresent(now)
		err = f(fx)
		return err
	})
	return fx, err
}

func (e *Engine) markPresent(now Instant) {
	e.presence.presentAt, e.presence.hasPresentAt = now.Mono, true
	e.presence.seenAt = now.Mono
	e.presence.lastIdle = 0
	e.presence.typing = true
	if e.absence.byIdle {
		e.absence.byIdle, e.absence.breakTaken = false, false
	}
}

// step advances time to now, applies mutate and re-evaluates. The Effects
// of the whole step are collected in one value that each phase appends to
// and that step returns.
func (e *Engine) step(now Instant, idle *time.Duration, mutate func(*Effects) error) Effects {
	fx := Effects{From: e.state}
	e.advance(&fx, now, idle)
	if idle != nil {
		e.noteInput(now, *idle)
	}
	if mutate != nil {
		_ = mutate(&fx) // refusals leave the engine as advance left it
	}
	e.evaluate(&fx, now)
	fx.To = e.state
	return fx
}

// NextWake is the earliest wall time at which the state could change with
// no new input, so the daemon can sleep until then (capping it to its own
// poll limit). Policy: while present, the earliest of the moment a natural
// break would complete if the user stays idle (natural_break − idle), the
// sitting limit (or snooze end), the next repeat reminder and the end of the
// resume grace; while away by idle, AwayPoll to notice the return; while
// locked or asleep, the moment the absence becomes a natural break; plus the
// next working-hours boundary and the pause end. Never before now + MinWait;
// Forever() when nothing is pending (paused until resumed, say). With a
// presence source that pushes events (SetPresenceEvents) there are no idle
// polls: neither AwayPoll nor the moment a natural break could complete,
// which the source's Idle event reports.
func (e *Engine) NextWake(now Instant) time.Time {
	var best time.Time
	add := func(t time.Time) {
		if !t.IsZero() && (best.IsZero() || t.Before(best)) {
			best = t
		}
	}
	if w := e.monoWait(now); w >= 0 {
		add(now.Wall.Add(w))
	}
	if e.duty.paused() {
		if !IsForever(e.duty.pausedUntil) {
			add(e.duty.pausedUntil)
		}
	} else if !e.duty.routine {
		add(e.cfg.Schedule.NextChange(now.Wall))
	}
	if best.IsZero() {
		return Forever()
	}
	if floor := now.Wall.Add(MinWait); best.Before(floor) {
		best = floor
	}
	return best
}

// monoWait is how long, on the monotonic clock, until something can change
// without a new input; -1 when nothing is pending on that clock.
func (e *Engine) monoWait(now Instant) time.Duration {
	best := time.Duration(-1)
	add := func(at time.Duration) {
		w := max(at-now.Mono, MinWait)
		if best < 0 || w < best {
			best = w
		}
	}
	if e.absence.events != 0 && !e.absence.breakTaken && e.duty.on() {
		add(e.absence.since.Mono + e.cfg.NaturalBreak)
	}
	if !e.counting() {
		return best
	}
	switch {
	case e.absence.byIdle && e.presence.pushed: // the Active event reports the return
		return best
	case e.absence.byIdle:
		add(e.last.Mono + e.awayPoll())
		return best
	case !e.presence.pushed:
		// A natural break could complete if the user does nothing more;
		// with pushed events the Idle event reports it.
		add(e.last.Mono + e.cfg.NaturalBreak - e.presence.lastIdle)
	}
	if at, ok := e.nextReminderAt(); ok {
		add(e.deliveryWake(at))
	}
	return best
}

// Status is a snapshot for the tray, `limber status` and the settings window.
type Status struct {
	State   State
	Sitting time.Duration
	// NextReminder is the time until the next reminder; HasNextReminder is
	// false when none is scheduled (paused, away, outside hours, in a
	// routine, or due with all reminders given).
	NextReminder    time.Duration
	HasNextReminder bool
	// PausedUntil is zero when not paused, Forever() until resumed.
	PausedUntil time.Time
	// ResumesAt is when working hours start again (zero unless outside hours).
	ResumesAt time.Time
	// Held: a reminder that fell due is held; HeldBy names the holds
	// (for `limber status --json` "held_by").
	Held   bool
	HeldBy []HoldReason
	// AwaitingLull: a reminder that fell due waits for a lull in the
	// user's typing (SetTypingAware). With pushed presence events the
	// daemon's idle watch at lull must be armed while it is set.
	AwaitingLull bool
	// Standing: the user stands (standing-desk mode); StandingTime is the
	// current standing stretch, which does not count as sitting.
	Standing     bool
	StandingTime time.Duration
	SnoozesLeft  int
	// Today has today's counters; its Sitting and Standing include the
	// stretch in progress.
	Today DayStats
}

// Status reports the state as of now without changing it.
func (e *Engine) Status(now Instant) Status {
	s := Status{State: e.state, Sitting: e.sitting, PausedUntil: e.duty.pausedUntil,
		Held: e.due.pending.held, AwaitingLull: e.due.pending.waiting,
		Standing: e.posture == PostureStanding, StandingTime: e.stood,
		SnoozesLeft: max(e.cfg.SnoozeLimit-e.snooze.used, 0)}
	if s.Held {
		s.HeldBy = e.due.pending.heldBy
	}
	s.Today = e.statsOf(dayOf(now.Wall))
	if e.present() {
		if s.Standing {
			s.StandingTime += max(now.Mono-e.last.Mono, 0)
		} else {
			s.Sitting += max(now.Mono-e.last.Mono, 0)
		}
	}
	s.Today.LongestSitting = max(s.Today.LongestSitting, s.Sitting)
	s.Today.Sitting += s.Sitting
	s.Today.Standing += s.StandingTime
	if e.state == OutsideHours {
		s.ResumesAt = e.cfg.Schedule.NextChange(now.Wall)
	}
	if e.state == Sitting || e.state == Due {
		if at, ok := e.nextReminderAt(); ok {
			s.NextReminder, s.HasNextReminder = max(at-now.Mono, 0), true
		}
	}
	return s
}

func secs(d time.Duration) int64 { return int64(d / time.Second) }

// civilDay is a local calendar date.
type civilDay struct {
	y int
	m time.Month
	d int
}

func dayOf(t time.Time) civilDay {
	y, m, d := t.Date()
	return civilDay{y, m, d}
}

func (c civilDay) String() string { return fmt.Sprintf("%04d-%02d-%02d", c.y, int(c.m), c.d) }
