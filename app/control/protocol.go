// Package control is the daemon's private command channel: a Unix-domain
// socket in the user's runtime directory that the CLI, second instances and
// child windows use to talk to the running tray daemon.
//
// The protocol is one JSON request line answered by one JSON response line,
// so it is easy to debug with socat and cannot leave a half-read stream
// behind. The socket's folder is 0700 and, where the OS tells, the peer must
// be the same user.
package control

import "time"

// Commands the daemon understands.
const (
	CmdStatus  = "status"
	CmdPause   = "pause"
	CmdResume  = "resume"
	CmdSnooze  = "snooze"
	CmdSkip    = "skip"
	CmdBreak   = "break"   // start the suggested routine now
	CmdOpen    = "open"    // open a window: Window names it, Arg is its argument
	CmdOutcome = "outcome" // a child window reports what the user did
	CmdQuit    = "quit"
)

// Window kinds a child process can show (`limber ui KIND [ARG]`).
const (
	WindowRoutine  = "routine"
	WindowPicker   = "picker"
	WindowSettings = "settings"
	WindowStats    = "stats"
	WindowPrompt   = "prompt"
)

// Request is one command. Unused fields stay empty.
type Request struct {
	Cmd    string `json:"cmd"`
	Window string `json:"window,omitempty"`
	Arg    string `json:"arg,omitempty"`
	// For is a duration ("30m") or a keyword ("tomorrow", "forever") for
	// pause and snooze.
	For     string   `json:"for,omitempty"`
	Outcome *Outcome `json:"outcome,omitempty"`
}

// Response answers a Request. Err is a sentence for people; OK is false
// whenever Err is set.
type Response struct {
	OK     bool    `json:"ok"`
	Err    string  `json:"error,omitempty"`
	Status *Status `json:"status,omitempty"`
}

// Outcome is what a child window reports when it closes. It is also the
// JSON line a child prints on stdout.
type Outcome struct {
	Window    string `json:"window"`
	Action    string `json:"action"` // completed, stopped, snooze, skip, start, saved, closed
	RoutineID string `json:"routine_id,omitempty"`
	Seconds   int    `json:"seconds,omitempty"`
	Steps     int    `json:"steps,omitempty"`
}

// Status is the daemon's state as `limber status --json` prints it. The
// field names are a public contract (DESIGN.md).
type Status struct {
	State               string   `json:"state"`
	Line                string   `json:"status_line"`
	SittingSeconds      int64    `json:"sitting_seconds"`
	NextReminderSeconds *int64   `json:"next_reminder_seconds"`
	IdleSource          string   `json:"idle_source"`
	IdleNote            string   `json:"idle_note,omitempty"`
	PausedUntil         *string  `json:"paused_until"`
	ResumesAt           *string  `json:"resumes_at,omitempty"`
	BreaksToday         int      `json:"breaks_today"`
	SkippedToday        int      `json:"skipped_today"`
	SnoozedToday        int      `json:"snoozed_today"`
	RemindersToday      int      `json:"reminders_today"`
	ConfigErrors        []string `json:"config_errors"`
	RoutineErrors       []string `json:"routine_errors"`
	Tray                string   `json:"tray"` // "shown" or "no_watcher"
	OpenWindows         []string `json:"open_windows"`
	PID                 int      `json:"pid"`
	Version             string   `json:"version"`
}

// dialTimeout bounds how long a client waits for a daemon that accepted the
// connection but does not answer (hung or being debugged).
const dialTimeout = 3 * time.Second
