//go:build linux

package idle

import (
	"errors"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/limber-app/limber/internal/testcompositor"
	"github.com/limber-app/limber/internal/testdesktop"
)

// startMutter starts a headless Mutter on a private bus and opens the mutter
// source on it.
func startMutter(t *testing.T) (*testcompositor.Mutter, *mutterSource) {
	t.Helper()
	bus := testdesktop.DBus(t)
	m := testcompositor.StartMutter(t, bus)
	conn, err := dbus.Connect(bus)
	if err != nil {
		t.Fatal(err)
	}
	src := newMutter(conn)
	t.Cleanup(func() { src.Close() })
	return m, src
}

// TestMutterWatch runs the mutter source against a real headless Mutter,
// with keyboard and pointer input injected through RemoteDesktop.
func TestMutterWatch(t *testing.T) {
	m, src := startMutter(t)
	if !Pushes(src) {
		t.Fatal("mutter source does not push events")
	}
	input := m.RemoteInput(t)
	inject := []func(){
		func() {
			if err := input.PressKey(); err != nil {
				t.Fatal(err)
			}
		},
		func() {
			if err := input.MovePointer(); err != nil {
				t.Fatal(err)
			}
		},
	}
	// Mutter counts idle time from its own start: start from fresh input.
	inject[0]()
	armed := time.Now()
	const threshold = time.Second
	ch, cancel := startWatch(t, src, 2*threshold, threshold)
	for round, in := range inject {
		wantIdle(t, ch, threshold, armed)
		wantIdle(t, ch, 2*threshold, armed)
		if got, err := src.Idle(); err != nil || got < 2*threshold {
			t.Errorf("round %d: Idle() = %v, %v, want ≥ %v", round, got, err, 2*threshold)
		}
		// The desktop counts idle time from the input, which came at the
		// earliest when the injection began, before the Active event.
		armed = time.Now().Add(-wantActiveAfter(t, ch, in))
	}
	cancel()
	wantClosed(t, ch)
}

// TestMutterRestart: when Mutter restarts, the watch re-arms on the new
// instance instead of failing; when it leaves for good, the watch fails.
func TestMutterRestart(t *testing.T) {
	m, src := startMutter(t)
	src.restartGrace = 3 * time.Second
	m.RemoteInput(t).PressKey()
	armed := time.Now()
	ch, _ := startWatch(t, src, time.Second)
	wantIdle(t, ch, time.Second, armed)

	m.Stop()
	m2 := testcompositor.StartMutter(t, m.Bus)
	input := m2.RemoteInput(t)
	wantActiveAfter(t, ch, func() {
		if err := input.PressKey(); err != nil {
			t.Fatal(err)
		}
	})
	wantIdle(t, ch, time.Second, time.Now().Add(-50*time.Millisecond))

	m2.Stop()
	err := wantErrAndClose(t, ch)
	if !errors.Is(err, ErrMutterGone) {
		t.Errorf("err = %v, want ErrMutterGone", err)
	}
}
