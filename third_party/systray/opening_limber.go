package systray

import "sync"

// Limber patch: a hook that runs when a host is about to show the menu.
// See README.md.

// menuOpening is the function given to SetMenuOpening, nil for none.
var menuOpening struct {
	sync.Mutex
	f func() bool
}

// SetMenuOpening sets f to run when a tray host is about to show the
// menu: on Linux and the BSDs, when it calls com.canonical.dbusmenu's
// AboutToShow (or AboutToShowGroup) for the root menu, and when it sends
// the root's "opened" event. f runs on the D-Bus goroutine before the
// reply, so the host shows what f sets; it may change items (their
// setters take the menu lock, which is not held while f runs) and reports
// whether it did, which tells the host to fetch the layout again. An app
// can so keep a line that changes every minute up to date without
// publishing it every minute. Other platforms ignore it.
func SetMenuOpening(f func() (changed bool)) {
	menuOpening.Lock()
	defer menuOpening.Unlock()
	menuOpening.f = f
}

// runMenuOpening calls the hook, if any, without holding its lock.
func runMenuOpening() bool {
	menuOpening.Lock()
	f := menuOpening.f
	menuOpening.Unlock()
	return f != nil && f()
}
