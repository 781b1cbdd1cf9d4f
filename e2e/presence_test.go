package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/e2e/harness"
	"github.com/limber-app/limber/internal/testcompositor"
)

// Presence against real desktops: the X server's SYNC alarms (Xvfb), a
// headless GNOME Mutter and a headless sway push "idle" and "active" to
// the daemon, which must notice the return within a second, not at its
// next poll. The compositors come from internal/testcompositor; they are
// never skipped under CI=true.

const (
	presenceBreak = 3 * time.Second // --natural-break of these tests
	returnWithin  = time.Second     // input → `limber status` says sitting
)

var presenceFlags = []string{"--natural-break", "3s"}

// presenceSession is a desktop (private bus, tray host, notification
// server) with a daemon started in env.
type presenceSession struct {
	*harness.Desktop
	notes  *harness.Notifications
	daemon *harness.Process
}

func startPresence(tb testing.TB, env []string, args ...string) *presenceSession {
	tb.Helper()
	d := harness.NewDesktop(tb)
	return startPresenceOn(tb, d, env, args...)
}

func startPresenceOn(tb testing.TB, d *harness.Desktop, env []string, args ...string) *presenceSession {
	tb.Helper()
	w := d.StartWatcher()
	s := &presenceSession{Desktop: d, notes: d.StartNotifications()}
	s.daemon = d.StartLimberEnv(env, append(append([]string{}, presenceFlags...), args...)...)
	if _, err := w.WaitItem(registerTimeout); err != nil {
		tb.Fatalf("daemon did not register a tray item: %v\nstderr:\n%s", err, s.daemon.Stderr())
	}
	return s
}

// expectSource checks that the daemon picked source and watches its events.
func (s *presenceSession) expectSource(tb testing.TB, source string) {
	tb.Helper()
	p := waitStatus(tb, s.Desktop, "idle_events", func(p status) bool { return p.IdleEvents }, 5*time.Second)
	if p.IdleSource != source {
		tb.Fatalf("idle_source = %q, want %q\nstderr:\n%s", p.IdleSource, source, s.daemon.Stderr())
	}
}

// awayThenBack waits until the daemon says away, then gives input and
// returns how long until `limber status` said sitting, and that status.
func (s *presenceSession) awayThenBack(tb testing.TB, input func()) (time.Duration, status) {
	tb.Helper()
	waitStatus(tb, s.Desktop, "away after natural_break", func(p status) bool { return p.State == "away" },
		presenceBreak+5*time.Second)
	begin := time.Now()
	input()
	p := waitStatus(tb, s.Desktop, "sitting after input", func(p status) bool { return p.State == "sitting" }, 10*time.Second)
	return time.Since(begin), p
}

// checkReturn fails unless the return was seen within returnWithin and
// sitting counts from it.
func checkReturn(tb testing.TB, latency time.Duration, p status) {
	tb.Helper()
	tb.Logf("return seen after %v", latency.Round(time.Millisecond))
	if latency > returnWithin {
		tb.Errorf("status said sitting %v after the input, want within %v", latency.Round(time.Millisecond), returnWithin)
	}
	if p.SittingSeconds > 1 {
		tb.Errorf("sitting_seconds = %g right after the return, want it counted from the return (≤ 1)", p.SittingSeconds)
	}
}

// TestPresenceX11: XSync alarms on Xvfb, input with xdotool. The return is
// seen within a second, and with --sitting-limit 10s the reminder comes
// 10 ± 1.5 s after input starts.
func TestPresenceX11(t *testing.T) {
	t.Parallel()
	s := startPresence(t, nil, append(quickLull(t), "--sitting-limit", "10s")...)
	s.expectSource(t, "x11")

	var stop func()
	latency, p := s.awayThenBack(t, func() { stop = steadyInput(t, s.Desktop, inputInterval) })
	begin := time.Now().Add(-latency)
	defer stop()
	checkReturn(t, latency, p)

	if _, err := s.notes.Wait(isStandReminder, 15*time.Second); err != nil {
		t.Fatalf("no reminder under steady input: %v\nstderr:\n%s", err, s.daemon.Stderr())
	}
	after := time.Since(begin)
	t.Logf("reminder %v after input began", after.Round(time.Millisecond))
	if after < 10*time.Second-1500*time.Millisecond || after > 10*time.Second+1500*time.Millisecond {
		t.Errorf("reminder came %v after input began, want 10 ± 1.5 s", after.Round(time.Millisecond))
	}
}

// gnomeEnv is how a GNOME Wayland session describes itself to the daemon.
func gnomeEnv(m *testcompositor.Mutter) []string {
	return []string{"XDG_SESSION_TYPE=wayland", "XDG_CURRENT_DESKTOP=GNOME", "WAYLAND_DISPLAY=" + m.Socket(), "DISPLAY="}
}

// swayEnv is a wlroots Wayland session: WAYLAND_DISPLAY is the absolute
// path of sway's socket, so the daemon keeps the desktop's runtime dir
// (and its control socket).
func swayEnv(sw *testcompositor.Sway) []string {
	return []string{"XDG_SESSION_TYPE=wayland", "WAYLAND_DISPLAY=" + sw.Socket(), "DISPLAY="}
}

// TestPresenceMutter: a real headless Mutter on the desktop's bus, input
// through its RemoteDesktop API.
func TestPresenceMutter(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	m := testcompositor.StartMutter(t, d.BusAddress())
	input := m.RemoteInput(t)
	s := startPresenceOn(t, d, gnomeEnv(m))
	s.expectSource(t, "mutter")
	latency, p := s.awayThenBack(t, func() {
		if err := input.MovePointer(); err != nil {
			t.Fatal(err)
		}
	})
	checkReturn(t, latency, p)
}

// TestPresenceSway: a real headless sway (wlroots, org_kde_kwin_idle or
// ext_idle_notifier_v1), input with wtype (a Shift key press).
func TestPresenceSway(t *testing.T) {
	t.Parallel()
	sw := testcompositor.StartSway(t)
	s := startPresence(t, swayEnv(sw))
	s.expectSource(t, "wayland")
	latency, p := s.awayThenBack(t, func() { sw.Run(t, "wtype", "-k", "Shift_L") })
	checkReturn(t, latency, p)
}

// TestPresenceFallback kills the compositor (or X server) under a running
// daemon: it logs one line, falls back to the next source in the auto
// order (none here: nothing else runs), shows that in `limber status`,
// keeps answering and does not spin.
func TestPresenceFallback(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, source string
		start        func(t *testing.T, d *harness.Desktop) (env []string, stop func())
	}{
		{"sway", "wayland", func(t *testing.T, _ *harness.Desktop) ([]string, func()) {
			sw := testcompositor.StartSway(t)
			return swayEnv(sw), sw.Stop
		}},
		{"xvfb", "x11", func(t *testing.T, _ *harness.Desktop) ([]string, func()) {
			x := testcompositor.StartXvfb(t)
			return []string{"DISPLAY=" + x.Display}, x.Stop
		}},
		// Mutter gets 10 s to come back (a gnome-shell restart) first.
		{"mutter", "mutter", func(t *testing.T, d *harness.Desktop) ([]string, func()) {
			m := testcompositor.StartMutter(t, d.BusAddress())
			return gnomeEnv(m), m.Stop
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := harness.NewDesktop(t)
			env, stop := tc.start(t, d)
			s := startPresenceOn(t, d, env)
			s.expectSource(t, tc.source)

			stop()
			p := waitStatus(t, s.Desktop, "fallback", func(p status) bool { return p.IdleSource != tc.source }, 20*time.Second)
			if p.IdleSource != "none" || p.IdleEvents || !strings.Contains(p.IdleNote, tc.source) {
				t.Errorf("after the fallback: idle_source %q idle_events %v note %q; want none, false and a note naming %s",
					p.IdleSource, p.IdleEvents, p.IdleNote, tc.source)
			}
			if n, warns := strings.Count(s.daemon.Stderr(), "falling back"), strings.Count(s.daemon.Stderr(), "level=WARN"); n != 1 || warns != 1 {
				t.Errorf("%d log lines about falling back and %d warnings, want one line:\n%s", n, warns, s.daemon.Stderr())
			}

			// Idle afterwards: no CPU time over 3 s (a tick is 10 ms; allow
			// two for the status calls below).
			before, err := harness.ReadProc("/proc", p.PID)
			if err != nil {
				t.Fatal(err)
			}
			time.Sleep(3 * time.Second)
			after, err := harness.ReadProc("/proc", p.PID)
			if err != nil {
				t.Fatalf("daemon gone after the fallback: %v\nstderr:\n%s", err, s.daemon.Stderr())
			}
			if used := after.CPUTicks - before.CPUTicks; used > 2 {
				t.Errorf("daemon used %d CPU ticks in 3 s after the fallback, want it idle", used)
			}
			statusOf(t, s.Desktop) // still answers
		})
	}
}
