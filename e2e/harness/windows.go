package harness

import (
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// captureTimeout bounds one window capture; import normally takes well
// under a second on Xvfb.
const captureTimeout = 20 * time.Second

// StartLimberEnv starts the limber binary like StartLimber, with extra
// "KEY=value" entries added to the desktop environment (they win over the
// defaults), e.g. FYNE_THEME=dark for a window process.
func (d *Desktop) StartLimberEnv(extraEnv []string, args ...string) *Process {
	d.tb.Helper()
	bin, err := Binary()
	if err != nil {
		d.tb.Fatalf("harness: %v", err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = d.Env(extraEnv...)
	name := strings.Join(append(append(append([]string{}, extraEnv...), baseName(bin)), args...), " ")
	p, err := d.start(name, cmd)
	if err != nil {
		d.tb.Fatalf("harness: %v", err)
	}
	return p
}

// CaptureWindow saves the window's contents as PNG. It crops a capture of
// the root window to the window's rectangle rather than reading the window
// itself: that is what the user sees, and it works the same for GL windows.
func (d *Desktop) CaptureWindow(win Window, path string) error {
	if win.Width <= 0 || win.Height <= 0 {
		return fmt.Errorf("capture window %q: empty geometry %dx%d", win.Title, win.Width, win.Height)
	}
	crop := fmt.Sprintf("%dx%d+%d+%d", win.Width, win.Height, win.X, win.Y)
	cmd := exec.Command("import", "-display", d.display, "-window", "root", "-crop", crop, "+repage", path)
	cmd.Env = d.Env()
	out, err := runWithTimeout(cmd, captureTimeout)
	if err != nil {
		return fmt.Errorf("capture window %q (%s): %w: %s", win.Title, crop, err, out)
	}
	return nil
}

// Key focuses the window and presses keys (xdotool names such as "space",
// "Escape", "Right") with XTest, as a user at the keyboard would. Without a
// window manager nothing else moves the focus, so it stays put.
func (d *Desktop) Key(win Window, keys ...string) error {
	if err := d.xdotool("windowfocus", "--sync", fmt.Sprint(win.ID)); err != nil {
		return err
	}
	return d.xdotool(append([]string{"key", "--clearmodifiers"}, keys...)...)
}

// Click moves the pointer to (x, y), relative to the window's top-left
// corner, and clicks the left button there with XTest.
func (d *Desktop) Click(win Window, x, y int) error {
	if x < 0 || y < 0 || x >= win.Width || y >= win.Height {
		return fmt.Errorf("click at %d,%d: outside window %q (%dx%d)", x, y, win.Title, win.Width, win.Height)
	}
	if err := d.MoveMouse(win.X+x, win.Y+y); err != nil {
		return err
	}
	return d.xdotool("click", "1")
}
