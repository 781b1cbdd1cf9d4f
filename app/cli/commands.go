package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
)

func status(env Env, args []string) int {
	flags, rest, bad := trimFlags(args, "--json")
	if bad != "" || len(rest) != 0 {
		return usageError(env, i18n.F("cli.only-json", i18n.Args{"Command": "status"}))
	}
	resp, err := send(env, control.Request{Cmd: control.CmdStatus})
	if err != nil {
		return fail(env, err)
	}
	st := resp.Status
	if st == nil {
		return fail(env, errors.New(i18n.T("cli.no-status")))
	}
	if flags["--json"] {
		b, _ := json.MarshalIndent(st, "", "  ")
		fmt.Fprintln(env.Stdout, string(b))
		return ExitOK
	}
	fmt.Fprintln(env.Stdout, st.Line)
	// The source is named with how it is read: pushed events, or readings
	// polled while the user is away ("none" is not read at all).
	source := st.IdleSource
	switch {
	case st.IdleEvents:
		source += " (" + i18n.T("cli.idle-events") + ")"
	case st.IdleSource != "none":
		source += " (" + i18n.T("cli.idle-polled") + ")"
	}
	fmt.Fprintln(env.Stdout, i18n.F("cli.status-details", i18n.Args{"State": st.State, "IdleSource": source,
		"Breaks": st.BreaksToday, "Skipped": st.SkippedToday}))
	if len(st.HeldBy) > 0 {
		fmt.Fprintln(env.Stdout, i18n.F("cli.held", i18n.Args{"Reasons": strings.Join(st.HeldBy, ", ")}))
	}
	if st.IdleNote != "" {
		fmt.Fprintln(env.Stdout, st.IdleNote)
	}
	if st.Tray != control.TrayShown {
		fmt.Fprintln(env.Stdout, i18n.T("cli.tray-not-shown"))
	}
	for _, e := range st.ConfigErrors {
		fmt.Fprintln(env.Stdout, i18n.F("cli.config-error", i18n.Args{"Error": e}))
	}
	if st.HistoryError != "" {
		fmt.Fprintln(env.Stdout, i18n.F("cli.history-error", i18n.Args{"Error": st.HistoryError}))
	}
	return ExitOK
}

func pause(env Env, args []string) int {
	if len(args) > 1 {
		return usageError(env, i18n.F("cli.at-most-one", i18n.Args{"Command": "pause"}))
	}
	length := control.PauseForever
	if len(args) == 1 {
		length = args[0]
	}
	// The grammar is the daemon's; "tomorrow" is resolved there, against
	// the schedule.
	if _, err := control.ParsePause(length); err != nil {
		return usageError(env, i18n.F(lengthKey(err, "cli.bad-pause", "cli.pause-range"), i18n.Args{"Value": strconv.Quote(length)}))
	}
	resp, err := send(env, control.Request{Cmd: control.CmdPause, For: length})
	if err != nil {
		return fail(env, err)
	}
	if resp.Status != nil {
		fmt.Fprintln(env.Stdout, resp.Status.Line)
	}
	return ExitOK
}

func snooze(env Env, args []string) int {
	if len(args) > 1 {
		return usageError(env, i18n.F("cli.at-most-one", i18n.Args{"Command": "snooze"}))
	}
	req := control.Request{Cmd: control.CmdSnooze}
	if len(args) == 1 {
		if _, err := control.ParseSnooze(args[0]); err != nil {
			return usageError(env, i18n.F(lengthKey(err, "cli.bad-snooze", "cli.snooze-range"), i18n.Args{"Value": strconv.Quote(args[0])}))
		}
		req.For = args[0]
	}
	resp, err := send(env, req)
	if err != nil {
		return fail(env, err)
	}
	if resp.Status != nil {
		fmt.Fprintln(env.Stdout, resp.Status.Line)
	}
	return ExitOK
}

// lengthKey picks the message for a refused pause or snooze length: out of
// range, or not a length at all.
func lengthKey(err error, bad, outOfRange string) string {
	if errors.Is(err, control.ErrOutOfRange) {
		return outOfRange
	}
	return bad
}

// simple sends a command that takes no arguments.
func simple(env Env, cmd control.Command, args []string) int {
	if len(args) != 0 {
		return usageError(env, i18n.F("cli.no-arguments", i18n.Args{"Command": cmd}))
	}
	resp, err := send(env, control.Request{Cmd: cmd})
	if err != nil {
		return fail(env, err)
	}
	if resp.Status != nil && cmd != control.CmdQuit {
		fmt.Fprintln(env.Stdout, resp.Status.Line)
	}
	return ExitOK
}

// window opens a window through the daemon, or in this process when no
// daemon runs.
func window(env Env, kind control.Window, args []string) int {
	if len(args) != 0 {
		return usageError(env, i18n.F("cli.no-arguments", i18n.Args{"Command": kind}))
	}
	return openWindow(env, kind, "")
}

func openWindow(env Env, kind control.Window, arg string) int {
	resp, err := send(env, control.Request{Cmd: control.CmdOpen, Window: kind, Arg: arg})
	if err == nil {
		return ExitOK
	}
	// The daemon started the window and it failed: its exit code is ours.
	switch resp.ExitCode {
	case 0:
	case ExitNoDisplay:
		return noDisplay(env)
	default:
		fmt.Fprintf(env.Stderr, "limber: %v\n", err)
		return ExitFailure
	}
	if !errors.Is(err, control.ErrNotRunning) {
		return fail(env, err)
	}
	if !hasDisplay(env) {
		return noDisplay(env)
	}
	return runWindow(env, kind, arg, false)
}

// ui is the child-process entry the daemon uses: `limber ui KIND [ARG]`.
func ui(env Env, args []string) int {
	if len(args) < 1 || len(args) > 2 {
		return usageError(env, i18n.T("cli.ui-args"))
	}
	kind, arg := control.Window(args[0]), ""
	if len(args) == 2 {
		arg = args[1]
	}
	if !kind.Known() {
		return usageError(env, i18n.F("cli.unknown-window", i18n.Args{"Kind": strconv.Quote(string(kind))}))
	}
	if !hasDisplay(env) {
		return noDisplay(env)
	}
	return runWindow(env, kind, arg, true)
}
