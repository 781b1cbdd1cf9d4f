package daemon

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/paths"
	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/routines"
)

// fakeClock drives the core without real time.
type fakeClock struct{ now reminders.Instant }

func (f *fakeClock) read() reminders.Instant { return f.now }
func (f *fakeClock) add(d time.Duration)     { f.now = f.now.Add(d) }
func newFakeClock() *fakeClock {
	return &fakeClock{now: reminders.Instant{Wall: time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local), Mono: time.Hour}}
}

func testCore(t *testing.T, config string) (*core, *fakeClock, paths.Paths) {
	t.Helper()
	dir := t.TempDir()
	p := paths.Paths{ConfigDir: filepath.Join(dir, "config"), StateDir: filepath.Join(dir, "state"), RuntimeDir: filepath.Join(dir, "run")}
	if config != "" {
		if err := os.MkdirAll(p.ConfigDir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p.ConfigFile(), []byte(config), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	clk := newFakeClock()
	c, err := newCore(Options{Paths: p, IdleSource: "none", Log: slog.New(slog.NewTextHandler(io.Discard, nil))}, clk.read)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.close() })
	return c, clk, p
}

func TestReminderFlow(t *testing.T) {
	c, clk, p := testCore(t, "sitting_limit = \"45m\"\n")
	c.observe(clk.read(), nil)
	if got := c.status(clk.read()); got.State != "sitting" || got.IdleSource != "none" || got.IdleNote == "" {
		t.Fatalf("start: %+v", got)
	}
	if line := c.view(clk.read()).Line; line != "Sitting 0 min · break in 45 min · breaks not detected" {
		t.Errorf("line = %q", line)
	}
	for range 45 {
		clk.add(time.Minute)
		c.observe(clk.read(), nil)
	}
	pending := c.takePending()
	if len(pending) != 1 {
		t.Fatalf("%d reminders after 45 min, want 1", len(pending))
	}
	r := pending[0]
	if r.Title != "Time to stand up" || !strings.Contains(r.Body, "45 minutes") || r.Stretch == "" || r.Routine != routines.QuickStandingReset {
		t.Errorf("reminder = %+v", r)
	}
	s, ok := routines.LookupStretch(r.Stretch)
	if !ok || (s.Position != routines.Standing && s.Position != routines.Seated) || !strings.Contains(r.Body, s.Name) {
		t.Errorf("suggested stretch %q (%v) not a standing or desk stretch named in %q", r.Stretch, s.Position, r.Body)
	}
	v := c.view(clk.read())
	if v.Icon != "due" || !strings.HasPrefix(v.Line, "Time to stand up") || !v.CanSnooze {
		t.Errorf("due view = %+v", v)
	}

	// The user starts the suggested routine from the notification and finishes it.
	c.childMessage(clk.read(), control.Outcome{Window: control.WindowRoutine, Action: control.ActionReady, RoutineID: r.Routine})
	if st := c.status(clk.read()).State; st != "in_routine" {
		t.Errorf("state during routine = %s", st)
	}
	clk.add(2 * time.Minute)
	c.childMessage(clk.read(), control.Outcome{Window: control.WindowRoutine, Action: control.ActionCompleted, RoutineID: r.Routine, Seconds: 123})
	c.childMessage(clk.read(), control.Outcome{Window: control.WindowRoutine, Action: control.ActionExited, RoutineID: r.Routine})
	st := c.status(clk.read())
	if st.State != "sitting" || st.SittingSeconds != 0 || st.BreaksToday != 1 {
		t.Errorf("after routine: %+v", st)
	}
	// A second rotation suggests another quick routine.
	if next := c.suggestedRoutine(); next == r.Routine {
		t.Errorf("rotation suggested %q twice in a row", next)
	}

	events, err := reminders.ReadHistory(p.HistoryFile())
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range events {
		kinds = append(kinds, e.Event)
	}
	if got := strings.Join(kinds, ","); !strings.Contains(got, "reminded") || !strings.HasSuffix(got, "routine") {
		t.Errorf("history events = %s", got)
	}
	last := events[len(events)-1]
	if last.Routine != r.Routine || last.Completed == nil || !*last.Completed || last.Seconds != 123 {
		t.Errorf("routine event = %+v", last)
	}
}

func TestCrashedRoutineIsPartial(t *testing.T) {
	c, clk, p := testCore(t, "")
	c.childMessage(clk.read(), control.Outcome{Window: control.WindowRoutine, Action: control.ActionReady, RoutineID: "desk-break"})
	clk.add(30 * time.Second)
	c.childMessage(clk.read(), control.Outcome{Window: control.WindowRoutine, Action: control.ActionExited, RoutineID: "desk-break"})
	events, _ := reminders.ReadHistory(p.HistoryFile())
	if len(events) == 0 {
		t.Fatal("no history")
	}
	last := events[len(events)-1]
	if last.Event != reminders.EventRoutine || (last.Completed != nil && *last.Completed) {
		t.Errorf("crashed routine recorded as %+v", last)
	}
	if st := c.status(clk.read()).State; st != "sitting" {
		t.Errorf("state = %s, want sitting", st)
	}
}

func TestPauseSurvivesRestart(t *testing.T) {
	c, clk, p := testCore(t, "")
	if err := c.command(clk.read(), control.Request{Cmd: control.CmdPause, For: "2h"}); err != nil {
		t.Fatal(err)
	}
	st := c.status(clk.read())
	if st.State != "paused" || st.PausedUntil == nil || st.NextReminderSeconds != nil {
		t.Fatalf("paused status = %+v", st)
	}
	if line := c.view(clk.read()).Line; line != "Paused until 11:00" {
		t.Errorf("line = %q", line)
	}
	c.close()

	// A new daemon over the same state folder is still paused.
	c2, err := newCore(Options{Paths: p, IdleSource: "none", Log: slog.New(slog.NewTextHandler(io.Discard, nil))}, clk.read)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.close()
	if st := c2.status(clk.read()); st.State != "paused" {
		t.Errorf("after restart: %s, want paused", st.State)
	}
	if err := c2.command(clk.read(), control.Request{Cmd: control.CmdResume}); err != nil {
		t.Fatal(err)
	}
	if st := c2.status(clk.read()); st.State != "sitting" || st.PausedUntil != nil {
		t.Errorf("after resume: %+v", st)
	}
}

func TestCommandErrors(t *testing.T) {
	c, clk, _ := testCore(t, "")
	for _, req := range []control.Request{
		{Cmd: control.CmdPause, For: "banana"},
		{Cmd: control.CmdPause, For: "-1h"},
		{Cmd: control.CmdSnooze, For: "0s"},
		{Cmd: control.CmdSkip}, // nothing due
		{Cmd: control.CmdResume},
		{Cmd: "dance"},
	} {
		if err := c.command(clk.read(), req); err == nil {
			t.Errorf("%+v: want an error", req)
		}
	}
}

func TestConfigErrorsAndFlags(t *testing.T) {
	c, _, _ := testCore(t, "sitting_limit = \"banana\"\n")
	errs := c.configErrors()
	if len(errs) != 1 || !strings.Contains(errs[0], "config.toml:1: sitting_limit") {
		t.Errorf("config errors = %q", errs)
	}
	if c.cfg.SittingLimit != 45*time.Minute {
		t.Errorf("bad key did not fall back to the default: %v", c.cfg.SittingLimit)
	}
}

func TestHumanMinutes(t *testing.T) {
	for d, want := range map[time.Duration]string{
		20 * time.Second: "20 seconds", time.Minute: "1 minute", 47 * time.Minute: "47 minutes",
		125 * time.Minute: "2 h 5 min", 120 * time.Minute: "2 h",
	} {
		if got := humanMinutes(d); got != want {
			t.Errorf("humanMinutes(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestSuggestionsDoNotRepeat(t *testing.T) {
	c, _, _ := testCore(t, "")
	var seen []string
	for i := range 12 {
		r := c.compose(reminders.Remind{Sitting: 45 * time.Minute, Count: 1})
		for _, prev := range seen[max(0, len(seen)-recentWindow):] {
			if prev == r.Stretch {
				t.Fatalf("reminder %d repeats %q within the last %d: %v", i, r.Stretch, recentWindow, seen)
			}
		}
		seen = append(seen, r.Stretch)
	}
}

func TestSuggestFixedRoutine(t *testing.T) {
	c, _, _ := testCore(t, "suggest = \"breathing-reset\"\n")
	for range 3 {
		if got := c.compose(reminders.Remind{Sitting: time.Hour}).Routine; got != "breathing-reset" {
			t.Fatalf("suggested %q, want the configured breathing-reset", got)
		}
	}
}

func TestStartOpensTheRemindedRoutine(t *testing.T) {
	c, _, _ := testCore(t, "")
	r := c.compose(reminders.Remind{Sitting: 45 * time.Minute, Count: 1})
	if c.suggestedRoutine() == r.Routine {
		t.Fatalf("rotation did not move on from %q", r.Routine)
	}
	if got := c.remindedRoutine(); got != r.Routine {
		t.Errorf("Start opens %q, want the reminded %q", got, r.Routine)
	}
}
