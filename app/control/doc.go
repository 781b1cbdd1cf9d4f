// Package control is the daemon's private command channel and the one
// vocabulary both sides of Limber's process boundary speak.
//
// # Process model
//
// Limber is one executable that runs as two kinds of process. `limber` with
// no arguments starts the tray daemon (app/daemon): it draws the tray icon
// with fyne.io/systray, sends notifications and runs the reminder engine,
// and never starts Fyne's GL driver, whose 60 Hz loop would cost memory and
// wakeups all day. Every window (routine, picker, settings, statistics,
// break prompt) is a short-lived child process of the same executable,
// `limber ui KIND [ARG]` (app/gui), that exits when its window closes and so
// gives all its memory back. app/children starts and supervises them.
//
// # Two channels
//
// The control socket is a Unix-domain socket in the user's runtime
// directory (XDG_RUNTIME_DIR/limber, folder 0700, socket 0600, one daemon
// per user; where the OS tells, the peer must be the same user). The CLI,
// a second `limber`, and windows not started by the daemon send one JSON
// Request line on it and read one JSON Response line back, so the protocol
// is easy to debug with socat and cannot leave a half-read stream behind.
// Anyone who can reach the socket is trusted to be the user, not to be
// well-behaved: a request line is capped at 64 KiB, at most 32 connections
// are served at once, an idle one is closed after 10 s, and a failed
// Accept is retried. Outcomes sent on the socket are checked by the daemon
// against what it knows (app/daemon/outcomes.go).
//
// A child window started by the daemon instead talks over its own pipes:
// it prints Outcome lines as JSON on stdout (first ActionReady once its
// window is shown, then what the user did, last ActionClosing) and obeys
// WindowCommand lines (RaiseWindow, CloseWindow) on stdin. The launcher
// adds ActionExited when the process is gone, however it ended.
//
// # Contract
//
// The wire strings are a contract read by the CLI, by windows of other
// versions and by the end-to-end tests: the Command, Window, Action and
// WindowCommand values, the JSON field names of Request, Response and
// Outcome, and above all Status, which `limber status --json` prints as
// is. Status always has state (one of sitting, away, due, paused,
// outside_hours, in_routine), sitting_seconds, next_reminder_seconds (null
// when none is scheduled), idle_source, paused_until (null when not
// paused), breaks_today, skipped_today, config_errors, held_by (the holds
// keeping a due reminder back: dnd, fullscreen, meeting; [] when none),
// posture (sitting or standing) and standing_seconds. Its tray field
// is one of shown (the tray host lists the icon), not_registered,
// no_watcher or no_session_bus. Change them only together with every
// reader.
//
// The pause and snooze arguments share one grammar, ParsePause and
// ParseSnooze, so the CLI refuses exactly what the daemon would.
package control
