package control

// Window is a kind of child window: `limber ui KIND [ARG]`. At most one
// window of each kind is open at a time.
type Window string

// The windows a child process can show.
const (
	WindowRoutine  Window = "routine"  // ARG is the routine's ID
	WindowPicker   Window = "picker"   // every routine, to pick one
	WindowSettings Window = "settings" // edits config.toml
	WindowStats    Window = "stats"    // the history
	WindowPrompt   Window = "prompt"   // the break window; ARG is "ROUTINE STRETCH SITTING_SECONDS"
)

// Known reports whether w is a window Limber can show.
func (w Window) Known() bool {
	switch w {
	case WindowRoutine, WindowPicker, WindowSettings, WindowStats, WindowPrompt:
		return true
	}
	return false
}

// Action is what an Outcome reports: a window's life-cycle or what the
// user did in it.
type Action string

// Life-cycle actions. A child prints ActionReady first and ActionClosing
// last; the launcher reports ActionExited itself.
const (
	ActionReady   Action = "ready"   // the window is shown
	ActionClosing Action = "closing" // the window is gone; the process is exiting
	ActionExited  Action = "exited"  // the process is gone, however it ended (never sent by a child)
)

// What the user did in a window.
const (
	ActionCompleted Action = "completed" // routine: played to the end
	ActionStopped   Action = "stopped"   // routine: closed before the end
	ActionStart     Action = "start"     // picker or prompt: start RoutineID (prompt: or the suggested one)
	ActionAnother   Action = "another"   // finished routine: open the picker
	ActionSnooze    Action = "snooze"    // prompt: snooze the reminder
	ActionSkip      Action = "skip"      // prompt: skip this break
	ActionSaved     Action = "saved"     // settings: config.toml was written
	ActionTest      Action = "test"      // settings: send a test reminder
)

// Outcome is one line a child window reports: on its stdout when the
// daemon started it, else inside a CmdOutcome request.
type Outcome struct {
	Window    Window `json:"window"`
	Action    Action `json:"action"`
	RoutineID string `json:"routine_id,omitempty"`
	Seconds   int    `json:"seconds,omitempty"` // routine: active time
	Steps     int    `json:"steps,omitempty"`   // routine: steps done
}

// WindowCommand is a line the daemon writes to a child's stdin.
type WindowCommand string

// The commands a child window obeys.
const (
	RaiseWindow WindowCommand = "raise" // show and focus the window
	CloseWindow WindowCommand = "close" // close it, as the user would
)
