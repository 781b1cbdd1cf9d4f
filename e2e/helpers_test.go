package e2e

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/limber-app/limber/e2e/harness"
)

// Timeouts from the contract, plus slack where the contract gives none.
const (
	registerTimeout = 5 * time.Second // daemon start → tray item registered
	// windowTimeout bounds click → routine window viewable on a loaded
	// machine; how fast it is, is measured by make bench (ClickToWindow),
	// not asserted here.
	windowTimeout = 15 * time.Second
	quitTimeout   = 3 * time.Second // `limber quit` → daemon gone
	menuTimeout   = 3 * time.Second // state change → menu relabelled
)

// Labels the tray menu must carry (README.md, "Using Limber").
const (
	labelStart      = "Start stretch routine"
	labelRoutines   = "Routines"
	labelSnooze     = "Snooze"
	labelPause      = "Pause"
	labelResume     = "Resume"
	labelStand      = "I'm standing" // the standing-desk toggle while sitting
	labelSit        = "I'm sitting"  // and while standing
	labelSettings   = "Settings…"
	labelStatistics = "Statistics…"
	labelQuit       = "Quit"

	routineID    = "quick-standing-reset"
	routineName  = "Quick standing reset"
	windowSuffix = "Limber" // every Limber window title ends with "— Limber"
)

// session is a desktop with a tray host, a notification server and a
// running daemon whose item has registered.
type session struct {
	*harness.Desktop
	watcher *harness.Watcher
	notes   *harness.Notifications
	daemon  *harness.Process
	tray    *harness.Tray
}

// startSession starts a full desktop and the daemon with daemonArgs, and
// waits for the tray item.
func startSession(tb testing.TB, daemonArgs ...string) *session {
	tb.Helper()
	d := harness.NewDesktop(tb)
	s := &session{Desktop: d, watcher: d.StartWatcher(), notes: d.StartNotifications()}
	s.daemon = d.StartLimber(daemonArgs...)
	item, err := s.watcher.WaitItem(registerTimeout)
	if err != nil {
		tb.Fatalf("daemon did not register a tray item: %v\nstderr:\n%s", err, s.daemon.Stderr())
	}
	s.tray = d.Tray(item)
	return s
}

// menu waits until the menu is fully built (the last item, Quit, present)
// and returns it.
func (s *session) menu(tb testing.TB) *harness.MenuItem {
	tb.Helper()
	m, err := s.tray.WaitMenu(func(m *harness.MenuItem) bool { return m.Find(labelQuit) != nil }, menuTimeout)
	if err != nil {
		tb.Fatalf("tray menu never got %q: %v", labelQuit, err)
	}
	return m
}

// status is `limber status --json` as the tests read it: every field any
// test relies on, decoded after parseStatus has checked each against
// statusFieldKinds. It is declared here, not taken from app/control, on
// purpose: the tests hold the daemon to the documented contract as a black
// box, so a field renamed in the code fails them instead of following
// along.
type status struct {
	State               string   `json:"state"`
	Line                string   `json:"status_line"`
	SittingSeconds      float64  `json:"sitting_seconds"`
	NextReminderSeconds *float64 `json:"next_reminder_seconds"`
	IdleSource          string   `json:"idle_source"`
	IdleEvents          bool     `json:"idle_events"`
	IdleNote            string   `json:"idle_note"`
	PausedUntil         *string  `json:"paused_until"`
	BreaksToday         float64  `json:"breaks_today"`
	SkippedToday        float64  `json:"skipped_today"`
	SnoozedToday        int      `json:"snoozed_today"`
	ConfigErrors        []any    `json:"config_errors"`
	HeldBy              []string `json:"held_by"`
	Posture             string   `json:"posture"`
	StandingSeconds     float64  `json:"standing_seconds"`
	Tray                string   `json:"tray"`
	PID                 int      `json:"pid"`
}

// States `status --json` may report (README.md, "Command line").
var knownStates = []string{"sitting", "away", "due", "paused", "outside_hours", "in_routine"}

// kindAbsent in statusFieldKinds marks a field the daemon may leave out.
const kindAbsent = "absent"

// jsonKind names the JSON type of a raw value.
func jsonKind(raw json.RawMessage) string {
	t := strings.TrimSpace(string(raw))
	switch {
	case t == "null":
		return "null"
	case t == "true" || t == "false":
		return "bool"
	case strings.HasPrefix(t, `"`):
		return "string"
	case strings.HasPrefix(t, "["):
		return "array"
	case strings.HasPrefix(t, "{"):
		return "object"
	default:
		return "number"
	}
}

// statusFieldKinds is the contract for each field of status: the JSON
// kinds it may have. A field is required unless kindAbsent is among them.
var statusFieldKinds = map[string][]string{
	"state":                 {"string"},
	"status_line":           {"string"},
	"sitting_seconds":       {"number"},
	"next_reminder_seconds": {"number", "null"},
	"idle_source":           {"string"},
	"idle_events":           {"bool"},
	"idle_note":             {"string", kindAbsent}, // only when there is something to say
	"paused_until":          {"string", "null"},
	"breaks_today":          {"number"},
	"skipped_today":         {"number"},
	"snoozed_today":         {"number"},
	"config_errors":         {"array"},
	"held_by":               {"array"}, // [] when nothing holds a reminder back
	"posture":               {"string"},
	"standing_seconds":      {"number"},
	"tray":                  {"string"},
	"pid":                   {"number"},
}

// parseStatus checks the output of `limber status --json` against the
// contract and decodes it.
func parseStatus(out string) (status, error) {
	var st status
	dec := json.NewDecoder(strings.NewReader(out))
	var raw map[string]json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return st, fmt.Errorf("status --json is not a JSON object: %w\n%s", err, out)
	}
	if dec.More() {
		return st, fmt.Errorf("status --json printed more than one JSON value:\n%s", out)
	}
	var problems []string
	for field, kinds := range statusFieldKinds {
		v, ok := raw[field]
		if !ok {
			if !slices.Contains(kinds, kindAbsent) {
				problems = append(problems, "missing "+field)
			}
			continue
		}
		if k := jsonKind(v); !slices.Contains(kinds, k) {
			problems = append(problems, fmt.Sprintf("%s is %s, want %s", field, k, strings.Join(kinds, " or ")))
		}
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return st, fmt.Errorf("status --json: %s\n%s", strings.Join(problems, "; "), out)
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		return st, fmt.Errorf("decode status: %w", err)
	}
	if !slices.Contains(knownStates, st.State) {
		return st, fmt.Errorf("status --json: state %q is not one of %q", st.State, knownStates)
	}
	return st, nil
}

// statusOf runs `limber status --json` and checks it.
func statusOf(tb testing.TB, d *harness.Desktop) status {
	tb.Helper()
	out, errOut, code := d.Run("status", "--json")
	if code != 0 {
		tb.Fatalf("limber status --json exited %d; stderr:\n%s", code, errOut)
	}
	st, err := parseStatus(out)
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// waitStatus polls `limber status --json` until pred holds and returns
// that status; what names the condition in the failure. It asks every
// 20 ms for the first returnWithin, so a latency the presence tests time
// with it is accurate where it is judged, then every 250 ms, so a long
// wait does not keep a core busy with `limber status` processes (one
// takes about 15 ms).
func waitStatus(tb testing.TB, d *harness.Desktop, what string, pred func(status) bool, timeout time.Duration) status {
	tb.Helper()
	start := time.Now()
	for {
		st := statusOf(tb, d)
		if pred(st) {
			return st
		}
		waited := time.Since(start)
		if waited > timeout {
			tb.Fatalf("%s: not after %s; last status: %+v", what, timeout, st)
		}
		if waited < returnWithin {
			time.Sleep(20 * time.Millisecond)
		} else {
			time.Sleep(250 * time.Millisecond)
		}
	}
}

// steadyInput moves the mouse every interval, between two points, until
// the returned stop function is called. Errors are reported once at stop,
// on the calling goroutine.
func steadyInput(tb testing.TB, d *harness.Desktop, interval time.Duration) (stop func()) {
	tb.Helper()
	done := make(chan struct{})
	var (
		wg       sync.WaitGroup
		firstErr error
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for i := 0; ; i++ {
			if err := d.MoveMouse(400+(i%2)*40, 300+(i%2)*30); err != nil && firstErr == nil {
				firstErr = err
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			close(done)
			wg.Wait()
			if firstErr != nil {
				tb.Errorf("simulated input: %v", firstErr)
			}
		})
	}
	tb.Cleanup(stop)
	return stop
}

// isTestReminder: the notification of "Send a test reminder".
func isTestReminder(n harness.Notification) bool { return strings.Contains(n.Summary, "(test)") }

// notesBeforeSentinel asks the daemon for a test reminder, waits for the
// first one received from index skip on, and returns every notification
// received before it. The test
// reminder is a sentinel: the daemon is asked for it after everything the
// test did so far, so a notification that must not come arrives before it
// instead of after a fixed sleep that a slow machine outlasts.
func notesBeforeSentinel(t *testing.T, d *harness.Desktop, notes *harness.Notifications, skip int) []harness.Notification {
	t.Helper()
	sendTestReminder(t, d)
	if _, err := notes.WaitSince(skip, isTestReminder, 10*time.Second); err != nil {
		t.Fatalf("no test reminder (the sentinel): %v", err)
	}
	all := notes.All()
	for i := skip; i < len(all); i++ {
		if isTestReminder(all[i]) {
			return all[:i]
		}
	}
	panic("unreachable: WaitSince found a test reminder")
}
