package daemon

import "github.com/limber-app/limber/reminders"

// apply carries out an engine's effects: history lines, the saved pause,
// and reminders to show (queued, composed here, sent by the daemon after
// unlocking).
func (c *core) apply(fx reminders.Effects) {
	if len(fx.History) > 0 {
		if err := c.history.Append(fx.History...); err != nil {
			c.log.Error("write history", "err", err)
		}
	}
	if until := c.eng.PausedUntil(); !until.Equal(c.saved.PausedUntil) {
		c.saved.PausedUntil = until
		if err := reminders.SaveState(c.statePath, c.saved); err != nil {
			c.log.Error("save pause", "err", err)
		}
	}
	c.noteMeetingEffects(fx)
	if fx.Remind != nil {
		c.pending = append(c.pending, c.compose(*fx.Remind))
	}
	if fx.Changed() {
		c.log.Info("state", "from", fx.From.String(), "to", fx.To.String())
	}
}
