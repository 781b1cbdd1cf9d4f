package e2e

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/limber-app/limber/e2e/harness"
)

// German labels of the tray menu (app/i18n/translations/de.json).
const (
	deStart     = "Übungsfolge starten"
	deRoutines  = "Übungsfolgen"
	deSnooze    = "Später erinnern"
	dePause     = "Pausieren"
	deStand     = "Ich stehe"
	deSettings  = "Einstellungen…"
	deStats     = "Statistik…"
	deQuit      = "Beenden"
	deRoutine   = "Kurz im Stehen auflockern" // quick-standing-reset
	deStatusPfx = "Sitzzeit "                 // "Sitzzeit 0 Min. · Pause in 45 Min."
)

// startLimberIn starts limber with args under locale. The desktop's
// environment sets LANG=en_US.UTF-8; env(1) overrides it for this process
// and its children, as a German user's session would.
func startLimberIn(t *testing.T, d *harness.Desktop, locale string, args ...string) *harness.Process {
	t.Helper()
	bin, err := harness.Binary()
	if err != nil {
		t.Fatal(err)
	}
	envBin, err := exec.LookPath("env")
	if err != nil {
		t.Skipf("env(1) not found: %v", err)
	}
	return d.StartProgram(envBin, append([]string{"LANG=" + locale, bin}, args...)...)
}

// TestGermanTray starts the daemon with LANG=de_DE.UTF-8 and reads its
// menu over D-Bus as a panel would: every label is German.
func TestGermanTray(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	watcher := d.StartWatcher()
	d.StartNotifications()
	daemon := startLimberIn(t, d, "de_DE.UTF-8")
	item, err := watcher.WaitItem(registerTimeout)
	if err != nil {
		t.Fatalf("daemon did not register a tray item: %v\nstderr:\n%s", err, daemon.Stderr())
	}
	tr := d.Tray(item)
	m, err := tr.WaitMenu(func(m *harness.MenuItem) bool { return m.Find(deQuit) != nil }, menuTimeout)
	if err != nil {
		menu, _ := tr.Menu()
		t.Fatalf("tray menu never got %q: %v\n%s", deQuit, err, menu)
	}

	labels := m.Labels()
	want := []string{deStart, deRoutines, deSnooze, dePause, deStand, deSettings, deStats, deQuit}
	if len(labels) != len(want)+1 || !slices.Equal(labels[1:], want) {
		t.Fatalf("top-level labels = %q, want a status line then %q\n%s", labels, want, m)
	}
	if !strings.HasPrefix(labels[0], deStatusPfx) {
		t.Errorf("status line = %q, want German (%q…)", labels[0], deStatusPfx)
	}
	if r := m.Find(deRoutines); r == nil || r.Find(deRoutine) == nil {
		t.Errorf("%q should list %q:\n%s", deRoutines, deRoutine, m)
	}
	wantPause := []string{"30 Minuten", "1 Stunde", "2 Stunden", "Bis morgen"}
	if got := m.Find(dePause).Labels(); !slices.Equal(got, wantPause) {
		t.Errorf("%q submenu = %q, want %q", dePause, got, wantPause)
	}
	for _, english := range []string{labelStart, labelRoutines, labelSnooze, labelSettings, labelStatistics, labelQuit} {
		if m.Find(english) != nil {
			t.Errorf("English label %q in the German menu:\n%s", english, m)
		}
	}

	// The command line follows the same locale.
	p := startLimberIn(t, d, "de_DE.UTF-8", "routines")
	if code, err := p.Wait(menuTimeout); err != nil || code != 0 {
		t.Fatalf("limber routines: exit %d, %v; stderr:\n%s", code, err, p.Stderr())
	}
	if out := p.Stdout(); !strings.Contains(out, deRoutine) || !strings.Contains(out, "DAUER") {
		t.Errorf("limber routines in German:\n%s", out)
	}
}
