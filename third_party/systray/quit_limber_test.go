//go:build (linux || freebsd || openbsd || netbsd) && !android

package systray

import (
	"os"
	"os/exec"
	"testing"
)

// TestQuitWithoutSessionBus: Run with no reachable session bus, then Quit,
// must return cleanly (upstream v1.12.2 panicked closing a nil
// connection). Run can start only once per process, so upstream's own
// Run/Quit test is run again in a child whose bus address leads nowhere.
func TestQuitWithoutSessionBus(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run", "^TestMenuItem_Remove$", "-test.count", "1")
	cmd.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/limber-test-bus")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("Run and Quit without a session bus: %v\n%s", err, out)
	}
}
