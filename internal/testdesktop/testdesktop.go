// Package testdesktop starts throw-away X (Xvfb) and D-Bus servers for
// tests, so that they exercise the real wire protocols without touching the
// developer's desktop session. The reminders platform packages use Xvfb and
// DBus directly; the end-to-end harness (e2e/harness) builds its private
// desktop from XvfbCommand, BusCommand and Launch.
//
// The test helpers skip the test when the server binary is missing, unless
// the environment variable CI is "true": on CI a missing tool is a broken
// image and must fail loudly instead of silently testing nothing.
package testdesktop

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// startTimeout bounds how long a server may take to come up.
const startTimeout = 10 * time.Second

// busConfig is a minimal session-bus configuration. Unlike the system's
// session.conf it lists no service directories, so a name nobody owns stays
// unowned instead of being activated from the host's installed services.
const busConfig = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%s</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// WriteBusConfig writes a session-bus configuration listening in dir (keep
// it short: a Unix socket path has ~108 bytes) that activates no installed
// service, and returns its path for --config-file. Without it, a
// notification server installed on the machine (dunst, say) would be
// started on demand and answer in place of the test's own.
func WriteBusConfig(dir string) (string, error) {
	conf := filepath.Join(dir, "bus.conf")
	if err := os.WriteFile(conf, []byte(fmt.Sprintf(busConfig, dir)), 0o600); err != nil {
		return "", fmt.Errorf("write bus config: %w", err)
	}
	return conf, nil
}

// Require skips the test when the named executable is not on PATH, or fails
// it when CI=true, and returns its path.
func Require(t testing.TB, tool string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is required on CI (scripts/deps.sh test installs it): %v", tool, err)
	}
	t.Skipf("%s not installed: %v", tool, err)
	return ""
}

// DBus starts a private dbus-daemon for the duration of the test and returns
// its address.
func DBus(t testing.TB) string {
	t.Helper()
	bin := Require(t, "dbus-daemon")
	// Unix socket paths are limited to ~108 bytes; t.TempDir can exceed that.
	dir, err := os.MkdirTemp("", "testdesktop")
	if err != nil {
		t.Fatalf("create bus dir: %v", err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	conf, err := WriteBusConfig(dir)
	if err != nil {
		t.Fatal(err)
	}

	cmd := BusCommand(bin, "--config-file="+conf)
	addr, err := Launch(cmd, (*exec.Cmd).Start, startTimeout)
	t.Cleanup(func() { stop(cmd) })
	if err != nil {
		t.Fatalf("dbus-daemon: %v", err)
	}
	return addr
}

// Conn opens a new connection to the bus at addr, closed when the test ends.
func Conn(t testing.TB, addr string) *dbus.Conn {
	t.Helper()
	conn, err := dbus.Connect(addr)
	if err != nil {
		t.Fatalf("connect %s: %v", addr, err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// Own connects to the bus at addr and requests the well-known name, as a fake
// service would.
func Own(t testing.TB, addr, name string) *dbus.Conn {
	t.Helper()
	conn := Conn(t, addr)
	reply, err := conn.RequestName(name, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("request name %s: reply %v, err %v", name, reply, err)
	}
	return conn
}

// Xvfb starts a virtual X server (1280x1024, 24 bit) for the duration of the
// test and returns its display name, e.g. ":5". The server picks a free
// display number itself (-displayfd), so parallel tests do not collide.
func Xvfb(t testing.TB) string {
	t.Helper()
	bin := Require(t, "Xvfb")
	cmd := XvfbCommand(bin)
	num, err := Launch(cmd, (*exec.Cmd).Start, startTimeout)
	t.Cleanup(func() { stop(cmd) })
	if err != nil {
		t.Fatalf("Xvfb: %v", err)
	}
	return ":" + num
}

// XvfbCommand is Xvfb (bin) on a 1280x1024, 24-bit screen that picks a free
// display number itself and reports it on fd 3 when ready (see Launch).
func XvfbCommand(bin string) *exec.Cmd {
	return exec.Command(bin, "-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
}

// BusCommand is dbus-daemon (bin) in the foreground, reporting its address
// on fd 3 when ready (see Launch); args choose its configuration
// ("--session", or "--config-file=…").
func BusCommand(bin string, args ...string) *exec.Cmd {
	return exec.Command(bin, append([]string{"--nofork", "--nopidfile", "--print-address=3"}, args...)...)
}

// Launch starts cmd through start (exec.Cmd.Start, or a wrapper that also
// records the process) with a pipe as fd 3, and returns the first line the
// server writes there once it is ready: Xvfb's display number, dbus-daemon's
// address. A server that exits first, or says nothing within timeout, is an
// error; the caller stops the process either way.
func Launch(cmd *exec.Cmd, start func(*exec.Cmd) error, timeout time.Duration) (string, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return "", fmt.Errorf("pipe: %w", err)
	}
	defer r.Close()
	cmd.ExtraFiles = []*os.File{w}
	err = start(cmd)
	w.Close() // the child holds its own copy; EOF now means it died
	if err != nil {
		return "", fmt.Errorf("start: %w", err)
	}
	return readLine(r, timeout)
}

// readLine returns the first line written to r, or an error if none arrives
// within timeout.
func readLine(r io.Reader, timeout time.Duration) (string, error) {
	type result struct {
		line string
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		line, err := bufio.NewReader(r).ReadString('\n')
		ch <- result{strings.TrimSpace(line), err}
	}()
	select {
	case res := <-ch:
		if res.line == "" {
			return "", fmt.Errorf("exited before it was ready (%v)", res.err)
		}
		return res.line, nil
	case <-time.After(timeout):
		return "", fmt.Errorf("not ready after %v", timeout)
	}
}

// stop terminates a server started by this package and reaps it.
func stop(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	_ = cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		_ = cmd.Process.Kill()
		<-done
	}
}
