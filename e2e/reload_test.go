package e2e

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/limber-app/limber/e2e/harness"
)

// TestFilesReloadWithoutRestart edits the config and adds a routine file
// while the daemon runs: the new sitting limit applies to the running
// count, and the routine appears in the tray's Routines submenu.
func TestFilesReloadWithoutRestart(t *testing.T) {
	t.Parallel()
	s := startSession(t, "--idle-source", "none")
	dir := filepath.Join(s.ConfigHome, "limber")
	if err := os.MkdirAll(filepath.Join(dir, "routines"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte("sitting_limit = \"20m\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	waitStatus(t, s.Desktop, "sitting_limit of 20m reloaded", func(st status) bool {
		return st.NextReminderSeconds != nil && *st.NextReminderSeconds <= 20*60
	}, 5*time.Second)

	routine := "id = \"e2e-reload\"\nname = \"Reloaded routine\"\n[[step]]\nstretch = \"calf-raise\"\n"
	if err := os.WriteFile(filepath.Join(dir, "routines", "reload.toml"), []byte(routine), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.tray.WaitMenu(func(m *harness.MenuItem) bool {
		r := m.Find(labelRoutines)
		return r != nil && r.Find("Reloaded routine") != nil
	}, 5*time.Second); err != nil {
		t.Fatalf("new routine not in the Routines menu: %v\n%s", err, s.daemon.Stderr())
	}
}
