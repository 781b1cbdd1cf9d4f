// Package daemon is the tray process: it owns the control socket, the tray
// menu, the reminder engine's clock loop and the child windows.
//
// The daemon never starts Fyne's GL driver. It sleeps until the next moment
// its state can change and otherwise waits in blocking reads (socket
// accept, D-Bus, child pipes, inotify), so it costs almost nothing while it
// waits.
package daemon

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jezek/xgb"

	"github.com/limber-app/limber/app/children"
	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/paths"
	"github.com/limber-app/limber/app/tray"
	"github.com/limber-app/limber/reminders/dnd"
	"github.com/limber-app/limber/reminders/notify"
)

// Options configure one run of the daemon. Zero durations mean "use the
// config file".
type Options struct {
	Paths        paths.Paths
	Exe          string // this executable, for child windows
	ConfigPath   string // overrides Paths.ConfigFile()
	SittingLimit time.Duration
	NaturalBreak time.Duration
	IdleSource   string // "" or "auto": the config's choice, else probe
	Version      string
	Log          *slog.Logger
}

// Daemon is one running tray process.
type Daemon struct {
	opts     Options
	log      *slog.Logger
	server   *control.Server
	children *children.Launcher
	dnd      dnd.Watcher
	ctx      context.Context
	cancel   context.CancelFunc
	wake     chan struct{} // pokes the clock loop after an input
	quitOnce sync.Once

	notifyMu sync.Mutex // guards notifier; sends run outside d.mu
	notifier notify.Notifier

	mu       sync.Mutex
	tray     *tray.Tray
	trayHost bool
	core     *core
}

// Run starts the daemon and blocks until it quits. It returns
// control.ErrRunning when another daemon of this user runs.
func Run(opts Options) error {
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	if err := paths.MkdirPrivate(opts.Paths.RuntimeDir); err != nil {
		return err
	}
	d := &Daemon{opts: opts, log: opts.Log, wake: make(chan struct{}, 1)}
	d.ctx, d.cancel = context.WithCancel(context.Background())
	defer d.cancel()

	// xgb complains on stderr about a missing ~/.Xauthority, which is
	// normal on many displays; the idle source reports real failures.
	xgb.Logger = log.New(io.Discard, "", 0)

	server, err := control.Listen(opts.Paths.Socket(), d.handle, d.log)
	if err != nil {
		return err
	}
	d.server = server
	c, err := newCore(opts, now)
	if err != nil {
		server.Close()
		return err
	}
	d.core = c
	d.children = &children.Launcher{Exe: opts.Exe, Log: d.log, OnMessage: d.onChild}
	d.dnd = dnd.New()

	// systray logs "failed to register" on every attempt while no tray host
	// runs; the daemon says it once, clearly, instead.
	log.SetOutput(filterWriter{log: d.log})
	log.SetFlags(0)

	tray.Run(d.handlers(), d.core.view(now()), d.ready, func() {})

	d.cancel()
	d.children.CloseAll(2 * time.Second)
	d.notifyMu.Lock()
	if d.notifier != nil {
		d.notifier.Close()
	}
	d.notifyMu.Unlock()
	d.dnd.Close()
	if err := d.server.Close(); err != nil {
		d.log.Warn("close control socket", "err", err)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.core.close()
}

// ready runs on systray's goroutine once the menu exists.
func (d *Daemon) ready(t *tray.Tray) {
	d.mu.Lock()
	d.tray = t
	entries := d.core.trayRoutines()
	d.mu.Unlock()
	t.SetRoutines(entries)

	present, err := tray.WatchHost(d.onTrayHost)
	if err != nil {
		d.log.Warn("cannot tell whether a tray is shown", "err", err)
		present = true
	}
	d.onTrayHost(present)
	time.AfterFunc(time.Second, t.Resend)
	go d.server.Serve()
	go d.watchSession()
	go d.watchFiles()
	go d.loop()
	d.mu.Lock()
	cfgErrs := d.core.configErrors()
	d.mu.Unlock()
	go d.reportConfigErrors(cfgErrs)
	// Start-up garbage (parsed translations, the routine catalog, the
	// config) is collected now and its memory handed back, so the runtime's
	// background scavenger has nothing left to do while the daemon waits.
	time.AfterFunc(2*time.Second, debug.FreeOSMemory)
	d.log.Info("Limber is running", "socket", d.opts.Paths.Socket(),
		"idle_source", d.core.idle.Name(), "version", d.opts.Version)
}

func (d *Daemon) onTrayHost(present bool) {
	d.mu.Lock()
	was := d.trayHost
	d.trayHost = present
	d.mu.Unlock()
	switch {
	case !present:
		d.log.Warn("no tray is shown: nothing owns " + tray.WatcherName + " on the session bus. " +
			"Limber keeps running and shows its icon as soon as one appears " +
			"(on GNOME, enable the AppIndicator/KStatusNotifierItem extension). " +
			"Meanwhile use the command line: limber status, limber routine, limber settings.")
	case !was:
		d.log.Info("tray host found; icon shown")
		d.mu.Lock()
		t := d.tray
		d.mu.Unlock()
		if t != nil {
			t.Resend()
		}
	}
}

// loop sleeps until the engine's next possible change, or until an input
// pokes it, then observes activity and refreshes the tray.
func (d *Daemon) loop() {
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		next := d.tick()
		timer.Reset(time.Until(next))
		select {
		case <-timer.C:
		case <-d.wake:
			timer.Stop()
		case <-d.ctx.Done():
			return
		}
	}
}

// tick advances the engine to now, shows its effects and returns when it
// next needs to run.
func (d *Daemon) tick() time.Time {
	d.mu.Lock()
	at := now()
	d.core.observe(at, d.dndActive)
	next := d.core.nextWake(at)
	d.mu.Unlock()
	d.refresh()
	return next
}

func (d *Daemon) dndActive() bool {
	on, err := d.dnd.Active()
	if err != nil {
		d.log.Debug("do-not-disturb check", "err", err)
	}
	return on
}

// refresh updates the tray and sends queued reminders. Call it without
// d.mu held.
func (d *Daemon) refresh() {
	d.mu.Lock()
	view := d.core.view(now())
	pending := d.core.takePending()
	t := d.tray
	d.mu.Unlock()
	if t != nil {
		t.Update(view)
	}
	for _, r := range pending {
		go d.remind(r)
	}
}

// poke makes the loop re-evaluate now.
func (d *Daemon) poke() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

func (d *Daemon) shutdown() {
	d.quitOnce.Do(func() {
		d.cancel()
		d.mu.Lock()
		t := d.tray
		d.mu.Unlock()
		if t != nil {
			t.Close()
		}
		tray.Quit()
	})
}

func (d *Daemon) openWindow(kind, arg string) error {
	err := d.children.Open(kind, arg)
	if errors.Is(err, children.ErrAlreadyOpen) {
		return nil
	}
	return err
}

func (d *Daemon) onChild(o control.Outcome) {
	d.mu.Lock()
	d.core.childMessage(now(), o)
	d.mu.Unlock()
	d.childAction(o)
	d.poke()
}

// childAction acts on what a window asks for: the break window's buttons,
// a routine picked in the picker, "Another routine" on a finished routine,
// and saved settings.
func (d *Daemon) childAction(o control.Outcome) {
	var err error
	switch o.Action {
	case "start":
		if o.RoutineID != "" && o.Window != control.WindowRoutine {
			err = d.openWindow(control.WindowRoutine, o.RoutineID)
		} else {
			err = d.startBreak()
		}
	case "another":
		err = d.openWindow(control.WindowPicker, "")
	case "snooze":
		err = d.do(control.Request{Cmd: control.CmdSnooze})
	case "skip":
		err = d.do(control.Request{Cmd: control.CmdSkip})
	case "test":
		d.mu.Lock()
		r := d.core.testReminder(now())
		d.mu.Unlock()
		go d.remind(r)
	case "saved":
		d.mu.Lock()
		d.core.reloadConfig()
		d.mu.Unlock()
	}
	if err != nil {
		d.log.Warn("window request", "window", o.Window, "action", o.Action, "err", err)
	}
}

func (d *Daemon) handlers() tray.Handlers {
	report := func(what string, err error) {
		if err != nil {
			d.log.Error(what, "err", err)
		}
	}
	return tray.Handlers{
		StartRoutine: func() { report("start routine", d.startBreak()) },
		OpenRoutine: func(id string) {
			report("open routine", d.openWindow(control.WindowRoutine, id))
		},
		Snooze:   func() { report("snooze", d.do(control.Request{Cmd: control.CmdSnooze})) },
		Pause:    func(l string) { report("pause", d.do(control.Request{Cmd: control.CmdPause, For: l})) },
		Resume:   func() { report("resume", d.do(control.Request{Cmd: control.CmdResume})) },
		Settings: func() { report("open settings", d.openWindow(control.WindowSettings, "")) },
		Stats:    func() { report("open statistics", d.openWindow(control.WindowStats, "")) },
		Quit:     d.shutdown,
	}
}

func (d *Daemon) do(req control.Request) error {
	resp := d.handle(req)
	if !resp.OK {
		return errors.New(resp.Err)
	}
	return nil
}

func (d *Daemon) startBreak() error {
	d.mu.Lock()
	id := d.core.suggestedRoutine()
	d.mu.Unlock()
	if id == "" {
		return errors.New("no routine to start")
	}
	return d.openWindow(control.WindowRoutine, id)
}

// handle answers one control request. It runs on the socket's goroutines
// and on tray click goroutines.
func (d *Daemon) handle(req control.Request) control.Response {
	var err error
	switch req.Cmd {
	case control.CmdStatus:
	case control.CmdPause, control.CmdResume, control.CmdSnooze, control.CmdSkip:
		d.mu.Lock()
		at := now()
		d.core.observe(at, nil)
		err = d.core.command(at, req)
		d.mu.Unlock()
		d.refresh()
		d.poke()
	case control.CmdBreak:
		err = d.startBreak()
	case control.CmdOpen:
		if req.Window == control.WindowRoutine && req.Arg != "" {
			d.mu.Lock()
			known := d.core.hasRoutine(req.Arg)
			d.mu.Unlock()
			if !known {
				err = errors.New(i18n.F("cli.no-routine", i18n.Args{"ID": strconv.Quote(req.Arg)}))
				break
			}
		}
		err = d.openWindow(req.Window, req.Arg)
	case control.CmdOutcome:
		if req.Outcome != nil {
			d.onChild(*req.Outcome)
		}
	case control.CmdQuit:
		defer d.shutdown()
	default:
		err = fmt.Errorf("unknown command %q", req.Cmd)
	}
	if err != nil {
		return control.Response{Err: err.Error()}
	}
	return control.Response{OK: true, Status: d.status()}
}

func (d *Daemon) status() *control.Status {
	d.mu.Lock()
	defer d.mu.Unlock()
	st := d.core.status(now())
	st.Tray = "shown"
	if !d.trayHost {
		st.Tray = "no_watcher"
	}
	st.OpenWindows = d.children.OpenKinds()
	st.Version = d.opts.Version
	return st
}

// filterWriter routes the standard logger (used by systray) into slog and
// drops the registration complaint that repeats while no tray host runs.
type filterWriter struct{ log *slog.Logger }

func (w filterWriter) Write(p []byte) (int, error) {
	msg := strings.TrimSpace(string(p))
	if strings.Contains(msg, "failed to register") {
		return len(p), nil
	}
	w.log.Info(msg)
	return len(p), nil
}
