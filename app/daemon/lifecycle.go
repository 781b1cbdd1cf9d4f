package daemon

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/tray"
	"github.com/limber-app/limber/internal/sessionbus"
)

// trayState is what the daemon knows about its tray icon beyond whether a
// tray host runs (Daemon.trayHost).
type trayState struct {
	mu          sync.Mutex
	noBus       bool       // no session bus: the tray never started
	running     bool       // fyne.io/systray runs; Quit must stop it
	registering bool       // a registration loop runs
	conn        *dbus.Conn // private connection that watches the tray host
}

// run shows the tray and blocks until the daemon quits: by `limber quit`,
// the tray's Quit, SIGTERM or SIGINT. Without a session bus it runs with
// no tray (and no notifications: reminders open the break window) and
// says so once; it never launches a bus (see internal/sessionbus).
func (d *Daemon) run() {
	stop := d.quitOnSignals()
	defer stop()
	conn, err := sessionbus.Open()
	if err != nil {
		d.ts.mu.Lock()
		d.ts.noBus = true
		d.ts.mu.Unlock()
		d.log.Warn("no session bus: no tray icon and no notifications; reminders open the break window. "+
			"Use the command line: limber status, limber routine, limber quit.", "err", err)
		d.ready(nil)
		<-d.ctx.Done()
		return
	}
	defer conn.Close()
	d.ts.mu.Lock()
	d.ts.conn, d.ts.running = conn, true
	d.ts.mu.Unlock()
	if err := tray.Run(d.handlers(), d.core.view(now()), d.ready, func() {}); err != nil {
		d.log.Warn("tray", "err", err)
	}
}

// quitOnSignals makes SIGTERM and SIGINT quit like `limber quit`: windows
// closed, socket removed, exit status 0.
func (d *Daemon) quitOnSignals() (stop func()) {
	// A closed stderr (the terminal that started the daemon went away) must
	// not kill it on the next log line.
	signal.Ignore(syscall.SIGPIPE)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		select {
		case sig := <-ch:
			d.log.Info("quitting", "signal", sig.String())
			d.shutdown()
		case <-d.ctx.Done():
		}
	}()
	return func() { signal.Stop(ch) }
}

// shutdown ends run, once, from any goroutine.
func (d *Daemon) shutdown() {
	d.quitOnce.Do(func() {
		d.cancel()
		d.mu.Lock()
		t := d.tray
		d.mu.Unlock()
		if t != nil {
			t.Close()
		}
		d.ts.mu.Lock()
		running := d.ts.running
		d.ts.mu.Unlock()
		if running {
			tray.Quit()
		}
	})
}

// watchTrayHost follows the tray host on the daemon's private connection.
// Where that cannot be watched, the icon counts as not shown: status must
// not claim what nobody checked.
func (d *Daemon) watchTrayHost() {
	d.ts.mu.Lock()
	conn := d.ts.conn
	d.ts.mu.Unlock()
	present, err := tray.WatchHost(conn, d.onTrayHost)
	if err != nil {
		d.log.Warn("cannot tell whether a tray is shown", "err", err)
	}
	d.onTrayHost(present)
}

// Bounds of the registration retries.
const (
	registerFirst = 250 * time.Millisecond // systray's own attempt usually lands first
	registerMax   = 10 * time.Second
	trayAskLimit  = time.Second // one question to the tray host
)

// keepRegistered makes sure the tray host lists the icon: fyne.io/systray
// registers once when a watcher appears, and a watcher that takes its name
// before it exports its object refuses that call, with no retry. This
// checks and registers again, backing off, until the watcher lists the
// item, the watcher goes, or the daemon quits.
func (d *Daemon) keepRegistered() {
	d.ts.mu.Lock()
	if d.ts.registering || !d.ts.running {
		d.ts.mu.Unlock()
		return
	}
	d.ts.registering = true
	d.ts.mu.Unlock()
	defer func() {
		d.ts.mu.Lock()
		d.ts.registering = false
		d.ts.mu.Unlock()
	}()
	delay := registerFirst
	for attempt := 1; ; attempt++ {
		select {
		case <-d.ctx.Done():
			return
		case <-time.After(delay):
		}
		d.mu.Lock()
		host := d.trayHost
		d.mu.Unlock()
		if !host {
			return
		}
		ctx, cancel := context.WithTimeout(d.ctx, trayAskLimit)
		listed, err := tray.Registered(ctx)
		if !listed {
			if rerr := tray.Register(ctx); rerr != nil {
				err = rerr
			}
		}
		cancel()
		if listed {
			if attempt > 1 {
				d.log.Info("tray icon registered", "attempts", attempt)
			}
			return
		}
		d.log.Debug("tray icon not listed yet; registering again", "in", delay, "err", err)
		delay = min(2*delay, registerMax)
	}
}

// trayStatus is Status.Tray, asked of the tray host itself: "shown" only
// when it lists the icon.
func (d *Daemon) trayStatus() string {
	d.ts.mu.Lock()
	noBus, running := d.ts.noBus, d.ts.running
	d.ts.mu.Unlock()
	d.mu.Lock()
	host := d.trayHost
	d.mu.Unlock()
	switch {
	case noBus || !running:
		return control.TrayNoBus
	case !host:
		return control.TrayNoWatcher
	}
	ctx, cancel := context.WithTimeout(d.ctx, trayAskLimit)
	defer cancel()
	if listed, err := tray.Registered(ctx); err != nil || !listed {
		return control.TrayNotRegistered
	}
	return control.TrayShown
}
