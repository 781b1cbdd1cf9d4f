package reminders

import (
	"testing"
	"time"
)

// TestReplayWorkDay replays a scripted Wednesday with default timings and
// working hours 09:00-12:30, 13:30-18:00, asserting every reminder, break
// and state along the way.
func TestReplayWorkDay(t *testing.T) {
	loc := berlin(t)
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, loc) // a Wednesday
	cfg := DefaultConfig()
	cfg.Schedule = weekdays("09:00-12:30", "13:30-18:00")
	s := newSim(t, cfg, day.Add(8*time.Hour+50*time.Minute))
	s.replay(day, workDayScript)
	st := s.e.Status(s.now)
	if want := time.Date(2026, 11, 26, 9, 0, 0, 0, loc); !st.PausedUntil.Equal(want) {
		t.Errorf("PausedUntil = %s, want %s", st.PausedUntil, want)
	}
	want := DayStats{Date: "2026-11-25", Breaks: 3, NaturalBreaks: 2, Routines: 1, RoutinesCompleted: 1,
		Skipped: 1, Snoozed: 3, Reminders: 10, LongestSitting: 80 * time.Minute,
		// 62 + 80 + 50 + 20 + 56 + 4 + 50 minutes, the stretches ended by the
		// break at 10:07, the skip, the end of the morning hours, the
		// routine, the pause, the suspend and the evening pause.
		Sitting: 322 * time.Minute}
	if st.Today != want {
		t.Errorf("today = %+v\nwant    %+v", st.Today, want)
	}
	// The counters rebuilt from history match the live ones.
	restored := New(cfg, s.now)
	restored.RestoreToday(s.all)
	if got := restored.Status(s.now).Today; got != want {
		t.Errorf("restored today = %+v\nwant            %+v", got, want)
	}
	if s.wakes > 200 {
		t.Errorf("%d wake-ups for a work day; NextWake should let the daemon sleep", s.wakes)
	}
}

// workDayScript is a Wednesday with default timings and working hours
// 09:00-12:30, 13:30-18:00, starting 08:50.
var workDayScript = []step{
	{at: "08:50", want: OutsideHours},
	{at: "09:00", want: Sitting},
	{at: "09:44", want: Sitting},
	// 45 minutes: remind, then every 5 minutes, 3 times at most.
	{at: "09:58", want: Due, events: []string{"09:45 reminded#1", "09:50 reminded#2", "09:55 reminded#3"}},
	{at: "10:02", do: "leave", want: Due},
	// Idle for natural_break: a natural break ends the due period.
	{at: "10:08", want: Away, events: []string{"10:07 natural_break/idle"}},
	{at: "10:20", do: "return", want: Sitting},
	{at: "11:04", want: Sitting},
	{at: "11:05", want: Due, events: []string{"11:05 reminded#1"}},
	{at: "11:06", do: "snooze", want: Sitting, events: []string{"11:06 snoozed"}},
	{at: "11:17", do: "snooze", want: Sitting, events: []string{"11:16 reminded#1", "11:17 snoozed"}},
	{at: "11:28", do: "snooze", want: Sitting, events: []string{"11:27 reminded#1", "11:28 snoozed"}},
	{at: "11:39", do: "snooze", want: Due, events: []string{"11:38 reminded#1"}, err: "snooze limit"},
	{at: "11:40", do: "skip", want: Sitting, events: []string{"11:40 skipped"}},
	// Lunch: working hours end while due.
	{at: "12:31", want: OutsideHours, events: []string{"12:25 reminded#1", "12:30 cleared/outside_hours"}},
	{at: "13:30", want: Sitting},
	{at: "13:40", do: "lock", want: Away},
	{at: "13:43", do: "unlock", want: Sitting}, // a short lock counts as sitting
	{at: "13:50", do: "routine start", want: InRoutine},
	{at: "13:55", do: "routine done", want: Sitting, events: []string{"13:55 routine"}},
	{at: "14:00", do: "dnd on", want: Sitting},
	{at: "14:45", want: Due}, // held by do-not-disturb
	{at: "14:50", do: "dnd off", want: Due, events: []string{"14:50 reminded#1"}},
	{at: "14:51", do: "pause 30m", want: Paused, events: []string{"14:51 paused"}},
	{at: "15:22", want: Sitting, events: []string{"15:21 resumed/expired"}},
	{at: "15:25", do: "sleep", want: Away},
	{at: "16:10", do: "wake", want: Sitting, events: []string{"16:10 natural_break/away"}},
	{at: "16:55", want: Due, events: []string{"16:55 reminded#1"}},
	{at: "17:00", do: "pause tomorrow", want: Paused, events: []string{"17:00 paused"}},
	{at: "23:59", want: Paused},
}
