package daemon

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/tray"
	"github.com/limber-app/limber/reminders"
)

// handle answers one control request. It runs on the socket's goroutines
// and on tray click goroutines; tray clicks, notification buttons and the
// break window's buttons all end up here or in the helpers below.
func (d *Daemon) handle(req control.Request) control.Response {
	var err error
	switch req.Cmd {
	case control.CmdStatus:
	case control.CmdPause, control.CmdResume, control.CmdSnooze, control.CmdSkip, control.CmdStand, control.CmdSit:
		err = d.engineCommand(req)
	case control.CmdBreak:
		err = d.startBreak()
	case control.CmdOpen:
		err = d.open(req.Window, req.Arg)
	case control.CmdOutcome:
		err = d.onForeignOutcome(req.Outcome)
	case control.CmdQuit:
		defer d.shutdown()
	default:
		err = fmt.Errorf("unknown command %q", req.Cmd)
	}
	if err != nil {
		return errorResponse(err)
	}
	return control.Response{OK: true, Status: d.status()}
}

// do runs a request as if it came over the socket, for the tray and the
// windows' buttons.
func (d *Daemon) do(req control.Request) error {
	resp := d.handle(req)
	if !resp.OK {
		return errors.New(resp.Err)
	}
	return nil
}

// engineCommand brings the engine up to now, carries out a pause, resume,
// snooze, skip, stand or sit, and shows the result at once.
func (d *Daemon) engineCommand(req control.Request) error {
	d.mu.Lock()
	at := now()
	d.core.observe(at, nil)
	err := d.core.command(at, req)
	d.mu.Unlock()
	d.refresh()
	d.poke()
	return err
}

// open opens a window asked for on the socket. An unknown routine is
// refused here, with the CLI's sentence, rather than by a window process
// that would fail to start.
func (d *Daemon) open(kind control.Window, arg string) error {
	if !kind.Known() {
		return fmt.Errorf("no window %q", kind)
	}
	if kind == control.WindowRoutine && arg != "" {
		d.mu.Lock()
		known := d.core.hasRoutine(arg)
		d.mu.Unlock()
		if !known {
			return errors.New(i18n.F("cli.no-routine", i18n.Args{"ID": strconv.Quote(arg)}))
		}
	}
	return d.openChecked(kind, arg)
}

// startBreak opens the routine the last reminder named, so `limber break`
// and the tray's Start open what the notification said; before any
// reminder, the suggested one.
func (d *Daemon) startBreak() error {
	d.mu.Lock()
	id := d.core.remindedRoutine()
	d.mu.Unlock()
	if id == "" {
		return errors.New("no routine to start")
	}
	return d.openWindow(control.WindowRoutine, id)
}

// handlers are the tray menu's clicks.
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
		Stand:    func() { report("stand", d.do(control.Request{Cmd: control.CmdStand})) },
		Sit:      func() { report("sit", d.do(control.Request{Cmd: control.CmdSit})) },
		Settings: func() { report("open settings", d.openWindow(control.WindowSettings, "")) },
		Stats:    func() { report("open statistics", d.openWindow(control.WindowStats, "")) },
		Quit:     d.shutdown,
		// A host is about to show the menu: bring the status line's
		// minutes up to date (nextWake no longer wakes for them).
		MenuOpening: d.refresh,
	}
}

// command carries out a pause, resume, snooze, skip, stand or sit in the
// engine.
func (c *core) command(now reminders.Instant, req control.Request) error {
	var fx reminders.Effects
	var err error
	switch req.Cmd {
	case control.CmdPause:
		fx, err = c.pause(now, req.For)
	case control.CmdResume:
		fx, err = c.eng.Resume(now)
	case control.CmdSnooze:
		fx, err = c.snooze(now, req.For)
	case control.CmdSkip:
		fx, err = c.eng.Skip(now)
	case control.CmdStand:
		fx = c.eng.Stand(now)
	case control.CmdSit:
		fx = c.eng.Sit(now)
	default:
		err = fmt.Errorf("unknown command %q", req.Cmd)
	}
	if err != nil {
		return err
	}
	c.apply(fx)
	return nil
}

// pause pauses reminders for length (see control.ParsePause); "" means
// until resumed.
func (c *core) pause(now reminders.Instant, length string) (reminders.Effects, error) {
	if length == "" {
		length = control.PauseForever
	}
	p, err := control.ParsePause(length)
	switch {
	case err != nil:
		return reminders.Effects{}, err
	case p.Forever:
		return c.eng.Pause(now, reminders.Forever())
	case p.Tomorrow:
		return c.eng.PauseUntilTomorrow(now)
	}
	return c.eng.Pause(now, now.Wall.Add(p.For))
}

// snooze puts the due reminder off for length (see control.ParseSnooze);
// "" means the configured snooze.
func (c *core) snooze(now reminders.Instant, length string) (reminders.Effects, error) {
	d := c.cfg.Snooze
	if length != "" {
		var err error
		if d, err = control.ParseSnooze(length); err != nil {
			return reminders.Effects{}, err
		}
		if d > c.cfg.SittingLimit {
			return reminders.Effects{}, fmt.Errorf("%s is longer than the sitting limit (%s): %w",
				length, reminders.FormatDuration(c.cfg.SittingLimit), control.ErrOutOfRange)
		}
	}
	return c.eng.Snooze(now, d)
}
