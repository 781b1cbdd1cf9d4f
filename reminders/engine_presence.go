package reminders

import "time"

// Presence events. An idle source that can only be read makes the daemon
// poll: NextWake asks for a reading when a natural break could complete
// and every AwayPoll while the user is away, so a return is noticed up to
// a minute late. A source that pushes events ("became idle", "became
// active") tells the engine exactly when those happen; the engine then
// stops asking for polls and wakes the daemon only for real deadlines.

// SetPresenceEvents tells the engine whether its presence source pushes
// events: Idle when the user has been idle for natural_break, Active when
// input follows idleness. With pushed events NextWake no longer schedules
// idle readings (neither the moment a natural break could complete nor
// AwayPoll while away); without them it behaves as for a polled source.
// Readings fed with Observe are still applied either way.
func (e *Engine) SetPresenceEvents(pushed bool) {
	e.presence.pushed = pushed
	e.expectGap = e.monoWait(e.last)
}

// SetAwayPoll sets how often NextWake asks for an idle reading while the
// user is away by idle and the source does not push events, in place of
// AwayPoll; d ≤ 0 restores AwayPoll. A source whose reading is a cheap
// local call can be polled every few seconds, so the return is noticed
// within that time; a reading still counts sitting from the true return.
// It is never below MinWait.
func (e *Engine) SetAwayPoll(d time.Duration) {
	e.presence.awayPoll = d
	e.expectGap = e.monoWait(e.last)
}

// awayPoll is the poll interval while away by idle.
func (e *Engine) awayPoll() time.Duration {
	if e.presence.awayPoll > 0 {
		return max(e.presence.awayPoll, MinWait)
	}
	return AwayPoll
}

// Active reports user input at the instant at (keyboard, pointer), as a
// presence source pushes it when the user comes back. Sitting time counts
// from at, even when the event is handled after later inputs. An event
// older than what the engine already knows of the user's presence changes
// nothing but the time.
func (e *Engine) Active(at Instant) Effects {
	return e.presenceEvent(at, 0, true)
}

// Idle reports that the presence source's idle watch fired at the instant
// at, the user's last input being idle before at. The watch should fire at
// natural_break: the engine counts on it to notice a natural break, since
// with pushed events it schedules no reading for that. Like Active, it
// may be handled late.
func (e *Engine) Idle(at Instant, idle time.Duration) Effects {
	return e.presenceEvent(at, max(idle, 0), false)
}

// Tick advances the engine to now with no news about the user, for a
// daemon that wakes at NextWake but has no idle reading to give (its
// presence source pushes events). The user keeps the presence the last
// event or reading gave.
func (e *Engine) Tick(now Instant) Effects { return e.step(now, nil, nil) }

// presenceEvent applies an event that happened at at. The engine's clock
// never runs backwards, so an event handled after a later input is
// applied at that input's time as the reading it implies then (idle grown
// by the delay). An event older than the newest reading or event already
// applied is stale: the engine knows better and only advances time.
func (e *Engine) presenceEvent(at Instant, idle time.Duration, input bool) Effects {
	now := at
	if at.Mono < e.last.Mono {
		now = e.last
		idle += e.last.Mono - at.Mono
	}
	if at.Mono < e.presence.seenAt {
		return e.step(now, nil, nil)
	}
	return e.step(now, &idle, func(*Effects) error {
		if input {
			e.presence.presentAt, e.presence.hasPresentAt = at.Mono, true
			e.presence.typing = true
		}
		e.presence.seenAt = max(e.presence.seenAt, now.Mono)
		return nil
	})
}
