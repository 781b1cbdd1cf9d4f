package daemon

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/limber-app/limber/app/children"
	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/reminders"
)

// openCheckTime is how long a socket request to open a window waits to
// learn whether the window failed at once; it stays within the client's
// answer timeout.
const openCheckTime = 2 * time.Second

// errorResponse answers a failed request, with the window's exit code when
// a window failed to open.
func errorResponse(err error) control.Response {
	resp := control.Response{Err: err.Error()}
	var failed *children.WindowFailed
	if errors.As(err, &failed) {
		resp.ExitCode = failed.Code
	}
	return resp
}

// routineSlack is how much longer than its routine's length a window may
// report as active time: the get-ready count and rounding.
const routineSlack = time.Minute

// foreignActions are the actions a window the daemon did not start may
// report over the control socket, by window. Life-cycle actions are not
// among them: only the launcher reports those, for its own children.
var foreignActions = map[control.Window][]control.Action{
	control.WindowRoutine:  {control.ActionCompleted, control.ActionStopped, control.ActionAnother},
	control.WindowPicker:   {control.ActionStart},
	control.WindowPrompt:   {control.ActionStart, control.ActionSnooze, control.ActionSkip},
	control.WindowSettings: {control.ActionSaved, control.ActionTest},
}

// onForeignOutcome takes an outcome sent on the control socket by a window
// the daemon did not start (started by hand, or left over from a daemon
// that was killed). Anyone who can reach the socket can send one, so it
// is checked before it counts.
func (d *Daemon) onForeignOutcome(o *control.Outcome) error {
	if o == nil {
		return errors.New("outcome missing")
	}
	d.mu.Lock()
	err := d.core.foreignOutcome(now(), *o)
	d.mu.Unlock()
	if err != nil {
		d.log.Warn("refused an outcome from the control socket", "window", o.Window, "action", o.Action, "err", err)
		return err
	}
	d.childAction(*o)
	d.poke()
	return nil
}

// foreignOutcome checks an outcome from the control socket and records a
// finished routine. The routine must exist, its active time must fit the
// routine, and the daemon must not have a routine window of its own open,
// which reports on its own pipe.
func (c *core) foreignOutcome(now reminders.Instant, o control.Outcome) error {
	if !slices.Contains(foreignActions[o.Window], o.Action) {
		return fmt.Errorf("a %q window cannot report %q", o.Window, o.Action)
	}
	if o.RoutineID != "" && !c.hasRoutine(o.RoutineID) {
		return fmt.Errorf("no routine %q", o.RoutineID)
	}
	if o.Window != control.WindowRoutine || o.Action == control.ActionAnother {
		return nil
	}
	if o.RoutineID == "" {
		return errors.New("routine outcome without a routine")
	}
	if o.Seconds < 0 || o.Seconds > c.routineLimit(o.RoutineID) || o.Steps < 0 {
		return fmt.Errorf("routine %q cannot have lasted %d s", o.RoutineID, o.Seconds)
	}
	if c.routineOpen != "" {
		return fmt.Errorf("routine %q is open in a window of this daemon", c.routineOpen)
	}
	c.apply(c.eng.RoutineFinished(now, o.RoutineID, o.Action == control.ActionCompleted, o.Seconds))
	return nil
}

// routineSeconds bounds the active time a routine window reports by what
// the routine can take.
func (c *core) routineSeconds(id string, seconds int) int {
	return min(max(seconds, 0), c.routineLimit(id))
}

// routineLimit is the most active time, in seconds, routine id can take.
func (c *core) routineLimit(id string) int {
	r, ok := c.catalog.Find(id)
	if !ok {
		return 0
	}
	return int((r.Duration() + routineSlack) / time.Second)
}
