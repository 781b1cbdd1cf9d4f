package reminders

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the replayed days need Europe/Berlin everywhere
)

// sim is a fake daemon: a fake two-part clock, a scripted user and the
// engine, woken exactly at NextWake the way the real daemon sleeps.
type sim struct {
	t      *testing.T
	e      *Engine
	now    Instant
	awayAt *time.Duration // Mono of the user's last input while away; nil = typing
	frozen bool           // machine suspended: no wake-ups
	log    []string       // history events not yet checked
	all    []Event
	wakes  int
	lastFx Effects
	err    error
	// pushed: the presence source pushes events (Engine.SetPresenceEvents):
	// the sim ticks at NextWake instead of reading idle time, the idle
	// watch pushes Idle once natural_break after the user left, and a
	// return pushes Active.
	pushed  bool
	watched bool // the idle watch is armed for the current absence
	// lullWatched: the idle watch at lull is armed for the current pause
	// in input (pushed events with Engine.SetTypingAware).
	lullWatched bool
	reminds     []Remind // every Remind effect, in order
}

// berlin is the zone of the replayed days. The tests embed the time zone
// database (time/tzdata) so that they run, rather than skip, on machines
// without one.
func berlin(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatalf("Europe/Berlin: %v", err)
	}
	return loc
}

func newSim(t *testing.T, cfg Config, start time.Time) *sim {
	s := &sim{t: t, now: Instant{Wall: start, Mono: 1000 * time.Hour}}
	s.e = New(cfg, s.now)
	return s
}

func (s *sim) idle() time.Duration {
	if s.awayAt == nil {
		return 0
	}
	return s.now.Mono - *s.awayAt
}

func (s *sim) take(fx Effects) {
	s.t.Helper()
	s.lastFx = fx
	if fx.Remind != nil {
		s.reminds = append(s.reminds, *fx.Remind)
	}
	for _, ev := range fx.History {
		s.log = append(s.log, fmtEvent(ev))
		s.all = append(s.all, ev)
	}
	if nw := s.e.NextWake(s.now); nw.Before(s.now.Wall) {
		s.t.Fatalf("%s: NextWake %s is in the past", s.now.Wall.Format(time.DateTime), nw.Format(time.DateTime))
	}
	if (fx.Remind != nil) != (len(fx.History) > 0 && hasEvent(fx.History, EventReminded)) {
		s.t.Fatalf("Remind effect and reminded history disagree: %+v", fx)
	}
}

func hasEvent(evs []Event, name string) bool {
	for _, ev := range evs {
		if ev.Event == name {
			return true
		}
	}
	return false
}

func fmtEvent(ev Event) string {
	s := ev.T.Format("15:04") + " " + ev.Event
	if ev.Count > 0 {
		s += "#" + strconv.Itoa(ev.Count)
	}
	if ev.Reason != "" {
		s += "/" + ev.Reason
	}
	if ev.Posture != "" {
		s += "@" + ev.Posture
	}
	return s
}

// newPushedSim is newSim with a presence source that pushes events.
func newPushedSim(t *testing.T, cfg Config, start time.Time) *sim {
	s := newSim(t, cfg, start)
	s.pushed = true
	s.e.SetPresenceEvents(true)
	return s
}

// runTo lets time pass until wall, waking at every NextWake and feeding an
// idle reading (or a tick, with pushed events), like the daemon's loop,
// and firing the idle watch when it is due.
func (s *sim) runTo(wall time.Time) {
	s.t.Helper()
	for !s.frozen {
		nw := s.e.NextWake(s.now)
		if fire, lull, ok := s.watchFires(); ok && fire.Before(wall) && !fire.After(nw) {
			s.now = s.now.Add(max(fire.Sub(s.now.Wall), 0))
			if lull {
				s.lullWatched = false
			} else {
				s.watched = false
			}
			s.take(s.e.Idle(s.now, s.idle()))
			continue
		}
		if !nw.Before(wall) {
			break
		}
		s.now = s.now.Add(nw.Sub(s.now.Wall))
		s.wakes++
		if s.pushed {
			s.take(s.e.Tick(s.now))
		} else {
			s.take(s.e.Observe(s.now, s.idle()))
		}
	}
	s.now = s.now.Add(wall.Sub(s.now.Wall))
}

// watchFires is the wall time at which the next armed idle watch fires:
// lull (if armed) or natural_break after the user's last input. lull
// tells which.
func (s *sim) watchFires() (fire time.Time, lull, ok bool) {
	if !s.pushed || s.awayAt == nil {
		return time.Time{}, false, false
	}
	var at time.Duration
	switch {
	case s.lullWatched:
		at, lull = *s.awayAt+s.e.Config().Lull, true
	case s.watched:
		at = *s.awayAt + s.e.Config().NaturalBreak
	default:
		return time.Time{}, false, false
	}
	return s.now.Wall.Add(at - s.now.Mono), lull, true
}

// do performs one scripted action at the current time.
func (s *sim) do(action string) {
	s.t.Helper()
	s.err = nil
	verb, arg, _ := strings.Cut(action, " ")
	act, ok := simActions[verb]
	if !ok {
		s.t.Fatalf("bad script action %q", action)
	}
	fx, input, err := act(s, arg)
	if !input {
		return
	}
	s.err = err
	s.take(fx)
}

// simAction performs one scripted verb with its argument. input is false
// when the engine was not told anything.
type simAction func(s *sim, arg string) (fx Effects, input bool, err error)

// simActions are the verbs of a replay script.
var simActions = map[string]simAction{
	"":        (*sim).checkAction,
	"observe": (*sim).observeAction,
	"leave": func(s *sim, arg string) (Effects, bool, error) { // the user stops typing and walks away; the engine is not told
		at := s.now.Mono
		s.awayAt = &at
		s.watched = arg != "unwatched" // "unwatched": the idle watch never fires
		s.lullWatched = s.e.presence.lullAware
		return Effects{}, false, nil
	},
	"return":  (*sim).returnAction,
	"active":  func(s *sim, _ string) (Effects, bool, error) { return s.e.Active(s.now), true, nil },
	"idle":    (*sim).idleAction,
	"tick":    func(s *sim, _ string) (Effects, bool, error) { return s.e.Tick(s.now), true, nil },
	"reading": (*sim).observeAction,
	"snooze": func(s *sim, _ string) (Effects, bool, error) {
		fx, err := s.e.Snooze(s.now, 0)
		return fx, true, err
	},
	"skip": func(s *sim, _ string) (Effects, bool, error) {
		fx, err := s.e.Skip(s.now)
		return fx, true, err
	},
	"pause": (*sim).pauseAction,
	"resume": func(s *sim, _ string) (Effects, bool, error) {
		fx, err := s.e.Resume(s.now)
		return fx, true, err
	},
	"lock": func(s *sim, _ string) (Effects, bool, error) { return s.e.Lock(s.now), true, nil },
	"unlock": func(s *sim, _ string) (Effects, bool, error) {
		s.awayAt = nil
		return s.e.Unlock(s.now), true, nil
	},
	"sleep": func(s *sim, _ string) (Effects, bool, error) {
		s.frozen = true
		return s.e.Sleep(s.now), true, nil
	},
	"wake": func(s *sim, _ string) (Effects, bool, error) {
		s.frozen = false
		return s.e.Wake(s.now), true, nil
	},
	"suspend": func(s *sim, _ string) (Effects, bool, error) { // the machine sleeps and nobody tells the engine
		s.frozen = true
		return Effects{}, false, nil
	},
	"resume-silently": func(s *sim, arg string) (Effects, bool, error) {
		s.frozen = false
		return s.observeAction(arg)
	},
	"dnd": func(s *sim, arg string) (Effects, bool, error) { return s.e.SetDND(s.now, arg == "on"), true, nil },
	// "hold meeting on", "hold fullscreen off"
	"hold": func(s *sim, arg string) (Effects, bool, error) {
		reason, on, _ := strings.Cut(arg, " ")
		return s.e.SetHold(s.now, HoldReason(reason), on == "on"), true, nil
	},
	"stand": func(s *sim, _ string) (Effects, bool, error) { return s.e.Stand(s.now), true, nil },
	"sit":   func(s *sim, _ string) (Effects, bool, error) { return s.e.Sit(s.now), true, nil },
	"routine": func(s *sim, arg string) (Effects, bool, error) {
		if arg == "start" {
			return s.e.RoutineStarted(s.now, "mid-back"), true, nil
		}
		return s.e.RoutineFinished(s.now, "mid-back", arg == "done", 300), true, nil
	},
	"step": func(s *sim, arg string) (Effects, bool, error) { // the wall clock is set; the monotonic clock is not affected
		s.now.Wall = s.now.Wall.Add(s.duration(arg))
		return s.observeAction(arg)
	},
}

// checkAction is a row's default: the daemon checks in, with an idle
// reading, or a tick when the presence source pushes events.
func (s *sim) checkAction(arg string) (Effects, bool, error) {
	if s.pushed {
		return s.e.Tick(s.now), true, nil
	}
	return s.observeAction(arg)
}

func (s *sim) observeAction(string) (Effects, bool, error) {
	return s.e.Observe(s.now, s.idle()), true, nil
}

// returnAction: the user touches the keyboard. With pushed events the
// source pushes Active; "return late 3m" means the user came back 3
// minutes ago and the event is only handled now.
func (s *sim) returnAction(arg string) (Effects, bool, error) {
	s.awayAt, s.watched, s.lullWatched = nil, false, false
	if !s.pushed {
		return s.e.Observe(s.now, 0), true, nil
	}
	at := s.now
	if late, ok := strings.CutPrefix(arg, "late "); ok {
		at = s.now.Add(-s.duration(late))
	}
	return s.e.Active(at), true, nil
}

// idleAction pushes an Idle event: "idle" at now with the user's idle
// time; "idle 6m 5m" fired 6 minutes ago, saying the user was idle for 5.
func (s *sim) idleAction(arg string) (Effects, bool, error) {
	if arg == "" {
		return s.e.Idle(s.now, s.idle()), true, nil
	}
	ago, idle, _ := strings.Cut(arg, " ")
	return s.e.Idle(s.now.Add(-s.duration(ago)), s.duration(idle)), true, nil
}

func (s *sim) pauseAction(arg string) (Effects, bool, error) {
	var fx Effects
	var err error
	switch arg {
	case "tomorrow":
		fx, err = s.e.PauseUntilTomorrow(s.now)
	case "forever":
		fx, err = s.e.Pause(s.now, Forever())
	default:
		fx, err = s.e.Pause(s.now, s.now.Wall.Add(s.duration(arg)))
	}
	return fx, true, err
}

// duration parses a script argument such as "30m".
func (s *sim) duration(arg string) time.Duration {
	s.t.Helper()
	d, err := time.ParseDuration(arg)
	if err != nil {
		s.t.Fatalf("bad script duration %q", arg)
	}
	return d
}

// step is one row of a replay script.
type step struct {
	at     string   // wall clock "15:04" or "15:04:05" (or "2006-01-02 15:04")
	do     string   // action, see sim.do
	want   State    // state after the action
	events []string // history events since the previous row, "15:04 name#count/reason"
	err    string   // substring of the expected command error
}

func (s *sim) parseAt(day time.Time, at string) time.Time {
	s.t.Helper()
	layout := "15:04"
	if strings.Count(at, ":") == 2 {
		layout = "15:04:05"
	}
	if strings.Contains(at, "-") {
		t, err := time.ParseInLocation("2006-01-02 15:04", at, day.Location())
		if err != nil {
			s.t.Fatalf("bad time %q", at)
		}
		return t
	}
	t, err := time.Parse(layout, at)
	if err != nil {
		s.t.Fatalf("bad time %q", at)
	}
	y, m, d := day.Date()
	return time.Date(y, m, d, t.Hour(), t.Minute(), t.Second(), 0, day.Location())
}

// replay runs a script, asserting state, history and errors at each row.
func (s *sim) replay(day time.Time, script []step) {
	s.t.Helper()
	for i, r := range script {
		at := s.parseAt(day, r.at)
		if at.Before(s.now.Wall) && !strings.HasPrefix(r.do, "step") {
			s.t.Fatalf("row %d (%s): time goes backwards", i, r.at)
		}
		s.runTo(at)
		s.do(r.do)
		where := fmt.Sprintf("row %d (%s %q)", i, r.at, r.do)
		if got := s.e.Status(s.now).State; got != r.want {
			s.t.Errorf("%s: state %s, want %s", where, got, r.want)
		}
		if got, want := strings.Join(s.log, ", "), strings.Join(r.events, ", "); got != want {
			s.t.Errorf("%s: events\n got [%s]\nwant [%s]", where, got, want)
		}
		s.log = nil
		switch {
		case r.err == "" && s.err != nil:
			s.t.Errorf("%s: unexpected error %v", where, s.err)
		case r.err != "" && (s.err == nil || !strings.Contains(s.err.Error(), r.err)):
			s.t.Errorf("%s: error %v, want one containing %q", where, s.err, r.err)
		}
	}
}

func weekdays(ranges ...string) Schedule {
	var s Schedule
	var rs []Range
	for _, r := range ranges {
		p, err := ParseRange(r)
		if err != nil {
			panic(err)
		}
		rs = append(rs, p)
	}
	for d := time.Monday; d <= time.Friday; d++ {
		s.SetDay(d, rs...)
	}
	s.SetDay(time.Saturday)
	s.SetDay(time.Sunday)
	return s
}
