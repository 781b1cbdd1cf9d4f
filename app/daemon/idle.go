package daemon

import (
	"time"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/reminders/idle"
)

// openIdle picks the activity source: the flag, else the config, else
// auto-probing. A source that fails later is replaced by "none" with a
// note, rather than stopping reminders.
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
	c.idle = src
	if src.Name() == idle.None {
		c.idleNote = i18n.T("status.idle-none")
	}
}

// readIdle is how long the user has been idle. A source that fails counts
// them as present, and says so once, not on every reading.
func (c *core) readIdle() time.Duration {
	idleFor, err := c.idle.Idle()
	if err != nil {
		if !c.idleFailed {
			c.log.Warn("idle source failed; treating you as present", "source", c.idle.Name(), "err", err)
			c.idleFailed = true
		}
		return 0
	}
	if c.idleFailed {
		c.log.Info("idle source works again", "source", c.idle.Name())
		c.idleFailed = false
	}
	return idleFor
}

// blind reports whether natural breaks cannot be seen: no idle source.
func (c *core) blind() bool { return c.idle.Name() == idle.None }

// idleSourceName names the activity source in use.
func (c *core) idleSourceName() string { return c.idle.Name() }
