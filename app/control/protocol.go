package control

import "time"

// Command is what a Request asks of the daemon.
type Command string

// Commands the daemon understands.
const (
	CmdStatus  Command = "status"
	CmdPause   Command = "pause"   // For: see ParsePause; empty means forever
	CmdResume  Command = "resume"  // end a pause
	CmdSnooze  Command = "snooze"  // For: see ParseSnooze; empty means the configured snooze
	CmdSkip    Command = "skip"    // skip the reminder that is due
	CmdBreak   Command = "break"   // start the suggested routine now
	CmdOpen    Command = "open"    // open a window: Window names it, Arg is its argument
	CmdOutcome Command = "outcome" // a window the daemon did not start reports what the user did
	CmdQuit    Command = "quit"
	CmdStand   Command = "stand" // standing-desk mode: the user stands up
	CmdSit     Command = "sit"   // standing-desk mode: the user sits down
)

// Request is one command. Unused fields stay empty.
type Request struct {
	Cmd    Command `json:"cmd"`
	Window Window  `json:"window,omitempty"`
	Arg    string  `json:"arg,omitempty"`
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
	// ExitCode is the window process's exit code when an open failed
	// because the window exited before showing (5: no display).
	ExitCode int `json:"exit_code,omitempty"`
}

// Status is the daemon's state as `limber status --json` prints it. The
// field names and values are a public contract (see the package doc).
type Status struct {
	State               string   `json:"state"`
	Line                string   `json:"status_line"`
	SittingSeconds      int64    `json:"sitting_seconds"`
	NextReminderSeconds *int64   `json:"next_reminder_seconds"`
	IdleSource          string   `json:"idle_source"`
	IdleEvents          bool     `json:"idle_events"` // the idle source pushes presence events
	IdleNote            string   `json:"idle_note,omitempty"`
	PausedUntil         *string  `json:"paused_until"` // RFC 3339 or "forever"
	ResumesAt           *string  `json:"resumes_at,omitempty"`
	BreaksToday         int      `json:"breaks_today"`
	SkippedToday        int      `json:"skipped_today"`
	SnoozedToday        int      `json:"snoozed_today"`
	RemindersToday      int      `json:"reminders_today"`
	ConfigErrors        []string `json:"config_errors"`
	RoutineErrors       []string `json:"routine_errors"`
	// HistoryError is why history is not being recorded right now (a
	// read-only or full disk); empty while it is.
	HistoryError string `json:"history_error"`
	// HeldBy names the holds keeping a due reminder back right now
	// ("dnd", "fullscreen", "meeting"); empty when none is held.
	HeldBy []string `json:"held_by"`
	// Posture is "sitting" or "standing" (standing-desk mode), and
	// StandingSeconds the standing stretch in progress.
	Posture         string   `json:"posture"`
	StandingSeconds int64    `json:"standing_seconds"`
	Tray            string   `json:"tray"` // one of the Tray values below
	OpenWindows     []Window `json:"open_windows"`
	PID             int      `json:"pid"`
	Version         string   `json:"version"`
}

// Values of Status.Tray.
const (
	TrayShown         = "shown"          // the tray host lists the icon
	TrayNoWatcher     = "no_watcher"     // nothing shows tray icons; use the CLI
	TrayNotRegistered = "not_registered" // a tray host runs but does not list the icon (yet)
	TrayNoBus         = "no_session_bus" // no session bus: no tray, no notifications
)

// dialTimeout bounds how long a client waits for a daemon that accepted the
// connection but does not answer (hung or being debugged).
const dialTimeout = 3 * time.Second
