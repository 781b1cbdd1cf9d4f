package reminders

import (
	"testing"
	"time"
)

// FuzzEngine drives the engine with random activity, commands and clock
// behaviour (wall steps, unreported suspends, DST) and checks invariants
// after every input:
//   - sitting time is never negative;
//   - a reminder only comes in state due (never paused, away, outside hours,
//     in a routine), never in the first minute after a resume, never within
//     remind_again of the previous one of the same due period, and at most
//     max_reminders per due period;
//   - due periods open and close alternately, each closed by exactly one
//     resolution that is also recorded in the history;
//   - NextWake is never in the past.
func FuzzEngine(f *testing.F) {
	f.Add([]byte{0, 200, 0, 200, 0, 200, 0, 100, 5, 0, 0, 200, 6, 0, 0, 255})
	f.Add([]byte{1, 0, 0, 250, 0, 250, 2, 0, 0, 250, 3, 0, 4, 0, 0, 250, 9, 1, 0, 250, 9, 0})
	f.Add([]byte{10, 7, 0, 250, 11, 3, 0, 100, 12, 30, 0, 250, 13, 90, 0, 40, 7, 0, 8, 1})
	f.Add([]byte{14, 0, 0, 255, 0, 255, 0, 255, 15, 0, 0, 255, 0, 255, 16, 200})
	f.Fuzz(runEngineOps)
}

// runEngineOps interprets ops as two-byte instructions (see FuzzEngine).
func runEngineOps(t *testing.T, ops []byte) {
	loc := time.FixedZone("CET", 3600)
	if l, err := time.LoadLocation("Europe/Berlin"); err == nil {
		loc = l
	}
	now := Instant{Wall: time.Date(2026, 10, 24, 22, 0, 0, 0, loc), Mono: 5 * time.Hour}
	cfg := DefaultConfig()
	e := New(cfg, now)
	var (
		awayAt     *time.Duration
		dueOpen    bool
		lastRemind time.Duration
		count      int
		graceUntil time.Duration
	)
	idle := func() time.Duration {
		if awayAt == nil {
			return 0
		}
		return now.Mono - *awayAt
	}
	check := func(what string, fx Effects) {
		t.Helper()
		st := e.Status(now)
		if st.Sitting < 0 || e.sitting < 0 {
			t.Fatalf("%s: negative sitting %v", what, st.Sitting)
		}
		if nw := e.NextWake(now); nw.Before(now.Wall) {
			t.Fatalf("%s: NextWake %s before now %s", what, nw, now.Wall)
		}
		if fx.Resolution != "" {
			if !dueOpen {
				t.Fatalf("%s: resolution %q without an open due period", what, fx.Resolution)
			}
			if !hasEvent(fx.History, fx.Resolution) {
				t.Fatalf("%s: resolution %q not recorded: %+v", what, fx.Resolution, fx.History)
			}
			dueOpen, count = false, 0
		}
		if fx.DueOpened {
			if dueOpen {
				t.Fatalf("%s: due period opened twice", what)
			}
			dueOpen = true
		}
		if fx.Remind != nil {
			c := e.Config()
			switch {
			case fx.To != Due:
				t.Fatalf("%s: reminder in state %s", what, fx.To)
			case !dueOpen:
				t.Fatalf("%s: reminder outside a due period", what)
			case now.Mono < graceUntil:
				t.Fatalf("%s: reminder %v after a resume", what, now.Mono-graceUntil+ResumeGrace)
			case count > 0 && now.Mono-lastRemind < c.RemindAgain:
				t.Fatalf("%s: reminder %v after the previous one", what, now.Mono-lastRemind)
			case fx.Remind.Count != count+1 || fx.Remind.Count > c.MaxReminders:
				t.Fatalf("%s: reminder #%d after %d (max %d)", what, fx.Remind.Count, count, c.MaxReminders)
			}
			count, lastRemind = fx.Remind.Count, now.Mono
		}
		if dueOpen != e.due {
			t.Fatalf("%s: effects say due=%v, engine says %v", what, dueOpen, e.due)
		}
	}
	for i := 0; i+1 < len(ops); i += 2 {
		op, arg := ops[i]%17, ops[i+1]
		d := time.Duration(arg) * 10 * time.Second
		var fx Effects
		name := ""
		switch op {
		case 0: // the daemon wakes when asked (capped), reads idle
			w := e.NextWake(now).Sub(now.Wall)
			if w > time.Hour {
				w = time.Hour
			}
			now = now.Add(w)
			fx, name = e.Observe(now, idle()), "wake"
		case 1:
			now = now.Add(d)
			fx, name = e.Observe(now, idle()), "observe"
		case 2:
			at := now.Mono - time.Duration(arg)*time.Second
			awayAt, name = &at, "leave"
			continue
		case 3:
			awayAt = nil
			fx, name = e.Observe(now, 0), "return"
		case 4:
			fx, _ = e.Snooze(now, time.Duration(arg)*time.Second)
			name = "snooze"
		case 5:
			fx, _ = e.Skip(now)
			name = "skip"
		case 6:
			fx, _ = e.Pause(now, now.Wall.Add(d))
			name = "pause"
		case 7:
			fx, _ = e.Resume(now)
			name = "resume"
		case 8:
			if arg%2 == 0 {
				fx, _ = e.PauseUntilTomorrow(now)
			} else {
				fx, _ = e.Pause(now, Forever())
			}
			name = "pause long"
		case 9:
			fx, name = e.SetDND(now, arg%2 == 1), "dnd"
		case 10:
			fx, name = e.RoutineStarted(now, "r"), "routine start"
		case 11:
			fx, name = e.RoutineFinished(now, "r", arg%2 == 0, int(arg)), "routine done"
		case 12:
			fx, name = e.Lock(now), "lock"
		case 13:
			awayAt = nil
			fx, name = e.Unlock(now), "unlock"
			graceUntil = now.Mono + ResumeGrace
		case 14:
			fx, name = e.Sleep(now), "sleep"
			now = now.Add(d)
		case 15:
			fx, name = e.Wake(now), "wake from sleep"
			if e.awayEvents == 0 {
				graceUntil = now.Mono + ResumeGrace
			}
		case 16: // wall clock step without monotonic time, or the reverse
			if arg%2 == 0 {
				now.Wall = now.Wall.Add(time.Duration(int(arg)-128) * time.Minute)
			} else {
				now.Mono += d * 10 // unreported suspend
			}
			fx, name = e.Observe(now, idle()), "clock"
			if fx.Resolution == EventNaturalBreak || hasEvent(fx.History, EventNaturalBreak) {
				graceUntil = max(graceUntil, e.quietUntil)
			}
		}
		if op == 3 || op == 9 || op == 16 {
			// also exercise config reloads
			if arg%7 == 0 {
				c := DefaultConfig()
				c.SittingLimit = time.Duration(2+int(arg)%90) * time.Minute
				c.NaturalBreak = time.Duration(1+int(arg)%int(c.SittingLimit/time.Minute-1)) * time.Minute
				c.RemindAgain = time.Duration(1+int(arg)%10) * time.Minute
				c.MaxReminders = 1 + int(arg)%5
				c.SnoozeLimit = 1 + int(arg)%4
				if arg%3 == 0 {
					c.DND = DNDIgnore
					c.Schedule = weekdays("09:00-12:00", "22:00-02:00")
				}
				check(name, fx)
				fx, name = e.ConfigChanged(now, c), "config"
			}
		}
		check(name, fx)
	}
}
