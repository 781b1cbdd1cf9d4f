// Package tray draws Limber's tray icon and menu with fyne.io/systray,
// which speaks StatusNotifierItem and dbusmenu over D-Bus on Linux and the
// native APIs elsewhere, without starting Fyne's GL driver. It runs in the
// tray daemon (app/daemon), which stays small and idle all day because
// every window is a separate child process (see the package doc of
// app/control for the process model).
//
// # Menu contract
//
// The menu's English labels are a contract: the end-to-end tests read
// them over D-Bus, and users and guides refer to them. From the top:
//
//   - a disabled status line (the daemon's status line, also the title and
//     tooltip);
//   - "Start stretch routine";
//   - "Routines", a submenu with one entry per routine, by name;
//   - "Snooze", enabled only while a break is due and snoozes are left;
//     greyed as "Snooze (limit reached)" when the limit is the reason;
//   - "Pause", a submenu ("30 minutes", "1 hour", "2 hours", "Until
//     tomorrow"), or "Resume" in its place while paused;
//   - "I'm standing", the standing-desk toggle, labelled "I'm sitting"
//     while the user stands;
//   - "Settings…" and "Statistics…";
//   - "Quit".
//
// The labels come from translation keys (KeyStart and friends, in
// app/i18n); change an English text only together with its readers.
//
// The icon names a state drawn by assets.TrayIcon: normal, due, paused or
// away. Whether any tray host shows the icon is told by WatchHost: GNOME
// has none without an extension, and the daemon then says so.
package tray
