//go:build linux

package idle

import (
	"strconv"
	"testing"
	"time"

	"github.com/limber-app/limber/internal/testcompositor"
	"github.com/limber-app/limber/internal/testdesktop"
)

// TestX11Watch runs the x11 source's XSync alarms against a real X server
// (Xvfb), with pointer motion from xdotool.
func TestX11Watch(t *testing.T) {
	x := testcompositor.StartXvfb(t)
	testdesktop.Require(t, "xdotool")
	src, err := newX11(x.Display)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if !Pushes(src) {
		t.Fatal("x11 source does not push events")
	}
	y := 10
	move := func() {
		y += 7
		x.Run(t, "xdotool", "mousemove", "100", strconv.Itoa(y))
	}
	move()
	armed := time.Now()
	const threshold = time.Second
	ch, cancel := startWatch(t, src, threshold, 2*threshold)
	for range 2 {
		wantIdle(t, ch, threshold, armed)
		wantIdle(t, ch, 2*threshold, armed)
		// The desktop counts idle time from the input, which came at the
		// earliest when the injection began, before the Active event.
		armed = time.Now().Add(-wantActiveAfter(t, ch, move))
	}
	cancel()
	wantClosed(t, ch)
}

// TestX11WatchAlreadyIdle: a threshold the user is already idle past fires
// at once, with the real idle time.
func TestX11WatchAlreadyIdle(t *testing.T) {
	x := testcompositor.StartXvfb(t)
	src, err := newX11(x.Display)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	var before time.Duration
	for before < 600*time.Millisecond { // a fresh server's idle time grows from zero
		time.Sleep(100 * time.Millisecond)
		if before, err = src.Idle(); err != nil {
			t.Fatal(err)
		}
	}
	ch, _ := startWatch(t, src, 500*time.Millisecond)
	ev := nextEvent(t, ch)
	if ev.Kind != Idle || ev.Idle < before {
		t.Errorf("got %+v, want Idle with idle ≥ %v", ev, before)
	}
}

// TestX11WatchServerGoesAway: the watch fails when the X server exits.
func TestX11WatchServerGoesAway(t *testing.T) {
	x := testcompositor.StartXvfb(t)
	src, err := newX11(x.Display)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	ch, _ := startWatch(t, src, time.Hour)
	x.Stop()
	if err := wantErrAndClose(t, ch); err == nil {
		t.Fatal("no error")
	}
}
