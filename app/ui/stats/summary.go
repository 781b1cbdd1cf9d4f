package stats

import (
	"sort"
	"time"

	"github.com/limber-app/limber/reminders"
)

// today is what the "Today" panel shows.
type today struct {
	reminders.DayStats
	// Sat and Stood estimate the time spent sitting and standing today
	// (see sittingByDay, standingByDay).
	Sat, Stood time.Duration
	// Posture is set when the history has posture changes: the user works
	// at a standing desk, so the split between sitting and standing shows.
	Posture bool
	// Any is false when nothing was recorded today.
	Any bool
}

// dayPoint is one bar of the history charts.
type dayPoint struct {
	Day        time.Time // local midnight
	Breaks     int
	Longest    time.Duration
	Sat, Stood time.Duration // estimates, see sittingByDay and standingByDay
}

type routineCount struct {
	ID    string
	Count int
}

// sorted returns the events in time order (the file is in append order,
// which a clock change can disturb).
func sorted(events []reminders.Event) []reminders.Event {
	out := append([]reminders.Event(nil), events...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].T.Before(out[j].T) })
	return out
}

// endsStretch reports whether ev closes a sitting or standing stretch: the
// engine resets sitting and standing time after a natural break, a
// routine, a pause, a posture change (standing-desk mode), and when
// working hours end.
func endsStretch(ev reminders.Event) bool {
	switch ev.Event {
	case reminders.EventNaturalBreak, reminders.EventRoutine, reminders.EventPaused,
		reminders.EventStood, reminders.EventSat:
		return true
	case reminders.EventCleared:
		return ev.Reason == "outside_hours"
	}
	return false
}

// sittingByDay estimates sitting time per local day (YYYY-MM-DD in loc).
//
// The history records sitting time only at events, so the estimate is the
// sum, over sitting stretches, of the largest sitting time recorded in the
// stretch: a stretch ends at a natural break, a routine, a pause, standing
// up or the end of working hours (where the engine resets sitting time),
// and counts on the day it ended. The stretch still in progress counts up
// to its last recorded event (a reminder, say), so the figure is a lower
// bound.
func sittingByDay(events []reminders.Event, loc *time.Location) map[string]time.Duration {
	return stretchesByDay(events, loc, func(ev reminders.Event) int64 { return ev.SittingS })
}

// standingByDay estimates standing time per local day the way
// sittingByDay does sitting time, from the standing time recorded at
// events (standing_s): a standing stretch ends where a sitting one does,
// and when the user sits down.
func standingByDay(events []reminders.Event, loc *time.Location) map[string]time.Duration {
	return stretchesByDay(events, loc, func(ev reminders.Event) int64 { return ev.StandingS })
}

// stretchesByDay sums, per local day, the largest value of field in each
// stretch (see sittingByDay).
func stretchesByDay(events []reminders.Event, loc *time.Location, field func(reminders.Event) int64) map[string]time.Duration {
	out := map[string]time.Duration{}
	var open int64
	var openDay string
	for _, ev := range sorted(events) {
		day := ev.T.In(loc).Format(time.DateOnly)
		if ev.Event == reminders.EventResumed {
			open = 0 // sitting restarts from zero after a pause
			continue
		}
		open = max(open, field(ev))
		openDay = day
		if endsStretch(ev) {
			out[day] += time.Duration(open) * time.Second
			open = 0
		}
	}
	if open > 0 {
		out[openDay] += time.Duration(open) * time.Second
	}
	return out
}

func summarizeToday(events []reminders.Event, now time.Time) today {
	loc := now.Location()
	date := now.Format(time.DateOnly)
	t := today{DayStats: reminders.DayStats{Date: date}}
	for _, d := range reminders.Summarize(events, loc) {
		if d.Date == date {
			t.DayStats, t.Any = d, true
		}
	}
	t.Sat = sittingByDay(events, loc)[date]
	t.Stood = standingByDay(events, loc)[date]
	t.Posture = hasPosture(events)
	return t
}

// hasPosture reports whether the history records posture changes.
func hasPosture(events []reminders.Event) bool {
	for _, ev := range events {
		if ev.Event == reminders.EventStood || ev.Event == reminders.EventSat {
			return true
		}
	}
	return false
}

// lastDays returns n points, oldest first, ending with now's day.
func lastDays(events []reminders.Event, now time.Time, n int) []dayPoint {
	loc := now.Location()
	byDate := map[string]reminders.DayStats{}
	for _, d := range reminders.Summarize(events, loc) {
		byDate[d.Date] = d
	}
	sat, stood := sittingByDay(events, loc), standingByDay(events, loc)
	y, m, d := now.Date()
	out := make([]dayPoint, n)
	for i := range out {
		day := time.Date(y, m, d-(n-1-i), 0, 0, 0, 0, loc)
		date := day.Format(time.DateOnly)
		s := byDate[date]
		out[i] = dayPoint{Day: day, Breaks: s.Breaks, Longest: s.LongestSitting, Sat: sat[date], Stood: stood[date]}
	}
	return out
}

// topRoutines counts completed routines by ID, most done first (ties by
// ID), at most n.
func topRoutines(events []reminders.Event, n int) []routineCount {
	counts := map[string]int{}
	for _, ev := range events {
		if ev.Event == reminders.EventRoutine && ev.Routine != "" && ev.Completed != nil && *ev.Completed {
			counts[ev.Routine]++
		}
	}
	out := make([]routineCount, 0, len(counts))
	for id, c := range counts {
		out = append(out, routineCount{id, c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].ID < out[j].ID
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}
