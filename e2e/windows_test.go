package e2e

import (
	"bufio"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/e2e/harness"
)

// Window titles (the windows' contract with the user and with these tests).
const (
	titleSettings = "Settings — Limber"
	titleStats    = "Statistics — Limber"
	titlePicker   = "Routines — Limber"
	titlePrompt   = "Time to stand up — Limber"

	deskBreakName = "Desk break"

	// promptArg is what the daemon passes a break prompt: routine, stretch
	// and sitting seconds.
	promptArg = "quick-standing-reset standing-side-bend 2820"
)

// shotsEnv names a directory where every window test saves one PNG per
// window it opened, for a human to look at.
const shotsEnv = "LIMBER_E2E_SHOTS"

// openTimeout is how long a window may take from request to viewable. The
// click-to-window time is measured tightly elsewhere (TestStartRoutineOpensWindow,
// make bench); here several software-GL windows start at once on two cores.
const openTimeout = 10 * time.Second

// goneTimeout is how long a window process may take to go away once closed.
const goneTimeout = 5 * time.Second

// shortRoutineID names the user routine the routine tests write; with two
// one-second holds and one-second rests it plays in about 9 s, 5 s of
// which are the get-ready count.
const (
	shortRoutineID   = "e2e-short"
	shortRoutineName = "E2E short"
	shortRoutineTOML = `id = "e2e-short"
name = "E2E short"
description = "Two one-second steps for the end-to-end tests"
rest = "1s"

[[step]]
name = "Reach up"
cues = ["Reach both arms up."]
hold = "1s"
rest = "1s"

[[step]]
name = "Look away"
cues = ["Look at the farthest point you can see."]
hold = "1s"
rest = "1s"
`
)

// minSize is the smallest sane size of each window, from the sizes the
// windows ask for (a little less, for rounding and scale).
type minSize struct{ w, h int }

// shots keeps a test's window captures: in a temporary directory that is
// kept (under $LIMBER_E2E_ARTIFACTS, like the harness's artifacts, or in a
// new temp dir) when the test fails, and, for the one capture per window,
// also in $LIMBER_E2E_SHOTS when that is set.
type shots struct {
	d   *harness.Desktop
	dir string
}

func newShots(t *testing.T, d *harness.Desktop) *shots {
	t.Helper()
	s := &shots{d: d, dir: t.TempDir()}
	// Registered after TempDir, so it runs before the directory goes.
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		keep, err := keepDir(t.Name())
		if err == nil {
			err = copyDir(s.dir, keep)
		}
		if err != nil {
			t.Logf("window captures not kept: %v", err)
			return
		}
		t.Logf("window captures kept in %s", keep)
	})
	return s
}

// keepDir makes a directory that outlives the test for its captures.
func keepDir(testName string) (string, error) {
	if root := os.Getenv("LIMBER_E2E_ARTIFACTS"); root != "" {
		dir := filepath.Join(root, safeName(testName), "windows")
		return dir, os.MkdirAll(dir, 0o755)
	}
	return os.MkdirTemp("", "limber-e2e-shots-"+safeName(testName)+"-")
}

// paintTimeout is how long a viewable window may stay blank (one colour)
// before its first frame; a loaded machine with software GL can take
// seconds.
const paintTimeout = 8 * time.Second

// window captures a window that the test opened, as NAME.png, once it has
// drawn its first frame.
func (s *shots) window(t *testing.T, win harness.Window, name string) string {
	t.Helper()
	path := s.painted(t, win, name)
	if dir := os.Getenv(shotsEnv); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatalf("%s: %v", shotsEnv, err)
		}
		if err := copyFile(path, filepath.Join(dir, name+".png")); err != nil {
			t.Fatalf("%s: %v", shotsEnv, err)
		}
	}
	return path
}

// capture saves a window's pixels as NAME.png in the test's directory.
func (s *shots) capture(t *testing.T, win harness.Window, name string) string {
	t.Helper()
	path := filepath.Join(s.dir, name+".png")
	if err := s.d.CaptureWindow(win, path); err != nil {
		t.Fatal(err)
	}
	return path
}

// painted captures the window as NAME.png once it shows more than one
// colour: a window is mapped before Fyne has drawn into it.
func (s *shots) painted(t *testing.T, win harness.Window, name string) string {
	t.Helper()
	deadline := time.Now().Add(paintTimeout)
	for {
		path := s.capture(t, win, name)
		img, err := decodePNG(path)
		if err != nil {
			t.Fatal(err)
		}
		if !uniform(img) {
			return path
		}
		if time.Now().After(deadline) {
			t.Fatalf("window %q is still blank %s after it became viewable (capture %s)",
				win.Title, paintTimeout, filepath.Base(path))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

func safeName(s string) string { return unsafeName.ReplaceAllString(s, "_") }

func copyDir(from, to string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return fmt.Errorf("read %s: %w", from, err)
	}
	for _, e := range entries {
		if e.Type().IsRegular() {
			if err := copyFile(filepath.Join(from, e.Name()), filepath.Join(to, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return fmt.Errorf("read %s: %w", from, err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", to, err)
	}
	return nil
}

// checkWindow asserts a window is on screen, titled exactly, at least
// least and no larger than the 1280×1024 screen.
func checkWindow(t *testing.T, win harness.Window, title string, least minSize) {
	t.Helper()
	if win.Title != title {
		t.Errorf("window title = %q, want %q", win.Title, title)
	}
	if !win.Viewable {
		t.Errorf("window %q is not viewable", win.Title)
	}
	if win.Width < least.w || win.Height < least.h || win.Width > 1280 || win.Height > 1024 {
		t.Errorf("window %q is %dx%d; want at least %dx%d and within the 1280x1024 screen",
			win.Title, win.Width, win.Height, least.w, least.h)
	}
	// A 1366x768 screen less a panel and a title bar leaves 700 px.
	if win.Height > 700 {
		t.Errorf("window %q is %d px tall; want at most 700 to fit a 1366x768 screen", win.Title, win.Height)
	}
	if win.X < 0 || win.Y < 0 || win.X+win.Width > 1280 || win.Y+win.Height > 1024 {
		t.Errorf("window %q at %d,%d (%dx%d) is not fully on the screen", win.Title, win.X, win.Y, win.Width, win.Height)
	}
}

// closeAndWait closes a window as a window manager's close button does and
// waits until it is gone.
func closeAndWait(t *testing.T, d *harness.Desktop, win harness.Window) {
	t.Helper()
	if err := d.X11().CloseWindow(win.ID); err != nil {
		t.Fatal(err)
	}
	if err := d.X11().WaitGone(win.Title, goneTimeout); err != nil {
		t.Fatal(err)
	}
}

// windowsTitled lists the windows with exactly this title.
func windowsTitled(t *testing.T, d *harness.Desktop, title string) []harness.Window {
	t.Helper()
	all, err := d.X11().Windows()
	if err != nil {
		t.Fatal(err)
	}
	var out []harness.Window
	for _, w := range all {
		if w.Title == title {
			out = append(out, w)
		}
	}
	return out
}

// TestWindows opens every window the way a user does, from the tray or the
// command line, and checks it appears with its title at a sane size, in a
// process of its own.
func TestWindows(t *testing.T) {
	t.Parallel()
	s := startSession(t)
	m := s.menu(t)
	shots := newShots(t, s.Desktop)

	clickMenu := func(label string) func(*testing.T) {
		return func(t *testing.T) {
			if err := s.tray.ClickLabel(label); err != nil {
				t.Fatalf("%v\nmenu:\n%s", err, m)
			}
		}
	}
	run := func(args ...string) func(*testing.T) {
		return func(t *testing.T) {
			if _, errOut, code := s.Run(args...); code != 0 {
				t.Fatalf("limber %s exited %d; stderr:\n%s", strings.Join(args, " "), code, errOut)
			}
		}
	}
	tests := []struct {
		name  string
		open  func(*testing.T)
		title string
		min   minSize
	}{
		{"routine", clickMenu(deskBreakName), deskBreakName + " — Limber", minSize{800, 600}},
		{"picker", run("routine"), titlePicker, minSize{850, 580}},
		{"settings", clickMenu(labelSettings), titleSettings, minSize{600, 600}},
		{"stats", clickMenu(labelStatistics), titleStats, minSize{700, 600}},
		{"stats-cli", run("stats"), titleStats, minSize{700, 600}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.open(t)
			win, err := s.X11().WaitViewable(tt.title, openTimeout)
			if err != nil {
				t.Fatalf("%v\ndaemon stderr:\n%s", err, s.daemon.Stderr())
			}
			checkWindow(t, win, tt.title, tt.min)
			if win.PID == s.daemon.Pid() {
				t.Errorf("window %q belongs to the daemon (pid %d); it must be a child process", win.Title, win.PID)
			}
			shots.window(t, win, tt.name)
			t.Logf("%q %dx%d+%d+%d", win.Title, win.Width, win.Height, win.X, win.Y)
			closeAndWait(t, s.Desktop, win)
		})
	}

	// The break prompt, as the daemon starts it (`limber ui prompt ARG`).
	t.Run("prompt", func(t *testing.T) {
		p := s.StartLimber("ui", "prompt", promptArg)
		win, err := s.X11().WaitViewable(titlePrompt, openTimeout)
		if err != nil {
			t.Fatalf("%v\nstderr:\n%s", err, p.Stderr())
		}
		checkWindow(t, win, titlePrompt, minSize{400, 380})
		if win.Width > 520 || win.Height > 480 {
			t.Errorf("prompt is %dx%d, want about 460x420", win.Width, win.Height)
		}
		shots.window(t, win, "prompt")
		closeAndWait(t, s.Desktop, win)
		if code, err := p.Wait(goneTimeout); err != nil || code != 0 {
			t.Errorf("prompt process: exit %d, %v; stderr:\n%s", code, err, p.Stderr())
		}
	})

	if s.daemon.Exited() {
		t.Errorf("daemon exited; stderr:\n%s", s.daemon.Stderr())
	}
}

// TestOneWindowPerKind: asking twice for a window raises the open one
// instead of starting a second.
func TestOneWindowPerKind(t *testing.T) {
	t.Parallel()
	s := startSession(t)
	s.menu(t)

	if err := s.tray.ClickLabel(labelSettings); err != nil {
		t.Fatal(err)
	}
	first, err := s.X11().WaitViewable(titleSettings, openTimeout)
	if err != nil {
		t.Fatalf("%v\ndaemon stderr:\n%s", err, s.daemon.Stderr())
	}
	if err := s.tray.ClickLabel(labelSettings); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := s.Run("settings"); code != 0 {
		t.Fatalf("limber settings exited %d; stderr:\n%s", code, errOut)
	}
	// Sentinel: a window of another kind, asked for after the three
	// requests. A wrongly started second Settings window would have been
	// started before it, by the same path.
	if _, errOut, code := s.Run("stats"); code != 0 {
		t.Fatalf("limber stats exited %d; stderr:\n%s", code, errOut)
	}
	if _, err := s.X11().WaitViewable(titleStats, openTimeout); err != nil {
		t.Fatalf("%v\ndaemon stderr:\n%s", err, s.daemon.Stderr())
	}
	wins := windowsTitled(t, s.Desktop, titleSettings)
	if len(wins) != 1 || wins[0].ID != first.ID {
		t.Fatalf("after three requests, Settings windows = %+v, want only the first (%d)", wins, first.ID)
	}
	if !wins[0].Viewable {
		t.Errorf("the Settings window is no longer viewable after being asked for again")
	}
}

// historyEvent is one line of history.jsonl, as far as these tests read it.
type historyEvent struct {
	Event     string `json:"event"`
	Routine   string `json:"routine"`
	Completed *bool  `json:"completed"`
	Seconds   int64  `json:"seconds"`
}

// routineEvents reads the "routine" events of the desktop's history file.
func routineEvents(t *testing.T, d *harness.Desktop) []historyEvent {
	t.Helper()
	path := filepath.Join(d.StateHome, "limber", "history.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("history: %v", err)
	}
	defer f.Close()
	var out []historyEvent
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		var ev historyEvent
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("%s:%d: %v: %s", path, n, err, sc.Text())
		}
		if ev.Event == "routine" {
			out = append(out, ev)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return out
}

// waitRoutineEvent polls the history until a routine event for id appears.
func waitRoutineEvent(t *testing.T, d *harness.Desktop, id string, timeout time.Duration) historyEvent {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		path := filepath.Join(d.StateHome, "limber", "history.jsonl")
		if _, err := os.Stat(path); err == nil {
			for _, ev := range routineEvents(t, d) {
				if ev.Routine == id {
					return ev
				}
			}
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(path)
			t.Fatalf("no routine event for %q in the history after %s; history:\n%s", id, timeout, b)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// statsJSON is `limber stats --json`, as far as these tests read it.
type statsJSON struct {
	Today struct {
		Routines          int `json:"routines"`
		RoutinesCompleted int `json:"routines_completed"`
	} `json:"today"`
	Routines []struct {
		ID        string `json:"id"`
		Completed int    `json:"completed"`
		Stopped   int    `json:"stopped"`
	} `json:"routines"`
}

func statsOf(t *testing.T, d *harness.Desktop) statsJSON {
	t.Helper()
	out, errOut, code := d.Run("stats", "--json")
	if code != 0 {
		t.Fatalf("limber stats --json exited %d; stderr:\n%s", code, errOut)
	}
	var st statsJSON
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("stats --json: %v\n%s", err, out)
	}
	return st
}

// writeShortRoutine installs the e2e-short user routine.
func writeShortRoutine(t *testing.T, d *harness.Desktop) {
	t.Helper()
	dir := filepath.Join(d.ConfigHome, "limber", "routines")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "e2e.toml"), []byte(shortRoutineTOML), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestRoutineCompletes plays a short user routine to its end and finds it
// in the statistics and the history.
func TestRoutineCompletes(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	writeShortRoutine(t, d)
	s := startSessionOn(t, d, true)
	if out, errOut, code := s.Run("check-routine", filepath.Join(d.ConfigHome, "limber", "routines", "e2e.toml")); code != 0 {
		t.Fatalf("check-routine e2e.toml exited %d:\n%s%s", code, out, errOut)
	}
	if _, err := s.tray.WaitLabel(func(l string) bool { return l == shortRoutineName }, menuTimeout); err != nil {
		t.Errorf("the tray's %s submenu does not list the user routine %q: %v", labelRoutines, shortRoutineName, err)
	}

	if _, errOut, code := s.Run("routine", shortRoutineID); code != 0 {
		t.Fatalf("limber routine %s exited %d; stderr:\n%s", shortRoutineID, code, errOut)
	}
	title := shortRoutineName + " — Limber"
	win, err := s.X11().WaitViewable(title, openTimeout)
	if err != nil {
		t.Fatalf("%v\ndaemon stderr:\n%s", err, s.daemon.Stderr())
	}
	checkWindow(t, win, title, minSize{800, 600})
	waitStatus(t, s.Desktop, "in_routine", func(st status) bool { return st.State == "in_routine" }, 5*time.Second)
	// Get ready 5 s, two 1 s holds with 1 s rests: about 9 s.
	waitStatus(t, s.Desktop, "routine over", func(st status) bool { return st.State != "in_routine" }, 20*time.Second)
	newShots(t, s.Desktop).window(t, win, "routine-finished")

	if err := s.Key(win, "Escape"); err != nil {
		t.Fatal(err)
	}
	if err := s.X11().WaitGone(title, goneTimeout); err != nil {
		t.Fatalf("Esc on the finish screen: %v", err)
	}

	ev := waitRoutineEvent(t, s.Desktop, shortRoutineID, 2*time.Second)
	if ev.Completed == nil || !*ev.Completed {
		t.Errorf("history routine event = %+v, want completed", ev)
	}
	st := statsOf(t, s.Desktop)
	if st.Today.RoutinesCompleted < 1 {
		t.Errorf("stats today = %+v, want routines_completed >= 1", st.Today)
	}
	found := false
	for _, r := range st.Routines {
		if r.ID == shortRoutineID && r.Completed >= 1 {
			found = true
		}
	}
	if !found {
		t.Errorf("stats routines = %+v, want %s completed", st.Routines, shortRoutineID)
	}
	if s.daemon.Exited() {
		t.Errorf("daemon exited; stderr:\n%s", s.daemon.Stderr())
	}
}

// startSessionOn starts a tray host, optionally a notification server, and
// the daemon on an existing desktop (so the test can prepare its files
// first), and waits for the tray item.
func startSessionOn(t *testing.T, d *harness.Desktop, notifications bool, daemonArgs ...string) *session {
	t.Helper()
	s := &session{Desktop: d, watcher: d.StartWatcher()}
	if notifications {
		s.notes = d.StartNotifications()
	}
	s.daemon = d.StartLimber(daemonArgs...)
	item, err := s.watcher.WaitItem(registerTimeout)
	if err != nil {
		t.Fatalf("daemon did not register a tray item: %v\nstderr:\n%s", err, s.daemon.Stderr())
	}
	s.tray = d.Tray(item)
	return s
}

// TestRoutineStoppedEarly: a routine closed after two seconds is recorded
// as a partial routine, by the daemon when it runs and by the window
// itself when it does not.
func TestRoutineStoppedEarly(t *testing.T) {
	t.Parallel()
	for _, withDaemon := range []bool{true, false} {
		name := map[bool]string{true: "daemon", false: "standalone"}[withDaemon]
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d := harness.NewDesktop(t)
			var daemon *harness.Process
			var p *harness.Process
			if withDaemon {
				daemon = startSessionOn(t, d, true).daemon
				if _, errOut, code := d.Run("routine", routineID); code != 0 {
					t.Fatalf("limber routine %s exited %d; stderr:\n%s", routineID, code, errOut)
				}
			} else {
				p = d.StartLimber("routine", routineID)
			}
			title := routineName + " — Limber"
			win, err := d.X11().WaitViewable(title, openTimeout)
			if err != nil {
				t.Fatal(err)
			}
			time.Sleep(2 * time.Second)
			closeAndWait(t, d, win)
			if p != nil {
				if code, err := p.Wait(goneTimeout); err != nil || code != 0 {
					t.Errorf("window process: exit %d, %v; stderr:\n%s", code, err, p.Stderr())
				}
			}

			ev := waitRoutineEvent(t, d, routineID, 3*time.Second)
			if ev.Completed != nil && *ev.Completed {
				t.Errorf("history routine event = %+v, want a partial routine (completed false or absent)", ev)
			}
			st := statsOf(t, d)
			if st.Today.RoutinesCompleted != 0 || st.Today.Routines != 1 {
				t.Errorf("stats today = %+v, want 1 routine, 0 completed", st.Today)
			}
			if daemon != nil && daemon.Exited() {
				t.Errorf("daemon exited; stderr:\n%s", daemon.Stderr())
			}
		})
	}
}

// TestBreakPromptWithoutNotifications: with no notification server on the
// bus, a due reminder opens the break window; its Snooze button snoozes.
func TestBreakPromptWithoutNotifications(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	s := startSessionOn(t, d, false, "--sitting-limit", "10s", "--natural-break", "4s", "--idle-source", "none")
	if has, err := d.NameHasOwner("org.freedesktop.Notifications"); err != nil || has {
		t.Fatalf("a notification server is on the bus (%v, %v); this test needs none", has, err)
	}

	win, err := d.X11().WaitViewable(titlePrompt, 20*time.Second)
	if err != nil {
		t.Fatalf("no break window once the reminder fell due: %v\ndaemon stderr:\n%s", err, s.daemon.Stderr())
	}
	checkWindow(t, win, titlePrompt, minSize{400, 380})
	if win.PID == s.daemon.Pid() {
		t.Errorf("the break window belongs to the daemon (pid %d); it must be a child process", win.PID)
	}
	shot := newShots(t, d).window(t, win, "prompt-daemon")
	if st := statusOf(t, d); st.State != "due" {
		t.Errorf("state %q while the break window is up, want due", st.State)
	}

	// Snooze is the left half of the bottom row (Start routine spans the
	// row above; Skip is on the right). The window is 460x420 at scale 1;
	// scale the offsets with its real height.
	scale := float64(win.Height) / 420
	x, y := win.Width/4, win.Height-int(math.Round(24*scale))
	if err := d.Click(win, x, y); err != nil {
		t.Fatal(err)
	}
	if err := d.X11().WaitGone(titlePrompt, goneTimeout); err != nil {
		t.Fatalf("clicking Snooze at %d,%d did not close the window (capture %s): %v", x, y, filepath.Base(shot), err)
	}
	st := waitStatus(t, d, "snoozed after clicking Snooze", func(st status) bool { return st.SnoozedToday > 0 }, 3*time.Second)
	if st.SnoozedToday != 1 {
		t.Errorf("snoozed_today = %d after clicking Snooze, want 1", st.SnoozedToday)
	}
	if s.daemon.Exited() {
		t.Fatalf("daemon exited; stderr:\n%s", s.daemon.Stderr())
	}
	if st := statusOf(t, d); st.State == "due" {
		t.Errorf("still due after Snooze: %+v", st)
	}
}

// TestRoutineKeyboard: Space pauses the routine (the window stops
// changing) and resumes it; Esc closes it.
func TestRoutineKeyboard(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	p := d.StartLimber("routine", routineID)
	title := routineName + " — Limber"
	win, err := d.X11().WaitViewable(title, openTimeout)
	if err != nil {
		t.Fatalf("%v\nstderr:\n%s", err, p.Stderr())
	}
	shots := newShots(t, d)

	// Running, the get-ready countdown changes the picture every second.
	running1 := shots.painted(t, win, "1-running")
	time.Sleep(1200 * time.Millisecond)
	running2 := shots.capture(t, win, "2-running")
	if same(t, running1, running2) {
		t.Fatalf("the routine window did not change in 1.2 s while running (captures %s, %s)",
			filepath.Base(running1), filepath.Base(running2))
	}

	if err := d.Key(win, "space"); err != nil {
		t.Fatal(err)
	}
	// Running, no 1.5 s pass without the countdown moving, so two equal
	// captures that far apart mean paused. A second try allows for a key
	// delivered late on a loaded machine.
	time.Sleep(300 * time.Millisecond)
	var paused2 string
	for try := 1; ; try++ {
		a := shots.capture(t, win, fmt.Sprintf("3-paused-%d", try))
		time.Sleep(1500 * time.Millisecond)
		b := shots.capture(t, win, fmt.Sprintf("4-paused-%d", try))
		if same(t, a, b) {
			paused2 = b
			break
		}
		if try == 2 {
			t.Fatalf("the routine window kept changing after Space should have paused it (captures %s, %s)",
				filepath.Base(a), filepath.Base(b))
		}
	}
	if p.Exited() {
		t.Fatalf("window process exited after Space; stderr:\n%s", p.Stderr())
	}

	if err := d.Key(win, "space"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1200 * time.Millisecond)
	resumed := shots.capture(t, win, "5-resumed")
	if same(t, paused2, resumed) {
		t.Errorf("the routine window did not change in 1.2 s after Space resumed it (capture %s)", filepath.Base(resumed))
	}

	if err := d.Key(win, "Escape"); err != nil {
		t.Fatal(err)
	}
	if code, err := p.Wait(goneTimeout); err != nil || code != 0 {
		t.Errorf("Esc: window process exit %d, %v; stderr:\n%s", code, err, p.Stderr())
	}
}

// TestThemes opens the statistics window in the light and the dark theme
// and checks the light one is brighter.
func TestThemes(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	shots := newShots(t, d)
	mean := map[string]float64{}
	for _, variant := range []string{"light", "dark"} {
		p := d.StartLimberEnv([]string{"FYNE_THEME=" + variant}, "stats")
		win, err := d.X11().WaitViewable(titleStats, openTimeout)
		if err != nil {
			t.Fatalf("%s: %v\nstderr:\n%s", variant, err, p.Stderr())
		}
		checkWindow(t, win, titleStats, minSize{700, 600})
		path := shots.window(t, win, "stats-"+variant)
		m, err := meanLuminance(path)
		if err != nil {
			t.Fatal(err)
		}
		mean[variant] = m
		t.Logf("%s: mean luminance %.3f", variant, m)
		closeAndWait(t, d, win)
		if code, err := p.Wait(goneTimeout); err != nil || code != 0 {
			t.Errorf("%s: stats process exit %d, %v; stderr:\n%s", variant, code, err, p.Stderr())
		}
	}
	if mean["light"] < 0.6 || mean["dark"] > 0.4 {
		t.Errorf("mean luminance light %.3f, dark %.3f; want light above 0.6 and dark below 0.4", mean["light"], mean["dark"])
	}
}

// same reports whether two PNG files hold the same pixels.
func same(t *testing.T, a, b string) bool {
	t.Helper()
	eq, err := samePixels(a, b)
	if err != nil {
		t.Fatal(err)
	}
	return eq
}

func decodePNG(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	return img, nil
}

// samePixels reports whether two images have the same size and pixels.
func samePixels(a, b string) (bool, error) {
	ia, err := decodePNG(a)
	if err != nil {
		return false, err
	}
	ib, err := decodePNG(b)
	if err != nil {
		return false, err
	}
	return equalImages(ia, ib), nil
}

func equalImages(a, b image.Image) bool {
	ra, rb := a.Bounds(), b.Bounds()
	if ra.Dx() != rb.Dx() || ra.Dy() != rb.Dy() {
		return false
	}
	for y := 0; y < ra.Dy(); y++ {
		for x := 0; x < ra.Dx(); x++ {
			r1, g1, b1, a1 := a.At(ra.Min.X+x, ra.Min.Y+y).RGBA()
			r2, g2, b2, a2 := b.At(rb.Min.X+x, rb.Min.Y+y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				return false
			}
		}
	}
	return true
}

// uniform reports whether every pixel of img has one colour (an empty
// image is uniform).
func uniform(img image.Image) bool {
	r := img.Bounds()
	if r.Empty() {
		return true
	}
	r0, g0, b0, a0 := img.At(r.Min.X, r.Min.Y).RGBA()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := img.At(x, y).RGBA()
			if r1 != r0 || g1 != g0 || b1 != b0 || a1 != a0 {
				return false
			}
		}
	}
	return true
}

// meanLuminance is the mean relative luminance (0 black … 1 white) of a
// PNG, with Rec. 709 weights on the stored values.
func meanLuminance(path string) (float64, error) {
	img, err := decodePNG(path)
	if err != nil {
		return 0, err
	}
	return luminance(img)
}

func luminance(img image.Image) (float64, error) {
	r := img.Bounds()
	if r.Empty() {
		return 0, fmt.Errorf("empty image")
	}
	var sum float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.NRGBA64Model.Convert(img.At(x, y)).(color.NRGBA64)
			sum += (0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)) / 0xffff
		}
	}
	return sum / float64(r.Dx()*r.Dy()), nil
}

// TestImageHelpers pins the pixel helpers the window tests rely on (runs
// in -short).
func TestImageHelpers(t *testing.T) {
	t.Parallel()
	fill := func(w, h int, c color.Color) *image.NRGBA {
		img := image.NewNRGBA(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				img.Set(x, y, c)
			}
		}
		return img
	}
	half := fill(4, 2, color.Black)
	half.Set(0, 0, color.White)
	half.Set(1, 0, color.White)
	half.Set(2, 0, color.White)
	half.Set(3, 0, color.White)
	lumTests := []struct {
		name string
		img  image.Image
		want float64
	}{
		{"white", fill(3, 3, color.White), 1},
		{"black", fill(3, 3, color.Black), 0},
		{"half", half, 0.5},
		{"pure green", fill(2, 2, color.NRGBA{G: 255, A: 255}), 0.7152},
		{"offset bounds", fill(2, 2, color.White).SubImage(image.Rect(1, 1, 2, 2)), 1},
	}
	for _, tt := range lumTests {
		got, err := luminance(tt.img)
		if err != nil || math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("luminance(%s) = %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
	if _, err := luminance(image.NewNRGBA(image.Rect(0, 0, 0, 0))); err == nil {
		t.Errorf("luminance of an empty image: no error")
	}

	changed := fill(3, 3, color.White)
	changed.Set(2, 2, color.NRGBA{R: 254, G: 255, B: 255, A: 255})
	eqTests := []struct {
		name string
		a, b image.Image
		want bool
	}{
		{"equal", fill(3, 3, color.White), fill(3, 3, color.White), true},
		{"one pixel", fill(3, 3, color.White), changed, false},
		{"size", fill(3, 3, color.White), fill(3, 2, color.White), false},
		{"offset bounds", fill(2, 2, color.White).SubImage(image.Rect(1, 1, 2, 2)), fill(1, 1, color.White), true},
	}
	for _, tt := range eqTests {
		if got := equalImages(tt.a, tt.b); got != tt.want {
			t.Errorf("equalImages(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}

	uniformTests := []struct {
		name string
		img  image.Image
		want bool
	}{
		{"one colour", fill(3, 3, color.Black), true},
		{"one pixel differs", changed, false},
		{"half", half, false},
		{"empty", image.NewNRGBA(image.Rect(0, 0, 0, 0)), true},
		{"offset bounds", half.SubImage(image.Rect(0, 1, 4, 2)), true},
	}
	for _, tt := range uniformTests {
		if got := uniform(tt.img); got != tt.want {
			t.Errorf("uniform(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}

	// The file round trip used on captures.
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.png"), filepath.Join(dir, "b.png")
	for path, img := range map[string]image.Image{a: half, b: half} {
		if err := writePNG(path, img); err != nil {
			t.Fatal(err)
		}
	}
	if eq, err := samePixels(a, b); err != nil || !eq {
		t.Errorf("samePixels of two writes of one image = %v, %v", eq, err)
	}
	if m, err := meanLuminance(a); err != nil || math.Abs(m-0.5) > 1e-9 {
		t.Errorf("meanLuminance = %v, %v; want 0.5", m, err)
	}
	if _, err := meanLuminance(filepath.Join(dir, "missing.png")); err == nil {
		t.Errorf("meanLuminance of a missing file: no error")
	}
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	err = png.Encode(f, img)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
