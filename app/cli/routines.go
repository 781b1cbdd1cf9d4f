package cli

import (
	"fmt"
)

// routine opens a routine window; without an ID, the suggested routine.
func routine(env Env, args []string) int {
	if len(args) > 1 {
		return usageError(env, "routine takes at most one routine ID")
	}
	id := "quick-standing-reset"
	if len(args) == 1 {
		id = args[0]
	}
	if id != "quick-standing-reset" {
		fmt.Fprintf(env.Stderr, "limber: no routine %q (see: limber routines)\n", id)
		return ExitNotFound
	}
	return openWindow(env, "routine", id)
}

func listRoutines(env Env, args []string) int {
	fmt.Fprintln(env.Stdout, "quick-standing-reset  Quick standing reset")
	return ExitOK
}

func checkRoutine(env Env, args []string) int {
	return ExitOK
}
