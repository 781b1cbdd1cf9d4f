package reminders

import (
	"fmt"
	"testing"
	"time"
)

// TestReplayWeek replays Monday 2026-10-19 to Monday 2026-10-26 in
// Europe/Berlin: five work days, a weekend off (the user even sits at the
// computer on Saturday), and the end of summer time on Sunday 25 October.
func TestReplayWeek(t *testing.T) {
	loc := berlin(t)
	cfg := DefaultConfig()
	cfg.Schedule = weekdays("09:00-17:00")
	start := time.Date(2026, 10, 19, 8, 0, 0, 0, loc)
	s := newSim(t, cfg, start)
	s.awayAt = new(time.Duration) // not at the desk before 09:00
	*s.awayAt = s.now.Mono
	workDay := []step{
		{at: "08:30", want: OutsideHours},
		{at: "09:00", do: "return", want: Sitting},
		{at: "10:00", want: Due, events: []string{"09:45 reminded#1", "09:50 reminded#2", "09:55 reminded#3"}},
		{at: "12:00", do: "leave", want: Due},
		{at: "12:45", do: "return", want: Sitting, events: []string{"12:05 natural_break/idle"}},
		{at: "13:45", want: Due, events: []string{"13:30 reminded#1", "13:35 reminded#2", "13:40 reminded#3"}},
		{at: "17:00", want: OutsideHours, events: []string{"17:00 cleared/outside_hours"}},
		{at: "17:01", do: "leave", want: OutsideHours},
		{at: "23:00", want: OutsideHours},
	}
	weekend := []step{
		{at: "10:00", do: "return", want: OutsideHours},
		{at: "11:30", do: "leave", want: OutsideHours},
		{at: "23:00", want: OutsideHours},
	}
	for d := 0; d < 8; d++ {
		day := time.Date(2026, 10, 19+d, 0, 0, 0, 0, loc)
		t.Run(fmt.Sprintf("%s %s", day.Format("2006-01-02"), day.Weekday()), func(t *testing.T) {
			s.t = t
			script := workDay
			if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
				script = weekend
			}
			s.replay(day, script)
			st := s.e.Status(s.now)
			if st.State == OutsideHours {
				want := time.Date(2026, 10, 19+d+1, 9, 0, 0, 0, loc)
				for want.Weekday() == time.Saturday || want.Weekday() == time.Sunday {
					want = want.AddDate(0, 0, 1)
				}
				if !st.ResumesAt.Equal(want) {
					t.Errorf("ResumesAt = %s, want %s", st.ResumesAt, want)
				}
			}
		})
	}
	if t.Failed() {
		return
	}
	days := Summarize(s.all, loc)
	if len(days) != 6 { // five work days and Monday 26th
		t.Fatalf("history covers %d days, want 6: %+v", len(days), days)
	}
	for _, d := range days {
		if d.Reminders != 6 || d.NaturalBreaks != 1 || d.LongestSitting != 4*time.Hour+15*time.Minute {
			t.Errorf("%s: %+v, want 6 reminders, 1 natural break, longest 4h15m (the afternoon)", d.Date, d)
		}
	}
}

// TestDSTWorkingHours checks that a range is read on the wall clock on the
// days summer time starts and ends, while sitting is measured in real time.
func TestDSTWorkingHours(t *testing.T) {
	loc := berlin(t)
	for _, tc := range []struct {
		date    time.Time
		sitting time.Duration // real time between 01:00 and 04:00
	}{
		{time.Date(2026, 10, 25, 0, 0, 0, 0, loc), 4 * time.Hour}, // 02:00-03:00 happens twice
		{time.Date(2026, 3, 29, 0, 0, 0, 0, loc), 2 * time.Hour},  // 02:00-03:00 does not exist
	} {
		t.Run(tc.date.Format("2006-01-02"), func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.SittingLimit = 12 * time.Hour
			cfg.Schedule.SetDay(time.Sunday, Range{Start: 60, End: 240})
			s := newSim(t, cfg, tc.date.Add(30*time.Minute))
			s.replay(tc.date, []step{
				{at: "00:30", want: OutsideHours},
				{at: "01:00", want: Sitting},
				{at: "03:59", want: Sitting},
				{at: "04:00", want: OutsideHours},
			})
			if got := s.e.Status(s.now).Today.LongestSitting; got != tc.sitting {
				t.Errorf("sat %s between 01:00 and 04:00, want %s", got, tc.sitting)
			}
		})
	}
}
