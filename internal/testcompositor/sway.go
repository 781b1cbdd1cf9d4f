//go:build linux

package testcompositor

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/limber-app/limber/internal/testdesktop"
)

// swayConfig keeps sway minimal: no Xwayland (and so no X server to find),
// no bar, no idle daemon, and one output of a known size (for Click).
const swayConfig = "xwayland disable\noutput HEADLESS-1 resolution 1280x800\n"

// Width and Height are the size of sway's one output.
const (
	Width  = 1280
	Height = 800
)

// nobody is the unprivileged user sway and its clients run as when the tests
// run as root: sway refuses to start as root.
const nobody = 65534

// Sway is a headless sway (wlroots) compositor started by StartSway.
type Sway struct {
	// RuntimeDir holds the compositor's socket; it is the clients'
	// XDG_RUNTIME_DIR.
	RuntimeDir string
	// Display is the socket's name in RuntimeDir, the clients'
	// WAYLAND_DISPLAY, e.g. "wayland-1".
	Display string

	cred *syscall.Credential
	proc *process
}

// StartSway starts sway with the headless wlroots backend and the pixman
// renderer (no GPU, no input devices) and waits until its socket accepts
// connections. Run as root, sway runs as nobody in a runtime directory
// nobody owns, with a world-writable socket so that the test process can
// still connect.
func StartSway(t testing.TB) *Sway {
	t.Helper()
	bin := testdesktop.Require(t, "sway")
	dir := tempDir(t, "sway")
	conf := filepath.Join(dir, "config")
	if err := os.WriteFile(conf, []byte(swayConfig), 0o644); err != nil {
		t.Fatalf("write sway config: %v", err)
	}
	s := &Sway{RuntimeDir: dir}
	if os.Geteuid() == 0 {
		s.cred = &syscall.Credential{Uid: nobody, Gid: nobody, Groups: []uint32{}}
		if err := os.Chown(dir, nobody, nobody); err != nil {
			t.Fatalf("chown sway runtime dir: %v", err)
		}
	}
	if err := os.Chmod(dir, 0o711); err != nil {
		t.Fatalf("chmod sway runtime dir: %v", err)
	}
	// umask 0 makes the socket connectable by the test process whatever
	// user it runs as.
	cmd := exec.Command("/bin/sh", "-c", `umask 0; exec "$0" "$@"`, bin, "-c", conf)
	cmd.Env = append(s.baseEnv(),
		"WLR_BACKENDS=headless",
		"WLR_LIBINPUT_NO_DEVICES=1",
		"WLR_RENDERER=pixman",
	)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred, Setpgid: true}
	s.proc = start(t, "sway", cmd)
	if err := waitFor(s.proc, "sway", s.findSocket); err != nil {
		t.Fatal(err)
	}
	return s
}

// baseEnv is the environment sway and its clients share: a clean one, so
// that the developer's own WAYLAND_DISPLAY or DISPLAY never leaks in.
func (s *Sway) baseEnv() []string {
	return []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + s.RuntimeDir,
		"XDG_RUNTIME_DIR=" + s.RuntimeDir,
	}
}

// findSocket sets Display once sway's socket accepts a connection.
func (s *Sway) findSocket() error {
	matches, _ := filepath.Glob(filepath.Join(s.RuntimeDir, "wayland-*"))
	for _, m := range matches {
		if strings.HasSuffix(m, ".lock") {
			continue
		}
		c, err := net.Dial("unix", m)
		if err != nil {
			return err
		}
		c.Close()
		s.Display = filepath.Base(m)
		return nil
	}
	return fmt.Errorf("no wayland socket in %s yet", s.RuntimeDir)
}

// Socket is the absolute path of the compositor's socket.
func (s *Sway) Socket() string { return filepath.Join(s.RuntimeDir, s.Display) }

// Env is the environment of a client of this compositor.
func (s *Sway) Env() []string {
	return append(s.baseEnv(), "WAYLAND_DISPLAY="+s.Display)
}

// Run runs a Wayland client (e.g. wtype) against the compositor as the
// compositor's user and fails the test if it fails.
func (s *Sway) Run(t testing.TB, tool string, args ...string) {
	t.Helper()
	cmd := exec.Command(testdesktop.Require(t, tool), args...)
	cmd.Env = s.Env()
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v: %s", tool, strings.Join(args, " "), err, out)
	}
}

// Stop ends the compositor, as when the session ends or it crashes.
func (s *Sway) Stop() { s.proc.stop() }
