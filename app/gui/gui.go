// Package gui is the entry point of Limber's window processes: it creates
// the Fyne app, shows one window built from the app/ui packages, reports to
// the daemon on stdout and obeys its raise and close lines on stdin (the
// protocol is described in the package doc of app/control).
//
// It is the only package that imports fyne.io/fyne/v2/app, so every widget
// package stays testable without GL.
package gui

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/paths"
	"github.com/limber-app/limber/assets"
	"github.com/limber-app/limber/routines"
)

// AppID is Limber's reverse-DNS application ID (also in FyneApp.toml).
const AppID = "io.github.limber_app.limber"

// Exit codes of a window process, matching the CLI's.
const (
	exitOK       = 0
	exitFailure  = 1
	exitNotFound = 4
)

// Options say which window to show.
type Options struct {
	Kind   control.Window
	Arg    string
	Child  bool // started by the daemon: report on Stdout, obey Stdin
	Paths  paths.Paths
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// session is one window process.
type session struct {
	o   Options
	app fyne.App
	win fyne.Window

	onClosed   []func() // run when the window closes, before exit
	stopTicker func()   // stops the routine view's clock, if one runs

	mu sync.Mutex
}

// Run shows the window and returns the exit code when it closes.
func Run(o Options) int {
	s := &session{o: o}
	survivePipes()
	catalog := routines.Load(o.Paths.RoutinesDir())
	if o.Kind == control.WindowRoutine {
		if _, ok := catalog.Find(o.Arg); !ok {
			fmt.Fprintln(o.Stderr, "limber: "+i18n.F("cli.no-routine", i18n.Args{"ID": strconv.Quote(o.Arg)}))
			return exitNotFound
		}
	}

	ensurePreferences()
	if o.Stderr != nil {
		log.SetOutput(&prefsRaceFilter{w: o.Stderr})
	}
	s.app = fyneapp.NewWithID(AppID)
	s.app.SetIcon(fyne.NewStaticResource("limber.png", assets.AppIconPNG()))
	s.win = s.app.NewWindow("Limber")

	var err error
	switch o.Kind {
	case control.WindowRoutine:
		err = s.showRoutine(catalog, o.Arg)
	case control.WindowPicker:
		s.showPicker(catalog)
	case control.WindowSettings:
		err = s.showSettings(catalog)
	case control.WindowStats:
		err = s.showStats(catalog)
	case control.WindowPrompt:
		err = s.showPrompt(catalog, o.Arg)
	default:
		err = fmt.Errorf("unknown window %q", o.Kind)
	}
	if err != nil {
		fmt.Fprintf(o.Stderr, "limber: %v\n", err)
		return exitFailure
	}
	s.win.SetOnClosed(func() {
		for _, f := range s.onClosed {
			f()
		}
		s.send(control.Outcome{Action: control.ActionClosing})
	})
	s.win.CenterOnScreen()
	s.app.Lifecycle().SetOnStarted(func() { s.send(control.Outcome{Action: control.ActionReady, RoutineID: o.Arg}) })
	if o.Child && o.Stdin != nil {
		go s.obey(o.Stdin)
	}
	s.win.ShowAndRun()
	return exitOK
}

// send reports a line to the daemon when we are its child. An error means
// the daemon is gone (its end of the pipe is closed).
func (s *session) send(out control.Outcome) error {
	if !s.o.Child {
		return nil
	}
	if out.Window == "" {
		out.Window = s.o.Kind
	}
	b, _ := json.Marshal(out)
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := fmt.Fprintf(s.o.Stdout, "%s\n", b)
	return err
}

// tell sends a request to a running daemon when we are not its child (a
// window opened by `limber routine` while the daemon runs is its child, so
// this is for answers like the break prompt's buttons). It reports whether
// a daemon took it.
func (s *session) tell(req control.Request) bool {
	resp, err := control.Send(s.o.Paths.Socket(), req)
	return err == nil && resp.OK
}

// obey follows the daemon's stdin commands. EOF means the daemon is gone;
// the window stays, as the user may be mid-routine.
func (s *session) obey(in io.Reader) {
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		switch control.WindowCommand(sc.Text()) {
		case control.RaiseWindow:
			fyne.Do(func() {
				s.win.Show()
				s.win.RequestFocus()
			})
		case control.CloseWindow:
			fyne.Do(s.win.Close)
		}
	}
}

// markerPath is a small file whose existence records a one-time event,
// such as having read the safety note.
func (s *session) markerPath(name string) string {
	return s.o.Paths.StateDir + string(os.PathSeparator) + name
}

// ensurePreferences gives Fyne a valid, empty preferences file when there
// is none or it is empty. Limber keeps no Fyne preferences, but an app
// with an ID loads and watches that file, and an empty one (left by a
// save that was cut short) makes every window log "Preferences load error:
// EOF". The path is Fyne's: the user's config folder, fyne, the app ID.
func ensurePreferences() {
	dir, err := os.UserConfigDir()
	if err != nil {
		return
	}
	path := filepath.Join(dir, "fyne", AppID, "preferences.json")
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
		return
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return
	}
	_ = os.WriteFile(path, []byte("{}\n"), 0o600) // failing leaves Fyne's own behaviour
}
