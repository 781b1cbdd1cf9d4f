package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/e2e/harness"
)

// TestParseStatus pins the status contract checker itself (runs in -short).
func TestParseStatus(t *testing.T) {
	t.Parallel()
	// ok has no idle_note: the daemon leaves it out when there is nothing
	// to say.
	const ok = `{"state":"sitting","status_line":"Sitting 0 min","sitting_seconds":12,"next_reminder_seconds":2688,
		"idle_source":"x11","idle_events":true,"paused_until":null,"breaks_today":0,"skipped_today":1,"snoozed_today":0,
		"config_errors":[],"held_by":[],"posture":"sitting","standing_seconds":0,"tray":"shown","pid":42,"extra":true}`
	tests := []struct {
		name    string
		out     string
		wantErr string
	}{
		{"valid", ok, ""},
		{"valid, nulls and pretty", "{\n  \"state\": \"paused\", \"status_line\": \"Paused\", \"sitting_seconds\": 0, \"next_reminder_seconds\": null,\n  \"idle_source\": \"none\", \"idle_events\": false, \"idle_note\": \"No activity detection\", \"paused_until\": \"2026-01-01T10:00:00Z\",\n  \"breaks_today\": 2, \"skipped_today\": 0, \"snoozed_today\": 1, \"config_errors\": [\"bad key\"],\n  \"held_by\": [\"meeting\"], \"posture\": \"standing\", \"standing_seconds\": 61, \"tray\": \"no_watcher\", \"pid\": 42\n}\n", ""},
		{"not json", "Sitting 3 min", "not a JSON object"},
		{"two objects", ok + "\n" + ok, "more than one"},
		{"missing field", `{"state":"sitting"}`, "missing config_errors"},
		{"wrong type", strings.Replace(ok, `"sitting_seconds":12`, `"sitting_seconds":"12"`, 1), "sitting_seconds is string"},
		{"null not allowed", strings.Replace(ok, `"idle_source":"x11"`, `"idle_source":null`, 1), "idle_source is null"},
		{"held_by null", strings.Replace(ok, `"held_by":[]`, `"held_by":null`, 1), "held_by is null"},
		{"optional field of the wrong type", strings.Replace(ok, `"extra":true`, `"idle_note":false`, 1), "idle_note is bool"},
		{"unknown state", strings.Replace(ok, `"sitting"`, `"napping"`, 1), `state "napping"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseStatus(tt.out)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("parseStatus: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("parseStatus error = %v, want containing %q", err, tt.wantErr)
			}
		})
	}
}

// TestStatus: a running daemon answers both status forms.
func TestStatus(t *testing.T) {
	t.Parallel()
	s := startSession(t)
	st := statusOf(t, s.Desktop)
	if st.SittingSeconds < 0 || st.BreaksToday < 0 || st.SkippedToday < 0 {
		t.Errorf("negative counters in %+v", st)
	}
	if st.IdleSource == "" {
		t.Errorf("idle_source is empty")
	}
	if len(st.ConfigErrors) != 0 {
		t.Errorf("config_errors on a fresh HOME: %v", st.ConfigErrors)
	}

	out, errOut, code := s.Run("status")
	if code != 0 {
		t.Fatalf("limber status exited %d; stderr:\n%s", code, errOut)
	}
	if line := strings.TrimSpace(out); line == "" || strings.HasPrefix(line, "{") {
		t.Errorf("limber status printed %q, want a human line", out)
	}
}

// TestNotRunning: CLI calls that need the daemon say how to start it.
func TestNotRunning(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	for _, args := range [][]string{{"status"}, {"status", "--json"}} {
		out, errOut, code := d.Run(args...)
		if code != 3 {
			t.Errorf("limber %s exited %d, want 3", strings.Join(args, " "), code)
		}
		if !strings.Contains(errOut, "Limber is not running (start it with: limber)") {
			t.Errorf("limber %s stderr = %q, want the not-running hint", strings.Join(args, " "), errOut)
		}
		if strings.TrimSpace(out) != "" {
			t.Errorf("limber %s stdout = %q, want nothing", strings.Join(args, " "), out)
		}
	}
}

// TestBadArguments: usage errors go to stderr with exit code 2.
func TestBadArguments(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	tests := [][]string{
		{"frobnicate"},
		{"status", "--no-such-flag"},
		{"--no-such-flag"},
		{"routines", "--bogus"},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out, errOut, code := d.Run(args...)
			if code != 2 {
				t.Errorf("exit code %d, want 2; stderr:\n%s", code, errOut)
			}
			if !strings.Contains(strings.ToLower(errOut), "usage") {
				t.Errorf("stderr has no usage:\n%s", errOut)
			}
			if strings.TrimSpace(out) != "" {
				t.Errorf("stdout = %q, want nothing", out)
			}
		})
	}
}

// TestRoutineCommand: `limber routine ID` opens the window without a
// daemon and exits when the window is closed; an unknown ID is exit 4.
func TestRoutineCommand(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)

	out, errOut, code := d.Run("routine", "no-such-id")
	if code != 4 {
		t.Errorf("limber routine no-such-id exited %d, want 4", code)
	}
	if lines := strings.Split(strings.TrimSpace(errOut), "\n"); errOut == "" || len(lines) != 1 {
		t.Errorf("limber routine no-such-id stderr = %q, want one line", errOut)
	}
	if strings.TrimSpace(out) != "" {
		t.Errorf("stdout = %q, want nothing", out)
	}

	p := d.StartLimber("routine", routineID)
	win, err := d.X11().WaitViewable(routineName, windowTimeout)
	if err != nil {
		t.Fatalf("%v\nstderr:\n%s", err, p.Stderr())
	}
	if !strings.Contains(win.Title, windowSuffix) {
		t.Errorf("window title %q does not end in %q", win.Title, windowSuffix)
	}
	checkRoutineWindow(t, win)
	if win.PID != 0 && win.PID != p.Pid() {
		t.Errorf("window pid %d, want %d", win.PID, p.Pid())
	}

	if err := d.X11().CloseWindow(win.ID); err != nil {
		t.Fatal(err)
	}
	code, err = p.Wait(3 * time.Second)
	if err != nil {
		t.Fatalf("routine window process did not exit after its window was closed: %v", err)
	}
	if code != 0 {
		t.Errorf("routine window process exited %d after close, want 0; stderr:\n%s", code, p.Stderr())
	}
}
