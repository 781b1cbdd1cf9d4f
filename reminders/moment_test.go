package reminders

import (
	"slices"
	"testing"
	"time"
)

// momentDay is the day the hold and lull tests replay.
func momentDay(t *testing.T) time.Time {
	return time.Date(2026, 11, 25, 0, 0, 0, 0, berlin(t))
}

// TestHolds replays holds: a meeting, do-not-disturb, a full-screen
// window, several at once, max_hold and meetings = "ignore". The Remind of
// a held reminder says what held it, for how long and how late it is.
func TestHolds(t *testing.T) {
	for _, tc := range []struct {
		name   string
		cfg    func(*Config)
		script []step
		want   []Remind // the reminders' hold fields, in order
	}{
		{
			name: "a meeting holds the reminder until it ends",
			script: []step{
				{at: "09:30", do: "hold meeting on", want: Sitting},
				{at: "10:00", want: Due},
				{at: "10:20", do: "hold meeting off", want: Due, events: []string{"10:20 reminded#1"}},
			},
			want: []Remind{{Sitting: 80 * time.Minute, Count: 1, LateBy: 35 * time.Minute, HeldBy: []HoldReason{HoldMeeting}, HoldLasted: 50 * time.Minute}},
		},
		{
			name: "meetings = ignore does not hold",
			cfg:  func(c *Config) { c.Meetings = DNDIgnore },
			script: []step{
				{at: "09:30", do: "hold meeting on", want: Sitting},
				{at: "09:46", want: Due, events: []string{"09:45 reminded#1"}},
			},
			want: []Remind{{Sitting: 45 * time.Minute, Count: 1}},
		},
		{
			name: "the last of several holds releases it",
			script: []step{
				{at: "09:40", do: "hold fullscreen on", want: Sitting},
				{at: "09:50", do: "dnd on", want: Due},
				{at: "10:00", do: "hold fullscreen off", want: Due},
				{at: "10:10", do: "dnd off", want: Due, events: []string{"10:10 reminded#1"}},
			},
			want: []Remind{{Sitting: 70 * time.Minute, Count: 1, LateBy: 25 * time.Minute, HeldBy: []HoldReason{HoldDND, HoldFullscreen}, HoldLasted: 30 * time.Minute}},
		},
		{
			name: "never held forever: max_hold, then held again",
			cfg:  func(c *Config) { c.MaxHold = time.Hour },
			script: []step{
				{at: "09:40", do: "dnd on", want: Sitting},
				{at: "10:44", want: Due},
				{at: "10:46", want: Due, events: []string{"10:45 reminded#1"}},
				// The repeat at 10:50 is held again, and released with DND.
				{at: "11:00", do: "dnd off", want: Due, events: []string{"11:00 reminded#2"}},
			},
			want: []Remind{
				{Sitting: 105 * time.Minute, Count: 1, LateBy: time.Hour, HeldBy: []HoldReason{HoldDND}, HoldLasted: 65 * time.Minute, HoldCapped: true},
				{Sitting: 120 * time.Minute, Count: 2, LateBy: 10 * time.Minute, HeldBy: []HoldReason{HoldDND}, HoldLasted: 80 * time.Minute},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig()
			if tc.cfg != nil {
				tc.cfg(&cfg)
			}
			s := newSim(t, cfg, momentDay(t).Add(9*time.Hour))
			s.replay(momentDay(t), tc.script)
			if len(s.reminds) != len(tc.want) {
				t.Fatalf("%d reminders, want %d: %+v", len(s.reminds), len(tc.want), s.reminds)
			}
			for i, w := range tc.want {
				if got := s.reminds[i]; got.Sitting != w.Sitting || got.Count != w.Count || got.LateBy != w.LateBy ||
					!slices.Equal(got.HeldBy, w.HeldBy) || got.HoldLasted != w.HoldLasted || got.HoldCapped != w.HoldCapped {
					t.Errorf("reminder %d = %+v\nwant         %+v", i, got, w)
				}
			}
		})
	}
}

// TestHeldStatus: Status names the holds while a reminder is held, and
// NextWake waits for max_hold rather than polling.
func TestHeldStatus(t *testing.T) {
	s := newSim(t, DefaultConfig(), momentDay(t).Add(9*time.Hour))
	s.replay(momentDay(t), []step{
		{at: "09:30", do: "hold meeting on", want: Sitting},
		{at: "09:31", do: "dnd on", want: Sitting},
		{at: "09:50", want: Due},
	})
	st := s.e.Status(s.now)
	if !st.Held || !slices.Equal(st.HeldBy, []HoldReason{HoldDND, HoldMeeting}) {
		t.Errorf("held %v by %v", st.Held, st.HeldBy)
	}
	if nw, want := s.e.NextWake(s.now), s.now.Wall.Add(85*time.Minute); nw.After(want) {
		t.Errorf("NextWake %s, want by %s (max_hold)", nw.Format(time.TimeOnly), want.Format(time.TimeOnly))
	}
	s.do("hold meeting off")
	if st := s.e.Status(s.now); !st.Held || !slices.Equal(st.HeldBy, []HoldReason{HoldDND, HoldMeeting}) {
		t.Errorf("after the meeting: held %v by %v (every hold that held it)", st.Held, st.HeldBy)
	}
}

// TestLull replays typing-aware delivery with a polled presence source and
// with pushed events: a reminder that falls due while the user types waits
// for the first lull, at most lull_wait; the due time and sitting time do
// not move.
func TestLull(t *testing.T) {
	for _, tc := range []struct {
		name   string
		pushed bool
		script []step
		late   []time.Duration // each reminder's LateBy
		wakes  int             // at most
	}{
		{
			name: "polled: the first lull releases it",
			script: []step{
				{at: "09:46", want: Due}, // typing since 09:00
				{at: "09:46:30", do: "leave", want: Due},
				{at: "09:47", do: "return", want: Due, events: []string{"09:46 reminded#1"}},
			},
			// Readings every LullPoll: 09:46:31 finds idle 1s, 09:46:36 a lull.
			late: []time.Duration{time.Minute + 36*time.Second}, wakes: 30,
		},
		{
			name: "polled: typing through, shown after lull_wait",
			script: []step{
				{at: "09:46", want: Due},
				{at: "09:48", want: Due, events: []string{"09:47 reminded#1"}},
				// The repeat counts from the reminder shown, and waits too.
				{at: "09:55", want: Due, events: []string{"09:54 reminded#2"}},
			},
			late: []time.Duration{2 * time.Minute, 2 * time.Minute}, wakes: 70,
		},
		{
			name: "polled: idle at the due moment, shown at once",
			script: []step{
				{at: "09:44", do: "leave", want: Sitting},
				{at: "09:46", do: "return", want: Due, events: []string{"09:45 reminded#1"}},
			},
			late: []time.Duration{0}, wakes: 15,
		},
		{
			name:   "pushed: the idle watch at lull releases it, and is no absence",
			pushed: true,
			script: []step{
				{at: "09:00", do: "return", want: Sitting},
				{at: "09:46", want: Due},
				{at: "09:46:30", do: "leave", want: Due},
				{at: "09:47", do: "return", want: Due, events: []string{"09:46 reminded#1"}},
				{at: "09:51", want: Due},
			},
			// The idle watch fires at 09:46:33, lull after the last input.
			late: []time.Duration{time.Minute + 33*time.Second}, wakes: 10,
		},
		{
			name:   "pushed: typing through, shown after lull_wait",
			pushed: true,
			script: []step{
				{at: "09:00", do: "return", want: Sitting},
				{at: "09:48", want: Due, events: []string{"09:47 reminded#1"}},
			},
			late: []time.Duration{2 * time.Minute}, wakes: 5,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := momentDay(t).Add(9 * time.Hour)
			s := newSim(t, DefaultConfig(), start)
			if tc.pushed {
				s = newPushedSim(t, DefaultConfig(), start)
			}
			s.e.SetTypingAware(true)
			s.replay(momentDay(t), tc.script)
			if len(s.reminds) != len(tc.late) {
				t.Fatalf("%d reminders, want %d", len(s.reminds), len(tc.late))
			}
			for i, r := range s.reminds {
				if r.LateBy != tc.late[i] || r.HeldBy != nil {
					t.Errorf("reminder %d late by %v (held by %v), want %v", i, r.LateBy, r.HeldBy, tc.late[i])
				}
				// Sitting time is not held back: it is the time sat when shown.
				if want := 45*time.Minute + r.LateBy; i == 0 && r.Sitting != want {
					t.Errorf("reminder %d: sitting %v, want %v", i, r.Sitting, want)
				}
			}
			if s.wakes > tc.wakes {
				t.Errorf("%d wake-ups, want at most %d", s.wakes, tc.wakes)
			}
		})
	}
}

// TestLullAfterHold: a reminder released by the end of a hold still waits
// for a lull, and its lateness counts both.
func TestLullAfterHold(t *testing.T) {
	s := newSim(t, DefaultConfig(), momentDay(t).Add(9*time.Hour))
	s.e.SetTypingAware(true)
	s.replay(momentDay(t), []step{
		{at: "09:30", do: "hold meeting on", want: Sitting},
		{at: "10:00", do: "hold meeting off", want: Due},
		{at: "10:03", want: Due, events: []string{"10:02 reminded#1"}},
	})
	if len(s.reminds) != 1 || s.reminds[0].LateBy != 17*time.Minute || s.reminds[0].HoldLasted != 30*time.Minute {
		t.Errorf("reminds = %+v", s.reminds)
	}
}
