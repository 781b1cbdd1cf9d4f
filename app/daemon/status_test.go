package daemon

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/limber-app/limber/app/tray"
	"github.com/limber-app/limber/reminders"
)

func TestStatusLine(t *testing.T) {
	now := time.Date(2026, 11, 25, 14, 0, 0, 0, time.Local)
	tests := []struct {
		st    reminders.Status
		blind bool
		want  string
	}{
		{reminders.Status{State: reminders.Sitting, Sitting: 32 * time.Minute, NextReminder: 13 * time.Minute, HasNextReminder: true}, false, "Sitting 32 min · break in 13 min"},
		{reminders.Status{State: reminders.Sitting, Sitting: 44*time.Minute + 30*time.Second, NextReminder: 30 * time.Second, HasNextReminder: true}, false, "Sitting 44 min · break in 1 min"},
		{reminders.Status{State: reminders.Due, Sitting: 47 * time.Minute}, true, "Time to stand up · sitting 47 min · breaks not detected"},
		{reminders.Status{State: reminders.Due, Sitting: 47 * time.Minute, Held: true}, false, "Time to stand up · sitting 47 min · reminder held back"},
		{reminders.Status{State: reminders.Sitting, Standing: true, StandingTime: 20 * time.Minute, NextReminder: 10 * time.Minute, HasNextReminder: true}, false, "Standing 20 min · break in 10 min"},
		{reminders.Status{State: reminders.Paused, PausedUntil: now.Add(30 * time.Minute)}, false, "Paused until 14:30"},
		{reminders.Status{State: reminders.Paused, PausedUntil: reminders.Forever()}, false, "Paused until you resume"},
		{reminders.Status{State: reminders.OutsideHours, ResumesAt: now.Add(19 * time.Hour)}, false, "Outside working hours · back Thu 09:00"},
		{reminders.Status{State: reminders.Away}, false, "Away from the desk"},
		{reminders.Status{State: reminders.InRoutine}, false, "Stretching"},
	}
	for _, tt := range tests {
		if got := statusLine(tt.st, now, tt.blind); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.st.State, got, tt.want)
		}
	}
}

func TestTrayView(t *testing.T) {
	now := time.Date(2026, 11, 25, 14, 0, 0, 0, time.Local)
	tests := []struct {
		name  string
		st    reminders.Status
		blind bool
		want  tray.View
	}{
		{"sitting", reminders.Status{State: reminders.Sitting, Sitting: 10 * time.Minute, SnoozesLeft: 2},
			false, tray.View{Line: "Sitting 10 min", Tip: "Sitting since 13:50", Icon: "normal"}}, // nothing due: nothing to snooze
		{"sitting, no snoozes left", reminders.Status{State: reminders.Sitting, Sitting: 10 * time.Minute},
			false, tray.View{Line: "Sitting 10 min", Tip: "Sitting since 13:50", Icon: "normal"}},
		{"due, blind", reminders.Status{State: reminders.Due, Sitting: 47 * time.Minute, SnoozesLeft: 1},
			true, tray.View{Line: "Time to stand up · sitting 47 min · breaks not detected", Tip: "Time to stand up · breaks not detected", Icon: "due", CanSnooze: true}},
		{"due, snooze limit reached", reminders.Status{State: reminders.Due, Sitting: 55 * time.Minute},
			false, tray.View{Line: "Time to stand up · sitting 55 min", Tip: "Time to stand up", Icon: "due", SnoozeLimit: true}},
		{"paused", reminders.Status{State: reminders.Paused, PausedUntil: reminders.Forever(), SnoozesLeft: 2},
			false, tray.View{Line: "Paused until you resume", Tip: "Paused until you resume", Icon: "paused", Paused: true}},
		{"away, blind", reminders.Status{State: reminders.Away, SnoozesLeft: 2},
			true, tray.View{Line: "Away from the desk", Tip: "Away from the desk", Icon: "away"}},
		{"outside hours", reminders.Status{State: reminders.OutsideHours},
			false, tray.View{Line: "Outside working hours", Tip: "Outside working hours", Icon: "away"}},
		{"in routine", reminders.Status{State: reminders.InRoutine, SnoozesLeft: 2},
			false, tray.View{Line: "Stretching", Tip: "Stretching", Icon: "normal"}},
	}
	for _, tt := range tests {
		if got := trayView(tt.st, now, tt.blind); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestTipLine: the tooltip names clock times, so it reads the same
// however many seconds pass while nothing changes.
func TestTipLine(t *testing.T) {
	start := time.Date(2026, 11, 25, 14, 0, 0, 0, time.Local)
	tests := []struct {
		st    reminders.Status
		blind bool
		want  string
	}{
		{reminders.Status{State: reminders.Sitting, Sitting: 10 * time.Minute, NextReminder: 35 * time.Minute, HasNextReminder: true}, false,
			"Sitting since 13:50 · break at 14:35"},
		{reminders.Status{State: reminders.Sitting, Standing: true, StandingTime: 20 * time.Minute, NextReminder: 10 * time.Minute, HasNextReminder: true}, true,
			"Standing since 13:40 · break at 14:10 · breaks not detected"},
		{reminders.Status{State: reminders.Due, Sitting: 47 * time.Minute, Held: true}, false, "Time to stand up · reminder held back"},
		{reminders.Status{State: reminders.Due, Standing: true, StandingTime: 47 * time.Minute}, false, "Time to sit down"},
		{reminders.Status{State: reminders.Paused, PausedUntil: start.Add(30 * time.Minute)}, false, "Paused until 14:30"},
		// A reminder 40 s into a minute comes in that minute.
		{reminders.Status{State: reminders.Sitting, Sitting: 5 * time.Minute, NextReminder: 9*time.Minute + 40*time.Second, HasNextReminder: true}, false,
			"Sitting since 13:55 · break at 14:09"},
	}
	for _, tt := range tests {
		for _, later := range []time.Duration{0, 20 * time.Second, 59 * time.Second} {
			// later seconds on: the counts grow and the countdown shrinks.
			st := tt.st
			st.Sitting += later
			st.StandingTime += later
			st.NextReminder -= later
			if got := tipLine(st, start.Add(later), tt.blind); got != tt.want {
				t.Errorf("%s, %v later: got %q, want %q", tt.st.State, later, got, tt.want)
			}
		}
	}
}

func TestIsToday(t *testing.T) {
	now := time.Date(2026, 11, 25, 23, 30, 0, 0, time.UTC)
	east := time.FixedZone("UTC+2", 2*3600)
	tests := []struct {
		name string
		t    time.Time
		want bool
	}{
		{"later today", now.Add(20 * time.Minute), true},
		{"earlier today", now.Add(-23 * time.Hour), true},
		{"tomorrow", now.Add(time.Hour), false},
		{"yesterday", now.Add(-24 * time.Hour), false},
		// Read in t's zone, now is already the 26th.
		{"same instant day, other zone", time.Date(2026, 11, 26, 2, 0, 0, 0, east), true},
		{"25th in the other zone", time.Date(2026, 11, 25, 22, 0, 0, 0, east), false},
	}
	for _, tt := range tests {
		if got := isToday(tt.t, now); got != tt.want {
			t.Errorf("%s: isToday(%v, %v) = %v, want %v", tt.name, tt.t, now, got, tt.want)
		}
	}
}

// TestStatusReport pins the contract fields of `limber status --json` that
// come from the engine's status.
func TestStatusReport(t *testing.T) {
	now := time.Date(2026, 11, 25, 14, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		st    reminders.Status
		facts statusFacts
		want  string
	}{
		{
			"sitting, nothing wrong",
			reminders.Status{State: reminders.Sitting, Sitting: 90 * time.Second, NextReminder: 10 * time.Minute, HasNextReminder: true,
				Today: reminders.DayStats{Breaks: 3, Skipped: 1, Snoozed: 2, Reminders: 4}},
			statusFacts{IdleSource: "x11", IdleEvents: true},
			`{"state":"sitting","status_line":"Sitting 1 min · break in 10 min","sitting_seconds":90,"next_reminder_seconds":600,` +
				`"idle_source":"x11","idle_events":true,"paused_until":null,"breaks_today":3,"skipped_today":1,"snoozed_today":2,"reminders_today":4,` +
				`"config_errors":[],"routine_errors":[],"history_error":"","held_by":[],"posture":"sitting","standing_seconds":0,"tray":"","open_windows":null,"pid":0,"version":""}`,
		},
		{
			"paused forever, blind, with errors",
			reminders.Status{State: reminders.Paused, PausedUntil: reminders.Forever()},
			statusFacts{IdleSource: "none", IdleNote: "no idle", ConfigErrors: []string{"c"}, RoutineErrors: []string{"r"}, HistoryError: "h"},
			`{"state":"paused","status_line":"Paused until you resume","sitting_seconds":0,"next_reminder_seconds":null,` +
				`"idle_source":"none","idle_events":false,"idle_note":"no idle","paused_until":"forever","breaks_today":0,"skipped_today":0,"snoozed_today":0,"reminders_today":0,` +
				`"config_errors":["c"],"routine_errors":["r"],"history_error":"h","held_by":[],"posture":"sitting","standing_seconds":0,"tray":"","open_windows":null,"pid":0,"version":""}`,
		},
		{
			"paused until a time, outside hours later",
			reminders.Status{State: reminders.OutsideHours, PausedUntil: now.Add(time.Hour), ResumesAt: now.Add(19 * time.Hour)},
			statusFacts{IdleSource: "x11"},
			`{"state":"outside_hours","status_line":"Outside working hours · back Thu 09:00","sitting_seconds":0,"next_reminder_seconds":null,` +
				`"idle_source":"x11","idle_events":false,"paused_until":"2026-11-25T15:00:00Z","resumes_at":"2026-11-26T09:00:00Z","breaks_today":0,"skipped_today":0,"snoozed_today":0,"reminders_today":0,` +
				`"config_errors":[],"routine_errors":[],"history_error":"","held_by":[],"posture":"sitting","standing_seconds":0,"tray":"","open_windows":null,"pid":0,"version":""}`,
		},
		{
			"standing, due and held by a meeting",
			reminders.Status{State: reminders.Due, Held: true, HeldBy: []reminders.HoldReason{reminders.HoldMeeting},
				Standing: true, StandingTime: 50 * time.Minute},
			statusFacts{IdleSource: "x11"},
			`{"state":"due","status_line":"Time to sit down · standing 50 min · reminder held back","sitting_seconds":0,"next_reminder_seconds":null,` +
				`"idle_source":"x11","idle_events":false,"paused_until":null,"breaks_today":0,"skipped_today":0,"snoozed_today":0,"reminders_today":0,` +
				`"config_errors":[],"routine_errors":[],"history_error":"","held_by":["meeting"],"posture":"standing","standing_seconds":3000,"tray":"","open_windows":null,"pid":0,"version":""}`,
		},
	}
	for _, tt := range tests {
		b, err := json.Marshal(statusReport(tt.st, now, tt.facts))
		if err != nil {
			t.Fatal(err)
		}
		if got := string(b); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}
