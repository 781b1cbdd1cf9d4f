package cli

import (
	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/gui"
)

// runWindow shows a Fyne window in this process. child is true when the
// daemon started us and listens on our stdout.
func runWindow(env Env, kind control.Window, arg string, child bool) int {
	p, err := resolvePaths(env)
	if err != nil {
		return fail(env, err)
	}
	return gui.Run(gui.Options{Kind: kind, Arg: arg, Child: child, Paths: p, Stdin: env.Stdin, Stdout: env.Stdout, Stderr: env.Stderr})
}
