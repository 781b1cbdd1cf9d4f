package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/limber-app/limber/app/autostart"
)

// autostartCmd runs `limber autostart on|off|status`: the same XDG
// autostart entry the Settings window's "Start at login" switch writes,
// pointing at this binary (symlinks resolved, like Settings does).
func autostartCmd(env Env, args []string) int {
	exe, err := os.Executable()
	if err != nil {
		return fail(env, fmt.Errorf("find this program's path: %w", err))
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	return runAutostart(env, args, exe, runtime.GOOS, os.TempDir())
}

// runAutostart is autostartCmd with the outside world passed in: exe is the
// binary to start at login, goos the system, tmp the temporary folder that
// `go run` builds into.
func runAutostart(env Env, args []string, exe, goos, tmp string) int {
	if len(args) != 1 {
		return usageError(env, "autostart takes one of: on, off, status")
	}
	e, err := autostart.FromEnv(env.Getenv, exe)
	if err != nil {
		return fail(env, err)
	}
	e.GOOS = goos
	switch args[0] {
	case "on":
		// A `go run` binary is deleted when it exits, and the temporary
		// folder rarely outlives a reboot: an entry naming a binary there
		// would silently do nothing at a later login.
		if inside(exe, tmp) {
			return fail(env, fmt.Errorf("enable autostart: %s is in the temporary folder %s; install Limber (make install) and run the installed limber autostart on", exe, tmp))
		}
		if err := e.Enable(exe); err != nil {
			return autostartFail(env, e, err)
		}
		fmt.Fprintf(env.Stdout, "Limber will start at login: %s runs %s\n", e.Path(), exe)
	case "off":
		_, statErr := os.Stat(e.Path())
		if err := e.Disable(); err != nil {
			return autostartFail(env, e, err)
		}
		if statErr == nil {
			fmt.Fprintf(env.Stdout, "Limber will not start at login (%s removed)\n", e.Path())
		} else {
			fmt.Fprintln(env.Stdout, "Limber will not start at login (it was not set to)")
		}
	case "status":
		on, err := e.Enabled()
		if err != nil {
			return fail(env, err)
		}
		if on {
			fmt.Fprintf(env.Stdout, "on: %s starts %s\n", e.Path(), execLine(e.Path()))
		} else {
			fmt.Fprintln(env.Stdout, "off")
		}
		fmt.Fprintln(env.Stdout, e.Describe())
	default:
		return usageError(env, fmt.Sprintf("autostart: unknown action %q (use on, off or status)", args[0]))
	}
	return ExitOK
}

// autostartFail explains an unsupported system with what Limber would do
// there, instead of a bare "not supported".
func autostartFail(env Env, e *autostart.Entry, err error) int {
	if errors.Is(err, autostart.ErrUnsupported) {
		fmt.Fprintf(env.Stderr, "limber: %v\n%s\n", err, e.Describe())
		return ExitFailure
	}
	return fail(env, err)
}

// execLine returns the raw Exec= value of an autostart entry, so status
// shows which binary login will start (it may be another build than this
// one); "?" when it cannot be read.
func execLine(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "Exec="); ok {
			return v
		}
	}
	return "?"
}

// inside reports whether path lies in dir (or is dir).
func inside(path, dir string) bool {
	if dir == "" {
		return false
	}
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		return false
	}
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
