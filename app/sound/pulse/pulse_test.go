package pulse

import (
	"path/filepath"
	"testing"
	"time"
)

// TestOpenWithoutServerFails: where no sound server answers, Open fails
// quickly with an error (the window then goes on silently).
func TestOpenWithoutServerFails(t *testing.T) {
	t.Setenv("PULSE_SERVER", "unix:"+filepath.Join(t.TempDir(), "no-such-socket"))
	start := time.Now()
	o, err := Open("limber-test")
	if err == nil {
		o.Close()
		t.Fatal("Open succeeded without a server")
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Open took %s to fail", d)
	}
}
