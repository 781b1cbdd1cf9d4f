package idle

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/limber-app/limber/internal/sessionbus"
)

// dbusSource asks a desktop service for the idle time over one private
// session-bus connection.
type dbusSource struct {
	name   string
	conn   *dbus.Conn
	obj    dbus.BusObject
	method string
	// unit converts the service's integer reply to a duration; positive.
	unit time.Duration
}

const (
	mutterService = "org.gnome.Mutter.IdleMonitor"
	mutterPath    = "/org/gnome/Mutter/IdleMonitor/Core"
	mutterMethod  = mutterService + ".GetIdletime"

	screenSaverService = "org.freedesktop.ScreenSaver"
	screenSaverMethod  = screenSaverService + ".GetSessionIdleTime"
)

// screenSaverPaths are tried in order: the spec's path, then the one older
// KDE releases export.
var screenSaverPaths = []dbus.ObjectPath{"/org/freedesktop/ScreenSaver", "/ScreenSaver"}

func openMutter() (Source, error) {
	conn, err := sessionbus.Open()
	if err != nil {
		return nil, err
	}
	return newMutter(conn), nil
}

// newMutter wraps GNOME Mutter's IdleMonitor, which reports milliseconds
// and pushes watches (see mutter_watch.go). The source owns conn and closes
// it.
func newMutter(conn *dbus.Conn) *mutterSource {
	return &mutterSource{dbusSource: &dbusSource{
		name:   Mutter,
		conn:   conn,
		obj:    conn.Object(mutterService, mutterPath),
		method: mutterMethod,
		unit:   time.Millisecond,
	}}
}

func openScreenSaver() (Source, error) {
	conn, err := sessionbus.Open()
	if err != nil {
		return nil, err
	}
	src, err := newScreenSaver(conn)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return src, nil
}

// newScreenSaver wraps org.freedesktop.ScreenSaver.GetSessionIdleTime. The
// method is not in the freedesktop spec; its main implementer, KDE's
// kscreenlocker, returns KIdleTime::idleTime(), which is milliseconds (and
// refuses the call on Wayland, where probing then moves on). It picks the
// first object path that answers. The source owns conn and closes it.
func newScreenSaver(conn *dbus.Conn) (*dbusSource, error) {
	var errs []error
	for _, path := range screenSaverPaths {
		src := &dbusSource{
			name:   ScreenSaver,
			conn:   conn,
			obj:    conn.Object(screenSaverService, path),
			method: screenSaverMethod,
			unit:   time.Millisecond,
		}
		if _, err := src.Idle(); err != nil {
			errs = append(errs, err)
			continue
		}
		return src, nil
	}
	return nil, fmt.Errorf("%w (also tried %s)", errs[0], screenSaverPaths[1])
}

func (s *dbusSource) Name() string { return s.name }

func (s *dbusSource) Idle() (time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	call := s.obj.CallWithContext(ctx, s.method, 0)
	if call.Err != nil {
		return 0, fmt.Errorf("call %s on %s: %w", s.method, s.obj.Path(), call.Err)
	}
	// Mutter answers uint64 and the spec says uint32; accept either, and any
	// other unsigned width a service might choose.
	var v uint64
	if err := call.Store(&v); err != nil {
		var v32 uint32
		if err32 := call.Store(&v32); err32 != nil {
			return 0, fmt.Errorf("decode %s reply: %w", s.method, err)
		}
		v = uint64(v32)
	}
	if v > uint64(math.MaxInt64/s.unit) {
		return 0, fmt.Errorf("%s: idle time %d out of range", s.method, v)
	}
	return time.Duration(v) * s.unit, nil
}

func (s *dbusSource) Close() error { return s.conn.Close() }
