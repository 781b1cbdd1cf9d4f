package session

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/limber-app/limber/internal/testdesktop"
)

const mySession = dbus.ObjectPath("/org/freedesktop/login1/session/c2")

func TestTranslate(t *testing.T) {
	sig := func(path dbus.ObjectPath, name string, body ...any) *dbus.Signal {
		return &dbus.Signal{Path: path, Name: name, Body: body}
	}
	tests := []struct {
		name string
		sig  *dbus.Signal
		want Event
		ok   bool
	}{
		{"sleep", sig(login1Path, prepareForSleep, true), Sleep, true},
		{"wake", sig(login1Path, prepareForSleep, false), Wake, true},
		{"sleep from elsewhere", sig("/x", prepareForSleep, true), 0, false},
		{"sleep without body", sig(login1Path, prepareForSleep), 0, false},
		{"sleep with wrong type", sig(login1Path, prepareForSleep, "yes"), 0, false},
		{"session lock", sig(mySession, sessionLock), Lock, true},
		{"session unlock", sig(mySession, sessionUnlock), Unlock, true},
		{"other session lock", sig("/org/freedesktop/login1/session/c3", sessionLock), 0, false},
		{"fdo saver on", sig("/org/freedesktop/ScreenSaver", fdoScreenSaver+".ActiveChanged", true), Lock, true},
		{"gnome saver off", sig("/org/gnome/ScreenSaver", gnomeScreenSaver+".ActiveChanged", false), Unlock, true},
		{"saver with extra args", sig("/", gnomeScreenSaver+".ActiveChanged", false, true), 0, false},
		{"unrelated", sig("/org/freedesktop/DBus", "org.freedesktop.DBus.NameAcquired", ":1.2"), 0, false},
		{"nil", nil, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := translate(tt.sig, mySession)
			if got != tt.want || ok != tt.ok {
				t.Errorf("translate = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
	if _, ok := translate(sig(mySession, sessionLock), ""); ok {
		t.Error("session lock accepted with no known session")
	}
}

// fakeLogind implements the two Manager methods Watch calls.
type fakeLogind struct {
	byPID bool // whether GetSessionByPID knows the caller
}

func (f fakeLogind) GetSessionByPID(pid uint32) (dbus.ObjectPath, *dbus.Error) {
	if !f.byPID {
		return "", dbus.NewError("org.freedesktop.login1.NoSessionForPID", []any{"PID does not belong to any known session"})
	}
	return mySession, nil
}

func (f fakeLogind) GetSession(id string) (dbus.ObjectPath, *dbus.Error) {
	if id != "auto" {
		return "", dbus.NewError("org.freedesktop.login1.NoSuchSession", []any{id})
	}
	return mySession, nil
}

// reports collects the WithReport calls.
type reports map[string]error

func (r reports) hook(src string, err error) { r[src] = err }

func startWatch(t *testing.T, cfg config) (<-chan Event, reports, context.CancelFunc) {
	t.Helper()
	rep := reports{}
	cfg.report = rep.hook
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	ch, err := watch(ctx, cfg)
	if err != nil {
		t.Fatalf("watch: %v", err)
	}
	return ch, rep, cancel
}

func expect(t *testing.T, ch <-chan Event, want ...Event) {
	t.Helper()
	var got []Event
	timeout := time.After(2 * time.Second)
	for len(got) < len(want) {
		select {
		case ev, ok := <-ch:
			if !ok {
				t.Fatalf("channel closed after %v, want %v", got, want)
			}
			got = append(got, ev)
		case <-timeout:
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	select {
	case ev := <-ch:
		t.Fatalf("unexpected extra event %v after %v", ev, want)
	case <-time.After(100 * time.Millisecond):
	}
}

func emit(t *testing.T, c *dbus.Conn, path dbus.ObjectPath, name string, args ...any) {
	t.Helper()
	if err := c.Emit(path, name, args...); err != nil {
		t.Fatalf("emit %s: %v", name, err)
	}
}

func TestWatchAllSources(t *testing.T) {
	for _, byPID := range []bool{true, false} {
		name := "session by pid"
		if !byPID {
			name = "session auto"
		}
		t.Run(name, func(t *testing.T) {
			// One private bus stands in for both the system and session bus.
			addr := testdesktop.DBus(t)
			logind := testdesktop.Own(t, addr, login1Service)
			if err := logind.Export(fakeLogind{byPID: byPID}, login1Path, login1Manager); err != nil {
				t.Fatal(err)
			}
			fdo := testdesktop.Own(t, addr, fdoScreenSaver)
			gnome := testdesktop.Own(t, addr, gnomeScreenSaver)
			impostor := testdesktop.Conn(t, addr)

			ch, rep, cancel := startWatch(t, config{system: testdesktop.Conn(t, addr), session: testdesktop.Conn(t, addr), pid: 4242})
			for _, src := range []string{SourceLogindSleep, SourceLogindLock, SourceFreedesktopSaver, SourceGNOMESaver} {
				if err, ok := rep[src]; !ok || err != nil {
					t.Errorf("report %s = %v (reported %v), want nil", src, err, ok)
				}
			}

			emit(t, logind, login1Path, prepareForSleep, true)
			emit(t, logind, login1Path, prepareForSleep, false)
			expect(t, ch, Sleep, Wake)

			// One lock seen by logind and both screen savers is one event.
			emit(t, logind, mySession, sessionLock)
			emit(t, fdo, "/org/freedesktop/ScreenSaver", fdoScreenSaver+".ActiveChanged", true)
			emit(t, gnome, "/org/gnome/ScreenSaver", gnomeScreenSaver+".ActiveChanged", true)
			expect(t, ch, Lock)
			emit(t, gnome, "/org/gnome/ScreenSaver", gnomeScreenSaver+".ActiveChanged", false)
			emit(t, logind, mySession, sessionUnlock)
			expect(t, ch, Unlock)

			// Another session's lock, and signals from a process that does
			// not own the service names, are not ours.
			emit(t, logind, "/org/freedesktop/login1/session/c9", sessionLock)
			emit(t, impostor, login1Path, prepareForSleep, true)
			emit(t, impostor, "/org/freedesktop/ScreenSaver", fdoScreenSaver+".ActiveChanged", true)
			expect(t, ch)

			emit(t, fdo, "/org/freedesktop/ScreenSaver", fdoScreenSaver+".ActiveChanged", true)
			expect(t, ch, Lock)

			cancel()
			select {
			case _, ok := <-ch:
				if ok {
					t.Fatal("event after cancel")
				}
			case <-time.After(2 * time.Second):
				t.Fatal("channel not closed after cancel")
			}
		})
	}
}

func TestWatchWithoutLogind(t *testing.T) {
	addr := testdesktop.DBus(t)
	saver := testdesktop.Own(t, addr, fdoScreenSaver)
	start := time.Now()
	ch, rep, _ := startWatch(t, config{system: testdesktop.Conn(t, addr), session: testdesktop.Conn(t, addr), pid: 1})
	if d := time.Since(start); d > callTimeout {
		t.Errorf("setup took %v without logind", d)
	}
	if err := rep[SourceLogindLock]; err == nil || !strings.Contains(err.Error(), "find logind session") {
		t.Errorf("logind lock report = %v, want session lookup failure", err)
	}
	if err := rep[SourceFreedesktopSaver]; err != nil {
		t.Errorf("screensaver report = %v, want nil", err)
	}
	emit(t, saver, "/org/freedesktop/ScreenSaver", fdoScreenSaver+".ActiveChanged", true)
	expect(t, ch, Lock)
}

func TestWatchNothingAvailable(t *testing.T) {
	addr := testdesktop.DBus(t)
	dead := testdesktop.Conn(t, addr)
	dead.Close()
	rep := reports{}
	ch, err := watch(context.Background(), config{system: dead, session: dead, report: rep.hook})
	if err == nil || ch != nil {
		t.Fatalf("watch on closed connections = %v, %v; want nil channel and error", ch, err)
	}
	if len(rep) != 4 {
		t.Errorf("reported %d sources, want 4: %v", len(rep), rep)
	}
	for src, err := range rep {
		if err == nil {
			t.Errorf("%s reported ok on a closed connection", src)
		}
	}
}

// TestWatchNoBuses runs the public entry point with no reachable buses, as
// in a bare container: it must fail fast with a nil channel, not hang or
// panic.
func TestWatchNoBuses(t *testing.T) {
	t.Setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/limber-test")
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/limber-test")
	start := time.Now()
	ch, err := Watch(context.Background())
	if err == nil || ch != nil {
		t.Errorf("Watch = %v, %v; want nil, error", ch, err)
	}
	if d := time.Since(start); d > callTimeout {
		t.Errorf("Watch took %v", d)
	}
}
