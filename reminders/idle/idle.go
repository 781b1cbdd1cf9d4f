// Package idle reports how long the user has been away from keyboard and
// mouse, using whatever the desktop offers: the X11 MIT-SCREEN-SAVER and
// SYNC extensions, GNOME Mutter's IdleMonitor or the freedesktop
// ScreenSaver interface over D-Bus, the Wayland idle protocols
// (ext_idle_notifier_v1, org_kde_kwin_idle), GetLastInputInfo on Windows,
// or IOKit's HIDIdleTime on macOS. The sitting-time engine uses it to
// notice natural breaks.
//
// Every source answers Idle with a single reading. Sources whose desktop
// can push presence changes (x11, mutter, wayland) also implement Watcher,
// so the daemon learns of an absence and of the return as they happen
// instead of polling; Pushes tells which. No source polls: the wayland
// source keeps one goroutine blocked on its socket, because the Wayland
// protocols only push, and each Watch runs one goroutine blocked on its
// connection.
package idle

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Source names accepted by Open, also used as the values of the daemon's
// --idle-source flag.
const (
	Auto        = "auto"
	X11         = "x11"
	Mutter      = "mutter"
	Wayland     = "wayland"
	ScreenSaver = "screensaver"
	Windows     = "windows"
	MacOS       = "macos"
	None        = "none"
)

// callTimeout bounds every D-Bus call and helper process a source makes, so a
// wedged desktop service can never stall the daemon.
const callTimeout = 2 * time.Second

// Source reports the time since the user's last keyboard or mouse input.
type Source interface {
	// Name is the source's name as accepted by Open, e.g. "x11".
	Name() string
	// Idle returns the time since the last keyboard or mouse input.
	Idle() (time.Duration, error)
	// Close releases the source's connection.
	Close() error
}

// ErrUnknownSource is returned by Open for a name not in Names.
var ErrUnknownSource = errors.New("unknown idle source")

// Attempt records one source tried by OpenReport and why it was rejected
// (Err == nil for the source that was chosen).
type Attempt struct {
	Name string
	Err  error
}

// String renders the attempt for a log line or `limber status`, e.g.
// "mutter: no such service".
func (a Attempt) String() string {
	if a.Err == nil {
		return a.Name + ": ok"
	}
	return a.Name + ": " + a.Err.Error()
}

// Names returns the names Open accepts, "auto" first.
func Names() []string {
	return []string{Auto, X11, Mutter, Wayland, ScreenSaver, Windows, MacOS, None}
}

// Open opens the named source. See OpenReport.
func Open(name string) (Source, error) {
	src, _, err := OpenReport(name)
	return src, err
}

// OpenReport opens the named source and checks that it answers. With "auto"
// (or "", an unset option)
// it tries the sources that fit this platform and session in order and
// returns the first that answers; the "none" source ends every order, so auto
// always succeeds. The attempts say what was tried and why each failed, so
// the app can explain its choice; nothing is logged here.
//
// Auto order on Linux and other X11 systems: mutter (in a GNOME session),
// then in a Wayland session (XDG_SESSION_TYPE=wayland or WAYLAND_DISPLAY
// set) wayland and, outside GNOME, mutter; otherwise x11 (when DISPLAY is
// set); then screensaver, then none. A Wayland session never uses x11:
// Xwayland's idle counter only sees input sent to X clients. Windows and
// macOS use their native source, then none.
func OpenReport(name string) (Source, []Attempt, error) {
	return defaultProber().open(name)
}

// opener opens one source and is replaced by fakes in tests.
type opener func() (Source, error)

// prober holds everything auto-probing depends on, so tests can inject the
// environment and fake sources.
type prober struct {
	goos    string
	getenv  func(string) string
	openers map[string]opener
}

func defaultProber() prober {
	return prober{
		goos:   runtime.GOOS,
		getenv: os.Getenv,
		openers: map[string]opener{
			X11:         openX11,
			Mutter:      openMutter,
			Wayland:     openWayland,
			ScreenSaver: openScreenSaver,
			Windows:     openWindows,
			MacOS:       openMacOS,
			None:        func() (Source, error) { return noneSource{}, nil },
		},
	}
}

// order returns the sources auto tries, best first.
func (p prober) order() []string {
	switch p.goos {
	case "windows":
		return []string{Windows, None}
	case "darwin":
		return []string{MacOS, None}
	}
	wayland := strings.EqualFold(p.getenv("XDG_SESSION_TYPE"), "wayland") || p.getenv("WAYLAND_DISPLAY") != ""
	gnome := slices.ContainsFunc(strings.Split(p.getenv("XDG_CURRENT_DESKTOP"), ":"), func(d string) bool {
		return strings.EqualFold(d, "GNOME")
	})
	var names []string
	if gnome {
		names = append(names, Mutter)
	}
	if wayland {
		names = append(names, Wayland)
		if !gnome {
			// Other Mutter-based desktops (Pantheon, Budgie) name
			// themselves differently and offer no Wayland idle protocol.
			names = append(names, Mutter)
		}
	} else if p.getenv("DISPLAY") != "" {
		names = append(names, X11)
	}
	return append(names, ScreenSaver, None)
}

func (p prober) open(name string) (Source, []Attempt, error) {
	if name != Auto && name != "" {
		src, err := p.try(name)
		attempts := []Attempt{{Name: name, Err: err}}
		if err != nil {
			return nil, attempts, fmt.Errorf("idle source %s: %w", name, err)
		}
		return src, attempts, nil
	}
	return p.first(p.order())
}

// FallbackReport opens the source to use after failed stopped working (its
// watch failed: the X server, the compositor or Mutter went away): the
// first that answers of the sources after failed in the auto order, or of
// the whole order without failed when failed is not in it. Like
// OpenReport, it ends with none, so it always succeeds on Linux.
func FallbackReport(failed string) (Source, []Attempt, error) {
	return defaultProber().fallback(failed)
}

func (p prober) fallback(failed string) (Source, []Attempt, error) {
	order := p.order()
	if i := slices.Index(order, failed); i >= 0 {
		order = order[i+1:]
	}
	return p.first(slices.DeleteFunc(order, func(n string) bool { return n == failed }))
}

// first opens the first of names that answers.
func (p prober) first(names []string) (Source, []Attempt, error) {
	var attempts []Attempt
	for _, n := range names {
		src, err := p.try(n)
		attempts = append(attempts, Attempt{Name: n, Err: err})
		if err == nil {
			return src, attempts, nil
		}
	}
	return nil, attempts, fmt.Errorf("no idle source available (tried %s)", joinAttempts(attempts))
}

// try opens a source and asks it once, so a source that connects but cannot
// answer (e.g. a Wayland session without Mutter) is rejected here rather than
// at the first reminder.
func (p prober) try(name string) (Source, error) {
	open, ok := p.openers[name]
	if !ok {
		return nil, fmt.Errorf("%w %q (want one of %s)", ErrUnknownSource, name, strings.Join(Names(), ", "))
	}
	src, err := open()
	if err != nil {
		return nil, err
	}
	if _, err := src.Idle(); err != nil {
		src.Close()
		return nil, err
	}
	return src, nil
}

func joinAttempts(as []Attempt) string {
	s := make([]string, len(as))
	for i, a := range as {
		s[i] = a.String()
	}
	return strings.Join(s, "; ")
}

// noneSource always reports zero idle time: the engine then counts wall-clock
// time and cannot see natural breaks.
type noneSource struct{}

func (noneSource) Name() string                 { return None }
func (noneSource) Idle() (time.Duration, error) { return 0, nil }
func (noneSource) Close() error                 { return nil }
