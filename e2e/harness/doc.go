// Package harness drives Limber end to end on a private, throwaway desktop:
// an Xvfb display, a private D-Bus session bus, a test-side
// StatusNotifierWatcher (the tray host), a test-side notification server and
// an X11 client to find the windows Limber's child processes open.
//
// Everything a test starts is stopped with t.Cleanup. When a test fails, the
// harness saves a screenshot of the display and the stderr of every process it
// started, and prints where it put them.
//
// The harness needs Xvfb, dbus-daemon, xdotool and ImageMagick's import. When
// one is missing the test is skipped with the apt-get command to install it,
// except under CI=true, where a missing tool is a failure: CI must not go
// green by skipping everything. In -short mode every desktop test is skipped,
// so `go test -short ./...` is the fast unit layer.
package harness
