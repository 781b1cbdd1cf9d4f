package cli

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/reminders"
)

// dayJSON is one day of `limber stats --json`.
type dayJSON struct {
	Date              string `json:"date"`
	Breaks            int    `json:"breaks"`
	NaturalBreaks     int    `json:"natural_breaks"`
	Routines          int    `json:"routines"`
	RoutinesCompleted int    `json:"routines_completed"`
	Reminders         int    `json:"reminders"`
	Snoozed           int    `json:"snoozed"`
	Skipped           int    `json:"skipped"`
	LongestSittingS   int64  `json:"longest_sitting_seconds"`
	// SittingS and StandingS are the day's sitting and standing time from
	// the stretches that ended on it (reminders.DayStats).
	SittingS  int64 `json:"sitting_seconds"`
	StandingS int64 `json:"standing_seconds"`
}

type routineCount struct {
	ID        string `json:"id"`
	Completed int    `json:"completed"`
	Stopped   int    `json:"stopped"`
	Seconds   int64  `json:"seconds"`
}

// stats opens the statistics window, or with --json prints the history's
// summary (works without the daemon: it reads the history file).
func stats(env Env, args []string) int {
	flags, rest, bad := trimFlags(args, "--json")
	if bad != "" || len(rest) != 0 {
		return usageError(env, i18n.F("cli.only-json", i18n.Args{"Command": "stats"}))
	}
	if !flags["--json"] {
		return openWindow(env, control.WindowStats, "")
	}
	p, err := resolvePaths(env)
	if err != nil {
		return fail(env, err)
	}
	events, err := reminders.ReadHistory(p.HistoryFile())
	if err != nil {
		return fail(env, err)
	}
	today := time.Now().Format(time.DateOnly)
	out := struct {
		Today    dayJSON        `json:"today"`
		Days     []dayJSON      `json:"days"`
		Routines []routineCount `json:"routines"`
		Events   int            `json:"events"`
	}{Today: dayJSON{Date: today}, Days: []dayJSON{}, Routines: []routineCount{}, Events: len(events)}
	for _, d := range reminders.Summarize(events, time.Local) {
		j := dayJSON{Date: d.Date, Breaks: d.Breaks, NaturalBreaks: d.NaturalBreaks, Routines: d.Routines,
			RoutinesCompleted: d.RoutinesCompleted, Reminders: d.Reminders, Snoozed: d.Snoozed,
			Skipped: d.Skipped, LongestSittingS: int64(d.LongestSitting / time.Second),
			SittingS: int64(d.Sitting / time.Second), StandingS: int64(d.Standing / time.Second)}
		out.Days = append(out.Days, j)
		if d.Date == today {
			out.Today = j
		}
	}
	counts := map[string]*routineCount{}
	for _, ev := range events {
		if ev.Event != reminders.EventRoutine {
			continue
		}
		c := counts[ev.Routine]
		if c == nil {
			c = &routineCount{ID: ev.Routine}
			counts[ev.Routine] = c
		}
		if ev.Completed != nil && *ev.Completed {
			c.Completed++
		} else {
			c.Stopped++
		}
		c.Seconds += ev.Seconds
	}
	for _, c := range counts {
		out.Routines = append(out.Routines, *c)
	}
	sort.Slice(out.Routines, func(i, j int) bool {
		a, b := out.Routines[i], out.Routines[j]
		if a.Completed != b.Completed {
			return a.Completed > b.Completed
		}
		return a.ID < b.ID
	})
	b, _ := json.MarshalIndent(out, "", "  ")
	fmt.Fprintln(env.Stdout, string(b))
	return ExitOK
}
