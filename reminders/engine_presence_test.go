package reminders

import (
	"testing"
	"time"
)

// TestPresenceEvents replays days whose presence source pushes Active and
// Idle events instead of being polled: events interleaved with readings,
// events handled late, twice, or across a suspend.
func TestPresenceEvents(t *testing.T) {
	for _, tc := range []struct {
		name   string
		script []step
	}{
		{
			name: "the idle watch records the break; the return starts sitting",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:30", do: "leave", want: Sitting},
				{at: "09:36", want: Away, events: []string{"09:35 natural_break/idle"}},
				{at: "10:30", do: "return", want: Sitting},
				{at: "11:14", want: Sitting},
				{at: "11:15", want: Due, events: []string{"11:15 reminded#1"}},
			},
		},
		{
			name: "a return handled late counts sitting from the true return",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:30", do: "leave", want: Sitting},
				{at: "09:36", want: Away, events: []string{"09:35 natural_break/idle"}},
				{at: "10:02", do: "tick", want: Away},
				{at: "10:03", do: "return late 3m", want: Sitting}, // back since 10:00
				{at: "10:44", want: Sitting},
				{at: "10:45", want: Due, events: []string{"10:45 reminded#1"}},
			},
		},
		{
			name: "events that arrive twice change nothing",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:30", do: "leave", want: Sitting},
				{at: "09:36", want: Away, events: []string{"09:35 natural_break/idle"}},
				{at: "09:40", do: "idle", want: Away},
				{at: "10:00", do: "return", want: Sitting},
				{at: "10:00", do: "active", want: Sitting},
				{at: "10:20", do: "active", want: Sitting},
				{at: "10:45", want: Due, events: []string{"10:45 reminded#1"}},
			},
		},
		{
			name: "events and readings interleave",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:20", do: "leave", want: Sitting},
				{at: "09:22", do: "reading", want: Sitting},
				{at: "09:26", want: Away, events: []string{"09:25 natural_break/idle"}},
				{at: "09:30", do: "reading", want: Away},
				{at: "09:40", do: "return", want: Sitting},
				{at: "09:41", do: "reading", want: Sitting},
				{at: "10:25", want: Due, events: []string{"10:25 reminded#1"}},
			},
		},
		{
			name: "a long silence after the last reminder is no suspend",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "10:00", want: Due, events: []string{"09:45 reminded#1", "09:50 reminded#2", "09:55 reminded#3"}},
				{at: "10:30", do: "leave", want: Due},
				{at: "10:36", want: Away, events: []string{"10:35 natural_break/idle"}},
			},
		},
		{
			name: "an idle event handled after a tick still makes a break",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:30", do: "leave unwatched", want: Sitting},
				{at: "09:37", do: "tick", want: Sitting},
				{at: "09:38", do: "idle 3m 5m", want: Away, events: []string{"09:37 natural_break/idle"}},
				{at: "10:00", do: "return", want: Sitting},
				{at: "10:45", want: Due, events: []string{"10:45 reminded#1"}},
			},
		},
		{
			name: "an idle event handled after the return is stale",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:20", do: "leave unwatched", want: Sitting},
				{at: "09:30", do: "return", want: Sitting},
				{at: "09:31", do: "idle 6m 5m", want: Sitting}, // fired 09:25, handled after the 09:30 return
				{at: "09:45", want: Due, events: []string{"09:45 reminded#1"}},
			},
		},
		{
			name: "an idle event older than a reading is stale",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:30", do: "reading", want: Sitting},
				{at: "09:31", do: "idle 6m 5m", want: Sitting}, // fired 09:25, handled after the 09:30 reading
				{at: "09:45", want: Due, events: []string{"09:45 reminded#1"}},
			},
		},
		{
			name: "a return handled late across a suspend",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:30", do: "leave", want: Sitting},
				{at: "09:36", want: Away, events: []string{"09:35 natural_break/idle"}},
				{at: "09:40", do: "sleep", want: Away},
				{at: "10:40", do: "wake", want: Sitting},
				{at: "10:41", do: "return late 2m", want: Sitting}, // stamped before the wake
				{at: "11:24", want: Sitting},
				{at: "11:25", want: Due, events: []string{"11:25 reminded#1"}},
			},
		},
		{
			name: "the idle watch fires across a suspend",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:30", do: "leave", want: Sitting},
				{at: "09:32", do: "sleep", want: Away},
				{at: "10:32", do: "wake", want: Sitting, events: []string{"10:32 natural_break/away"}},
				{at: "10:33", do: "return", want: Sitting},
				{at: "11:17", want: Due, events: []string{"11:17 reminded#1"}},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			day := edgeDay(t)
			s := newPushedSim(t, DefaultConfig(), s0(t, day, tc.script))
			s.replay(day, tc.script)
		})
	}
}

// s0 is the start time of a script: its first row.
func s0(t *testing.T, day time.Time, script []step) time.Time {
	return (&sim{t: t}).parseAt(day, script[0].at)
}

// TestPresenceEventsNextWake: with pushed events the daemon is woken only
// for true deadlines, never to poll for a return or a completed break.
func TestPresenceEventsNextWake(t *testing.T) {
	day := edgeDay(t)
	now := Instant{Wall: day.Add(9 * time.Hour), Mono: time.Hour}
	e := New(DefaultConfig(), now)
	e.SetPresenceEvents(true)
	now = now.Add(10 * time.Minute)
	e.Idle(now, 90*time.Second)
	if got, want := e.NextWake(now), now.Wall.Add(35*time.Minute); !got.Equal(want) {
		t.Errorf("present, idle 1m30s: NextWake %s, want the sitting limit %s", got, want)
	}
	now = now.Add(4 * time.Minute)
	if fx := e.Idle(now, 5*time.Minute); fx.To != Away {
		t.Fatalf("idle watch at natural_break: state %s, want away", fx.To)
	}
	if got := e.NextWake(now); !IsForever(got) {
		t.Errorf("away by idle with nothing scheduled: NextWake %s, want Forever (no AwayPoll)", got)
	}
	now = now.Add(10 * time.Minute)
	e.Active(now)
	e.Lock(now)
	if got, want := e.NextWake(now), now.Wall.Add(5*time.Minute); !got.Equal(want) {
		t.Errorf("locked: NextWake %s, want the moment the lock becomes a break %s", got, want)
	}
	e.SetPresenceEvents(false)
	e.Unlock(now)
	e.Observe(now, 0)
	if got, want := e.NextWake(now), now.Wall.Add(5*time.Minute); !got.Equal(want) {
		t.Errorf("polled again: NextWake %s, want natural_break %s", got, want)
	}
}

// TestReplayWorkDayPushed replays the work day of TestReplayWorkDay with a
// pushing presence source: the same reminders and breaks, fewer wake-ups,
// and none while the user is away.
func TestReplayWorkDayPushed(t *testing.T) {
	loc := berlin(t)
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, loc)
	cfg := DefaultConfig()
	cfg.Schedule = weekdays("09:00-12:30", "13:30-18:00")
	polled := newSim(t, cfg, day.Add(8*time.Hour+50*time.Minute))
	polled.replay(day, workDayScript)
	s := newPushedSim(t, cfg, day.Add(8*time.Hour+50*time.Minute))
	s.replay(day, workDayScript[:6]) // up to the break at 10:07
	before := s.wakes
	s.replay(day, workDayScript[6:7]) // away until 10:20
	if n := s.wakes - before; n != 0 {
		t.Errorf("%d wake-ups while away; the Active event reports the return", n)
	}
	s.replay(day, workDayScript[7:])
	if s.wakes >= polled.wakes {
		t.Errorf("%d wake-ups with pushed events, %d when polling; want fewer", s.wakes, polled.wakes)
	}
}

// TestSetAwayPoll: a polled source whose reading is cheap asks for a
// reading every few seconds while the user is away, never below MinWait,
// and only while away.
func TestSetAwayPoll(t *testing.T) {
	day := edgeDay(t)
	for _, tc := range []struct {
		name string
		poll time.Duration
		want time.Duration
	}{
		{"default", 0, AwayPoll},
		{"cheap reading", 2 * time.Second, 2 * time.Second},
		{"D-Bus reading", 5 * time.Second, 5 * time.Second},
		{"floored at MinWait", time.Millisecond, MinWait},
		{"negative restores AwayPoll", -time.Second, AwayPoll},
	} {
		t.Run(tc.name, func(t *testing.T) {
			now := Instant{Wall: day.Add(9 * time.Hour), Mono: time.Hour}
			e := New(DefaultConfig(), now)
			e.SetAwayPoll(tc.poll)
			now = now.Add(time.Minute)
			e.Observe(now, 0)
			if got, want := e.NextWake(now), now.Wall.Add(DefaultConfig().NaturalBreak); !got.Equal(want) {
				t.Errorf("present: NextWake %s, want natural_break %s (no away poll)", got, want)
			}
			now = now.Add(10 * time.Minute)
			if fx := e.Observe(now, 6*time.Minute); fx.To != Away {
				t.Fatalf("idle 6m: state %s, want away", fx.To)
			}
			if got, want := e.NextWake(now), now.Wall.Add(tc.want); !got.Equal(want) {
				t.Errorf("away: NextWake %s, want %s", got, want)
			}
		})
	}
}
