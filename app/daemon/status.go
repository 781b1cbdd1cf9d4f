package daemon

import (
	"time"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/tray"
	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/reminders/idle"
)

// This file is the daemon's presentation: what the tray, its status line
// and `limber status --json` show. Each is a pure function of the engine's
// status, the wall clock and a few facts, so it is tested without a daemon.

// statusFacts are what the status shows besides the engine's state.
type statusFacts struct {
	IdleSource    string   // name of the activity source
	IdleEvents    bool     // the source's presence events are watched
	IdleNote      string   // why natural breaks cannot be seen, if they cannot
	ConfigErrors  []string // the config's problems
	RoutineErrors []string // routine files that were skipped
	HistoryError  string   // why history is not being recorded, if it is not
}

// trayView is the tray's look: icon, status line, Pause or Resume, and
// whether Snooze can be clicked and why not. blind means no idle source
// sees natural breaks.
func trayView(st reminders.Status, now time.Time, blind bool) tray.View {
	v := tray.View{Line: statusLine(st, now, blind), Tip: tipLine(st, now, blind), Icon: "normal", Standing: st.Standing}
	switch st.State {
	case reminders.Due:
		v.Icon = "due"
	case reminders.Paused:
		v.Icon, v.Paused = "paused", true
	case reminders.Away, reminders.OutsideHours:
		v.Icon = "away"
	}
	// Only a due break can be snoozed (the engine refuses otherwise); a
	// greyed Snooze says when the limit, not the state, is the reason.
	v.CanSnooze = st.State == reminders.Due && st.SnoozesLeft > 0
	v.SnoozeLimit = st.State == reminders.Due && st.SnoozesLeft <= 0
	return v
}

// statusLine is the one-line summary shown in the tray and by `limber
// status`.
func statusLine(st reminders.Status, now time.Time, blind bool) string {
	var line string
	switch st.State {
	case reminders.Sitting, reminders.Due:
		line = presentLine(st)
	case reminders.Paused:
		line = pausedLine(st.PausedUntil, now)
	case reminders.OutsideHours:
		line = outsideHoursLine(st.ResumesAt, now)
	case reminders.Away:
		line = i18n.T("status.away")
	case reminders.InRoutine:
		line = i18n.T("status.in-routine")
	default:
		line = st.State.String()
	}
	if blind && (st.State == reminders.Sitting || st.State == reminders.Due) {
		line += " · " + i18n.T("status.blind")
	}
	return line
}

// tipLine is the tray's tooltip and title. While the user is at the desk
// it says the same as the status line in clock times instead of minutes
// ("Sitting since 10:05 · break at 10:50"), so it changes only when the
// state does and publishing it costs no wakeups while the user sits; in
// the other states it is the status line, which has no minutes.
func tipLine(st reminders.Status, now time.Time, blind bool) string {
	var line string
	switch {
	case st.State == reminders.Due && st.Standing:
		line = i18n.T("status.due-sit-now")
	case st.State == reminders.Due:
		line = i18n.T("status.due-now")
	case st.State == reminders.Sitting && st.Standing:
		line = i18n.F("status.standing-since", i18n.Args{"Time": clock(now.Add(-st.StandingTime))})
	case st.State == reminders.Sitting:
		line = i18n.F("status.sitting-since", i18n.Args{"Time": clock(now.Add(-st.Sitting))})
	default:
		return statusLine(st, now, blind)
	}
	if st.Held {
		line += " · " + i18n.T("status.held")
	}
	if st.State == reminders.Sitting && st.HasNextReminder {
		line += " · " + i18n.F("status.break-at", i18n.Args{"Time": clock(now.Add(st.NextReminder))})
	}
	if blind {
		line += " · " + i18n.T("status.blind")
	}
	return line
}

// clock is a time of day as the tray shows it: the minute it falls in (a
// reminder due at 10:49:40 comes "at 10:49").
func clock(t time.Time) string { return t.Format("15:04") }

// presentLine is the status line while the user is at the desk: sitting
// or standing time, and when the next break is, or that one is due.
func presentLine(st reminders.Status) string {
	key, d := "status.sitting", st.Sitting
	if st.Standing {
		key, d = "status.standing", st.StandingTime
	}
	if st.State == reminders.Due {
		key = map[bool]string{false: "status.due", true: "status.due-standing"}[st.Standing]
		line := i18n.F(key, i18n.Args{"Minutes": minutes(d)})
		if st.Held {
			line += " · " + i18n.T("status.held")
		}
		return line
	}
	line := i18n.F(key, i18n.Args{"Minutes": minutes(d)})
	if st.HasNextReminder {
		line += " · " + i18n.F("status.break-in", i18n.Args{"Minutes": minutes(st.NextReminder + time.Minute - time.Second)})
	}
	return line
}

// minutes counts whole minutes, rounding down.
func minutes(d time.Duration) int { return int(d / time.Minute) }

// pausedLine says until when reminders are paused: a clock time today,
// else a day and time.
func pausedLine(until, now time.Time) string {
	switch {
	case reminders.IsForever(until):
		return i18n.T("status.paused-forever")
	case isToday(until, now):
		return i18n.F("status.paused-until", i18n.Args{"Time": until.Format("15:04")})
	default:
		return i18n.F("status.paused-until-day", i18n.Args{"DayTime": i18n.DayTime(until)})
	}
}

// outsideHoursLine says that the working hours are over, and when they
// start again if known.
func outsideHoursLine(resumes, now time.Time) string {
	line := i18n.T("status.outside-hours")
	switch {
	case resumes.IsZero() || reminders.IsForever(resumes):
	case isToday(resumes, now):
		line += " · " + i18n.F("status.back-at", i18n.Args{"Time": resumes.Format("15:04")})
	default:
		line += " · " + i18n.F("status.back-on", i18n.Args{"DayTime": i18n.DayTime(resumes)})
	}
	return line
}

// isToday reports whether t falls on the calendar day of now, both read in
// t's zone, so a line can give just a clock time for it.
func isToday(t, now time.Time) bool {
	ty, tm, td := t.Date()
	ny, nm, nd := now.In(t.Location()).Date()
	return ty == ny && tm == nm && td == nd
}

// statusReport is `limber status --json` as far as the engine and the
// facts tell; the daemon adds the tray, the open windows, the PID and the
// version.
func statusReport(st reminders.Status, now time.Time, f statusFacts) *control.Status {
	out := &control.Status{
		State:           st.State.String(),
		Line:            statusLine(st, now, f.IdleSource == idle.None),
		SittingSeconds:  int64(st.Sitting / time.Second),
		IdleSource:      f.IdleSource,
		IdleEvents:      f.IdleEvents,
		IdleNote:        f.IdleNote,
		BreaksToday:     st.Today.Breaks,
		SkippedToday:    st.Today.Skipped,
		SnoozedToday:    st.Today.Snoozed,
		RemindersToday:  st.Today.Reminders,
		ConfigErrors:    nonNil(f.ConfigErrors),
		RoutineErrors:   nonNil(f.RoutineErrors),
		HistoryError:    f.HistoryError,
		HeldBy:          []string{},
		Posture:         reminders.PostureSitting.String(),
		StandingSeconds: int64(st.StandingTime / time.Second),
	}
	for _, r := range st.HeldBy {
		out.HeldBy = append(out.HeldBy, string(r))
	}
	if st.Standing {
		out.Posture = reminders.PostureStanding.String()
	}
	if st.HasNextReminder {
		s := int64(st.NextReminder / time.Second)
		out.NextReminderSeconds = &s
	}
	if !st.PausedUntil.IsZero() {
		s := control.PauseForever
		if !reminders.IsForever(st.PausedUntil) {
			s = st.PausedUntil.Format(time.RFC3339)
		}
		out.PausedUntil = &s
	}
	if !st.ResumesAt.IsZero() {
		s := st.ResumesAt.Format(time.RFC3339)
		out.ResumesAt = &s
	}
	return out
}

// nonNil makes an empty list print as [] rather than null: the JSON fields
// are lists in the contract.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
