package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/reminders"
)

// testEnv runs commands in-process against a private runtime directory.
func testEnv(t *testing.T) (Env, *bytes.Buffer, *bytes.Buffer, string) {
	t.Helper()
	dir := t.TempDir()
	vars := map[string]string{
		"HOME":            dir,
		"XDG_CONFIG_HOME": filepath.Join(dir, "config"),
		"XDG_STATE_HOME":  filepath.Join(dir, "state"),
		"XDG_RUNTIME_DIR": filepath.Join(dir, "run"),
	}
	var out, errb bytes.Buffer
	env := Env{
		Stdin:   strings.NewReader(""),
		Stdout:  &out,
		Stderr:  &errb,
		Getenv:  func(k string) string { return vars[k] },
		Version: Version{Version: "1.2.3", Commit: "abc", Date: "today"},
	}
	return env, &out, &errb, filepath.Join(dir, "run", "limber", "limber.sock")
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		cmd  string
		args []string
	}{
		{"frobnicate", nil},
		{"status", []string{"--yaml"}},
		{"pause", []string{"banana"}},
		{"pause", []string{"-5m"}},
		{"pause", []string{"1h", "2h"}},
		{"snooze", []string{"soon"}},
		{"resume", []string{"now"}},
		{"version", []string{"x"}},
		{"", []string{"--sitting-limit", "banana"}},
		{"", []string{"--no-such-flag"}},
		{"", []string{"--idle-source", "banana"}},
		{"ui", nil},
		{"ui", []string{"spaceship"}},
		{"routine", []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.cmd+" "+strings.Join(tt.args, " "), func(t *testing.T) {
			env, _, errb, _ := testEnv(t)
			if code := Dispatch(env, tt.cmd, tt.args); code != ExitUsage {
				t.Errorf("exit %d, want %d; stderr %q", code, ExitUsage, errb)
			}
			if !strings.Contains(errb.String(), "Usage:") {
				t.Errorf("no usage on stderr: %q", errb)
			}
		})
	}
}

func TestNotRunning(t *testing.T) {
	for _, cmd := range []string{"status", "resume", "quit", "break", "skip", "stand", "sit"} {
		env, _, errb, _ := testEnv(t)
		if code := Dispatch(env, cmd, nil); code != ExitNotRunning {
			t.Errorf("%s: exit %d, want %d", cmd, code, ExitNotRunning)
		}
		if got := strings.TrimSpace(errb.String()); got != "Limber is not running (start it with: limber)" {
			t.Errorf("%s: stderr %q", cmd, got)
		}
	}
}

func TestVersion(t *testing.T) {
	env, out, _, _ := testEnv(t)
	if code := Dispatch(env, "version", nil); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.HasPrefix(out.String(), "limber 1.2.3 (commit abc, built today") {
		t.Errorf("version = %q", out)
	}
}

func TestNoDisplay(t *testing.T) {
	env, _, errb, _ := testEnv(t)
	if code := Dispatch(env, "ui", []string{"settings"}); code != ExitNoDisplay {
		t.Errorf("exit %d, want %d; %s", code, ExitNoDisplay, errb)
	}
}

// TestStatusJSON talks to a fake daemon and checks the contract fields.
func TestStatusJSON(t *testing.T) {
	env, out, _, sock := testEnv(t)
	if err := mkdirAll(filepath.Dir(sock)); err != nil {
		t.Fatal(err)
	}
	next := int64(600)
	srv, err := control.Listen(sock, func(r control.Request) control.Response {
		return control.Response{OK: true, Status: &control.Status{
			State: "sitting", Line: "Sitting 5 min · break in 10 min", SittingSeconds: 300,
			NextReminderSeconds: &next, IdleSource: "x11", IdleEvents: true, ConfigErrors: []string{},
		}}
	}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	go srv.Serve()

	if code := Dispatch(env, "status", []string{"--json"}); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	var m map[string]any
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"state", "sitting_seconds", "next_reminder_seconds", "idle_source", "idle_events",
		"paused_until", "breaks_today", "skipped_today", "config_errors"} {
		if _, ok := m[k]; !ok {
			t.Errorf("status --json lacks %q", k)
		}
	}
	out.Reset()
	if code := Dispatch(env, "status", nil); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.HasPrefix(out.String(), "Sitting 5 min · break in 10 min\n") {
		t.Errorf("status = %q", out)
	}
	if !strings.Contains(out.String(), "idle source: x11 (events)") {
		t.Errorf("status does not say that x11 pushes events: %q", out)
	}
}

func mkdirAll(dir string) error { return os.MkdirAll(dir, 0o700) }

func TestStatsJSON(t *testing.T) {
	env, out, _, _ := testEnv(t)
	p, err := resolvePaths(env)
	if err != nil {
		t.Fatal(err)
	}
	h, err := reminders.OpenHistory(p.HistoryFile())
	if err != nil {
		t.Fatal(err)
	}
	yes, no := true, false
	now := time.Now()
	if err := h.Append(
		reminders.Event{T: now, Event: reminders.EventReminded, SittingS: 2700, Count: 1},
		reminders.Event{T: now, Event: reminders.EventRoutine, Routine: "desk-break", Completed: &yes, Seconds: 180},
		reminders.Event{T: now, Event: reminders.EventRoutine, Routine: "desk-break", Completed: &no, Seconds: 20},
		reminders.Event{T: now, Event: reminders.EventStood, SittingS: 1500},
		reminders.Event{T: now, Event: reminders.EventSat, StandingS: 900},
	); err != nil {
		t.Fatal(err)
	}
	h.Close()
	if code := Dispatch(env, "stats", []string{"--json"}); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	var got struct {
		Today struct {
			Breaks, Reminders, Routines int
			Sitting                     int64 `json:"sitting_seconds"`
			Standing                    int64 `json:"standing_seconds"`
		}
		Routines []struct {
			ID                 string
			Completed, Stopped int
		}
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Today.Breaks != 1 || got.Today.Reminders != 1 || got.Today.Routines != 2 ||
		got.Today.Sitting != 1500 || got.Today.Standing != 900 {
		t.Errorf("today = %+v", got.Today)
	}
	if len(got.Routines) != 1 || got.Routines[0].Completed != 1 || got.Routines[0].Stopped != 1 {
		t.Errorf("routines = %+v", got.Routines)
	}
}

// TestHelp: every way of asking for help prints the usage on stdout and
// exits 0, also after a subcommand.
func TestHelp(t *testing.T) {
	for _, tt := range []struct {
		cmd  string
		args []string
	}{
		{"", []string{"--help"}},
		{"", []string{"-h"}},
		{"", []string{"-help"}},
		{"", []string{"--sitting-limit", "20m", "--help"}},
		{"help", nil},
		{"routine", []string{"--help"}},
		{"pause", []string{"-h"}},
		{"check-routine", []string{"--help"}},
	} {
		env, out, errb, _ := testEnv(t)
		code := Dispatch(env, tt.cmd, tt.args)
		if code != ExitOK || !strings.HasPrefix(out.String(), "Usage:") || errb.Len() != 0 {
			t.Errorf("limber %s %v: exit %d, stdout %.40q, stderr %q; want 0, the usage, nothing", tt.cmd, tt.args, code, out.String(), errb.String())
		}
	}
}
