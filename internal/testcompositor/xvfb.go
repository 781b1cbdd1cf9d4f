//go:build linux

package testcompositor

import (
	"os"
	"os/exec"
	"testing"

	"github.com/limber-app/limber/internal/testdesktop"
)

// Xvfb is a virtual X server started by StartXvfb.
type Xvfb struct {
	// Display is the display name, e.g. ":5".
	Display string
	proc    *process
}

// StartXvfb starts a virtual X server (1280x1024, 24 bit) for the duration
// of the test. The server picks a free display number itself (-displayfd),
// so parallel tests do not collide.
func StartXvfb(t testing.TB) *Xvfb {
	t.Helper()
	// testdesktop's launcher, with this package's process bookkeeping so
	// that a test can Stop the server while it runs.
	var p *process
	num, err := testdesktop.Launch(testdesktop.XvfbCommand(testdesktop.Require(t, "Xvfb")),
		func(cmd *exec.Cmd) error { p = start(t, "Xvfb", cmd); return nil }, startTimeout)
	if err != nil {
		t.Fatalf("Xvfb display number: %v", err)
	}
	return &Xvfb{Display: ":" + num, proc: p}
}

// Stop ends the X server, as when the session ends.
func (x *Xvfb) Stop() { x.proc.stop() }

// Run runs an X client (e.g. xdotool) on the display and fails the test if
// it fails.
func (x *Xvfb) Run(t testing.TB, tool string, args ...string) {
	t.Helper()
	cmd := exec.Command(testdesktop.Require(t, tool), args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+x.Display)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v: %s", tool, err, out)
	}
}
