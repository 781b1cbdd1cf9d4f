package reminders

import (
	"testing"
	"time"
)

// FuzzEngine drives the engine with random activity, commands and clock
// behaviour (wall steps, unreported suspends, DST), idle readings mixed with
// pushed presence events (late, twice, across a suspend), and checks invariants
// after every input:
//   - sitting time is never negative;
//   - a reminder only comes in state due (never paused, away, outside hours,
//     in a routine), never in the first minute after a resume, never within
//     remind_again of the previous one of the same due period, and at most
//     max_reminders per due period;
//   - due periods open and close alternately, each closed by exactly one
//     resolution that is also recorded in the history;
//   - NextWake is never in the past;
//   - holds, lulls and postures (SetHold, SetTypingAware with short Idle
//     events, Stand, Sit): a reminder shown while a hold is on says that
//     max_hold ran out; one shown while the user types waited lull_wait;
//     a reminder is for the current posture; sitting time does not grow
//     while standing.
func FuzzEngine(f *testing.F) {
	f.Add([]byte{0, 200, 0, 200, 0, 200, 0, 100, 5, 0, 0, 200, 6, 0, 0, 255})
	f.Add([]byte{1, 0, 0, 250, 0, 250, 2, 0, 0, 250, 3, 0, 4, 0, 0, 250, 9, 1, 0, 250, 9, 0})
	f.Add([]byte{10, 7, 0, 250, 11, 3, 0, 100, 12, 30, 0, 250, 13, 90, 0, 40, 7, 0, 8, 1})
	f.Add([]byte{14, 0, 0, 255, 0, 255, 0, 255, 15, 0, 0, 255, 0, 255, 16, 200})
	f.Add([]byte{20, 1, 2, 0, 19, 0, 1, 30, 18, 40, 17, 20, 19, 0, 2, 0, 19, 0, 17, 63, 14, 100, 15, 0, 17, 0, 20, 0})
	f.Add([]byte{24, 1, 23, 5, 0, 0, 0, 0, 0, 0, 25, 4, 0, 0, 23, 4, 21, 0, 0, 0, 0, 0, 22, 0, 0, 0})
	f.Add([]byte{3, 7, 21, 0, 0, 0, 0, 0, 0, 0, 0, 0, 22, 0, 16, 1, 23, 1, 0, 0, 0, 0, 0, 0, 23, 0})
	f.Fuzz(runEngineOps)
}

// fuzzRun is one run of FuzzEngine: the engine, a fake clock, a scripted
// user and what the effects so far promise about the due period.
type fuzzRun struct {
	t          *testing.T
	e          *Engine
	now        Instant
	awayAt     *time.Duration // Mono of the user's last input; nil = typing
	dueOpen    bool
	lastRemind time.Duration
	count      int
	graceUntil time.Duration
}

func (r *fuzzRun) idle() time.Duration {
	if r.awayAt == nil {
		return 0
	}
	return r.now.Mono - *r.awayAt
}

// fuzzOp is one instruction; arg is its operand byte. It returns the
// effects to check and a name for failures, or ok false for an instruction
// that gave the engine no input.
type fuzzOp func(r *fuzzRun, arg byte) (fx Effects, name string, ok bool)

// fuzzOps are the instructions, chosen by the first byte of a pair.
var fuzzOps = []fuzzOp{
	func(r *fuzzRun, arg byte) (Effects, string, bool) { // the daemon wakes when asked (capped), reads idle
		w := min(r.e.NextWake(r.now).Sub(r.now.Wall), time.Hour)
		r.now = r.now.Add(w)
		return r.e.Observe(r.now, r.idle()), "wake", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		r.now = r.now.Add(opDuration(arg))
		return r.e.Observe(r.now, r.idle()), "observe", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		at := r.now.Mono - time.Duration(arg)*time.Second
		r.awayAt = &at
		return Effects{}, "leave", false
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		r.awayAt = nil
		return r.e.Observe(r.now, 0), "return", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		fx, _ := r.e.Snooze(r.now, time.Duration(arg)*time.Second)
		return fx, "snooze", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		fx, _ := r.e.Skip(r.now)
		return fx, "skip", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		fx, _ := r.e.Pause(r.now, r.now.Wall.Add(opDuration(arg)))
		return fx, "pause", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		fx, _ := r.e.Resume(r.now)
		return fx, "resume", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		if arg%2 == 0 {
			fx, _ := r.e.PauseUntilTomorrow(r.now)
			return fx, "pause long", true
		}
		fx, _ := r.e.Pause(r.now, Forever())
		return fx, "pause long", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		return r.e.SetDND(r.now, arg%2 == 1), "dnd", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		return r.e.RoutineStarted(r.now, "r"), "routine start", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		return r.e.RoutineFinished(r.now, "r", arg%2 == 0, int(arg)), "routine done", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		return r.e.Lock(r.now), "lock", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		r.awayAt = nil
		r.graceUntil = r.now.Mono + ResumeGrace
		return r.e.Unlock(r.now), "unlock", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		fx := r.e.Sleep(r.now)
		r.now = r.now.Add(opDuration(arg))
		return fx, "sleep", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		fx := r.e.Wake(r.now)
		if r.e.absence.events == 0 {
			r.graceUntil = r.now.Mono + ResumeGrace
		}
		return fx, "wake from sleep", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) { // wall clock step without monotonic time, or the reverse
		if arg%2 == 0 {
			r.now.Wall = r.now.Wall.Add(time.Duration(int(arg)-128) * time.Minute)
		} else {
			r.now.Mono += opDuration(arg) * 10 // unreported suspend
		}
		fx := r.e.Observe(r.now, r.idle())
		if fx.Resolution == EventNaturalBreak || hasEvent(fx.History, EventNaturalBreak) {
			r.graceUntil = max(r.graceUntil, r.e.quietUntil)
		}
		return fx, "clock", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) { // the source pushes Active, handled arg seconds late
		at := r.now.Mono - time.Duration(arg%64)*time.Second
		r.awayAt = &at
		return r.e.Active(r.now.Add(at - r.now.Mono)), "active", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) { // the idle watch fires, handled arg seconds late
		late := time.Duration(arg%64) * time.Second
		return r.e.Idle(r.now.Add(-late), max(r.idle()-late, 0)), "idle event", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) { // the daemon wakes when asked (capped), no reading
		w := min(r.e.NextWake(r.now).Sub(r.now.Wall), time.Hour)
		r.now = r.now.Add(w)
		return r.e.Tick(r.now), "tick", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		r.e.SetPresenceEvents(arg%2 == 1)
		return Effects{}, "presence events", false
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) { return r.e.Stand(r.now), "stand", true },
	func(r *fuzzRun, arg byte) (Effects, string, bool) { return r.e.Sit(r.now), "sit", true },
	func(r *fuzzRun, arg byte) (Effects, string, bool) { // a hold begins or ends
		reasons := []HoldReason{HoldDND, HoldMeeting, HoldFullscreen}
		return r.e.SetHold(r.now, reasons[int(arg)%len(reasons)], arg&4 != 0), "hold", true
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) {
		r.e.SetTypingAware(arg%2 == 1)
		return Effects{}, "typing aware", false
	},
	func(r *fuzzRun, arg byte) (Effects, string, bool) { // a short pause in typing; the lull watch fires
		at := r.now.Mono - time.Duration(arg%16)*time.Second
		r.awayAt = &at
		return r.e.Idle(r.now, r.idle()), "lull event", true
	},
}

// opDuration is an operand byte as a duration: ten seconds a unit.
func opDuration(arg byte) time.Duration { return time.Duration(arg) * 10 * time.Second }

// fuzzReloadOps are the instructions after which a config reload may follow.
var fuzzReloadOps = map[int]bool{3: true, 9: true, 16: true}

// fuzzConfig is a valid configuration derived from an operand byte.
func fuzzConfig(arg byte) Config {
	c := DefaultConfig()
	c.SittingLimit = time.Duration(2+int(arg)%90) * time.Minute
	c.NaturalBreak = time.Duration(1+int(arg)%int(c.SittingLimit/time.Minute-1)) * time.Minute
	c.RemindAgain = time.Duration(1+int(arg)%10) * time.Minute
	c.MaxReminders = 1 + int(arg)%5
	c.SnoozeLimit = 1 + int(arg)%4
	c.MaxHold = time.Duration(1+int(arg)%120) * time.Minute
	c.Lull = time.Duration(1+int(arg)%10) * time.Second
	c.LullWait = time.Duration(1+int(arg)%5) * time.Minute
	c.StandingLimit = time.Duration(int(arg)%4*20) * time.Minute // 0: off
	if arg%2 == 0 {
		c.Meetings = DNDIgnore
		c.PostureAfterBreak = AfterBreakKeep
	}
	if arg%3 == 0 {
		c.DND = DNDIgnore
		c.Schedule = weekdays("09:00-12:00", "22:00-02:00")
	}
	return c
}

// runEngineOps interprets ops as two-byte instructions (see fuzzOps).
func runEngineOps(t *testing.T, ops []byte) {
	loc := time.FixedZone("CET", 3600)
	if l, err := time.LoadLocation("Europe/Berlin"); err == nil {
		loc = l
	}
	r := &fuzzRun{t: t, now: Instant{Wall: time.Date(2026, 10, 24, 22, 0, 0, 0, loc), Mono: 5 * time.Hour}}
	r.e = New(DefaultConfig(), r.now)
	for i := 0; i+1 < len(ops); i += 2 {
		op, arg := int(ops[i])%len(fuzzOps), ops[i+1]
		fx, name, ok := fuzzOps[op](r, arg)
		if !ok {
			continue
		}
		if fuzzReloadOps[op] && arg%7 == 0 {
			// also exercise config reloads
			r.check(name, fx)
			fx, name = r.e.ConfigChanged(r.now, fuzzConfig(arg)), "config"
		}
		r.check(name, fx)
	}
}

// check asserts the invariants listed at FuzzEngine after one input.
func (r *fuzzRun) check(what string, fx Effects) {
	r.t.Helper()
	st := r.e.Status(r.now)
	if st.Sitting < 0 || r.e.sitting < 0 || st.StandingTime < 0 {
		r.t.Fatalf("%s: negative sitting %v or standing %v", what, st.Sitting, st.StandingTime)
	}
	if st.Standing && st.Sitting != 0 {
		r.t.Fatalf("%s: sitting %v while standing", what, st.Sitting)
	}
	if nw := r.e.NextWake(r.now); nw.Before(r.now.Wall) {
		r.t.Fatalf("%s: NextWake %s before now %s", what, nw, r.now.Wall)
	}
	r.checkDuePeriod(what, fx)
	if fx.Remind != nil {
		r.checkRemind(what, fx)
	}
	if r.dueOpen != r.e.due.open {
		r.t.Fatalf("%s: effects say due=%v, engine says %v", what, r.dueOpen, r.e.due.open)
	}
}

// checkDuePeriod: due periods open and close alternately, each closed by
// one resolution that is also in the history.
func (r *fuzzRun) checkDuePeriod(what string, fx Effects) {
	r.t.Helper()
	if fx.Resolution != "" {
		if !r.dueOpen {
			r.t.Fatalf("%s: resolution %q without an open due period", what, fx.Resolution)
		}
		if !hasEvent(fx.History, fx.Resolution) {
			r.t.Fatalf("%s: resolution %q not recorded: %+v", what, fx.Resolution, fx.History)
		}
		r.dueOpen, r.count = false, 0
	}
	if fx.DueOpened {
		if r.dueOpen {
			r.t.Fatalf("%s: due period opened twice", what)
		}
		r.dueOpen = true
	}
}

// checkRemind: a reminder comes only when and as often as allowed.
func (r *fuzzRun) checkRemind(what string, fx Effects) {
	r.t.Helper()
	c := r.e.Config()
	switch {
	case fx.To != Due:
		r.t.Fatalf("%s: reminder in state %s", what, fx.To)
	case !r.dueOpen:
		r.t.Fatalf("%s: reminder outside a due period", what)
	case r.now.Mono < r.graceUntil:
		r.t.Fatalf("%s: reminder %v after a resume", what, r.now.Mono-r.graceUntil+ResumeGrace)
	case r.count > 0 && r.now.Mono-r.lastRemind < c.RemindAgain:
		r.t.Fatalf("%s: reminder %v after the previous one", what, r.now.Mono-r.lastRemind)
	case fx.Remind.Count != r.count+1 || fx.Remind.Count > c.MaxReminders:
		r.t.Fatalf("%s: reminder #%d after %d (max %d)", what, fx.Remind.Count, r.count, c.MaxReminders)
	}
	r.checkMoment(what, *fx.Remind)
	r.count, r.lastRemind = fx.Remind.Count, r.now.Mono
}

// checkMoment: a reminder respects holds, lulls and the posture.
func (r *fuzzRun) checkMoment(what string, rm Remind) {
	r.t.Helper()
	c := r.e.Config()
	holds, _ := r.e.holding()
	switch {
	case rm.Posture != r.e.posture:
		r.t.Fatalf("%s: reminder for posture %s while %s", what, rm.Posture, r.e.posture)
	case len(holds) > 0 && (!rm.HoldCapped || len(rm.HeldBy) == 0):
		r.t.Fatalf("%s: reminder during hold %v: %+v", what, holds, rm)
	case r.e.presence.lullAware && r.e.presence.typing && rm.LateBy < c.LullWait:
		r.t.Fatalf("%s: reminder while typing, only %v late", what, rm.LateBy)
	case rm.LateBy < 0 || rm.HoldLasted < 0:
		r.t.Fatalf("%s: negative lateness %+v", what, rm)
	}
}
