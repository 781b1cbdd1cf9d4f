package idle

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/limber-app/limber/internal/testdesktop"
)

func TestX11IdleResetsOnPointerMotion(t *testing.T) {
	display := testdesktop.Xvfb(t)
	xdotool := testdesktop.Require(t, "xdotool")

	src, err := newX11(display)
	if err != nil {
		t.Fatalf("open x11: %v", err)
	}
	defer src.Close()

	time.Sleep(300 * time.Millisecond)
	before, err := src.Idle()
	if err != nil {
		t.Fatalf("Idle: %v", err)
	}
	if before < 250*time.Millisecond {
		t.Fatalf("idle %v right after start, want at least 250ms", before)
	}

	cmd := exec.Command(xdotool, "mousemove", "200", "300")
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("xdotool: %v: %s", err, out)
	}
	after, err := src.Idle()
	if err != nil {
		t.Fatalf("Idle: %v", err)
	}
	if after >= before || after > 200*time.Millisecond {
		t.Errorf("idle after pointer motion = %v (before %v), want reset", after, before)
	}

	src.Close()
	if _, err := src.Idle(); err == nil {
		t.Error("Idle after Close succeeded")
	}
}

func TestX11NoServer(t *testing.T) {
	if _, err := newX11(":4095"); err == nil {
		t.Error("connecting to a display nobody serves succeeded")
	}
}

// mutterFake implements org.gnome.Mutter.IdleMonitor.
type mutterFake struct{ ms uint64 }

func (m mutterFake) GetIdletime() (uint64, *dbus.Error) { return m.ms, nil }

// kdeFake implements the ScreenSaver method the way kscreenlocker does.
type kdeFake struct{ ms uint32 }

func (k kdeFake) GetSessionIdleTime() (uint32, *dbus.Error) { return k.ms, nil }

// waylandKDEFake refuses, as kscreenlocker does on Wayland.
type waylandKDEFake struct{}

func (waylandKDEFake) GetSessionIdleTime() (uint32, *dbus.Error) {
	return 0, dbus.NewError("org.freedesktop.DBus.Error.NotSupported", []any{"GetSessionIdleTime is not supported on this platform"})
}

func TestDBusSources(t *testing.T) {
	tests := []struct {
		name    string
		service string
		path    dbus.ObjectPath
		iface   string
		impl    any
		open    func(*dbus.Conn) (Source, error)
		want    time.Duration
		wantErr string
	}{
		{
			name: "mutter", service: mutterService, path: mutterPath, iface: mutterService, impl: mutterFake{ms: 90_500},
			open: func(c *dbus.Conn) (Source, error) { return newMutter(c), nil }, want: 90500 * time.Millisecond,
		},
		{
			name: "mutter missing", service: "org.example.Other", path: mutterPath, iface: mutterService, impl: mutterFake{},
			open: func(c *dbus.Conn) (Source, error) { return newMutter(c), nil }, wantErr: "GetIdletime",
		},
		{
			name: "screensaver spec path", service: screenSaverService, path: "/org/freedesktop/ScreenSaver", iface: screenSaverService,
			impl: kdeFake{ms: 4_000}, open: openScreenSaverOn, want: 4 * time.Second,
		},
		{
			name: "screensaver old KDE path", service: screenSaverService, path: "/ScreenSaver", iface: screenSaverService,
			impl: kdeFake{ms: 1_500}, open: openScreenSaverOn, want: 1500 * time.Millisecond,
		},
		{
			name: "screensaver refuses", service: screenSaverService, path: "/org/freedesktop/ScreenSaver", iface: screenSaverService,
			impl: waylandKDEFake{}, open: openScreenSaverOn, wantErr: "not supported",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			addr := testdesktop.DBus(t)
			svc := testdesktop.Own(t, addr, tt.service)
			if err := svc.Export(tt.impl, tt.path, tt.iface); err != nil {
				t.Fatal(err)
			}
			conn, err := dbus.Connect(addr)
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			src, err := tt.open(conn)
			if err == nil {
				defer src.Close()
				_, err = src.Idle()
			} else {
				conn.Close()
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
				}
				if d := time.Since(start); d > callTimeout {
					t.Errorf("failure took %v, want fast", d)
				}
				return
			}
			if err != nil {
				t.Fatalf("open/Idle: %v", err)
			}
			if got, _ := src.Idle(); got != tt.want {
				t.Errorf("Idle() = %v, want %v", got, tt.want)
			}
			if src.Name() != strings.Fields(tt.name)[0] {
				t.Errorf("Name() = %q", src.Name())
			}
		})
	}
}

func openScreenSaverOn(c *dbus.Conn) (Source, error) {
	src, err := newScreenSaver(c)
	if err != nil {
		return nil, err
	}
	return src, nil
}

// TestOpenReportOnPrivateBus runs the real openers against a private bus
// holding only a KDE-style ScreenSaver: auto must reject mutter and pick
// screensaver. The Wayland session has no compositor socket, so wayland is
// rejected too, and x11 is never tried.
func TestOpenReportOnPrivateBus(t *testing.T) {
	addr := testdesktop.DBus(t)
	svc := testdesktop.Own(t, addr, screenSaverService)
	if err := svc.Export(kdeFake{ms: 2_000}, "/org/freedesktop/ScreenSaver", screenSaverService); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
	t.Setenv("XDG_SESSION_TYPE", "wayland")
	t.Setenv("XDG_CURRENT_DESKTOP", "GNOME")
	t.Setenv("DISPLAY", ":0")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	t.Setenv("WAYLAND_DISPLAY", "")

	p := defaultProber()
	p.goos = "linux"
	src, attempts, err := p.open(Auto)
	if err != nil {
		t.Fatalf("open auto: %v (attempts %v)", err, attempts)
	}
	defer src.Close()
	if src.Name() != ScreenSaver {
		t.Fatalf("chose %s, want screensaver; attempts %v", src.Name(), attempts)
	}
	if len(attempts) != 3 || attempts[0].Name != Mutter || attempts[0].Err == nil ||
		attempts[1].Name != Wayland || attempts[1].Err == nil {
		t.Errorf("attempts = %v, want mutter and wayland failures, then screensaver", attempts)
	}
}

func TestMacSourceRunsIoreg(t *testing.T) {
	tests := []struct {
		name    string
		out     string
		runErr  error
		want    time.Duration
		wantErr bool
	}{
		{"ok", "\"HIDIdleTime\" = 3000000000\n", nil, 3 * time.Second, false},
		{"ioreg fails", "", errors.New("exit status 1"), 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := &macSource{run: func(ctx context.Context) ([]byte, error) {
				if _, ok := ctx.Deadline(); !ok {
					t.Error("ioreg run without a deadline")
				}
				return []byte(tt.out), tt.runErr
			}}
			got, err := src.Idle()
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("Idle() = %v, %v; want %v, err %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}
