package harness

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/limber-app/limber/internal/testdesktop"
)

// startupTimeout bounds how long Xvfb and dbus-daemon may take to report
// that they are ready. Both normally answer in well under a second.
const startupTimeout = 15 * time.Second

// requiredTools maps each external program the harness runs to the Debian
// package that provides it, for the skip message.
var requiredTools = []struct{ bin, pkg string }{
	{"Xvfb", "xvfb"},
	{"dbus-daemon", "dbus"},
	{"xdotool", "xdotool"},
	{"import", "imagemagick"},
}

// passThroughEnv lists host variables children may inherit. Everything else
// (notably DBUS_SESSION_BUS_ADDRESS, WAYLAND_DISPLAY, XDG_CURRENT_DESKTOP) is
// dropped so nothing under test can reach the developer's real session.
var passThroughEnv = []string{"PATH", "TMPDIR", "GOCOVERDIR", "LIBGL_ALWAYS_SOFTWARE"}

// Desktop is a private X display plus a private session bus with its own
// HOME and XDG directories. Create it with NewDesktop; it tears itself down
// when the test ends.
type Desktop struct {
	tb testing.TB

	display string // ":N"
	busAddr string

	Home       string
	ConfigHome string
	StateHome  string
	CacheHome  string
	RuntimeDir string

	xvfb    *Process
	busProc *Process

	mu      sync.Mutex
	procs   []*Process
	closers []func()
	busConn *dbus.Conn
	x11     *X11
}

// NewDesktop starts Xvfb and a session bus and returns the desktop. It skips
// the test in -short mode, and when a required tool is missing (fails
// instead under CI=true).
func NewDesktop(tb testing.TB) *Desktop {
	tb.Helper()
	if testing.Short() {
		tb.Skip("e2e: needs Xvfb and a session bus; skipped in -short mode")
	}
	requireTools(tb)

	root := tb.TempDir()
	d := &Desktop{
		tb:         tb,
		Home:       filepath.Join(root, "home"),
		ConfigHome: filepath.Join(root, "config"),
		StateHome:  filepath.Join(root, "state"),
		CacheHome:  filepath.Join(root, "cache"),
		RuntimeDir: filepath.Join(root, "runtime"),
	}
	for _, dir := range []string{d.Home, d.ConfigHome, d.StateHome, d.CacheHome, d.RuntimeDir} {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			tb.Fatalf("harness: create %s: %v", dir, err)
		}
		// MkdirAll honours the umask; XDG_RUNTIME_DIR must be exactly 0700.
		if err := os.Chmod(dir, 0o700); err != nil {
			tb.Fatalf("harness: chmod %s: %v", dir, err)
		}
	}
	// Registered after TempDir, so it runs before the directories vanish.
	tb.Cleanup(d.teardown)

	if err := d.startXvfb(); err != nil {
		tb.Fatalf("harness: %v", err)
	}
	if err := d.startBus(); err != nil {
		tb.Fatalf("harness: %v", err)
	}
	tb.Logf("harness: desktop DISPLAY=%s bus=%s", d.display, d.busAddr)
	return d
}

// requireTools skips (or, under CI=true, fails) when an external program the
// harness needs is not installed.
func requireTools(tb testing.TB) {
	tb.Helper()
	var missing, pkgs []string
	for _, tool := range requiredTools {
		if _, err := exec.LookPath(tool.bin); err != nil {
			missing = append(missing, tool.bin)
			pkgs = append(pkgs, tool.pkg)
		}
	}
	if len(missing) == 0 {
		return
	}
	msg := fmt.Sprintf("e2e: missing %s; install with: sudo apt-get install -y %s",
		strings.Join(missing, ", "), strings.Join(pkgs, " "))
	if os.Getenv("CI") == "true" {
		tb.Fatal(msg)
	}
	tb.Skip(msg)
}

// Display returns the X display name, e.g. ":3".
func (d *Desktop) Display() string { return d.display }

// BusAddress returns the private session bus address.
func (d *Desktop) BusAddress() string { return d.busAddr }

// SocketPath is where the daemon's control socket must live under this
// desktop's XDG_RUNTIME_DIR (README.md, "Where files live").
func (d *Desktop) SocketPath() string {
	return filepath.Join(d.RuntimeDir, "limber", "limber.sock")
}

// Env returns the complete environment for a child process: the private
// display and bus, the private HOME and XDG directories, a UTF-8 locale and
// PATH. Extra "KEY=value" entries are appended (and so win).
func (d *Desktop) Env(extra ...string) []string {
	env := []string{
		"LANG=en_US.UTF-8",
		"HOME=" + d.Home,
		"XDG_CONFIG_HOME=" + d.ConfigHome,
		"XDG_STATE_HOME=" + d.StateHome,
		"XDG_CACHE_HOME=" + d.CacheHome,
		"XDG_RUNTIME_DIR=" + d.RuntimeDir,
		"XDG_SESSION_TYPE=x11",
	}
	if d.display != "" {
		env = append(env, "DISPLAY="+d.display)
	}
	if d.busAddr != "" {
		env = append(env, "DBUS_SESSION_BUS_ADDRESS="+d.busAddr)
	}
	for _, key := range passThroughEnv {
		if v, ok := os.LookupEnv(key); ok {
			env = append(env, key+"="+v)
		}
	}
	return append(env, extra...)
}

// displayNumber matches what Xvfb writes to -displayfd.
var displayNumber = regexp.MustCompile(`^[0-9]+$`)

// startXvfb lets Xvfb pick a free display itself (-displayfd), which is race
// free when several tests start desktops in parallel.
func (d *Desktop) startXvfb() error {
	line, proc, err := d.startReporting("Xvfb", testdesktop.XvfbCommand("Xvfb"))
	if err != nil {
		return err
	}
	d.xvfb = proc
	if !displayNumber.MatchString(line) {
		return fmt.Errorf("xvfb: unexpected -displayfd output %q", line)
	}
	d.display = ":" + line
	return nil
}

// startBus starts the session bus with DISPLAY already set. It activates no
// installed service: a test starts every server it wants itself, so a
// notification server installed on the machine never answers in place of
// the test's own.
func (d *Desktop) startBus() error {
	// Unix socket paths are limited to ~108 bytes; t.TempDir can exceed that.
	dir, err := os.MkdirTemp("", "limber-bus-")
	if err != nil {
		return fmt.Errorf("create bus dir: %w", err)
	}
	d.tb.Cleanup(func() { os.RemoveAll(dir) })
	conf, err := testdesktop.WriteBusConfig(dir)
	if err != nil {
		return err
	}
	line, proc, err := d.startReporting("dbus-daemon", testdesktop.BusCommand("dbus-daemon", "--config-file="+conf))
	if err != nil {
		return err
	}
	d.busProc = proc
	if !strings.Contains(line, ":") {
		return fmt.Errorf("dbus-daemon: unexpected address %q", line)
	}
	d.busAddr = line
	return nil
}

// startReporting starts a server that writes one line to fd 3 once it is
// ready (testdesktop.Launch) as one of the desktop's processes, and returns
// that line.
func (d *Desktop) startReporting(name string, cmd *exec.Cmd) (string, *Process, error) {
	cmd.Env = d.Env()
	var proc *Process
	line, err := testdesktop.Launch(cmd, func(c *exec.Cmd) error {
		var err error
		proc, err = d.start(name, c)
		return err
	}, startupTimeout)
	if err != nil && proc != nil {
		return "", proc, fmt.Errorf("%s: %w; stderr:\n%s", name, err, proc.Stderr())
	}
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", name, err)
	}
	return line, proc, nil
}

// Bus returns a shared client connection to the private session bus, for
// reading tray items and calling methods. It is closed at teardown.
func (d *Desktop) Bus() *dbus.Conn {
	d.tb.Helper()
	d.mu.Lock()
	conn := d.busConn
	d.mu.Unlock()
	if conn != nil {
		return conn
	}
	conn, err := d.dial()
	if err != nil {
		d.tb.Fatalf("harness: %v", err)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.busConn == nil { // a concurrent caller may have won; its extra conn closes at teardown
		d.busConn = conn
	}
	return d.busConn
}

// dial opens a new private connection to the desktop's bus. The caller owns
// it; onClose registers it for teardown.
func (d *Desktop) dial(opts ...dbus.ConnOption) (*dbus.Conn, error) {
	conn, err := dbus.Connect(d.busAddr, opts...)
	if err != nil {
		return nil, fmt.Errorf("connect to session bus %s: %w", d.busAddr, err)
	}
	d.onClose(func() { conn.Close() })
	return conn, nil
}

// WaitOffBus waits until no connection of process pid is left on the bus.
// The bus routes everything a connection sent before it drops it, so once
// an exited process is off the bus, every message it sent is on its way.
func (d *Desktop) WaitOffBus(pid int, timeout time.Duration) error {
	bus := d.Bus().BusObject()
	deadline := time.Now().Add(timeout)
	for {
		var names []string
		if err := bus.Call("org.freedesktop.DBus.ListNames", 0).Store(&names); err != nil {
			return fmt.Errorf("list bus names: %w", err)
		}
		on := ""
		for _, name := range names {
			var owner uint32
			if !strings.HasPrefix(name, ":") ||
				bus.Call("org.freedesktop.DBus.GetConnectionUnixProcessID", 0, name).Store(&owner) != nil {
				continue // a well-known name, or a connection that left meanwhile
			}
			if int(owner) == pid {
				on = name
				break
			}
		}
		if on == "" {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("process %d still on the bus as %s after %s", pid, on, timeout)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// onClose registers f to run at teardown, after the processes are stopped
// and before the bus and the X server go away.
func (d *Desktop) onClose(f func()) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.closers = append(d.closers, f)
}

// NameHasOwner reports whether a well-known name is owned on the bus.
func (d *Desktop) NameHasOwner(name string) (bool, error) {
	var has bool
	err := d.Bus().BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, name).Store(&has)
	if err != nil {
		return false, fmt.Errorf("NameHasOwner %s: %w", name, err)
	}
	return has, nil
}

// teardown saves artifacts on failure, then stops everything in reverse
// order of dependency: processes, client connections, bus, X server.
func (d *Desktop) teardown() {
	if d.tb.Failed() {
		d.saveArtifacts()
	}
	d.mu.Lock()
	procs := d.procs
	closers := d.closers
	d.procs, d.closers = nil, nil
	d.mu.Unlock()

	for i := len(procs) - 1; i >= 0; i-- {
		if p := procs[i]; p != d.xvfb && p != d.busProc {
			p.stop()
		}
	}
	for i := len(closers) - 1; i >= 0; i-- {
		closers[i]()
	}
	if d.busProc != nil {
		d.busProc.stop()
	}
	if d.xvfb != nil {
		d.xvfb.stop()
	}
}

// saveArtifacts writes a screenshot and every process's output to a
// directory that outlives the test (t.TempDir would be removed), and logs
// the paths and the tail of each stderr.
func (d *Desktop) saveArtifacts() {
	dir := os.Getenv("LIMBER_E2E_ARTIFACTS")
	var err error
	if dir != "" {
		dir = filepath.Join(dir, sanitize(d.tb.Name()))
		err = os.MkdirAll(dir, 0o755)
	} else {
		dir, err = os.MkdirTemp("", "limber-e2e-"+sanitize(d.tb.Name())+"-")
	}
	if err != nil {
		d.tb.Logf("harness: cannot create artifacts dir: %v", err)
		return
	}
	if d.display != "" {
		shot := filepath.Join(dir, "screen.png")
		if err := d.Screenshot(shot); err != nil {
			d.tb.Logf("harness: screenshot failed: %v", err)
		} else {
			d.tb.Logf("harness: screenshot saved to %s", shot)
		}
	}
	d.mu.Lock()
	procs := append([]*Process(nil), d.procs...)
	d.mu.Unlock()
	for i, p := range procs {
		base := filepath.Join(dir, fmt.Sprintf("%02d-%s", i, sanitize(p.name)))
		for suffix, text := range map[string]string{".stdout": p.Stdout(), ".stderr": p.Stderr()} {
			if text == "" {
				continue
			}
			if err := os.WriteFile(base+suffix, []byte(text), 0o644); err != nil {
				d.tb.Logf("harness: save %s: %v", base+suffix, err)
			}
		}
		if p == d.xvfb || p == d.busProc {
			continue
		}
		d.tb.Logf("harness: %s (pid %d) stderr, last lines (full output in %s.*):\n%s",
			p.name, p.Pid(), base, tail(p.Stderr(), 40))
	}
}

// Screenshot saves the whole display as PNG with ImageMagick's import.
func (d *Desktop) Screenshot(path string) error {
	cmd := exec.Command("import", "-window", "root", "-display", d.display, path)
	cmd.Env = d.Env()
	out, err := runWithTimeout(cmd, 20*time.Second)
	if err != nil {
		return fmt.Errorf("import -window root: %w: %s", err, out)
	}
	return nil
}

// xdotool runs xdotool on this display.
func (d *Desktop) xdotool(args ...string) error {
	cmd := exec.Command("xdotool", args...)
	cmd.Env = d.Env()
	out, err := runWithTimeout(cmd, 10*time.Second)
	if err != nil {
		return fmt.Errorf("xdotool %s: %w: %s", strings.Join(args, " "), err, out)
	}
	return nil
}

// MoveMouse moves the pointer to (x, y) with XTest, which counts as user
// input for the X screensaver idle timer.
func (d *Desktop) MoveMouse(x, y int) error {
	return d.xdotool("mousemove", fmt.Sprint(x), fmt.Sprint(y))
}

// runWithTimeout runs cmd and returns its combined output, killing it after
// timeout.
func runWithTimeout(cmd *exec.Cmd, timeout time.Duration) (string, error) {
	var out strings.Builder
	cmd.Stdout = &out
	cmd.Stderr = &out
	if err := cmd.Start(); err != nil {
		return "", err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return out.String(), err
	case <-time.After(timeout):
		_ = cmd.Process.Kill()
		<-done
		return out.String(), fmt.Errorf("timed out after %s", timeout)
	}
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// sanitize makes a test or process name usable as a file name.
func sanitize(name string) string {
	return unsafeChars.ReplaceAllString(name, "_")
}

// isExited reports whether err from Signal means the process is gone.
func isExited(err error) bool {
	return errors.Is(err, os.ErrProcessDone) || errors.Is(err, syscall.ESRCH)
}
