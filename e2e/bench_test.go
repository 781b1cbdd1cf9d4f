package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/limber-app/limber/e2e/harness"
	"github.com/limber-app/limber/internal/testcompositor"
)

// Benchmark knobs, overridable for quick runs:
//
//	LIMBER_BENCH_WARMUP=2 LIMBER_BENCH_SECONDS=5 go test ./e2e -run '^$' -bench . -benchtime 1x
const (
	warmupEnv  = "LIMBER_BENCH_WARMUP"
	secondsEnv = "LIMBER_BENCH_SECONDS"
	clicksEnv  = "LIMBER_BENCH_CLICKS"
	returnsEnv = "LIMBER_BENCH_RETURNS"
)

// envSeconds reads a positive duration in seconds from the environment.
func envSeconds(tb testing.TB, key string, def time.Duration) time.Duration {
	tb.Helper()
	v := os.Getenv(key)
	if v == "" {
		return def
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f <= 0 {
		tb.Fatalf("%s=%q: want a positive number of seconds", key, v)
	}
	return time.Duration(f * float64(time.Second))
}

// footprint is the daemon's resource use over one measurement window.
type footprint struct {
	rssMB, anonMB, privateMB float64
	cpuPercent, wakeupsPerS  float64
	threads                  int
}

// measure samples pid once a second for window and summarises: RSS is the
// mean of the samples, anonymous/private memory the last sample, CPU and
// context switches the deltas over wall time.
func measure(pid int, window time.Duration) (footprint, error) {
	first, err := harness.ReadProc("/proc", pid)
	if err != nil {
		return footprint{}, err
	}
	start := time.Now()
	last := first
	var rssSum int64
	samples := 0
	for time.Since(start) < window {
		time.Sleep(min(time.Second, window-time.Since(start)))
		s, err := harness.ReadProc("/proc", pid)
		if err != nil {
			return footprint{}, fmt.Errorf("daemon died while measured: %w", err)
		}
		rssSum += s.RSSKiB
		samples++
		last = s
	}
	wall := time.Since(start).Seconds()
	return footprint{
		rssMB:       float64(rssSum) / float64(max(samples, 1)) / 1024,
		anonMB:      float64(last.AnonKiB) / 1024,
		privateMB:   float64(last.PrivateKiB) / 1024,
		cpuPercent:  float64(last.CPUTicks-first.CPUTicks) / harness.ClockTicks / wall * 100,
		wakeupsPerS: float64(max(last.CtxSwitches-first.CtxSwitches, 0)) / wall,
		threads:     last.Threads,
	}, nil
}

// BenchmarkIdleFootprint measures what the daemon costs while it runs all
// day: with no input (nobody at the desk) and with steady input (someone
// working, so the engine is counting sitting time).
func BenchmarkIdleFootprint(b *testing.B) {
	warmup := envSeconds(b, warmupEnv, 10*time.Second)
	window := envSeconds(b, secondsEnv, 60*time.Second)
	results := map[string]footprint{}
	cases := []struct {
		name  string
		input bool
		args  []string
		use   func(*testing.B, *session) // what the user did before the measurement
	}{
		{"idle", false, nil, nil},
		{"steady-input", true, nil, nil},
		// No input past natural_break: away, waiting for the return.
		{"away", false, []string{"--natural-break", "3s"}, nil},
		// After a reminder notification and every window, with reminders
		// paused so that no new one comes: what the day's use leaves behind.
		{"after-use", true, []string{"--sitting-limit", "5s"}, useEverything},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			s := startSession(b, c.args...)
			s.menu(b)
			if c.input {
				steadyInput(b, s.Desktop, inputInterval)
			}
			if c.use != nil {
				c.use(b, s)
			}
			time.Sleep(warmup)
			fp, err := measure(s.daemon.Pid(), window)
			if err != nil {
				b.Fatalf("%v\nstderr:\n%s", err, s.daemon.Stderr())
			}
			// Asked afterwards: answering costs the daemon a few wakeups.
			if st := statusOf(b, s.Desktop); c.name == "away" && st.State != "away" {
				b.Fatalf("state %q after the measurement, want away", st.State)
			}
			results[c.name] = fp
			b.ReportMetric(fp.rssMB, "RSS-MB")
			b.ReportMetric(fp.anonMB, "anon-MB")
			b.ReportMetric(fp.privateMB, "private-MB")
			b.ReportMetric(fp.cpuPercent, "CPU-%")
			b.ReportMetric(fp.wakeupsPerS, "wakeups/s")
		})
	}

	var t strings.Builder
	fmt.Fprintf(&t, "limber daemon under Xvfb, %s warm-up, %s measured:\n\n", warmup, window)
	t.WriteString("| case | RSS | anon | private | CPU | wakeups/s | threads |\n| --- | --- | --- | --- | --- | --- | --- |\n")
	for _, c := range cases {
		if fp, ok := results[c.name]; ok {
			fmt.Fprintf(&t, "| %s | %.1f MB | %.2f MB | %.1f MB | %.2f %% | %.2f | %d |\n",
				c.name, fp.rssMB, fp.anonMB, fp.privateMB, fp.cpuPercent, fp.wakeupsPerS, fp.threads)
		}
	}
	// Printed, not logged: a parent benchmark's log is not shown.
	fmt.Println(t.String())
}

// useEverything waits for a reminder notification, opens and closes the
// routine, settings and statistics windows from the tray, and pauses
// reminders for an hour.
func useEverything(b *testing.B, s *session) {
	b.Helper()
	if _, err := s.notes.Wait(func(harness.Notification) bool { return true }, 20*time.Second); err != nil {
		b.Fatalf("no reminder notification: %v\nstderr:\n%s", err, s.daemon.Stderr())
	}
	x := s.X11()
	for _, w := range []struct{ label, title string }{
		{labelStart, windowSuffix},
		{labelSettings, titleSettings},
		{labelStatistics, titleStats},
	} {
		if err := s.tray.ClickLabel(w.label); err != nil {
			b.Fatal(err)
		}
		win, err := x.WaitViewable(w.title, 15*time.Second)
		if err != nil {
			b.Fatalf("%s: %v\nstderr:\n%s", w.label, err, s.daemon.Stderr())
		}
		closeWindow(b, x, win)
	}
	if _, errOut, code := s.Run("pause", "1h"); code != 0 {
		b.Fatalf("limber pause 1h exited %d: %s", code, errOut)
	}
}

// BenchmarkReturnLatency times the return from away per idle source:
// from the first input after natural_break until `limber status` says
// sitting, the delay a user sees in the tray. Median of 5 (or
// LIMBER_BENCH_RETURNS) returns.
func BenchmarkReturnLatency(b *testing.B) {
	runs := 5
	if v := os.Getenv(returnsEnv); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			b.Fatalf("%s=%q: want a positive count", returnsEnv, v)
		}
		runs = n
	}
	cases := []struct {
		name, source string
		start        func(b *testing.B) (*presenceSession, func(i int))
	}{
		{"x11", "x11", func(b *testing.B) (*presenceSession, func(int)) {
			s := startPresence(b, nil)
			return s, func(i int) {
				if err := s.MoveMouse(300+i*10, 200); err != nil {
					b.Fatal(err)
				}
			}
		}},
		{"mutter", "mutter", func(b *testing.B) (*presenceSession, func(int)) {
			d := harness.NewDesktop(b)
			m := testcompositor.StartMutter(b, d.BusAddress())
			input := m.RemoteInput(b)
			return startPresenceOn(b, d, gnomeEnv(m)), func(int) {
				if err := input.MovePointer(); err != nil {
					b.Fatal(err)
				}
			}
		}},
		{"sway", "wayland", func(b *testing.B) (*presenceSession, func(int)) {
			sw := testcompositor.StartSway(b)
			return startPresence(b, swayEnv(sw)), func(int) { sw.Run(b, "wtype", "-k", "Shift_L") }
		}},
	}
	results := map[string][]time.Duration{}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			s, input := c.start(b)
			s.expectSource(b, c.source)
			var times []time.Duration
			for i := range runs {
				lat, _ := s.awayThenBack(b, func() { input(i) })
				times = append(times, lat)
			}
			slices.Sort(times)
			results[c.name] = times
			b.ReportMetric(ms(median(times)), "ms-median")
			b.ReportMetric(ms(times[len(times)-1]), "ms-max")
		})
	}
	var t strings.Builder
	fmt.Fprintf(&t, "return from away → `limber status` says sitting, %d returns per source:\n\n", runs)
	t.WriteString("| source | median | min | max |\n| --- | --- | --- | --- |\n")
	for _, c := range cases {
		if times, ok := results[c.name]; ok {
			fmt.Fprintf(&t, "| %s | %.0f ms | %.0f ms | %.0f ms |\n", c.name, ms(median(times)), ms(times[0]), ms(times[len(times)-1]))
		}
	}
	fmt.Println(t.String())
}

// median of sorted durations.
func median(sorted []time.Duration) time.Duration {
	n := len(sorted)
	if n%2 == 0 {
		return (sorted[n/2-1] + sorted[n/2]) / 2
	}
	return sorted[n/2]
}

// ms is d in milliseconds.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// BenchmarkClickToWindow times a tray click on "Start stretch routine"
// until the routine window is viewable, the latency a user feels.
func BenchmarkClickToWindow(b *testing.B) {
	runs := 5
	if v := os.Getenv(clicksEnv); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			b.Fatalf("%s=%q: want a positive count", clicksEnv, v)
		}
		runs = n
	}
	s := startSession(b)
	start := s.menu(b).Find(labelStart)
	x := s.X11()

	var times []time.Duration
	title := windowSuffix
	for i := 0; i < runs; i++ {
		begin := time.Now()
		if err := s.tray.Click(start.ID); err != nil {
			b.Fatal(err)
		}
		win, err := x.WaitViewable(title, 10*time.Second)
		if err != nil {
			b.Fatalf("run %d: %v\nstderr:\n%s", i, err, s.daemon.Stderr())
		}
		times = append(times, time.Since(begin))
		title = win.Title // later runs must open the same routine window
		closeWindow(b, x, win)
	}

	slices.Sort(times)
	mid := median(times)
	b.ReportMetric(ms(mid), "ms-median")
	b.ReportMetric(ms(times[0]), "ms-min")
	b.ReportMetric(ms(times[len(times)-1]), "ms-max")
	b.Logf("\nclick → routine window viewable, %d runs: median %.0f ms, min %.0f ms, max %.0f ms",
		len(times), ms(mid), ms(times[0]), ms(times[len(times)-1]))
}

// closeWindow closes a routine window like a window manager would, and
// kills its process if it lingers, so the next click opens a fresh one.
func closeWindow(tb testing.TB, x *harness.X11, win harness.Window) {
	tb.Helper()
	if err := x.CloseWindow(win.ID); err != nil {
		tb.Fatal(err)
	}
	if err := x.WaitGone(win.Title, 3*time.Second); err == nil {
		return
	}
	if win.PID == 0 {
		tb.Fatalf("window %q did not close and has no _NET_WM_PID to kill", win.Title)
	}
	if err := syscall.Kill(win.PID, syscall.SIGKILL); err != nil {
		tb.Fatalf("kill window process %d: %v", win.PID, err)
	}
	if err := x.WaitGone(win.Title, 3*time.Second); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkHeldFootprint measures the daemon while a due reminder is held
// by a call: the meeting detector re-checks every 15 s (a scan of /proc and
// a question to the sound server), the cost issue 13's hold adds to the
// idle daemon.
func BenchmarkHeldFootprint(b *testing.B) {
	warmup := envSeconds(b, warmupEnv, 10*time.Second)
	window := envSeconds(b, secondsEnv, 60*time.Second)
	d := harness.NewDesktop(b)
	camera := filepath.Join(b.TempDir(), "fake-camera")
	if err := os.WriteFile(camera, nil, 0o600); err != nil {
		b.Fatal(err)
	}
	d.StartProgram("/bin/sh", "-c", "exec 3<"+camera+"; exec sleep 600")
	s := d.StartLimberEnv([]string{"LIMBER_MEETING_DEVICES=" + camera},
		"--sitting-limit", "4s", "--natural-break", "2s", "--idle-source", "none")
	deadline := time.Now().Add(30 * time.Second)
	for {
		st := statusOf(b, d)
		if st.State == "due" && slices.Contains(st.HeldBy, "meeting") {
			break
		}
		if time.Now().After(deadline) {
			b.Fatalf("reminder not held by the call: %+v\nstderr:\n%s", st, s.Stderr())
		}
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(warmup)
	fp, err := measure(s.Pid(), window)
	if err != nil {
		b.Fatalf("%v\nstderr:\n%s", err, s.Stderr())
	}
	b.ReportMetric(fp.rssMB, "RSS-MB")
	b.ReportMetric(fp.anonMB, "anon-MB")
	b.ReportMetric(fp.cpuPercent, "CPU-%")
	b.ReportMetric(fp.wakeupsPerS, "wakeups/s")
	fmt.Printf("limber daemon holding a reminder for a call, %s measured: RSS %.1f MB, anon %.1f MB, CPU %.2f %%, %.1f wakeups/s\n",
		window, fp.rssMB, fp.anonMB, fp.cpuPercent, fp.wakeupsPerS)
}

// BenchmarkRoutineWindowCPU measures the routine window's CPU while a
// moving stretch plays: the quick standing reset starts with shoulder
// rolls (6 reps of 3 s), then a 3 s rest and calf raises, so after the
// get-ready count the measured span is a moving step. It bounds what the
// playing figure (issue 11) may cost the window.
func BenchmarkRoutineWindowCPU(b *testing.B) {
	warmup := envSeconds(b, warmupEnv, 6*time.Second)
	window := envSeconds(b, secondsEnv, 15*time.Second)
	d := harness.NewDesktop(b)
	p := d.StartLimber("routine", routineID)
	win, err := d.X11().WaitViewable(routineName, windowTimeout)
	if err != nil {
		b.Fatalf("%v\nstderr:\n%s", err, p.Stderr())
	}
	pid := p.Pid()
	if win.PID != 0 {
		pid = win.PID
	}
	time.Sleep(warmup) // past the get-ready count, into the first step
	fp, err := measure(pid, window)
	if err != nil {
		b.Fatalf("%v\nstderr:\n%s", err, p.Stderr())
	}
	b.ReportMetric(fp.cpuPercent, "CPU-%")
	b.ReportMetric(fp.rssMB, "RSS-MB")
	b.ReportMetric(fp.wakeupsPerS, "wakeups/s")
	fmt.Printf("limber routine window on a moving step, %s measured: CPU %.2f %%, RSS %.1f MB, %.1f wakeups/s\n",
		window, fp.cpuPercent, fp.rssMB, fp.wakeupsPerS)
}
