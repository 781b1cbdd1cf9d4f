package reminders

import "time"

// recentDays is how many calendar days either side of the current one keep
// their counters. A wall clock stepped back across midnight, or a day or
// so either way, and then set right again must find today's counters as
// they were, not start them again from zero.
const recentDays = 2

// rollDay makes the calendar day of now the current one, putting the
// counters of the day left aside and taking up those of the day entered,
// which the engine may have counted before a clock step.
func (e *Engine) rollDay(now Instant) {
	d := dayOf(now.Wall)
	if d == e.day {
		return
	}
	if e.recent == nil {
		e.recent = map[civilDay]DayStats{}
	}
	e.recent[e.day] = e.today
	e.today = e.statsOf(d)
	e.day = d
	delete(e.recent, d)
	for c := range e.recent {
		if abs(c.daysTo(d)) > recentDays {
			delete(e.recent, c)
		}
	}
}

// statsOf returns the counters of day d: today's, those kept of a recent
// day, or empty ones.
func (e *Engine) statsOf(d civilDay) DayStats {
	if d == e.day {
		return e.today
	}
	if s, ok := e.recent[d]; ok {
		return s
	}
	return DayStats{Date: d.String()}
}

// RestoreToday rebuilds today's counters, and those of the recent days
// kept for clock steps, from history events (as read by ReadHistory) so
// they survive a daemon restart.
func (e *Engine) RestoreToday(events []Event) {
	for _, ev := range events {
		d := dayOf(ev.T.In(e.last.Wall.Location()))
		switch {
		case d == e.day:
			e.today.apply(ev)
		case abs(d.daysTo(e.day)) <= recentDays:
			if e.recent == nil {
				e.recent = map[civilDay]DayStats{}
			}
			s := e.statsOf(d)
			s.apply(ev)
			e.recent[d] = s
		}
	}
}

func (e *Engine) noteLongest(d time.Duration) {
	e.today.LongestSitting = max(e.today.LongestSitting, d)
}

// daysTo is the number of calendar days from c to d.
func (c civilDay) daysTo(d civilDay) int {
	noon := func(x civilDay) time.Time { return time.Date(x.y, x.m, x.d, 12, 0, 0, 0, time.UTC) }
	return int(noon(d).Sub(noon(c)).Round(24*time.Hour) / (24 * time.Hour))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
