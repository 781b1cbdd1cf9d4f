package reminders

import (
	"testing"
	"time"
)

// TestReplayStandingDay replays a day at a standing desk with
// standing_limit = 30m: reminders to stand and to sit, posture changes, a
// natural break that puts the user back to sitting, a pause while
// standing, and the day's sitting and standing time rebuilt from history.
func TestReplayStandingDay(t *testing.T) {
	loc := berlin(t)
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, loc)
	cfg := DefaultConfig()
	cfg.StandingLimit = 30 * time.Minute
	s := newSim(t, cfg, day.Add(9*time.Hour))
	s.replay(day, []step{
		{at: "09:00", want: Sitting},
		{at: "09:46", do: "stand", want: Sitting, events: []string{"09:45 reminded#1", "09:46 stood"}},
		{at: "10:15", want: Sitting}, // standing: no reminder to stand
		{at: "10:17", want: Due, events: []string{"10:16 reminded#1@standing"}},
		{at: "10:22", do: "sit", want: Sitting, events: []string{"10:21 reminded#2@standing", "10:22 sat"}},
		{at: "10:30", do: "stand", want: Sitting, events: []string{"10:30 stood"}},
		{at: "10:30", do: "stand", want: Sitting}, // already standing: nothing
		{at: "10:40", do: "leave", want: Sitting},
		// The natural break ends the standing stretch and, with the default
		// posture_after_break, puts the user back to sitting.
		{at: "10:46", want: Away, events: []string{"10:45 natural_break/idle", "10:45 sat/break"}},
		{at: "11:00", do: "return", want: Sitting},
		{at: "11:50", do: "stand", want: Sitting, events: []string{"11:45 reminded#1", "11:50 stood"}},
		{at: "12:00", do: "pause 30m", want: Paused, events: []string{"12:00 paused"}},
		// The posture is kept through the pause; the standing stretch restarts.
		{at: "12:31", want: Sitting, events: []string{"12:30 resumed/expired"}},
		{at: "13:05", do: "sit", want: Sitting, events: []string{"13:00 reminded#1@standing", "13:05 sat"}},
		{at: "13:05", do: "sit", want: Sitting},
	})
	for i, r := range s.reminds {
		want := PostureSitting
		if i == 1 || i == 2 || i == 4 {
			want = PostureStanding
		}
		if r.Posture != want {
			t.Errorf("reminder %d: posture %s, want %s", i, r.Posture, want)
		}
	}
	if r := s.reminds[1]; r.Standing != 30*time.Minute || r.Sitting != 0 {
		t.Errorf("reminder to sit: standing %v sitting %v, want 30m and 0", r.Standing, r.Sitting)
	}
	st := s.e.Status(s.now)
	// Sitting 46 + 8 + 50 minutes (ended by standing up); standing 36 + 10
	// (ended by the break) + 10 (by the pause) + 35 minutes.
	want := DayStats{Date: "2026-11-25", Breaks: 1, NaturalBreaks: 1, Reminders: 5, LongestSitting: 50 * time.Minute,
		Sitting: 104 * time.Minute, Standing: 91 * time.Minute}
	if st.Today != want {
		t.Errorf("today = %+v\nwant    %+v", st.Today, want)
	}
	restored := New(cfg, s.now)
	restored.RestoreToday(s.all)
	if got := restored.Status(s.now).Today; got != want {
		t.Errorf("restored today = %+v\nwant            %+v", got, want)
	}
}

// TestStandingStatus checks Status while standing: sitting time does not
// grow, standing time does, and today's totals include the stretch in
// progress.
func TestStandingStatus(t *testing.T) {
	loc := berlin(t)
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, loc)
	s := newSim(t, DefaultConfig(), day.Add(9*time.Hour))
	s.replay(day, []step{
		{at: "09:20", do: "stand", want: Sitting, events: []string{"09:20 stood"}},
		{at: "10:40", want: Sitting}, // standing_limit is off: no reminder
	})
	st := s.e.Status(s.now.Add(30 * time.Second))
	if !st.Standing || st.StandingTime != 80*time.Minute+30*time.Second || st.Sitting != 0 || st.HasNextReminder {
		t.Errorf("status = %+v", st)
	}
	if st.Today.Sitting != 20*time.Minute || st.Today.Standing != st.StandingTime {
		t.Errorf("today sitting %v standing %v", st.Today.Sitting, st.Today.Standing)
	}
}

// TestPostureAfterBreakKeep: with posture_after_break = "keep" the user
// stands on after a natural break, and the standing stretch restarts.
func TestPostureAfterBreakKeep(t *testing.T) {
	loc := berlin(t)
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, loc)
	cfg := DefaultConfig()
	cfg.PostureAfterBreak = AfterBreakKeep
	cfg.StandingLimit = 30 * time.Minute
	s := newSim(t, cfg, day.Add(9*time.Hour))
	s.replay(day, []step{
		{at: "09:00", do: "stand", want: Sitting, events: []string{"09:00 stood"}},
		{at: "09:20", do: "leave", want: Sitting},
		{at: "09:30", do: "return", want: Sitting, events: []string{"09:25 natural_break/idle"}},
		{at: "10:01", want: Due, events: []string{"10:00 reminded#1@standing"}},
		{at: "10:02", do: "snooze", want: Sitting, events: []string{"10:02 snoozed"}},
		{at: "10:13", do: "skip", want: Sitting, events: []string{"10:12 reminded#1@standing", "10:13 skipped"}},
	})
	if st := s.e.Status(s.now); !st.Standing || st.StandingTime != 0 {
		t.Errorf("after skip: standing %v for %v, want standing, a fresh stretch", st.Standing, st.StandingTime)
	}
	if got := s.all[1]; got.StandingS != 20*60 || got.SittingS != 0 {
		t.Errorf("natural break recorded sitting %d standing %d, want 0 and 1200", got.SittingS, got.StandingS)
	}
}
