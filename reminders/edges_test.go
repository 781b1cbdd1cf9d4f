package reminders

import (
	"errors"
	"testing"
	"time"
)

// edgeDay is an ordinary Thursday; the edge scripts start at 09:00 with
// default timings and no schedule unless they set one.
func edgeDay(t *testing.T) time.Time {
	return time.Date(2026, 11, 26, 0, 0, 0, 0, berlin(t))
}

func TestEdges(t *testing.T) {
	for _, tc := range []struct {
		name   string
		cfg    func(*Config)
		script []step
	}{
		{
			name: "suspend across the due time is a natural break",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:40", do: "sleep", want: Away},
				{at: "10:00", do: "wake", want: Sitting, events: []string{"10:00 natural_break/away"}},
				{at: "10:44", want: Sitting},
				{at: "10:45", want: Due, events: []string{"10:45 reminded#1"}},
			},
		},
		{
			name: "short suspend across the due time: no reminder in the first minute after resume",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:43", do: "sleep", want: Away},
				{at: "09:46", do: "wake", want: Due},
				{at: "09:46", want: Due},
				{at: "09:48", want: Due, events: []string{"09:47 reminded#1"}},
			},
		},
		{
			name: "unlock right at the due time waits a minute",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:44", do: "lock", want: Away},
				{at: "09:45", do: "unlock", want: Due},
				{at: "09:45", want: Due},
				{at: "09:46", want: Due, events: []string{"09:46 reminded#1"}},
			},
		},
		{
			name: "unreported suspend is detected from the monotonic gap",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:30", do: "suspend", want: Sitting},
				{at: "10:30", do: "resume-silently", want: Sitting, events: []string{"10:30 natural_break/suspend"}},
				{at: "10:31", want: Sitting}, // grace minute, then 45 minutes from resume
				{at: "11:15", want: Due, events: []string{"11:15 reminded#1"}},
			},
		},
		{
			name: "unreported suspend while idle: one break",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:30", do: "leave", want: Sitting},
				{at: "09:31", do: "suspend", want: Sitting},
				{at: "10:30", do: "resume-silently", want: Away, events: []string{"10:30 natural_break/suspend"}},
				{at: "10:40", do: "return", want: Sitting},
				{at: "11:00", do: "leave", want: Sitting},
				{at: "11:06", want: Away, events: []string{"11:05 natural_break/idle"}},
			},
		},
		{
			name: "idle readings during a lock do not hide the break",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:20", do: "leave", want: Sitting},
				{at: "09:21", do: "lock", want: Away},
				{at: "09:22", want: Away},
				{at: "09:40", do: "unlock", want: Sitting, events: []string{"09:26 natural_break/away"}},
				{at: "10:24", want: Sitting},
				{at: "10:25", want: Due, events: []string{"10:25 reminded#1"}},
			},
		},
		{
			name: "wall clock stepped back is neither sitting nor a break",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:30", do: "step -1h", want: Sitting}, // now 08:30 on the wall
				{at: "08:45", want: Due, events: []string{"08:45 reminded#1"}},
			},
		},
		{
			name: "wall clock stepped forward is neither sitting nor a break",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:30", do: "step 2h", want: Sitting}, // now 11:30 on the wall
				{at: "11:45", want: Due, events: []string{"11:45 reminded#1"}},
			},
		},
		{
			name: "pause across midnight expires the next day",
			script: []step{
				{at: "23:00", want: Sitting},
				{at: "23:30", do: "pause 2h", want: Paused, events: []string{"23:30 paused"}},
				{at: "2026-11-27 01:29", want: Paused},
				{at: "2026-11-27 01:31", want: Sitting, events: []string{"01:30 resumed/expired"}},
				{at: "2026-11-27 02:16", want: Due, events: []string{"02:15 reminded#1"}},
			},
		},
		{
			name: "pause ends while the user is away: no break recorded for it",
			script: []step{
				{at: "09:00", do: "pause 30m", want: Paused, events: []string{"09:00 paused"}},
				{at: "09:10", do: "leave", want: Paused},
				{at: "09:31", want: Away, events: []string{"09:30 resumed/expired"}},
				{at: "09:40", do: "return", want: Sitting},
				{at: "10:25", want: Due, events: []string{"10:25 reminded#1"}},
			},
		},
		{
			name: "lock while paused is not a break",
			script: []step{
				{at: "09:00", do: "pause 10m", want: Paused, events: []string{"09:00 paused"}},
				{at: "09:05", do: "lock", want: Paused},
				{at: "09:30", do: "unlock", want: Sitting, events: []string{"09:10 resumed/expired"}},
			},
		},
		{
			name: "pause forever until resumed",
			script: []step{
				{at: "09:00", do: "pause forever", want: Paused, events: []string{"09:00 paused"}},
				{at: "2026-11-30 09:00", want: Paused},
				{at: "2026-11-30 09:01", do: "resume", want: Sitting, events: []string{"09:01 resumed/resumed"}},
			},
		},
		{
			name: "pause until tomorrow on a Friday with the weekend off",
			cfg:  func(c *Config) { c.Schedule = weekdays("08:30-17:00") },
			script: []step{
				{at: "2026-11-27 16:00", do: "pause tomorrow", want: Paused, events: []string{"16:00 paused"}},
				{at: "2026-11-30 08:29", want: Paused},
				{at: "2026-11-30 08:31", want: Sitting, events: []string{"08:30 resumed/expired"}},
			},
		},
		{
			name: "schedule boundary crossing midnight",
			cfg: func(c *Config) {
				c.Schedule.SetDay(time.Thursday, Range{Start: 22 * 60, End: 2 * 60})
				c.Schedule.SetDay(time.Friday)
			},
			script: []step{
				{at: "21:59", want: OutsideHours},
				{at: "22:00", want: Sitting},
				{at: "2026-11-27 01:59", want: Due, events: []string{"22:45 reminded#1", "22:50 reminded#2", "22:55 reminded#3"}},
				{at: "2026-11-27 02:00", want: OutsideHours, events: []string{"02:00 cleared/outside_hours"}},
			},
		},
		{
			name: "DND ending delivers a held reminder once",
			script: []step{
				{at: "09:00", do: "dnd on", want: Sitting},
				{at: "09:59", want: Due},
				{at: "10:00", do: "dnd off", want: Due, events: []string{"10:00 reminded#1"}},
				{at: "10:01", do: "dnd on", want: Due},
				{at: "10:02", do: "dnd off", want: Due},
				{at: "10:06", want: Due, events: []string{"10:05 reminded#2"}},
			},
		},
		{
			name: "DND ends after the break was taken: nothing delivered",
			script: []step{
				{at: "09:00", do: "dnd on", want: Sitting},
				{at: "09:50", do: "leave", want: Due},
				{at: "10:00", do: "return", want: Sitting, events: []string{"09:55 natural_break/idle"}},
				{at: "10:01", do: "dnd off", want: Sitting},
			},
		},
		{
			name: "DND ignored",
			cfg:  func(c *Config) { c.DND = DNDIgnore },
			script: []step{
				{at: "09:00", do: "dnd on", want: Sitting},
				{at: "09:46", want: Due, events: []string{"09:45 reminded#1"}},
			},
		},
		{
			name: "idle shorter than natural_break counts as sitting",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:20", do: "leave", want: Sitting},
				{at: "09:24", do: "return", want: Sitting},
				{at: "09:45", want: Due, events: []string{"09:45 reminded#1"}},
			},
		},
		{
			name: "routine from the tray while sitting restarts sitting time",
			script: []step{
				{at: "09:00", want: Sitting},
				{at: "09:30", do: "routine start", want: InRoutine},
				{at: "09:50", want: InRoutine},
				{at: "09:52", do: "routine abandoned", want: Sitting, events: []string{"09:52 routine"}},
				{at: "10:37", want: Due, events: []string{"10:37 reminded#1"}},
			},
		},
		{
			name: "refused commands",
			script: []step{
				{at: "09:00", do: "skip", want: Sitting, err: ErrNotDue.Error()},
				{at: "09:01", do: "resume", want: Sitting, err: ErrNotPaused.Error()},
				{at: "09:02", do: "lock", want: Away},
				{at: "09:03", do: "snooze", want: Away, err: "nothing to snooze"},
				{at: "09:04", do: "unlock", want: Sitting},
				// Nothing due yet: a snooze would only burn the day's snoozes.
				{at: "09:05", do: "snooze", want: Sitting, err: ErrNotDue.Error()},
				{at: "09:06", do: "pause 1h", want: Paused, events: []string{"09:06 paused"}},
				{at: "09:07", do: "snooze", want: Paused, err: "nothing to snooze"},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig()
			if tc.cfg != nil {
				tc.cfg(&cfg)
			}
			day := edgeDay(t)
			s := newSim(t, cfg, day.Add(-time.Minute))
			first := s.parseAt(day, tc.script[0].at)
			s.now = Instant{Wall: first, Mono: s.now.Mono}
			s.e = New(cfg, s.now)
			s.replay(day, tc.script)
		})
	}
}

func TestConfigReloadedMidSitting(t *testing.T) {
	day := edgeDay(t)
	s := newSim(t, DefaultConfig(), day.Add(9*time.Hour))
	s.replay(day, []step{{at: "09:30", want: Sitting}})

	lower := DefaultConfig()
	lower.SittingLimit = 25 * time.Minute
	fx := s.e.ConfigChanged(s.now, lower)
	if fx.Remind == nil || fx.Remind.Count != 1 || fx.Remind.Sitting != 30*time.Minute || fx.To != Due {
		t.Fatalf("lowering the limit below the sitting time: %+v, want an immediate reminder at 30m", fx)
	}
	higher := DefaultConfig()
	higher.SittingLimit = time.Hour
	fx = s.e.ConfigChanged(s.now, higher)
	if fx.To != Sitting || fx.Resolution != EventCleared {
		t.Fatalf("raising the limit: %+v, want back to sitting with the due period cleared", fx)
	}
	if st := s.e.Status(s.now); !st.HasNextReminder || st.NextReminder != 30*time.Minute {
		t.Fatalf("next reminder in %v (%v), want 30m", st.NextReminder, st.HasNextReminder)
	}
}

func TestSnoozeLimitPerSittingPeriod(t *testing.T) {
	cfg := DefaultConfig()
	cfg.SnoozeLimit = 2
	day := edgeDay(t)
	s := newSim(t, cfg, day.Add(9*time.Hour))
	s.replay(day, []step{
		{at: "09:45", want: Due, events: []string{"09:45 reminded#1"}},
		{at: "09:46", do: "snooze", want: Sitting, events: []string{"09:46 snoozed"}},
		{at: "09:57", do: "snooze", want: Sitting, events: []string{"09:56 reminded#1", "09:57 snoozed"}},
		{at: "10:08", do: "snooze", want: Due, events: []string{"10:07 reminded#1"}, err: "snooze limit"},
		// A real break gives the snoozes back.
		{at: "10:08", do: "leave", want: Due},
		{at: "10:20", do: "return", want: Sitting, events: []string{"10:12 reminded#2", "10:13 natural_break/idle"}},
	})
	if got := s.e.Status(s.now).SnoozesLeft; got != 2 {
		t.Errorf("SnoozesLeft = %d after a break, want 2", got)
	}
}

// TestSnoozeWhenNothingIsDue: a snooze while merely sitting is refused with
// ErrNotDue and does not use up the snooze limit.
func TestSnoozeWhenNothingIsDue(t *testing.T) {
	cfg := DefaultConfig()
	cfg.SnoozeLimit = 1
	day := edgeDay(t)
	now := Instant{Wall: day.Add(9 * time.Hour), Mono: time.Hour}
	e := New(cfg, now)
	sit := func(d time.Duration) {
		for end := now.Mono + d; now.Mono < end; {
			now = now.Add(time.Minute)
			e.Observe(now, 0)
		}
	}
	sit(10 * time.Minute)
	fx, err := e.Snooze(now, 0)
	if !errors.Is(err, ErrNotDue) || len(fx.History) != 0 {
		t.Fatalf("snooze while sitting: %v, %+v; want ErrNotDue and no history", err, fx.History)
	}
	if got := e.Status(now).SnoozesLeft; got != 1 {
		t.Fatalf("SnoozesLeft = %d after a refused snooze, want 1", got)
	}
	sit(35 * time.Minute)
	if _, err := e.Snooze(now, 0); err != nil {
		t.Fatalf("snooze when due: %v", err)
	}
}

func TestRestorePause(t *testing.T) {
	day := edgeDay(t)
	now := Instant{Wall: day.Add(10 * time.Hour), Mono: time.Hour}
	e := New(DefaultConfig(), now)
	fx := e.RestorePause(now, Forever())
	if fx.To != Paused || len(fx.History) != 0 || !IsForever(e.PausedUntil()) {
		t.Fatalf("restoring a forever pause: %+v, paused until %s", fx, e.PausedUntil())
	}
	e = New(DefaultConfig(), now)
	if fx := e.RestorePause(now, now.Wall.Add(-time.Minute)); fx.To != Sitting || !e.PausedUntil().IsZero() {
		t.Fatalf("an expired pause must not be restored: %+v", fx)
	}
}

func TestNextWakeLetsTheDaemonSleep(t *testing.T) {
	day := edgeDay(t)
	now := Instant{Wall: day.Add(9 * time.Hour), Mono: time.Hour}
	e := New(DefaultConfig(), now)
	e.Observe(now, 90*time.Second)
	if got, want := e.NextWake(now), now.Wall.Add(3*time.Minute+30*time.Second); !got.Equal(want) {
		t.Errorf("active user, idle 1m30s: NextWake %s, want natural_break - idle = %s", got, want)
	}
	if _, err := e.Pause(now, Forever()); err != nil {
		t.Fatal(err)
	}
	if got := e.NextWake(now); !IsForever(got) {
		t.Errorf("paused forever: NextWake %s, want Forever", got)
	}
}

func TestInvalidConfigFallsBackToDefaults(t *testing.T) {
	now := Instant{Wall: edgeDay(t).Add(9 * time.Hour)}
	bad := Config{SittingLimit: -time.Minute, DND: "loud"} // zero and nonsense everywhere
	e := New(bad, now)
	c := e.Config()
	if errs := c.Validate(); len(errs) != 0 {
		t.Fatalf("engine runs on an invalid config: %v", errs)
	}
	if c.SittingLimit != 45*time.Minute || c.NaturalBreak != 5*time.Minute || c.MaxReminders != 3 || c.DND != DNDHold {
		t.Fatalf("fallbacks: %+v", c)
	}
	fx := e.Observe(now.Add(time.Minute), 0)
	if fx.To != Sitting {
		t.Fatalf("state %s, want sitting", fx.To)
	}
}

// TestTodayAfterClockSteps: stepping the wall clock into another day and
// back, either way, shows that day's counters there and today's again
// after the step back; nothing is zeroed for the rest of the day.
func TestTodayAfterClockSteps(t *testing.T) {
	day := edgeDay(t)
	s := newSim(t, DefaultConfig(), day.Add(9*time.Hour))
	s.replay(day, []step{
		{at: "09:00", want: Sitting},
		{at: "09:46", want: Due, events: []string{"09:45 reminded#1"}},
		{at: "09:47", do: "skip", want: Sitting, events: []string{"09:47 skipped"}},
	})
	want := s.e.Status(s.now).Today
	if want.Reminders != 1 || want.Skipped != 1 {
		t.Fatalf("today before the steps: %+v", want)
	}
	for _, tc := range []struct{ away, back, otherDate string }{
		{"-10h", "10h", "2026-11-25"}, // back across midnight and forward again
		{"25h", "-25h", "2026-11-27"},
		{"-25h", "25h", "2026-11-25"},
	} {
		s.do("step " + tc.away)
		if got := s.e.Status(s.now).Today; got.Date != tc.otherDate || got.Reminders != 0 || got.Skipped != 0 {
			t.Errorf("after step %s: today = %+v, want %s with nothing counted", tc.away, got, tc.otherDate)
		}
		s.do("step " + tc.back)
		got := s.e.Status(s.now).Today
		if got.Date != want.Date || got.Reminders != want.Reminders || got.Skipped != want.Skipped {
			t.Errorf("after step %s and %s: today = %+v, want %+v", tc.away, tc.back, got, want)
		}
	}
	s.replay(day, []step{{at: "10:33", want: Due, events: []string{"10:32 reminded#1"}}})
	if got := s.e.Status(s.now).Today; got.Reminders != 2 || got.Skipped != 1 {
		t.Errorf("later that day: today = %+v, want 2 reminders and 1 skip", got)
	}
}
