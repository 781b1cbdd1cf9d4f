package cli

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/routines"
)

// routine opens a routine window, or the routine picker without an ID.
func routine(env Env, args []string) int {
	if len(args) > 1 {
		return usageError(env, i18n.T("cli.routine-args"))
	}
	if len(args) == 0 {
		return openWindow(env, control.WindowPicker, "")
	}
	p, err := resolvePaths(env)
	if err != nil {
		return fail(env, err)
	}
	if _, ok := routines.Load(p.RoutinesDir()).Find(args[0]); !ok {
		fmt.Fprintln(env.Stderr, "limber: "+i18n.F("cli.no-routine", i18n.Args{"ID": strconv.Quote(args[0])}))
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
		return usageError(env, i18n.F("cli.only-json", i18n.Args{"Command": "routines"}))
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
	fmt.Fprintln(tw, i18n.T("cli.routines.header"))
	for _, r := range cat.Routines {
		src := i18n.T("cli.routines.builtin")
		if !r.IsBuiltin() {
			src = r.Source
			if r.Replaces {
				src = i18n.F("cli.routines.replaces", i18n.Args{"Source": r.Source})
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, i18n.RoutineName(r), i18n.Short(r.Duration()), positions(r), src)
	}
	tw.Flush()
	// The errors name file, line and key; they come from the routine file
	// parser and stay in English.
	for _, e := range cat.Errors {
		fmt.Fprintln(env.Stderr, i18n.F("cli.routines.skipped", i18n.Args{"Error": e.Error()}))
	}
	return ExitOK
}

func toJSON(r routines.Routine) routineJSON {
	j := routineJSON{ID: r.ID, Name: r.Name, Description: r.Description, Seconds: int(r.Duration() / time.Second),
		Steps: r.StepCount(), Positions: []string{}, Areas: []string{}, Source: "builtin", Replaces: r.Replaces}
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
		s = append(s, i18n.T("position."+string(p)))
	}
	return strings.Join(s, ", ")
}

// checkRoutine validates one routine file and lists every problem.
func checkRoutine(env Env, args []string) int {
	if len(args) != 1 {
		return usageError(env, i18n.T("cli.check-routine-args"))
	}
	r, err := routines.CheckFile(args[0])
	if err != nil {
		fmt.Fprintln(env.Stderr, err)
		return ExitInvalid
	}
	line := i18n.N("cli.check.ok", r.StepCount(), i18n.Args{"File": args[0], "Name": strconv.Quote(r.Name),
		"Length": i18n.Short(r.Duration())})
	if r.Replaces {
		line += " " + i18n.T("cli.check.replaces")
	}
	fmt.Fprintln(env.Stdout, line)
	return ExitOK
}
