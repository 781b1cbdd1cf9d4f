package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/e2e/harness"
	"github.com/limber-app/limber/internal/testcompositor"
)

// TestRealTrayHostRefreshesStatusLine: with a real tray host, waybar on a
// headless sway (its menus are libdbusmenu-gtk's, as in Xfce's panel),
// right-clicking Limber's icon makes the host ask for the menu
// (AboutToShowGroup), and the daemon brings its status line up to date
// then. Limber does not publish the line's minutes as they pass
// (TestStatusLineFreshWhenMenuOpens has the test-side host); this shows a
// real host asks. With a 70 s sitting limit the line says "break in 2
// min" at first; 12 s later, before any click, the host's copy still
// says so, and after the click it says "break in 1 min".
func TestRealTrayHostRefreshesStatusLine(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	sw := testcompositor.StartSway(t)
	sw.StartWaybar(t, d.BusAddress())
	daemon := d.StartLimber("--sitting-limit", "70s", "--idle-source", "none")
	item, err := d.WaitHostItem(20 * time.Second)
	if err != nil {
		t.Fatalf("%v\nstderr:\n%s", err, daemon.Stderr())
	}
	tray := d.Tray(item)
	statusLine := func() string {
		t.Helper()
		m, err := tray.Peek()
		if err != nil {
			t.Fatal(err)
		}
		return m.Labels()[0]
	}
	if line := statusLine(); !strings.Contains(line, "break in 2 min") {
		t.Fatalf("status line at start = %q, want …break in 2 min…", line)
	}
	waitStatus(t, d, "next reminder under a minute away", func(st status) bool {
		return st.NextReminderSeconds != nil && *st.NextReminderSeconds < 58
	}, 30*time.Second)
	if line := statusLine(); !strings.Contains(line, "break in 2 min") {
		t.Fatalf("status line before the click = %q: published without the host asking", line)
	}

	if err := sw.Click(testcompositor.TrayIconX, testcompositor.TrayIconY, testcompositor.ButtonRight); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		line := statusLine()
		if strings.Contains(line, "break in 1 min") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("status line 5 s after the host opened the menu = %q, want …break in 1 min…\nstderr:\n%s", line, daemon.Stderr())
		}
		time.Sleep(100 * time.Millisecond)
	}
}
