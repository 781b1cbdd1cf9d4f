// Command limber is a desk worker's stand-up reminder: a tray daemon that
// watches sitting time and Fyne windows that play stretching routines.
//
// main only parses the first argument and dispatches; everything else lives
// in app/ (README.md, "How it runs", and the package doc of app/control
// describe the process model).
package main

import (
	"os"

	"github.com/limber-app/limber/app/cli"
	"github.com/limber-app/limber/internal/sessionbus"
)

// Stamped at build time by the Makefile (-ldflags "-X main.version=…").
var (
	version = "dev"
	commit  = "unknown"
	date    = "unknown"
)

func main() {
	// No Limber process may launch a session bus (godbus, fyne.io/systray
	// and Fyne would, when the address is unset): the daemon, its windows
	// and the windows the CLI opens all use the bus that exists, or none.
	_, _ = sessionbus.Settle()
	env := cli.Env{
		Stdin:   os.Stdin,
		Stdout:  os.Stdout,
		Stderr:  os.Stderr,
		Getenv:  os.Getenv,
		Version: cli.Version{Version: version, Commit: commit, Date: date},
	}
	args := os.Args[1:]
	cmd := ""
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	os.Exit(cli.Dispatch(env, cmd, args))
}
