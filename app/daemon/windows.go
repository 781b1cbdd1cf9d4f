package daemon

import (
	"errors"

	"github.com/limber-app/limber/app/children"
	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/reminders"
)

// openWindow starts a child window, or raises the one of that kind that is
// already open.
func (d *Daemon) openWindow(kind control.Window, arg string) error {
	err := d.children.Open(kind, arg)
	if errors.Is(err, children.ErrAlreadyOpen) {
		return nil
	}
	return err
}

// openChecked is openWindow for a request on the socket: a window that
// fails before it shows is reported back to the asker.
func (d *Daemon) openChecked(kind control.Window, arg string) error {
	err := d.children.OpenChecked(kind, arg, openCheckTime)
	if errors.Is(err, children.ErrAlreadyOpen) {
		return nil
	}
	return err
}

// onChild takes every line a window reports: from its stdout when the
// daemon started it, else from a CmdOutcome request.
func (d *Daemon) onChild(o control.Outcome) {
	d.mu.Lock()
	d.core.childMessage(now(), o)
	d.mu.Unlock()
	d.childAction(o)
	d.poke()
}

// childAction acts on what a window asks for: the break window's buttons,
// a routine picked in the picker, "Another routine" on a finished routine,
// and saved settings.
func (d *Daemon) childAction(o control.Outcome) {
	var err error
	switch o.Action {
	case control.ActionStart:
		if o.RoutineID != "" && o.Window != control.WindowRoutine {
			err = d.openWindow(control.WindowRoutine, o.RoutineID)
		} else {
			err = d.startBreak()
		}
	case control.ActionAnother:
		err = d.openWindow(control.WindowPicker, "")
	case control.ActionSnooze, control.ActionSkip:
		if d.isTestPrompt(o) {
			return // a test reminder's buttons leave the engine alone
		}
		cmd := control.CmdSnooze
		if o.Action == control.ActionSkip {
			cmd = control.CmdSkip
		}
		err = d.do(control.Request{Cmd: cmd})
	case control.ActionTest:
		d.mu.Lock()
		r := d.core.testReminder(now())
		d.mu.Unlock()
		go d.remind(r)
	case control.ActionSaved:
		d.reload(fileChanges{config: true})
	}
	if err != nil {
		d.log.Warn("window request", "window", o.Window, "action", o.Action, "err", err)
	}
}

// childMessage follows routine windows: the engine counts a routine as
// time away from sitting, and its outcome as a break. A routine closed
// before it counted (see routineCounts) leaves a due break due.
func (c *core) childMessage(now reminders.Instant, o control.Outcome) {
	if o.Window != control.WindowRoutine {
		return
	}
	switch o.Action {
	case control.ActionReady:
		c.routineOpen, c.routineReported = o.RoutineID, false
		c.apply(c.eng.RoutineStarted(now, o.RoutineID))
	case control.ActionCompleted, control.ActionStopped:
		if c.routineOpen == "" {
			return
		}
		c.routineReported = true
		completed := o.Action == control.ActionCompleted
		c.apply(c.eng.RoutineEnded(now, c.routineOpen, completed, c.routineSeconds(c.routineOpen, o.Seconds), routineCounts(completed, o.Steps)))
	case control.ActionExited:
		if c.routineOpen != "" && !c.routineReported {
			// Crashed or killed before reporting: a partial routine that
			// cannot be shown to have counted.
			c.apply(c.eng.RoutineEnded(now, c.routineOpen, false, 0, false))
		}
		c.routineOpen, c.routineReported = "", false
	}
}

// isTestPrompt reports whether o comes from a break window that shows a
// test reminder.
func (d *Daemon) isTestPrompt(o control.Outcome) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return o.Window == control.WindowPrompt && d.testPrompt
}

// routineCounts is the rule for when a routine counts as standing up (see
// the README, "Using Limber"): played to the end, or at least one full
// step done (a step counts once it ran out, or was skipped after its
// halfway point). A routine closed earlier, e.g. on "Get ready", is
// recorded but leaves a due break due.
func routineCounts(completed bool, stepsDone int) bool { return completed || stepsDone >= 1 }
