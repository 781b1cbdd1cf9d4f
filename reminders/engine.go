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
	// is away by idle: coming back can only be noticed by polling.
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
	// (snoozed, skipped, natural_break, routine, paused or cleared); empty
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

// away reasons reported by the app.
const (
	awayAsleep uint8 = 1 << iota
	awayLocked
)

// Engine is the sitting-time state machine. It is pure: every input carries
// the current Instant, and it starts no goroutines, timers or I/O. It is not
// safe for concurrent use; the daemon owns it on one goroutine.
type Engine struct {
	cfg   Config
	state State
	last  Instant // time of the previous input
	day   civilDay
	today DayStats

	sitting  time.Duration
	lastIdle time.Duration // idle at the previous input (extrapolated between readings)
	idleAway bool          // idle ≥ natural_break at the previous reading
	// breakTaken: a natural break was recorded for the current absence.
	breakTaken bool
	awayEvents uint8
	awaySince  Instant
	// presentAt is a Mono reading at which the user certainly was present
	// (clicked, unlocked); idle readings are capped at the time since then.
	presentAt    time.Duration
	hasPresentAt bool
	inHours      bool
	pausedUntil  time.Time
	inRoutine    bool
	routineID    string
	dnd          bool
	held         bool // a reminder is being held by DND

	due          bool
	remindCount  int
	lastRemind   time.Duration
	snoozeActive bool
	snoozeUntil  time.Duration
	snoozes      int // snoozes since the last real break
	quietUntil   time.Duration
	expectGap    time.Duration // Mono wait the last NextWake computed

	fx *Effects
}

// New returns an engine starting at now with cfg. The user is assumed
// present with zero sitting time until the first idle reading says
// otherwise. Invalid timings in cfg (see Config.Validate) fall back to
// their defaults.
func New(cfg Config, now Instant) *Engine {
	cfg = cfg.sanitized()
	e := &Engine{cfg: cfg, last: now, day: dayOf(now.Wall), inHours: cfg.Schedule.Active(now.Wall)}
	e.today.Date = e.day.String()
	e.evaluate(now)
	return e
}

// Config returns the configuration in use.
func (e *Engine) Config() Config { return e.cfg }

// PausedUntil is the end of the current pause: zero when not paused,
// Forever() until resumed. The app persists it across restarts.
func (e *Engine) PausedUntil() time.Time { return e.pausedUntil }

// RestorePause re-applies a pause saved before a daemon restart, without
// recording history. An expired pause is ignored.
func (e *Engine) RestorePause(now Instant, until time.Time) Effects {
	return e.step(now, nil, func() error {
		if until.After(now.Wall) {
			e.pausedUntil = until
			e.resolve(EventPaused)
			e.resetSitting()
		}
		return nil
	})
}

// RestoreToday rebuilds today's counters from history events (as read by
// ReadHistory) so they survive a daemon restart.
func (e *Engine) RestoreToday(events []Event) {
	for _, ev := range events {
		if dayOf(ev.T.In(e.last.Wall.Location())) == e.day {
			e.today.apply(ev)
		}
	}
}

// Observe feeds an idle reading: the time since the user's last input.
func (e *Engine) Observe(now Instant, idle time.Duration) Effects {
	if idle < 0 {
		idle = 0
	}
	return e.step(now, &idle, nil)
}

// Snooze postpones the next reminder by d (the configured snooze if d ≤ 0).
// It is refused when no break is coming up or the snooze limit is reached.
func (e *Engine) Snooze(now Instant, d time.Duration) (Effects, error) {
	if d <= 0 {
		d = e.cfg.Snooze
	}
	return e.command(now, func() error {
		if st := e.computeState(); st != Sitting && st != Due {
			return fmt.Errorf("%w (state %s)", ErrNothingToSnooze, st)
		}
		if e.snoozes >= e.cfg.SnoozeLimit {
			return fmt.Errorf("%w (%d of %d snoozes used)", ErrSnoozeLimit, e.snoozes, e.cfg.SnoozeLimit)
		}
		e.snoozes++
		e.snoozeActive, e.snoozeUntil = true, now.Mono+d
		e.record(now, Event{Event: EventSnoozed, SittingS: secs(e.sitting), Seconds: secs(d)})
		e.resolve(EventSnoozed)
		return nil
	})
}

// Skip dismisses the due break; sitting time starts again from zero.
func (e *Engine) Skip(now Instant) (Effects, error) {
	return e.command(now, func() error {
		if !e.due {
			return ErrNotDue
		}
		e.record(now, Event{Event: EventSkipped, SittingS: secs(e.sitting)})
		e.resolve(EventSkipped)
		e.resetSitting()
		return nil
	})
}

// Pause stops counting and reminding until the wall time until (Forever()
// for "until resumed"). Sitting time restarts from zero afterwards.
func (e *Engine) Pause(now Instant, until time.Time) (Effects, error) {
	return e.command(now, func() error {
		if !until.After(now.Wall) {
			return ErrPauseInPast
		}
		u := until
		e.record(now, Event{Event: EventPaused, SittingS: secs(e.sitting), Until: &u})
		e.pausedUntil = until
		e.resolve(EventPaused)
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
	return e.command(now, func() error {
		if e.pausedUntil.IsZero() {
			return ErrNotPaused
		}
		e.endPause(now, "resumed")
		return nil
	})
}

// RoutineStarted reports that a routine window opened.
func (e *Engine) RoutineStarted(now Instant, id string) Effects {
	f, _ := e.command(now, func() error { e.inRoutine, e.routineID = true, id; return nil })
	return f
}

// RoutineFinished reports that a routine window closed after seconds of
// stretching. Standing up for a routine, finished or not, resolves a due
// break and restarts sitting time; only a completed one counts as a break.
func (e *Engine) RoutineFinished(now Instant, id string, completed bool, seconds int) Effects {
	f, _ := e.command(now, func() error {
		c := completed
		if id == "" {
			id = e.routineID
		}
		e.inRoutine, e.routineID = false, ""
		e.record(now, Event{Event: EventRoutine, SittingS: secs(e.sitting), Routine: id, Completed: &c, Seconds: int64(max(seconds, 0))})
		e.resolve(EventRoutine)
		if e.pausedUntil.IsZero() {
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

// SetDND reports the do-not-disturb state. With dnd = "hold", a reminder
// that falls due during DND is delivered once when DND ends, if still due.
func (e *Engine) SetDND(now Instant, on bool) Effects {
	return e.step(now, nil, func() error { e.dnd = on; return nil })
}

// ConfigChanged applies a reloaded configuration. The new sitting limit
// applies to the sitting time already accumulated. Invalid timings fall
// back to their defaults.
func (e *Engine) ConfigChanged(now Instant, cfg Config) Effects {
	return e.step(now, nil, func() error {
		e.cfg = cfg.sanitized()
		e.updateHours(now)
		return nil
	})
}

func (e *Engine) goAway(now Instant, why uint8) Effects {
	return e.step(now, nil, func() error {
		if e.awayEvents == 0 {
			e.awaySince = now
			// An absence that starts off duty is not a break to record.
			e.breakTaken = e.breakTaken || !e.watching()
		}
		e.awayEvents |= why
		return nil
	})
}

func (e *Engine) comeBack(now Instant, why uint8) Effects {
	return e.step(now, nil, func() error {
		wasAway := e.awayEvents != 0
		e.awayEvents &^= why
		if e.awayEvents != 0 {
			return nil
		}
		if wasAway && !e.breakTaken && e.counting() {
			// A short absence counts as sitting, like a short idle gap.
			e.sitting += e.awayFor(now)
		}
		e.breakTaken, e.idleAway = false, false
		e.quietUntil = now.Mono + ResumeGrace
		e.markPresent(now)
		return nil
	})
}

// command runs a user command: the user is evidently present.
func (e *Engine) command(now Instant, f func() error) (Effects, error) {
	var err error
	fx := e.step(now, nil, func() error {
		e.markPresent(now)
		err = f()
		return err
	})
	return fx, err
}

func (e *Engine) markPresent(now Instant) {
	e.presentAt, e.hasPresentAt = now.Mono, true
	e.lastIdle = 0
	if e.idleAway {
		e.idleAway, e.breakTaken = false, false
	}
}

// step advances time to now, applies mutate and re-evaluates.
func (e *Engine) step(now Instant, idle *time.Duration, mutate func() error) Effects {
	fx := Effects{From: e.state}
	e.fx = &fx
	defer func() { e.fx = nil }()
	e.advance(now, idle)
	if mutate != nil {
		_ = mutate() // refusals leave the engine as advance left it
	}
	e.evaluate(now)
	fx.To = e.state
	return fx
}

// watching reports whether the engine is on duty: in working hours, not
// paused, no routine playing.
func (e *Engine) watching() bool {
	return e.pausedUntil.IsZero() && !e.inRoutine && e.inHours
}

// counting reports whether time would count as sitting if the user is here.
func (e *Engine) counting() bool { return e.watching() && e.awayEvents == 0 }

func (e *Engine) awayFor(now Instant) time.Duration {
	return max(now.Mono-e.awaySince.Mono, now.Wall.Sub(e.awaySince.Wall), 0)
}

// advance accounts for the time between the previous input and now.
func (e *Engine) advance(now Instant, idle *time.Duration) {
	e.rollDay(now)
	dMono := max(now.Mono-e.last.Mono, 0)
	nb := e.cfg.NaturalBreak

	if e.counting() && !e.idleAway && dMono >= nb && dMono > e.expectGap+SuspendSlack {
		// Backstop: we slept far longer than asked, so the machine was
		// suspended without telling us. The gap is time away.
		e.naturalBreak(now, e.sitting, "suspend")
		e.sitting, dMono = 0, 0
		e.quietUntil = now.Mono + ResumeGrace
	}

	if !e.watching() && idle != nil {
		// Off duty: only track presence, so that an absence which began
		// while paused or outside hours is not later counted as a break.
		e.lastIdle = *idle
		if *idle >= nb {
			e.idleAway, e.breakTaken = true, true
		} else if e.idleAway {
			e.idleAway, e.breakTaken = false, false
		}
	} else if e.counting() {
		if idle != nil {
			i := *idle
			if e.hasPresentAt {
				i = min(i, max(now.Mono-e.presentAt, 0))
			}
			switch {
			case i >= nb && !e.idleAway:
				atBreak := max(e.sitting+dMono-i, 0)
				e.idleAway = true
				if !e.breakTaken {
					e.naturalBreak(now, atBreak, "idle")
				}
				e.sitting = 0
			case i >= nb: // still away
			case e.idleAway: // came back
				e.idleAway, e.breakTaken = false, false
				e.sitting = min(i, dMono)
			default:
				e.sitting += dMono
				e.breakTaken = false
			}
			e.lastIdle = i
		} else {
			if !e.idleAway {
				e.sitting += dMono
			}
			e.lastIdle += dMono
		}
	}

	if e.awayEvents != 0 && !e.breakTaken && e.watching() && e.awayFor(now) >= nb {
		e.naturalBreak(now, e.sitting, "away")
		e.sitting = 0
	}

	if !e.pausedUntil.IsZero() && !now.Wall.Before(e.pausedUntil) {
		e.endPause(now, "expired")
	}
	e.updateHours(now)
	e.last = now
}

func (e *Engine) updateHours(now Instant) {
	in := e.cfg.Schedule.Active(now.Wall)
	if in == e.inHours {
		return
	}
	e.inHours = in
	if !in && e.due {
		e.record(now, Event{Event: EventCleared, SittingS: secs(e.sitting), Reason: "outside_hours"})
		e.resolve(EventCleared)
	}
	e.resetSitting()
}

func (e *Engine) endPause(now Instant, reason string) {
	e.record(now, Event{Event: EventResumed, Reason: reason})
	e.pausedUntil = time.Time{}
	e.resetSitting()
}

func (e *Engine) naturalBreak(now Instant, sat time.Duration, reason string) {
	e.noteLongest(sat)
	e.record(now, Event{Event: EventNaturalBreak, SittingS: secs(sat), Reason: reason})
	e.breakTaken = true
	e.resolve(EventNaturalBreak)
	e.snoozes, e.snoozeActive = 0, false
}

// resetSitting starts a fresh sitting period after a real break.
func (e *Engine) resetSitting() {
	e.noteLongest(e.sitting)
	e.sitting = 0
	e.snoozes, e.snoozeActive = 0, false
}

// resolve closes the open due period, if any, naming the event that did.
func (e *Engine) resolve(name string) {
	if !e.due {
		return
	}
	e.due, e.remindCount, e.held = false, 0, false
	if e.fx != nil {
		e.fx.Resolution = name
	}
}

func (e *Engine) record(now Instant, ev Event) {
	ev.T = now.Wall
	e.today.apply(ev)
	if e.fx != nil {
		e.fx.History = append(e.fx.History, ev)
	}
}

func (e *Engine) noteLongest(d time.Duration) {
	e.today.LongestSitting = max(e.today.LongestSitting, d)
}

func (e *Engine) rollDay(now Instant) {
	if d := dayOf(now.Wall); d != e.day {
		e.day = d
		e.today = DayStats{Date: d.String()}
	}
}

// present reports whether sitting time is accumulating right now.
func (e *Engine) present() bool { return e.counting() && !e.idleAway }

// evaluate opens or closes the due period, emits reminders and sets state.
func (e *Engine) evaluate(now Instant) {
	e.noteLongest(e.sitting)
	if e.present() {
		if e.due && e.sitting < e.cfg.SittingLimit {
			e.record(now, Event{Event: EventCleared, SittingS: secs(e.sitting), Reason: "config"})
			e.resolve(EventCleared)
		}
		if !e.due && e.sitting >= e.cfg.SittingLimit && (!e.snoozeActive || now.Mono >= e.snoozeUntil) {
			e.due, e.remindCount, e.snoozeActive = true, 0, false
			if e.fx != nil {
				e.fx.DueOpened = true
			}
		}
		if e.due && e.remindCount < e.cfg.MaxReminders && now.Mono >= e.quietUntil &&
			(e.remindCount == 0 || now.Mono-e.lastRemind >= e.cfg.RemindAgain) {
			if e.dnd && e.cfg.DND == DNDHold {
				e.held = true
			} else {
				e.held = false
				e.remindCount++
				e.lastRemind = now.Mono
				e.record(now, Event{Event: EventReminded, SittingS: secs(e.sitting), Count: e.remindCount})
				if e.fx != nil {
					e.fx.Remind = &Remind{Sitting: e.sitting, Count: e.remindCount}
				}
			}
		}
	}
	e.state = e.computeState()
	e.expectGap = e.monoWait(now)
}

func (e *Engine) computeState() State {
	switch {
	case e.inRoutine:
		return InRoutine
	case !e.pausedUntil.IsZero():
		return Paused
	case !e.inHours:
		return OutsideHours
	case e.awayEvents != 0 || e.idleAway:
		return Away
	case e.due:
		return Due
	}
	return Sitting
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
	if e.awayEvents != 0 && !e.breakTaken && e.watching() {
		add(e.awaySince.Mono + e.cfg.NaturalBreak)
	}
	if !e.counting() {
		return best
	}
	if e.idleAway {
		add(e.last.Mono + AwayPoll)
		return best
	}
	// A natural break could complete if the user does nothing more.
	add(e.last.Mono + e.cfg.NaturalBreak - e.lastIdle)
	if !e.due {
		at := e.last.Mono + e.cfg.SittingLimit - e.sitting
		if e.snoozeActive {
			at = max(at, e.snoozeUntil)
		}
		add(max(at, e.quietUntil))
	} else if e.remindCount < e.cfg.MaxReminders && !(e.dnd && e.cfg.DND == DNDHold) {
		at := e.quietUntil
		if e.remindCount > 0 {
			at = max(at, e.lastRemind+e.cfg.RemindAgain)
		}
		add(at)
	}
	return best
}

// NextWake is the earliest wall time at which the state could change with
// no new input, so the daemon can sleep until then (capping it to its own
// poll limit). Policy: while present, the earliest of the moment a natural
// break would complete if the user stays idle (natural_break − idle), the
// sitting limit (or snooze end), the next repeat reminder and the end of the
// resume grace; while away by idle, AwayPoll to notice the return; while
// locked or asleep, the moment the absence becomes a natural break; plus the
// next working-hours boundary and the pause end. Never before now + MinWait;
// Forever() when nothing is pending (paused until resumed, say).
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
	if !e.pausedUntil.IsZero() {
		if !IsForever(e.pausedUntil) {
			add(e.pausedUntil)
		}
	} else if !e.inRoutine {
		add(e.cfg.Schedule.NextChange(now.Wall))
	}
	if floor := now.Wall.Add(MinWait); best.IsZero() || best.Before(floor) {
		if best.IsZero() {
			return Forever()
		}
		best = floor
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
	ResumesAt   time.Time
	Held        bool // a reminder is held by do-not-disturb
	SnoozesLeft int
	Today       DayStats
}

// Status reports the state as of now without changing it.
func (e *Engine) Status(now Instant) Status {
	s := Status{State: e.state, Sitting: e.sitting, PausedUntil: e.pausedUntil, Held: e.held,
		SnoozesLeft: max(e.cfg.SnoozeLimit-e.snoozes, 0), Today: e.today}
	if dayOf(now.Wall) != e.day {
		s.Today = DayStats{Date: dayOf(now.Wall).String()}
	}
	since := max(now.Mono-e.last.Mono, 0)
	if e.present() {
		s.Sitting += since
	}
	s.Today.LongestSitting = max(s.Today.LongestSitting, s.Sitting)
	if e.state == OutsideHours {
		s.ResumesAt = e.cfg.Schedule.NextChange(now.Wall)
	}
	switch e.state {
	case Sitting:
		at := e.last.Mono + e.cfg.SittingLimit - e.sitting
		if e.snoozeActive {
			at = max(at, e.snoozeUntil)
		}
		at = max(at, e.quietUntil)
		s.NextReminder, s.HasNextReminder = max(at-now.Mono, 0), true
	case Due:
		if e.remindCount < e.cfg.MaxReminders {
			at := e.quietUntil
			if e.remindCount > 0 {
				at = max(at, e.lastRemind+e.cfg.RemindAgain)
			}
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
