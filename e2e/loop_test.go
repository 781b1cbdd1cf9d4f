package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/e2e/harness"
)

// TestSnoozeOnlyWhenDue: with nothing due, `limber snooze` is refused like
// `limber skip` (same exit code, a reason on stderr) and uses up no
// snooze, and the tray greys Snooze; once a break is due, Snooze is
// offered, and after the last allowed snooze it says why it is greyed.
func TestSnoozeOnlyWhenDue(t *testing.T) {
	t.Parallel()
	s := startSession(t, "--sitting-limit", "4s", "--natural-break", "2s", "--idle-source", "none")
	s.menu(t)

	_, skipErr, skipCode := s.Run("skip")
	_, snoozeErr, snoozeCode := s.Run("snooze")
	if skipCode == 0 || snoozeCode != skipCode {
		t.Errorf("nothing due: skip exited %d, snooze %d; want the same non-zero code", skipCode, snoozeCode)
	}
	if !strings.Contains(snoozeErr, "no break is due") {
		t.Errorf("snooze with nothing due: stderr %q, want the reason (skip said %q)", snoozeErr, skipErr)
	}
	if st := statusOf(t, s.Desktop); st.SnoozedToday != 0 {
		t.Errorf("refused snooze counted: %+v", st)
	}
	if it := s.menu(t).Find(labelSnooze); it == nil || it.Enabled {
		t.Errorf("Snooze while sitting: %+v, want present and disabled", it)
	}

	// Due: Snooze is offered.
	waitStatus(t, s.Desktop, func(st status) bool { return st.State == "due" }, 10*time.Second)
	if _, err := s.tray.WaitMenu(func(m *harness.MenuItem) bool {
		it := m.Find(labelSnooze)
		return it != nil && it.Enabled
	}, menuTimeout); err != nil {
		t.Errorf("Snooze not enabled while due: %v", err)
	}
}

// TestSnoozeLimitLabel: at the snooze limit a due break's Snooze is
// greyed and says so.
func TestSnoozeLimitLabel(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	writeConfig(t, d, "snooze_limit = 1\nsnooze = \"2s\"\n")
	s := startSessionOn(t, d, true, "--sitting-limit", "3s", "--natural-break", "2s", "--idle-source", "none")
	waitStatus(t, s.Desktop, func(st status) bool { return st.State == "due" }, 10*time.Second)
	if _, errOut, code := s.Run("snooze"); code != 0 {
		t.Fatalf("snooze while due exited %d: %s", code, errOut)
	}
	waitStatus(t, s.Desktop, func(st status) bool { return st.State == "due" }, 10*time.Second)
	const limited = "Snooze (limit reached)"
	m, err := s.tray.WaitMenu(func(m *harness.MenuItem) bool { return m.Find(limited) != nil }, menuTimeout)
	if err != nil {
		t.Fatalf("no %q item: %v", limited, err)
	}
	if it := m.Find(limited); it.Enabled {
		t.Errorf("%q is enabled", limited)
	}
	if _, _, code := s.Run("snooze"); code == 0 {
		t.Errorf("snooze past the limit succeeded")
	}
}

// writeConfig writes the user's config.toml on d before the daemon starts.
func writeConfig(t *testing.T, d *harness.Desktop, content string) {
	t.Helper()
	dir := filepath.Join(d.ConfigHome, "limber")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
