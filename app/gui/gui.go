// Package gui is the entry point of Limber's window processes: it creates
// the Fyne app, shows one window built from app/ui, reports to the daemon
// on stdout and obeys "raise"/"close" lines on stdin.
//
// It is the only package besides main's dependencies that imports
// fyne.io/fyne/v2/app, so every widget package stays testable without GL.
package gui

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/children"
	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/paths"
)

// AppID is Limber's reverse-DNS application ID (also in FyneApp.toml).
const AppID = "io.github.limber_app.limber"

// Options say which window to show.
type Options struct {
	Kind, Arg string
	Child     bool // started by the daemon: report on Stdout, obey Stdin
	Paths     paths.Paths
	Stdin     io.Reader
	Stdout    io.Writer
	Stderr    io.Writer
}

// reporter writes JSON lines for the daemon; safe from any goroutine.
type reporter struct {
	mu  sync.Mutex
	out io.Writer
	on  bool
}

func (r *reporter) send(o control.Outcome) {
	if !r.on {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	b, _ := json.Marshal(o)
	fmt.Fprintf(r.out, "%s\n", b)
}

// Run shows the window and returns the exit code when it closes.
func Run(o Options) int {
	a := fyneapp.NewWithID(AppID)
	rep := &reporter{out: o.Stdout, on: o.Child}
	w := a.NewWindow("Limber")
	outcome := control.Outcome{Window: o.Kind, Action: "closed"}

	switch o.Kind {
	case control.WindowRoutine:
		title := o.Arg
		w.SetTitle(title + " — Limber")
		w.SetContent(container.NewCenter(widget.NewLabel(title)))
		outcome.RoutineID = o.Arg
	default:
		w.SetTitle(o.Kind + " — Limber")
		w.SetContent(container.NewCenter(widget.NewLabel(o.Kind)))
	}
	w.Resize(fyne.NewSize(720, 560))
	w.CenterOnScreen()
	w.SetOnClosed(func() { rep.send(outcome) })
	a.Lifecycle().SetOnStarted(func() { rep.send(control.Outcome{Action: children.ActionReady}) })

	if o.Child && o.Stdin != nil {
		go obey(o.Stdin, w)
	}
	w.ShowAndRun()
	return 0
}

// obey follows the daemon's stdin commands. EOF means the daemon is gone;
// the window stays, as the user may be mid-routine.
func obey(in io.Reader, w fyne.Window) {
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		switch sc.Text() {
		case children.CmdRaise:
			fyne.Do(func() {
				w.Show()
				w.RequestFocus()
			})
		case children.CmdClose:
			fyne.Do(w.Close)
		}
	}
}
