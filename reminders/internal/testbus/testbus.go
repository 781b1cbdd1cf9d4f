// Package testbus starts throw-away D-Bus and X servers for the tests of the
// reminders platform packages, so that they exercise the real wire protocols
// without touching the developer's desktop session.
//
// Both helpers skip the test when the server binary is missing, unless the
// environment variable CI is "true": on CI a missing tool is a broken image
// and must fail loudly instead of silently testing nothing.
package testbus

import (
	"bufio"
	"fmt"
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

// Require skips the test when the named executable is not on PATH, or fails
// it when CI=true, and returns its path.
func Require(t testing.TB, tool string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is required on CI: %v", tool, err)
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
	dir, err := os.MkdirTemp("", "testbus")
	if err != nil {
		t.Fatalf("create bus dir: %v", err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	conf := filepath.Join(dir, "bus.conf")
	if err := os.WriteFile(conf, []byte(fmt.Sprintf(busConfig, dir)), 0o600); err != nil {
		t.Fatalf("write bus config: %v", err)
	}

	cmd := exec.Command(bin, "--config-file="+conf, "--print-address=1", "--nofork", "--nopidfile")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatalf("dbus-daemon stdout: %v", err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start dbus-daemon: %v", err)
	}
	t.Cleanup(func() { stop(cmd) })

	addr, err := readLine(out)
	if err != nil {
		t.Fatalf("dbus-daemon address: %v", err)
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
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatalf("pipe: %v", err)
	}
	defer r.Close()
	cmd := exec.Command(bin, "-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		w.Close()
		t.Fatalf("start Xvfb: %v", err)
	}
	w.Close()
	t.Cleanup(func() { stop(cmd) })

	num, err := readLine(r)
	if err != nil {
		t.Fatalf("Xvfb display number: %v", err)
	}
	return ":" + num
}

// readLine returns the first line written to r, or an error if none arrives
// within startTimeout.
func readLine(r interface{ Read([]byte) (int, error) }) (string, error) {
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
		if res.line == "" && res.err != nil {
			return "", res.err
		}
		return res.line, nil
	case <-time.After(startTimeout):
		return "", fmt.Errorf("no output after %v", startTimeout)
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
