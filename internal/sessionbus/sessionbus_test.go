package sessionbus

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"testing"
)

// TestHostileNoAutolaunch: with no address and no bus socket the answer is
// ErrNoBus, never an autolaunched bus; an address that asks for autolaunch
// counts as none.
func TestHostileNoAutolaunch(t *testing.T) {
	withBus := t.TempDir()
	ln, err := net.Listen("unix", filepath.Join(withBus, "bus"))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	notSocket := t.TempDir()
	if err := os.WriteFile(filepath.Join(notSocket, "bus"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, addr, runtime string
		want                string
		wantErr             bool
	}{
		{"address set", "unix:path=/run/user/1000/bus", withBus, "unix:path=/run/user/1000/bus", false},
		{"unreachable address is still the address", "unix:path=/nonexistent", "", "unix:path=/nonexistent", false},
		{"runtime bus", "", withBus, "unix:path=" + filepath.Join(withBus, "bus"), false},
		{"autolaunch asks for nothing", "autolaunch:", withBus, "unix:path=" + filepath.Join(withBus, "bus"), false},
		{"nothing", "", "", "", true},
		{"autolaunch and nothing", "autolaunch:", t.TempDir(), "", true},
		{"runtime bus not a socket", "", notSocket, "", true},
		{"disabled", Disabled, withBus, "", true},
	}
	for _, tt := range tests {
		env := map[string]string{EnvAddress: tt.addr, "XDG_RUNTIME_DIR": tt.runtime}
		got, err := Address(func(k string) string { return env[k] })
		if got != tt.want || (err != nil) != tt.wantErr || (err != nil && !errors.Is(err, ErrNoBus)) {
			t.Errorf("%s: Address = %q, %v; want %q, error %v", tt.name, got, err, tt.want, tt.wantErr)
		}
	}
}

// TestHostileSettleWithoutBus: Settle disables the bus for everyone when
// there is none, and Open then fails without connecting anywhere.
func TestHostileSettleWithoutBus(t *testing.T) {
	t.Setenv(EnvAddress, "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	if _, err := Settle(); !errors.Is(err, ErrNoBus) {
		t.Fatalf("Settle without a bus: %v, want ErrNoBus", err)
	}
	if got := os.Getenv(EnvAddress); got != Disabled {
		t.Errorf("%s = %q after Settle, want %q", EnvAddress, got, Disabled)
	}
	if _, err := Open(); !errors.Is(err, ErrNoBus) {
		t.Errorf("Open after Settle without a bus: %v, want ErrNoBus", err)
	}
}
