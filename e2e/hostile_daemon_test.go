package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"

	"github.com/limber-app/limber/e2e/harness"
)

// waitRunning waits until the daemon answers on its socket.
func waitRunning(t *testing.T, d *harness.Desktop, daemon *harness.Process) {
	t.Helper()
	deadline := time.Now().Add(registerTimeout)
	for {
		if _, _, code := d.Run("status"); code == 0 {
			return
		}
		if daemon.Exited() || time.Now().After(deadline) {
			t.Fatalf("daemon not answering; stderr:\n%s", daemon.Stderr())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// quitCleanly runs `limber quit` and checks the daemon leaves nothing.
func quitCleanly(t *testing.T, d *harness.Desktop, daemon *harness.Process) {
	t.Helper()
	if _, errOut, code := d.Run("quit"); code != 0 {
		t.Fatalf("limber quit exited %d; stderr:\n%s", code, errOut)
	}
	checkGone(t, d, daemon)
}

var ownPanic = regexp.MustCompile(`(?m)^panic: `)

// checkGone: the daemon exits 0 without a panic and removes its socket.
func checkGone(t *testing.T, d *harness.Desktop, daemon *harness.Process) {
	t.Helper()
	code, err := daemon.Wait(quitTimeout + 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	// The daemon's own panic starts a line; a window's is quoted in a log
	// record.
	if code != 0 || ownPanic.MatchString(daemon.Stderr()) {
		t.Errorf("daemon exited %d; stderr:\n%s", code, daemon.Stderr())
	}
	if _, err := os.Stat(d.SocketPath()); !os.IsNotExist(err) {
		t.Errorf("control socket still there after quitting (stat: %v)", err)
	}
}

// TestHostileUnreachableBus: with a bus address that leads nowhere the
// daemon runs without a tray, says so in status, and quits cleanly.
func TestHostileUnreachableBus(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	daemon := d.StartLimberEnv([]string{"DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent"})
	waitRunning(t, d, daemon)
	if tray := statusOf(t, d).Tray; tray != "no_session_bus" {
		t.Errorf("status tray = %q with an unreachable bus, want no_session_bus", tray)
	}
	quitCleanly(t, d, daemon)
}

// TestHostileNoBusNoAutolaunch: with no session bus address and no bus in
// the runtime folder, neither the daemon nor a window it opens launches a
// bus (a dbus-launch on PATH records any call); one log line says why
// there is no tray.
func TestHostileNoBusNoAutolaunch(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	bin := t.TempDir()
	marker := filepath.Join(t.TempDir(), "dbus-launch-called")
	script := "#!/bin/sh\ntouch '" + marker + "'\necho DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent\n"
	if err := os.WriteFile(filepath.Join(bin, "dbus-launch"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	daemon := d.StartLimberEnv([]string{"DBUS_SESSION_BUS_ADDRESS=", "PATH=" + bin + ":" + os.Getenv("PATH")})
	waitRunning(t, d, daemon)
	if tray := statusOf(t, d).Tray; tray != "no_session_bus" {
		t.Errorf("status tray = %q without a bus, want no_session_bus", tray)
	}
	// A window process: Fyne opens the session bus itself.
	if _, errOut, code := d.Run("stats"); code != 0 {
		t.Fatalf("limber stats exited %d; stderr:\n%s", code, errOut)
	}
	win, err := d.X11().WaitViewable("Limber", openTimeout)
	if err != nil {
		t.Fatalf("%v\ndaemon stderr:\n%s", err, daemon.Stderr())
	}
	time.Sleep(time.Second)
	closeAndWait(t, d, win)
	quitCleanly(t, d, daemon)
	if _, err := os.Stat(marker); err == nil {
		t.Error("dbus-launch was run: a session bus was autolaunched")
	}
	if n := countLines(daemon.Stderr(), "no tray icon"); n != 1 {
		t.Errorf("%d stderr lines say there is no tray for want of a bus, want 1:\n%s", n, daemon.Stderr())
	}
}

// TestHostileSIGTERM: SIGTERM (and SIGINT) quit like `limber quit`: exit
// 0, socket removed, open windows closed, tray item gone.
func TestHostileSIGTERM(t *testing.T) {
	t.Parallel()
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			s := startSession(t)
			if _, errOut, code := s.Run("routine", routineID); code != 0 {
				t.Fatalf("limber routine exited %d; stderr:\n%s", code, errOut)
			}
			win, err := s.X11().WaitViewable(routineName, openTimeout)
			if err != nil {
				t.Fatal(err)
			}
			waitStatus(t, s.Desktop, "in_routine", func(st status) bool { return st.State == "in_routine" }, openTimeout)
			if err := s.daemon.Signal(sig); err != nil {
				t.Fatal(err)
			}
			checkGone(t, s.Desktop, s.daemon)
			if err := s.X11().WaitGone(win.Title, goneTimeout); err != nil {
				t.Errorf("routine window left open: %v", err)
			}
			if err := s.watcher.WaitFor(func(items []harness.Item) bool { return len(items) == 0 }, time.Second); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestHostileWatcherRestart: when the tray host restarts, and its watcher
// takes the name before it publishes its object (so the first
// registration fails), the icon comes back, and status tells the truth
// meanwhile.
func TestHostileWatcherRestart(t *testing.T) {
	t.Parallel()
	s := startSession(t)
	if tray := statusOf(t, s.Desktop).Tray; tray != "shown" {
		t.Errorf("status tray = %q with the item registered, want shown", tray)
	}
	if err := s.watcher.Stop(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if tray := statusOf(t, s.Desktop).Tray; tray != "no_watcher" {
		t.Errorf("status tray = %q with the watcher gone, want no_watcher", tray)
	}
	w := s.StartWatcherClaimingFirst(50 * time.Millisecond)
	if _, err := w.WaitItem(registerTimeout); err != nil {
		t.Fatalf("item not registered with the restarted watcher: %v\nstderr:\n%s", err, s.daemon.Stderr())
	}
	if tray := statusOf(t, s.Desktop).Tray; tray != "shown" {
		t.Errorf("status tray = %q after re-registering, want shown", tray)
	}
	quitCleanly(t, s.Desktop, s.daemon)
}

// TestHostileWindowFailsWithoutDisplay: a daemon without a display starts
// a window that cannot open; `limber routine` says so and exits 5 instead
// of reporting success.
func TestHostileWindowFailsWithoutDisplay(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	w := d.StartWatcher()
	daemon := d.StartLimberEnv([]string{"DISPLAY=", "WAYLAND_DISPLAY="})
	if _, err := w.WaitItem(registerTimeout); err != nil {
		t.Fatalf("%v\nstderr:\n%s", err, daemon.Stderr())
	}
	_, errOut, code := d.Run("routine", routineID)
	if code != 5 {
		t.Errorf("limber routine exited %d with a daemon that has no display, want 5; stderr:\n%s", code, errOut)
	}
	quitCleanly(t, d, daemon)
}
