//go:build linux

package testcompositor

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/godbus/dbus/v5"

	"github.com/limber-app/limber/internal/testdesktop"
)

// Mutter D-Bus names used by the tests.
const (
	IdleMonitorName   = "org.gnome.Mutter.IdleMonitor"
	remoteDesktopName = "org.gnome.Mutter.RemoteDesktop"
)

// Mutter is a headless GNOME Mutter started by StartMutter.
type Mutter struct {
	// Bus is the address of the session bus Mutter serves.
	Bus string
	// RuntimeDir is Mutter's XDG_RUNTIME_DIR, which holds its Wayland
	// socket.
	RuntimeDir string
	proc       *process
}

// Socket is the absolute path of Mutter's Wayland socket, a client's
// WAYLAND_DISPLAY; "" if there is none.
func (m *Mutter) Socket() string {
	matches, _ := filepath.Glob(filepath.Join(m.RuntimeDir, "wayland-*"))
	for _, p := range matches {
		if !strings.HasSuffix(p, ".lock") {
			return p
		}
	}
	return ""
}

// StartMutter starts `mutter --headless --wayland --no-x11` with one virtual
// monitor on the session bus at bus, in a private XDG_RUNTIME_DIR, and
// waits until its IdleMonitor and RemoteDesktop services are on the bus.
// Headless Mutter needs no seat or logind, so it also runs as root in a
// container.
func StartMutter(t testing.TB, bus string) *Mutter {
	t.Helper()
	bin := testdesktop.Require(t, "mutter")
	dir := tempDir(t, "mutter")
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatalf("chmod mutter runtime dir: %v", err)
	}
	cmd := exec.Command(bin, "--headless", "--wayland", "--no-x11", "--virtual-monitor", "1280x800")
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + dir,
		"XDG_RUNTIME_DIR=" + dir,
		"DBUS_SESSION_BUS_ADDRESS=" + bus,
		// Settings and caches stay in the private dir instead of the
		// developer's dconf database.
		"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"XDG_CACHE_HOME=" + filepath.Join(dir, "cache"),
		"GSETTINGS_BACKEND=memory",
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	m := &Mutter{Bus: bus, RuntimeDir: dir, proc: start(t, "mutter", cmd)}

	conn, err := dbus.Connect(bus)
	if err != nil {
		t.Fatalf("connect to test bus: %v", err)
	}
	defer conn.Close()
	ready := func() error {
		for _, name := range []string{IdleMonitorName, remoteDesktopName} {
			var has bool
			if err := conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, name).Store(&has); err != nil {
				return err
			}
			if !has {
				return fmt.Errorf("%s not on the bus yet", name)
			}
		}
		return nil
	}
	if err := waitFor(m.proc, "mutter", ready); err != nil {
		t.Fatal(err)
	}
	return m
}

// Stop ends Mutter, as when the session ends or gnome-shell restarts.
func (m *Mutter) Stop() { m.proc.stop() }

// RemoteInput injects input into Mutter through a RemoteDesktop session.
// The session lives as long as the D-Bus connection that created it, so it
// keeps its own.
type RemoteInput struct {
	conn    *dbus.Conn
	session dbus.BusObject
}

const sessionIface = "org.gnome.Mutter.RemoteDesktop.Session"

// RemoteInput creates and starts a RemoteDesktop session, stopped when the
// test ends.
func (m *Mutter) RemoteInput(t testing.TB) *RemoteInput {
	t.Helper()
	conn, err := dbus.Connect(m.Bus)
	if err != nil {
		t.Fatalf("connect to test bus: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	var path dbus.ObjectPath
	rd := conn.Object(remoteDesktopName, "/org/gnome/Mutter/RemoteDesktop")
	if err := rd.Call(remoteDesktopName+".CreateSession", 0).Store(&path); err != nil {
		t.Fatalf("RemoteDesktop.CreateSession: %v", err)
	}
	r := &RemoteInput{conn: conn, session: conn.Object(remoteDesktopName, path)}
	if err := r.session.Call(sessionIface+".Start", 0).Err; err != nil {
		t.Fatalf("RemoteDesktop.Session.Start: %v", err)
	}
	return r
}

// keysymShift is XK_Shift_L: a key press that types nothing.
const keysymShift = 0xffe1

// PressKey presses and releases Shift.
func (r *RemoteInput) PressKey() error {
	for _, down := range []bool{true, false} {
		if err := r.session.Call(sessionIface+".NotifyKeyboardKeysym", 0, uint32(keysymShift), down).Err; err != nil {
			return fmt.Errorf("NotifyKeyboardKeysym: %w", err)
		}
	}
	return nil
}

// MovePointer moves the pointer by a few pixels.
func (r *RemoteInput) MovePointer() error {
	if err := r.session.Call(sessionIface+".NotifyPointerMotionRelative", 0, 3.0, 2.0).Err; err != nil {
		return fmt.Errorf("NotifyPointerMotionRelative: %w", err)
	}
	return nil
}
