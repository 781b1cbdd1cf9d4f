package daemon

import (
	"context"
	"io"
	"log"
	"log/slog"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/jezek/xgb"

	"github.com/limber-app/limber/app/children"
	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/paths"
	"github.com/limber-app/limber/app/tray"
	"github.com/limber-app/limber/reminders/dnd"
	"github.com/limber-app/limber/reminders/idle"
	"github.com/limber-app/limber/reminders/meeting"
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

// Daemon is one running tray process: the parts that talk to the outside
// (socket, tray, windows, notifications, do-not-disturb) around the core,
// which holds the state.
type Daemon struct {
	opts     Options
	log      *slog.Logger
	server   *control.Server
	children *children.Launcher
	dnd      dnd.Watcher
	meeting  *meeting.Detector // built once; asked off the lock (meeting.go)
	ctx      context.Context
	cancel   context.CancelFunc
	wake     chan struct{} // pokes the clock loop after an input
	rearm    chan struct{} // tells watchPresence the config changed
	// fallback opens the source to use after one failed; nil means
	// idle.FallbackReport (tests replace it).
	fallback func(failed string) (idle.Source, []idle.Attempt, error)
	quitOnce sync.Once
	ts       trayState

	notifyMu sync.Mutex // guards notifier and testNotes; sends run outside d.mu
	notifier notify.Notifier
	// testNotes are the test reminders on screen, by notification ID, with
	// the routine their Start opens: their buttons must not touch the
	// engine (notifications.go).
	testNotes map[uint32]string

	mu       sync.Mutex
	tray     *tray.Tray
	trayHost bool
	core     *core
	// testPrompt: the break window on screen shows a test reminder, so its
	// Snooze and Skip do nothing (windows.go).
	testPrompt bool
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
	d := &Daemon{opts: opts, log: opts.Log, wake: make(chan struct{}, 1), rearm: make(chan struct{}, 1)}
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
	d.meeting = newMeetingDetector(os.Getenv)

	// systray logs "failed to register" on every attempt while no tray host
	// runs; the daemon says it once, clearly, instead.
	log.SetOutput(filterWriter{log: d.log})
	log.SetFlags(0)

	d.run()

	d.cancel()
	d.children.CloseAll(2 * time.Second)
	d.closeNotifier()
	d.dnd.Close()
	if err := d.server.Close(); err != nil {
		d.log.Warn("close control socket", "err", err)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.core.close()
}

// ready runs on systray's goroutine once the menu exists, or with a nil
// tray when there is no session bus.
func (d *Daemon) ready(t *tray.Tray) {
	d.mu.Lock()
	if t != nil {
		d.tray = t
	}
	entries := d.core.trayRoutines()
	d.mu.Unlock()
	if t != nil {
		t.SetRoutines(entries)
		d.watchTrayHost()
		time.AfterFunc(time.Second, t.Resend)
	}
	go d.server.Serve()
	go d.watchSession()
	go d.watchFiles()
	go d.watchPresence()
	go d.loop()
	d.mu.Lock()
	cfgErrs := d.core.configErrors()
	histErr := d.core.historyError()
	idleSource, idleEvents := d.core.idleSourceName(), idle.Pushes(d.core.idle)
	d.mu.Unlock()
	go d.reportConfigErrors(cfgErrs)
	go d.reportHistoryError(histErr)
	// Start-up garbage (parsed translations, the routine catalog, the
	// config) is collected now and its memory handed back, so the runtime's
	// background scavenger has nothing left to do while the daemon waits.
	time.AfterFunc(2*time.Second, debug.FreeOSMemory)
	d.log.Info("Limber is running", "socket", d.opts.Paths.Socket(),
		"idle_source", idleSource, "idle_events", idleEvents, "version", d.opts.Version)
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
	at := now()
	view := d.core.view(at)
	pending := d.core.takePending()
	checkMeeting := d.meeting != nil && d.core.startMeetingCheck(at)
	t := d.tray
	d.mu.Unlock()
	if t != nil {
		t.Update(view)
	}
	if checkMeeting {
		go d.checkMeeting()
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

// status is the answer to every successful request: the core's status
// and what only the daemon knows.
func (d *Daemon) status() *control.Status {
	trayState := d.trayStatus()
	d.mu.Lock()
	defer d.mu.Unlock()
	st := d.core.status(now())
	st.Tray = trayState
	st.OpenWindows = d.children.OpenKinds()
	st.PID = os.Getpid()
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
