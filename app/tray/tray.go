package tray

import (
	"fmt"
	"sync"

	"fyne.io/systray"

	"github.com/limber-app/limber/app/autostart"
	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/assets"
)

// Translation keys of the menu labels. Their English text is a contract
// (see the package doc): tests and users look for it.
const (
	KeyStart    = "tray.start"
	KeyRoutines = "tray.routines"
	KeySnooze   = "tray.snooze"
	// KeySnoozeLimit labels the greyed Snooze when the limit is reached.
	KeySnoozeLimit = "tray.snooze.limit"
	KeyPause       = "tray.pause"
	KeyResume      = "tray.resume"
	KeySettings    = "tray.settings"
	KeyStats       = "tray.stats"
	// KeyStand and KeySit label the standing-desk toggle: "I'm standing"
	// while the user sits (click when you stand up), "I'm sitting" while
	// they stand.
	KeyStand = "tray.stand"
	KeySit   = "tray.sit"
	KeyQuit  = "tray.quit"
)

// PauseChoices are the Pause submenu's entries (translation keys) and the
// lengths they send (control.ParsePause reads them).
var PauseChoices = []struct{ Label, For string }{
	{"tray.pause.30m", "30m"},
	{"tray.pause.1h", "1h"},
	{"tray.pause.2h", "2h"},
	{"tray.pause.tomorrow", control.PauseTomorrow},
}

// Handlers are called from the tray's click goroutines.
type Handlers struct {
	StartRoutine func()
	OpenRoutine  func(id string)
	Snooze       func()
	Pause        func(length string)
	Resume       func()
	Stand        func() // standing-desk mode: the user stood up
	Sit          func() // and sat down again
	Settings     func()
	Stats        func()
	Quit         func()
	// MenuOpening runs when a tray host is about to show the menu, on the
	// D-Bus goroutine and before the host reads it: the daemon updates the
	// view there, so the status line is current without being published
	// every minute.
	MenuOpening func()
}

// Entry is one routine in the Routines submenu.
type Entry struct{ ID, Label string }

// View is what the tray shows; the daemon derives it from the engine.
type View struct {
	// Line is the menu's status line. It counts minutes, so it is sent
	// when the state changes and when a host opens the menu, not as the
	// minutes pass.
	Line string
	// Tip is the tooltip and the item's title: the same news in clock
	// times ("Sitting since 10:05 · break at 10:50"), which change only
	// with the state.
	Tip       string
	Icon      string // assets tray state: normal, due, paused, away
	Paused    bool   // show Resume instead of Pause
	CanSnooze bool   // a break is due and snoozes are left
	// SnoozeLimit greys Snooze with "Snooze (limit reached)": a break is
	// due but no snoozes are left.
	SnoozeLimit bool
	// Standing: the user stands (standing-desk mode); the toggle then
	// offers "I'm sitting".
	Standing bool
}

// PostureLabel is the standing-desk toggle's label for v: the posture
// the user can switch to.
func PostureLabel(v View) string {
	if v.Standing {
		return i18n.T(KeySit)
	}
	return i18n.T(KeyStand)
}

// SnoozeLabel is the Snooze item's label for v.
func SnoozeLabel(v View) string {
	if v.SnoozeLimit && !v.CanSnooze {
		return i18n.T(KeySnoozeLimit)
	}
	return i18n.T(KeySnooze)
}

// Tray is the live menu. Its methods are safe from any goroutine.
type Tray struct {
	h Handlers

	mu       sync.Mutex
	closed   bool
	view     View
	status   *systray.MenuItem
	start    *systray.MenuItem
	routines *systray.MenuItem
	entries  []*systray.MenuItem
	snooze   *systray.MenuItem
	pause    *systray.MenuItem
	resume   *systray.MenuItem
	posture  *systray.MenuItem
}

// Run shows the tray with the first view and blocks until Quit. ready runs
// once the menu exists; the daemon starts its work there. Building the menu
// with the real status line (not a placeholder) means no tray host ever
// reads a stale one.
//
// fyne.io/systray panics on Quit when it never got its D-Bus connection
// (the bus went away between the daemon's check and systray's own
// connect): by then exit has run and only the connection's close is left,
// so Run returns that as an error and the daemon shuts down cleanly.
func Run(h Handlers, first View, ready func(*Tray), exit func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("tray stopped with a panic: %v", r)
		}
	}()
	systray.SetID(autostart.AppID) // before export: panels remember items by Id
	systray.Run(func() {
		t := build(h, first)
		systray.SetMenuOpening(t.menuOpening)
		ready(t)
	}, exit)
	return nil
}

// Quit removes the icon and makes Run return. Call Close on the Tray first:
// systray panics when a property is set after its connection closed.
func Quit() { systray.Quit() }

// Close makes every later call on t do nothing, so a status refresh racing
// with Quit cannot touch the closed D-Bus connection.
func (t *Tray) Close() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.closed = true
}

func build(h Handlers, first View) *Tray {
	t := &Tray{h: h}
	t.status = systray.AddMenuItem(first.Line, "")
	t.status.Disable()
	systray.AddSeparator()
	t.start = systray.AddMenuItem(i18n.T(KeyStart), i18n.T("tray.start.tip"))
	onClick(t.start, h.StartRoutine)
	t.routines = systray.AddMenuItem(i18n.T(KeyRoutines), i18n.T("tray.routines.tip"))
	systray.AddSeparator()
	t.snooze = systray.AddMenuItem(i18n.T(KeySnooze), i18n.T("tray.snooze.tip"))
	onClick(t.snooze, h.Snooze)
	t.pause = systray.AddMenuItem(i18n.T(KeyPause), i18n.T("tray.pause.tip"))
	for _, c := range PauseChoices {
		item := t.pause.AddSubMenuItem(i18n.T(c.Label), "")
		length := c.For
		onClick(item, func() { h.Pause(length) })
	}
	t.resume = systray.AddMenuItem(i18n.T(KeyResume), i18n.T("tray.resume.tip"))
	t.resume.Hide()
	onClick(t.resume, h.Resume)
	t.posture = systray.AddMenuItem(PostureLabel(first), i18n.T("tray.posture.tip"))
	onClick(t.posture, t.togglePosture)
	systray.AddSeparator()
	onClick(systray.AddMenuItem(i18n.T(KeySettings), i18n.T("tray.settings.tip")), h.Settings)
	onClick(systray.AddMenuItem(i18n.T(KeyStats), i18n.T("tray.stats.tip")), h.Stats)
	systray.AddSeparator()
	onClick(systray.AddMenuItem(i18n.T(KeyQuit), i18n.T("tray.quit.tip")), h.Quit)
	t.Update(first) // icon, title, tooltip, Pause or Resume, Snooze
	return t
}

// menuOpening runs the MenuOpening handler and reports whether the status
// line changed, so that the host fetches the menu again before showing it.
func (t *Tray) menuOpening() bool {
	if t.h.MenuOpening == nil {
		return false
	}
	line := func() string {
		t.mu.Lock()
		defer t.mu.Unlock()
		return t.view.Line
	}
	before := line()
	t.h.MenuOpening()
	return line() != before
}

// togglePosture tells the daemon the user changed posture: the opposite
// of what the view last shown says.
func (t *Tray) togglePosture() {
	t.mu.Lock()
	standing := t.view.Standing
	t.mu.Unlock()
	switch {
	case standing && t.h.Sit != nil:
		t.h.Sit()
	case !standing && t.h.Stand != nil:
		t.h.Stand()
	}
}

// onClick serves an item's clicks on a goroutine that sleeps in a channel
// receive between clicks: no polling.
func onClick(item *systray.MenuItem, f func()) {
	go func() {
		for range item.ClickedCh {
			if f != nil {
				f()
			}
		}
	}()
}

// SetRoutines replaces the Routines submenu's entries.
func (t *Tray) SetRoutines(entries []Entry) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return
	}
	for _, item := range t.entries {
		item.Remove()
	}
	t.entries = t.entries[:0]
	for _, e := range entries {
		item := t.routines.AddSubMenuItem(e.Label, "")
		id := e.ID
		onClick(item, func() { t.h.OpenRoutine(id) })
		t.entries = append(t.entries, item)
	}
}

// Resend publishes the whole view again. fyne.io/systray reads the title
// and tooltip once while it exports its D-Bus properties, concurrently with
// the ready callback, and drops a change made in between; the daemon
// resends once the export is surely done and whenever a tray host appears.
func (t *Tray) Resend() {
	t.mu.Lock()
	defer t.mu.Unlock()
	v := t.view
	if v == (View{}) || t.closed {
		return // nothing shown yet; the first Update sends everything
	}
	t.status.SetTitle(v.Line)
	systray.SetTitle(v.Tip)
	systray.SetTooltip(v.Tip)
	systray.SetIcon(assets.TrayIcon(v.Icon, 64))
}

// Update shows a new view. Unchanged parts are not re-sent, so a status
// refresh that changes nothing costs no D-Bus traffic.
func (t *Tray) Update(v View) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return
	}
	old := t.view
	t.view = v
	if v.Line != old.Line {
		t.status.SetTitle(v.Line)
	}
	if v.Tip != old.Tip {
		systray.SetTitle(v.Tip)
		systray.SetTooltip(v.Tip)
	}
	if v.Icon != old.Icon {
		systray.SetIcon(assets.TrayIcon(v.Icon, 64))
	}
	if v.Paused != old.Paused || old == (View{}) {
		if v.Paused {
			t.pause.Hide()
			t.resume.Show()
		} else {
			t.resume.Hide()
			t.pause.Show()
		}
	}
	if label := SnoozeLabel(v); label != SnoozeLabel(old) {
		t.snooze.SetTitle(label)
	}
	if v.Standing != old.Standing {
		t.posture.SetTitle(PostureLabel(v))
	}
	if v.CanSnooze != old.CanSnooze || old == (View{}) {
		if v.CanSnooze {
			t.snooze.Enable()
		} else {
			t.snooze.Disable()
		}
	}
}
