// Package cli implements Limber's command line: the subcommands, exit codes
// and messages listed in README.md under "Command line". Commands that need the
// daemon talk to it over the control socket; window commands start a Fyne
// window in this process when no daemon runs.
package cli

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/paths"
)

// Exit codes. Scripts can rely on them.
const (
	ExitOK         = 0
	ExitFailure    = 1 // something went wrong; the message says what
	ExitUsage      = 2 // unknown subcommand or bad arguments
	ExitNotRunning = 3 // the command needs the daemon and none runs
	ExitNotFound   = 4 // no routine with that ID
	ExitNoDisplay  = 5 // a window was asked for but there is no display
	ExitInvalid    = 6 // check-routine found errors
)

// Version is stamped into the binary at build time.
type Version struct{ Version, Commit, Date string }

func (v Version) String() string {
	return fmt.Sprintf("limber %s (commit %s, built %s, %s/%s)", v.Version, v.Commit, v.Date, runtime.GOOS, runtime.GOARCH)
}

// Env is everything a command may touch of the outside world, so tests can
// run commands in-process.
type Env struct {
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Getenv  func(string) string
	Version Version
}

const usage = `Usage:
  limber                     start the tray daemon (if one runs, open its Settings)
  limber status [--json]     state, sitting time, next reminder, idle source
  limber pause [30m|2h|tomorrow|forever]
  limber resume
  limber snooze [10m]
  limber skip                skip the break that is due
  limber stand | sit         standing desk: you stood up, or sat down
  limber break               start the suggested routine now
  limber routine [ID]        open a routine window; without ID, the routine picker
                             (works without the daemon)
  limber routines [--json]   list routines
  limber check-routine FILE  validate a routine file
  limber settings            open the settings window
  limber stats [--json]      open the statistics window, or print them
  limber autostart on|off|status   start Limber at login (XDG autostart entry)
  limber quit | version

Daemon flags (override the config for this run):
  --config PATH  --sitting-limit 45m  --natural-break 5m
  --idle-source auto|x11|mutter|wayland|screensaver|windows|macos|none
`

// Dispatch runs one subcommand and returns the process exit code.
func Dispatch(env Env, cmd string, args []string) int {
	if err := i18n.Init(); err != nil {
		// Not fatal: every message falls back to its English text.
		fmt.Fprintf(env.Stderr, "limber: %v\n", err)
	}
	if cmd == "help" || wantsHelp(args) {
		fmt.Fprint(env.Stdout, usageText())
		return ExitOK
	}
	run, ok := handlers(cmd)[cmd]
	if !ok {
		return usageError(env, i18n.F("cli.unknown-command", i18n.Args{"Command": strconv.Quote(cmd)}))
	}
	return run(env, args)
}

// handlers maps each subcommand ("" is the daemon) to what runs it. cmd is
// the subcommand being dispatched, for the handlers that name it.
func handlers(cmd string) map[string]func(Env, []string) int {
	simpleCmd := func(env Env, args []string) int { return simple(env, control.Command(cmd), args) }
	version := func(env Env, args []string) int {
		if len(args) != 0 {
			return usageError(env, i18n.F("cli.no-arguments", i18n.Args{"Command": cmd}))
		}
		fmt.Fprintln(env.Stdout, env.Version)
		return ExitOK
	}
	help := func(env Env, _ []string) int {
		fmt.Fprint(env.Stdout, usageText())
		return ExitOK
	}
	return map[string]func(Env, []string) int{
		"":              runDaemon,
		"status":        status,
		"pause":         pause,
		"resume":        simpleCmd,
		"skip":          simpleCmd,
		"stand":         simpleCmd,
		"sit":           simpleCmd,
		"break":         simpleCmd,
		"quit":          simpleCmd,
		"snooze":        snooze,
		"routine":       routine,
		"routines":      listRoutines,
		"check-routine": checkRoutine,
		"settings":      func(env Env, args []string) int { return window(env, control.WindowSettings, args) },
		"stats":         stats,
		"autostart":     autostartCmd,
		"ui":            ui,
		"version":       version,
		"--version":     version,
		"help":          help,
		"--help":        help,
		"-h":            help,
	}
}

// usageText is the usage in the active language. The English text is the
// usage constant above, copied into translations/en.json (a test keeps the
// two and every language's list of commands in step). Fyne's message
// templates drop a trailing newline, so it is put back here.
func usageText() string { return strings.TrimRight(i18n.T("cli.usage"), "\n") + "\n" }

// wantsHelp reports whether args ask for help (-h, -help or --help)
// anywhere before a "--": the answer is the usage on stdout and exit 0,
// for the daemon's flags and after any subcommand alike.
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

func usageError(env Env, msg string) int {
	fmt.Fprintf(env.Stderr, "limber: %s\n\n%s", msg, usageText())
	return ExitUsage
}

func fail(env Env, err error) int {
	if errors.Is(err, control.ErrNotRunning) {
		fmt.Fprintln(env.Stderr, i18n.T("cli.not-running"))
		return ExitNotRunning
	}
	fmt.Fprintf(env.Stderr, "limber: %v\n", err)
	return ExitFailure
}

func resolvePaths(env Env) (paths.Paths, error) {
	return paths.FromEnv(env.Getenv)
}

// send delivers a request to the running daemon.
func send(env Env, req control.Request) (control.Response, error) {
	p, err := resolvePaths(env)
	if err != nil {
		return control.Response{}, err
	}
	resp, err := control.Send(p.Socket(), req)
	if err != nil {
		return resp, err
	}
	if !resp.OK {
		return resp, errors.New(resp.Err)
	}
	return resp, nil
}

// hasDisplay tells whether a window can be shown. Only Unix desktops need
// a display server variable.
func hasDisplay(env Env) bool {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios":
		return true
	}
	return env.Getenv("DISPLAY") != "" || env.Getenv("WAYLAND_DISPLAY") != ""
}

func noDisplay(env Env) int {
	fmt.Fprintln(env.Stderr, "limber: "+i18n.T("cli.no-display"))
	return ExitNoDisplay
}

func trimFlags(args []string, known ...string) (flags map[string]bool, rest []string, bad string) {
	flags = map[string]bool{}
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			ok := false
			for _, k := range known {
				if a == k {
					flags[k], ok = true, true
				}
			}
			if !ok {
				return nil, nil, a
			}
			continue
		}
		rest = append(rest, a)
	}
	return flags, rest, ""
}
