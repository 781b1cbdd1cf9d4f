package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/routines"
)

// routine opens a routine window, or the routine picker without an ID.
func routine(env Env, args []string) int {
	if len(args) > 1 {
		return usageError(env, "routine takes at most one routine ID")
	}
	if len(args) == 0 {
		return openWindow(env, control.WindowPicker, "")
	}
	p, err := resolvePaths(env)
	if err != nil {
		return fail(env, err)
	}
	if _, ok := routines.Load(p.RoutinesDir()).Find(args[0]); !ok {
		fmt.Fprintf(env.Stderr, "limber: no routine %q (see: limber routines)\n", args[0])
		return ExitNotFound
	}
	return openWindow(env, control.WindowRoutine, args[0])
}

// routineJSON is one entry of `limber routines --json`.
type routineJSON struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Seconds     int      `json:"seconds"`
	Steps       int      `json:"steps"`
	Positions   []string `json:"positions"`
	Areas       []string `json:"areas"`
	Source      string   `json:"source"` // "builtin" or the file
	Replaces    bool     `json:"replaces_builtin"`
}

func listRoutines(env Env, args []string) int {
	flags, rest, bad := trimFlags(args, "--json")
	if bad != "" || len(rest) != 0 {
		return usageError(env, "routines takes only --json")
	}
	p, err := resolvePaths(env)
	if err != nil {
		return fail(env, err)
	}
	cat := routines.Load(p.RoutinesDir())
	if flags["--json"] {
		out := struct {
			Routines []routineJSON `json:"routines"`
			Errors   []string      `json:"errors"`
		}{Routines: []routineJSON{}, Errors: []string{}}
		for _, r := range cat.Routines {
			out.Routines = append(out.Routines, toJSON(r))
		}
		for _, e := range cat.Errors {
			out.Errors = append(out.Errors, e.Error())
		}
		b, _ := json.MarshalIndent(out, "", "  ")
		fmt.Fprintln(env.Stdout, string(b))
		return ExitOK
	}
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tLENGTH\tPOSITION\tSOURCE")
	for _, r := range cat.Routines {
		src := "built-in"
		if !r.IsBuiltin() {
			src = r.Source
			if r.Replaces {
				src += " (replaces the built-in)"
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Name, minutes(r.Duration()), positions(r), src)
	}
	tw.Flush()
	for _, e := range cat.Errors {
		fmt.Fprintf(env.Stderr, "skipped: %v\n", e)
	}
	return ExitOK
}

func toJSON(r routines.Routine) routineJSON {
	j := routineJSON{ID: r.ID, Name: r.Name, Description: r.Description, Seconds: int(r.Duration() / time.Second),
		Steps: len(r.Steps), Positions: []string{}, Areas: []string{}, Source: "builtin", Replaces: r.Replaces}
	if !r.IsBuiltin() {
		j.Source = r.Source
	}
	for _, p := range r.Positions() {
		j.Positions = append(j.Positions, string(p))
	}
	for _, a := range r.Areas() {
		j.Areas = append(j.Areas, string(a))
	}
	return j
}

func positions(r routines.Routine) string {
	var s []string
	for _, p := range r.Positions() {
		s = append(s, string(p))
	}
	return strings.Join(s, ", ")
}

func minutes(d time.Duration) string {
	d = d.Round(time.Second)
	if d < time.Minute {
		return fmt.Sprintf("%ds", int(d/time.Second))
	}
	if d%time.Minute == 0 {
		return fmt.Sprintf("%dm", int(d/time.Minute))
	}
	return fmt.Sprintf("%dm%02ds", int(d/time.Minute), int(d%time.Minute/time.Second))
}

// checkRoutine validates one routine file and lists every problem.
func checkRoutine(env Env, args []string) int {
	if len(args) != 1 {
		return usageError(env, "check-routine takes one FILE")
	}
	r, err := routines.CheckFile(args[0])
	if err != nil {
		fmt.Fprintln(env.Stderr, err)
		return ExitInvalid
	}
	note := ""
	if r.Replaces {
		note = " It replaces the built-in routine with the same ID."
	}
	fmt.Fprintf(env.Stdout, "%s: OK: %q, %d steps, %s.%s\n", args[0], r.Name, len(r.Steps), minutes(r.Duration()), note)
	return ExitOK
}
