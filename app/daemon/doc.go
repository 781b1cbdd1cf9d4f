// Package daemon is the tray process: `limber` with no arguments. It owns
// the control socket, the tray menu, the reminder engine's clock loop,
// notifications and the child windows.
//
// # Process model
//
// The daemon never starts Fyne's GL driver: it draws the tray with
// fyne.io/systray and starts every window as a short-lived child process
// of the same executable (`limber ui KIND [ARG]`, see app/children and
// app/gui), which exits when its window closes and gives its memory back.
// The CLI, a second `limber` and windows it did not start reach it on the
// control socket. The package doc of app/control describes both channels
// and the JSON fields that are a contract; the package doc of app/tray
// lists the menu labels that are one.
//
// The daemon sleeps until the next moment its state can change and
// otherwise waits in blocking reads (socket accept, D-Bus, child pipes,
// inotify), so it costs almost nothing while it waits.
//
// # Where things are
//
//   - daemon.go: Run, the clock loop and the tray refresh.
//   - lifecycle.go: running with or without a tray (no session bus),
//     quitting on signals, and keeping the tray icon registered.
//   - core.go: the state behind Daemon.mu and the methods Daemon calls.
//   - config.go: loading the config with the command-line overrides, and
//     noticing changed files.
//   - idle.go: choosing and reading the activity (idle) source.
//   - presence.go: following a source's pushed presence events (x11,
//     mutter, wayland), and falling back to the next source when its
//     watch fails.
//   - effects.go: carrying out the engine's effects (history, saved pause,
//     queued reminders).
//   - commands.go: control requests and tray clicks; pause, resume, snooze,
//     skip, stand and sit.
//   - windows.go: opening child windows and acting on what they report.
//   - outcomes.go: checking outcomes that arrive on the control socket.
//   - suggestion.go: which routine and which stretch a reminder suggests.
//   - meeting.go: holding reminders during a call (meetings = "hold"):
//     the camera and microphone check runs off the lock, shortly before a
//     reminder is due and every 15 s while a call holds it back.
//   - reminder.go: the reminder's text (to stand up, to sit down after
//     standing_limit, or after a call).
//   - status.go: the tray view, the status line and `limber status --json`,
//     as pure functions of the engine's status.
//   - notifications.go: sending reminders and config errors as desktop
//     notifications, and their buttons.
//   - watchers.go: sleep and lock events, file changes and the tray host.
//
// # Test hook
//
// LIMBER_MEETING_DEVICES, when set, is a comma-separated list of
// filepath.Match patterns that replaces the meeting detector's device
// patterns (/dev/video*, ALSA capture PCMs), and the sound server is then
// not asked. End-to-end tests fake a call with a process holding an
// ordinary file open. It is not a user setting and not documented in the
// README.
//
// Locking: Daemon.mu guards the core. Nothing slow (D-Bus, notifications,
// starting a process) runs while it is held; reminders the engine asks for
// are queued in the core and sent after unlocking.
package daemon
