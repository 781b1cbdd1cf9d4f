package reminders

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Range is one span of working hours on a weekday, in minutes after local
// midnight. End may be 1440 ("24:00"). A range whose End is not after its
// Start crosses midnight: "22:00-02:00" on Sunday covers Sunday 22:00 to
// Monday 02:00.
type Range struct {
	Start, End int
}

// Crosses reports whether the range runs past midnight into the next day.
func (r Range) Crosses() bool { return r.End <= r.Start }

func (r Range) String() string {
	return fmt.Sprintf("%02d:%02d-%02d:%02d", r.Start/60, r.Start%60, r.End/60, r.End%60)
}

// ParseRange parses "HH:MM-HH:MM" (24-hour clock, end may be 24:00).
func ParseRange(s string) (Range, error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok {
		return Range{}, fmt.Errorf("%q is not a time range", s)
	}
	start, err := parseClock(a, false)
	if err != nil {
		return Range{}, fmt.Errorf("%q: %w", s, err)
	}
	end, err := parseClock(b, true)
	if err != nil {
		return Range{}, fmt.Errorf("%q: %w", s, err)
	}
	if start == end {
		return Range{}, fmt.Errorf("%q starts and ends at the same time", s)
	}
	return Range{Start: start, End: end}, nil
}

func parseClock(s string, allow24 bool) (int, error) {
	s = strings.TrimSpace(s)
	h, m, ok := strings.Cut(s, ":")
	if !ok || len(h) == 0 || len(h) > 2 || len(m) != 2 {
		return 0, fmt.Errorf("%q is not HH:MM", s)
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || mm < 0 || mm > 59 {
		return 0, fmt.Errorf("%q is not HH:MM", s)
	}
	if hh == 24 && mm == 0 && allow24 {
		return 1440, nil
	}
	if hh > 23 {
		return 0, fmt.Errorf("%q is not a time of day", s)
	}
	return hh*60 + mm, nil
}

// Schedule holds the working hours per weekday. The zero value is "always
// on". A weekday that was never set is on all day; a weekday set to no ranges
// is off all day.
type Schedule struct {
	days [7][]Range // indexed by time.Weekday
	set  [7]bool
}

// AlwaysOn reports whether every moment is inside working hours.
func (s Schedule) AlwaysOn() bool {
	for d := range s.set {
		if s.set[d] {
			return false
		}
	}
	return true
}

// SetDay sets the working hours of one weekday; no ranges means off all day.
func (s *Schedule) SetDay(d time.Weekday, ranges ...Range) {
	s.days[d] = append([]Range(nil), ranges...)
	s.set[d] = true
}

// Day returns the ranges of a weekday and whether the weekday was set
// (an unset weekday is on all day).
func (s Schedule) Day(d time.Weekday) ([]Range, bool) {
	return append([]Range(nil), s.days[d]...), s.set[d]
}

func minuteOfDay(t time.Time) int { return t.Hour()*60 + t.Minute() }

// wallTime is the instant the wall clock first reads min minutes after
// midnight on the given day. When a DST jump skips that reading (02:30 on a
// spring-forward day), time.Date picks an instant past the jump by the
// gap's length; the clock actually passes the reading at the jump itself.
func wallTime(y int, mo time.Month, day, min int, loc *time.Location) time.Time {
	t := time.Date(y, mo, day, min/60, min%60, 0, 0, loc)
	if minuteOfDay(t) != min%1440 {
		if start, _ := t.ZoneBounds(); !start.IsZero() {
			return start
		}
	}
	return t
}

// Active reports whether t falls inside working hours. It reads the wall
// clock fields of t in t's own Location, so a DST day behaves like any other.
func (s Schedule) Active(t time.Time) bool {
	wd := t.Weekday()
	if !s.set[wd] {
		return true
	}
	m := minuteOfDay(t)
	for _, r := range s.days[wd] {
		if r.Crosses() {
			if m >= r.Start {
				return true
			}
		} else if m >= r.Start && m < r.End {
			return true
		}
	}
	prev := (wd + 6) % 7
	if !s.set[prev] {
		// A day on all day ends at midnight; it does not spill over.
		return false
	}
	for _, r := range s.days[prev] {
		if r.Crosses() && m < r.End {
			return true
		}
	}
	return false
}

// boundaries lists every instant, from the day before t to eight days
// after, at which a range starts or ends or an all-day weekday begins or
// ends, sorted.
func (s Schedule) boundaries(t time.Time) []time.Time {
	y, mo, d := t.Date()
	loc := t.Location()
	var out []time.Time
	at := func(day, min int) time.Time { return wallTime(y, mo, day, min, loc) }
	for k := -1; k <= 8; k++ {
		day := d + k
		wd := at(day, 0).Weekday()
		out = append(out, at(day, 0))
		if !s.set[wd] {
			continue
		}
		for _, r := range s.days[wd] {
			out = append(out, at(day, r.Start))
			if r.Crosses() {
				out = append(out, at(day+1, r.End))
			} else {
				out = append(out, at(day, r.End))
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// NextChange returns the first instant after t at which Active changes, or
// the zero time if it does not change within the next week (always on, or
// off every day).
func (s Schedule) NextChange(t time.Time) time.Time {
	if s.AlwaysOn() {
		return time.Time{}
	}
	now := s.Active(t)
	for _, b := range s.boundaries(t) {
		if b.After(t) && s.Active(b) != now {
			return b
		}
	}
	return time.Time{}
}

// FirstStartAfterToday returns the start of the first working hours on a
// calendar day after t's: midnight of that day if it is on all day, else its
// earliest range start. It is the end of "pause until tomorrow". The zero
// time means no working hours within a week.
func (s Schedule) FirstStartAfterToday(t time.Time) time.Time {
	y, mo, d := t.Date()
	for k := 1; k <= 8; k++ {
		midnight := time.Date(y, mo, d+k, 0, 0, 0, 0, t.Location())
		wd := midnight.Weekday()
		if !s.set[wd] {
			return midnight
		}
		first := -1
		for _, r := range s.days[wd] {
			if first < 0 || r.Start < first {
				first = r.Start
			}
		}
		if first >= 0 {
			return wallTime(y, mo, d+k, first, t.Location())
		}
	}
	return time.Time{}
}
