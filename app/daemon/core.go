package daemon

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/limber-app/limber/app/control"
	"github.com/limber-app/limber/app/tray"
	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/reminders/idle"
	"github.com/limber-app/limber/reminders/session"
	"github.com/limber-app/limber/routines"
)

// core is the daemon's state: the engine, its inputs and what it has
// decided to show. Daemon.mu guards it, and Daemon uses it only through
// its methods. It performs no slow calls itself; reminders to show are
// queued in pending and sent by the daemon after unlocking.
type core struct {
	opts Options
	log  *slog.Logger

	cfgPath string // fixed once newCore returns
	cfg     reminders.Config
	cfgErrs []reminders.ConfigError
	eng     *reminders.Engine
	clock   func() reminders.Instant

	idle       idle.Source
	idleNote   string
	idleFailed bool
	idleEvents bool // a watch of the source's presence events runs
	eventsSeen bool // that watch sent an event: the engine relies on them
	idleRead   bool // read the source at the next tick all the same

	history   *reminders.History
	statePath string
	saved     reminders.SavedState

	catalog   routines.Catalog
	cfgStamp  string // what the config file looked like when loaded
	routStamp string // what the routines folder looked like when loaded
	suggest   suggestion

	routineOpen     string // routine window shown, "" when none
	routineReported bool   // its outcome arrived

	pending []reminder // reminders to show, drained by the daemon
	meet    meetingState
}

func newCore(opts Options, clock func() reminders.Instant) (*core, error) {
	c := &core{opts: opts, log: opts.Log, clock: clock}
	c.cfgPath = opts.ConfigPath
	if c.cfgPath == "" {
		c.cfgPath = opts.Paths.ConfigFile()
	}
	c.reloadRoutines() // first: the config's suggest names a routine
	c.loadConfig()

	now := clock()
	c.eng = reminders.New(c.cfg, now)
	c.openIdle()

	if err := os.MkdirAll(opts.Paths.StateDir, 0o700); err != nil {
		return nil, fmt.Errorf("create %s: %w", opts.Paths.StateDir, err)
	}
	// Only the last few days matter to today's counters (the engine keeps
	// those of the days around today, for a clock stepped across midnight);
	// the rest of a long history is streamed past, not held.
	since := now.Wall.AddDate(0, 0, -3)
	events, err := reminders.ReadHistorySince(opts.Paths.HistoryFile(), since)
	if err != nil {
		c.log.Warn("history unreadable; today's counts start at zero", "err", err)
	}
	c.eng.RestoreToday(events)
	// A history that cannot be written (read-only or full disk) must not
	// stop the reminders: the History drops events and retries, and the
	// error is shown in `limber status` and notified once.
	c.history, err = reminders.OpenHistory(opts.Paths.HistoryFile())
	if err != nil {
		c.log.Warn("history is not being recorded; retrying every minute", "err", err)
	}

	c.statePath = opts.Paths.StateFile()
	saved, err := reminders.LoadState(c.statePath)
	if err != nil {
		c.log.Warn("state file unreadable; not paused", "err", err)
	}
	c.saved = saved
	if !saved.PausedUntil.IsZero() {
		c.apply(c.eng.RestorePause(now, saved.PausedUntil))
	}
	return c, nil
}

func (c *core) close() error {
	var errs []error
	if c.idle != nil {
		errs = append(errs, c.idle.Close())
	}
	if c.history != nil {
		errs = append(errs, c.history.Close())
	}
	return errors.Join(errs...)
}

// observe advances the engine to now: with an idle reading, or, once the
// source's pushed events are relied on, without one (the events have told
// the engine all a reading would). A reading is still taken right after
// the source or its watch changed.
func (c *core) observe(now reminders.Instant, dndActive func() bool) {
	read := !c.eventsSeen || c.idleRead
	var idleFor time.Duration
	if read {
		idleFor = c.readIdle()
		c.idleRead = false
	}
	// Do-not-disturb is only asked about when a reminder is about to be
	// shown or is being held: it costs a D-Bus round trip.
	if dndActive != nil && c.cfg.DND == reminders.DNDHold {
		st := c.eng.Status(now)
		if st.Held || (st.HasNextReminder && st.NextReminder <= 0) {
			c.apply(c.eng.SetDND(now, dndActive()))
		}
	}
	if read {
		c.apply(c.eng.Observe(now, idleFor))
	} else {
		c.apply(c.eng.Tick(now))
	}
}

// sessionEvent feeds sleep, wake, lock and unlock into the engine.
func (c *core) sessionEvent(now reminders.Instant, ev session.Event) {
	switch ev {
	case session.Sleep:
		c.apply(c.eng.Sleep(now))
	case session.Wake:
		c.apply(c.eng.Wake(now))
	case session.Lock:
		c.apply(c.eng.Lock(now))
	case session.Unlock:
		c.apply(c.eng.Unlock(now))
	}
}

// dndPoll is how often a held reminder re-checks do-not-disturb. The check
// reads a cached D-Bus property, and it only runs while a reminder is held.
const dndPoll = 5 * time.Second

// nextWake is when the loop must run again: the engine's next possible
// change, the next do-not-disturb check while a reminder is held, and the
// next meeting check (meeting.go). The tray's "Sitting N min" line does not
// wake it: the tray asks for a fresh line when a host opens the menu, and
// the tooltip names clock times, which change only with the state.
func (c *core) nextWake(now reminders.Instant) time.Time {
	next := c.eng.NextWake(now)
	st := c.eng.Status(now)
	if st.Held {
		if at := now.Wall.Add(dndPoll); at.Before(next) {
			next = at
		}
	}
	if at := c.meetingWake(now, st); !at.IsZero() && at.Before(next) {
		next = at
	}
	return next
}

// takePending hands the queued reminders to the daemon.
func (c *core) takePending() []reminder {
	p := c.pending
	c.pending = nil
	return p
}

// view is the tray's look now.
func (c *core) view(now reminders.Instant) tray.View {
	return trayView(c.eng.Status(now), now.Wall, c.blind())
}

// status is `limber status --json` as far as the core knows it; the
// daemon adds the tray, the open windows and the version.
func (c *core) status(now reminders.Instant) *control.Status {
	return statusReport(c.eng.Status(now), now.Wall, statusFacts{
		IdleSource:    c.idle.Name(),
		IdleEvents:    c.pushed(),
		IdleNote:      c.idleNote,
		ConfigErrors:  c.configErrors(),
		RoutineErrors: c.routineErrors(),
		HistoryError:  c.historyError(),
	})
}

// historyError is why history is not being recorded, or "" while it is.
func (c *core) historyError() string {
	if err := c.history.Err(); err != nil {
		return err.Error()
	}
	return ""
}

// notificationButtons reports whether reminders carry Start and Snooze
// buttons.
func (c *core) notificationButtons() bool { return c.cfg.NotificationButtons }

// configFile is the config file's path. It never changes, so it may be
// read without the lock.
func (c *core) configFile() string { return c.cfgPath }
