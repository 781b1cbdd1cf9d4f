//go:build linux

package idle

import (
	"errors"
	"testing"
	"time"

	"github.com/limber-app/limber/internal/testcompositor"
	"github.com/limber-app/limber/internal/testdesktop"
	"github.com/limber-app/limber/reminders/idle/wayland"
)

// TestWaylandSway runs the wayland source against a real headless sway 1.7,
// whose idle protocol is org_kde_kwin_idle, with key presses from wtype.
func TestWaylandSway(t *testing.T) {
	sway := testcompositor.StartSway(t)
	testdesktop.Require(t, "wtype")
	t.Setenv("WAYLAND_DISPLAY", sway.Display)
	t.Setenv("XDG_RUNTIME_DIR", sway.RuntimeDir)
	t.Setenv("XDG_SESSION_TYPE", "wayland")
	t.Setenv("XDG_CURRENT_DESKTOP", "sway")
	t.Setenv("DISPLAY", ":99") // an Xwayland-style DISPLAY must not lead auto to x11

	p := defaultProber()
	p.goos = "linux"
	src, attempts, err := p.open(Auto)
	if err != nil {
		t.Fatalf("open auto: %v (attempts %v)", err, attempts)
	}
	defer src.Close()
	if src.Name() != Wayland {
		t.Fatalf("auto chose %s, want wayland; attempts %v", src.Name(), attempts)
	}
	if !Pushes(src) {
		t.Error("wayland source does not push events")
	}
	t.Logf("protocol %s", src.(*waylandSource).Protocol())

	key := func() { sway.Run(t, "wtype", "-k", "Shift_L") }
	const threshold = time.Second
	armed := time.Now()
	ch, cancel := startWatch(t, src.(Watcher), threshold, 2*threshold)
	for round := range 2 {
		wantIdle(t, ch, threshold, armed)
		wantIdle(t, ch, 2*threshold, armed)
		if got, err := src.Idle(); err != nil || got < readingStep {
			t.Errorf("round %d: Idle() = %v, %v while idle, want ≥ %v", round, got, err, readingStep)
		}
		// The desktop counts idle time from the input, which came at the
		// earliest when the injection began, before the Active event.
		armed = time.Now().Add(-wantActiveAfter(t, ch, key))
	}
	cancel()
	wantClosed(t, ch)
}

// TestWaylandCompositorGoesAway: a watch ends with an error event when the
// compositor exits, and readings fail.
func TestWaylandCompositorGoesAway(t *testing.T) {
	sway := testcompositor.StartSway(t)
	src, err := newWayland(sway.Socket())
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	ch, _ := startWatch(t, src, time.Hour)
	sway.Stop()
	if err := wantErrAndClose(t, ch); err == nil {
		t.Fatal("no error")
	}
	<-src.done
	if _, err := src.Idle(); err == nil {
		t.Error("Idle succeeded after the compositor exited")
	}
}

func TestWaylandNoCompositor(t *testing.T) {
	_, err := newWayland(t.TempDir() + "/wayland-none")
	if err == nil {
		t.Fatal("connecting to a missing socket succeeded")
	}
	if errors.Is(err, wayland.ErrNoIdleProtocol) {
		t.Errorf("err = %v, want a connection error", err)
	}
}
