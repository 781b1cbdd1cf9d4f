package reminders

import (
	"testing"
	"time"
)

func TestScheduleActiveAndNextChange(t *testing.T) {
	loc := berlin(t)
	var s Schedule
	s.SetDay(time.Monday, Range{9 * 60, 12*60 + 30}, Range{13*60 + 30, 18 * 60})
	s.SetDay(time.Saturday)                    // off
	s.SetDay(time.Sunday, Range{22 * 60, 120}) // Sunday 22:00 to Monday 02:00
	// Tuesday..Friday unset: on all day.
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, loc) } // 23rd is a Monday
	for _, tc := range []struct {
		t      time.Time
		active bool
		next   time.Time
	}{
		{at(23, 8, 59), false, at(23, 9, 0)},
		{at(23, 9, 0), true, at(23, 12, 30)},
		{at(23, 12, 30), false, at(23, 13, 30)},
		{at(23, 17, 59), true, at(23, 18, 0)},
		{at(23, 18, 0), false, at(24, 0, 0)},   // Tuesday is on all day
		{at(24, 15, 0), true, at(28, 0, 0)},    // ... through Friday; Saturday off
		{at(28, 12, 0), false, at(29, 22, 0)},  // Sunday evening
		{at(29, 23, 0), true, at(30, 2, 0)},    // crosses midnight into Monday
		{at(30, 1, 59), true, at(30, 2, 0)},    // Monday early, from Sunday's range
		{at(30, 2, 0), false, at(30, 9, 0)},    // then Monday's own hours
		{at(22, 0, 30), false, at(22, 22, 0)},  // Sunday before its evening range
		{at(21, 23, 59), false, at(22, 22, 0)}, // Saturday off
		{at(27, 23, 59), true, at(28, 0, 0)},   // Friday on all day does not spill into Saturday
	} {
		if got := s.Active(tc.t); got != tc.active {
			t.Errorf("Active(%s %s) = %v, want %v", tc.t.Weekday(), tc.t.Format("01-02 15:04"), got, tc.active)
		}
		if got := s.NextChange(tc.t); !got.Equal(tc.next) {
			t.Errorf("NextChange(%s %s) = %s, want %s", tc.t.Weekday(), tc.t.Format("01-02 15:04"), got.Format("Mon 01-02 15:04"), tc.next.Format("Mon 01-02 15:04"))
		}
	}
}

func TestScheduleAlwaysAndNever(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	var always Schedule
	if !always.Active(now) || !always.NextChange(now).IsZero() {
		t.Errorf("zero Schedule must be always on with no changes")
	}
	if got, want := always.FirstStartAfterToday(now), time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("always on: tomorrow starts %s, want %s", got, want)
	}
	var never Schedule
	for d := time.Sunday; d <= time.Saturday; d++ {
		never.SetDay(d)
	}
	if never.Active(now) || !never.NextChange(now).IsZero() || !never.FirstStartAfterToday(now).IsZero() {
		t.Errorf("a schedule off every day must never be active")
	}
}

func TestFirstStartAfterToday(t *testing.T) {
	loc := berlin(t)
	s := weekdays("13:00-17:00", "08:30-12:00")
	for _, tc := range []struct{ now, want time.Time }{
		{time.Date(2026, 11, 25, 17, 0, 0, 0, loc), time.Date(2026, 11, 26, 8, 30, 0, 0, loc)}, // Wed → Thu
		{time.Date(2026, 11, 27, 17, 0, 0, 0, loc), time.Date(2026, 11, 30, 8, 30, 0, 0, loc)}, // Fri → Mon
		{time.Date(2026, 11, 28, 1, 0, 0, 0, loc), time.Date(2026, 11, 30, 8, 30, 0, 0, loc)},  // Sat → Mon
	} {
		if got := s.FirstStartAfterToday(tc.now); !got.Equal(tc.want) {
			t.Errorf("FirstStartAfterToday(%s) = %s, want %s", tc.now, got, tc.want)
		}
	}
}

func TestScheduleDSTNonexistentStart(t *testing.T) {
	loc := berlin(t)
	var s Schedule
	s.SetDay(time.Sunday, Range{2*60 + 30, 5 * 60}) // 02:30 does not exist on 2026-03-29
	before := time.Date(2026, 3, 29, 1, 0, 0, 0, loc)
	got := s.NextChange(before)
	if want := time.Date(2026, 3, 29, 3, 0, 0, 0, loc); !got.Equal(want) {
		t.Errorf("NextChange over the spring gap = %s, want %s", got, want)
	}
}

func TestParseRange(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Range
		ok   bool
	}{
		{"09:00-17:30", Range{540, 1050}, true},
		{" 9:05 - 24:00 ", Range{545, 1440}, true},
		{"22:00-02:00", Range{1320, 120}, true},
		{"00:00-24:00", Range{0, 1440}, true},
		{"24:00-01:00", Range{}, false},
		{"25:00-26:00", Range{}, false},
		{"09:60-10:00", Range{}, false},
		{"0900-1000", Range{}, false},
		{"09:00", Range{}, false},
		{"10:00-10:00", Range{}, false},
		{"-", Range{}, false},
		{"", Range{}, false},
	} {
		got, err := ParseRange(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseRange(%q) = %v, %v; want %v ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
	if r := (Range{1320, 120}); r.String() != "22:00-02:00" || !r.Crosses() {
		t.Errorf("Range.String/Crosses wrong for %v", r)
	}
}
