package daemon

import (
	"time"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/reminders/idle"
)

// openIdle picks the activity source: the flag, else the config, else
// auto-probing. A source whose watch fails later is replaced by the next
// one in the auto order (see watchPresence), rather than stopping
// reminders.
func (c *core) openIdle() {
	name := c.opts.IdleSource
	if name == "" || name == idle.Auto {
		name = c.cfg.IdleSource
	}
	src, attempts, err := idle.OpenReport(name)
	if err != nil {
		c.log.Warn("idle source unavailable; natural breaks cannot be seen", "source", name, "err", err)
		src, _ = idle.Open(idle.None)
	}
	for _, a := range attempts {
		c.log.Debug("idle source probe", "attempt", a.String())
	}
	c.useIdle(src)
	if src.Name() == idle.None {
		c.idleNote = i18n.T("status.idle-none")
	}
}

// useIdle makes src the activity source. Its events, if it pushes any,
// count only once watchPresence has armed them and the first has arrived
// (eventsArmed, presenceEvent); until then it is read like any other
// source, starting at the next tick.
func (c *core) useIdle(src idle.Source) {
	c.idle = src
	c.idleFailed = false
	c.idleEvents, c.eventsSeen = false, false
	c.idleRead = true
	c.eng.SetPresenceEvents(false)
	c.eng.SetAwayPoll(awayPoll(src.Name()))
	c.updateTypingAware()
}

// updateTypingAware turns typing-aware delivery on only while the source
// sees input: with none, or while its readings fail, every reading is 0
// and every reminder would wait out lull_wait for a lull never seen.
func (c *core) updateTypingAware() {
	c.eng.SetTypingAware(c.idle.Name() != idle.None && !c.idleFailed)
}

// awayPoll is how often a source that pushes no events is read while the
// user is away, so that the return is noticed: every 2 s where a reading
// is a cheap local call (X11's MIT-SCREEN-SAVER, the Wayland source's own
// state, GetLastInputInfo, HIDIdleTime), every 5 s where it is a D-Bus
// round trip to the desktop shell (screensaver, mutter without its
// watches). Sitting time counts from the true return either way, since a
// reading says how long ago the input came. Zero keeps the engine's
// AwayPoll (none is never away by idle).
func awayPoll(source string) time.Duration {
	switch source {
	case idle.None:
		return 0
	case idle.ScreenSaver, idle.Mutter:
		return 5 * time.Second
	default:
		return 2 * time.Second
	}
}

// presenceThresholds are the idle times the source's watch reports,
// sorted: lull, the pause in typing a due reminder may wait for, and
// natural_break, the moment an absence becomes a break. The engine tells
// the two apart by the idle time an Idle event carries.
func (c *core) presenceThresholds() []time.Duration {
	cfg := c.eng.Config()
	if cfg.Lull <= 0 || cfg.Lull >= cfg.NaturalBreak {
		return []time.Duration{cfg.NaturalBreak}
	}
	return []time.Duration{cfg.Lull, cfg.NaturalBreak}
}

// eventsArmed records that a watch of the source's presence events runs.
// The engine relies on them from the first event on: a watch armed while
// the user is already away may never report that absence (Mutter's idle
// watches fire only when the idle time crosses them), so until an event
// arrives the source is still read, and read once now.
func (c *core) eventsArmed() {
	c.idleEvents, c.eventsSeen = true, false
	c.idleRead = true
	c.eng.SetPresenceEvents(false)
}

// eventsUnavailable records that the source's events cannot be watched
// (its Watch failed at once): the source is read instead, polled while
// the user is away.
func (c *core) eventsUnavailable(err error) {
	c.log.Warn("idle source cannot push events; reading it instead", "source", c.idle.Name(), "err", err)
	c.eventsStopped()
}

// eventsStopped records that the source's watch failed; until the next
// source takes over, the engine relies on readings again.
func (c *core) eventsStopped() {
	c.idleEvents, c.eventsSeen = false, false
	c.eng.SetPresenceEvents(false)
}

// presenceEvent feeds one pushed event into the engine, as happening now:
// the watches report as the change happens, so the daemon's clock at
// receipt is the event's time (for Idle, the user's last input was
// ev.Idle before).
func (c *core) presenceEvent(now reminders.Instant, ev idle.Event) {
	if !c.eventsSeen {
		c.eventsSeen = true
		c.eng.SetPresenceEvents(true)
	}
	switch ev.Kind {
	case idle.Idle:
		c.apply(c.eng.Idle(now, ev.Idle))
	case idle.Active:
		c.apply(c.eng.Active(now))
	}
}

// pushed reports whether the source's events are watched, for `limber
// status` (idle_events).
func (c *core) pushed() bool { return c.idleEvents }

// replaceIdle puts src in place of the source whose watch failed, notes
// the switch for `limber status`, and returns the old source for the
// caller to close outside the lock.
func (c *core) replaceIdle(src idle.Source) idle.Source {
	old := c.idle
	c.useIdle(src)
	c.idleNote = i18n.F("status.idle-fallback", i18n.Args{"From": old.Name(), "To": src.Name()})
	if src.Name() == idle.None {
		c.idleNote += " " + i18n.T("status.idle-none")
	}
	return old
}

// readIdle is how long the user has been idle. A source that fails counts
// them as present, and says so once, not on every reading. While its
// watch runs, that is only a debug note: the watch reports a real failure
// itself (after giving a restarting Mutter its grace), and the daemon
// then falls back with one log line.
func (c *core) readIdle() time.Duration {
	idleFor, err := c.idle.Idle()
	logf := c.log.Warn
	if c.idleEvents {
		logf = c.log.Debug
	}
	if err != nil {
		if !c.idleFailed {
			logf("idle source failed; treating you as present", "source", c.idle.Name(), "err", err)
			c.idleFailed = true
			c.updateTypingAware()
		}
		return 0
	}
	if c.idleFailed {
		if !c.idleEvents {
			logf = c.log.Info
		}
		logf("idle source works again", "source", c.idle.Name())
		c.idleFailed = false
		c.updateTypingAware()
	}
	return idleFor
}

// blind reports whether natural breaks cannot be seen: no idle source.
func (c *core) blind() bool { return c.idle.Name() == idle.None }

// idleSourceName names the activity source in use.
func (c *core) idleSourceName() string { return c.idle.Name() }
