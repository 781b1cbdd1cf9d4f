package reminders

import "time"

// advance accounts for the time between the previous input and now, in
// phases: the calendar day, an unreported suspend, the idle reading (if
// the input carries one), an absence turning into a break, the pause end
// and working hours.
func (e *Engine) advance(fx *Effects, now Instant, idle *time.Duration) {
	e.rollDay(now)
	dMono := e.detectSuspend(fx, now, max(now.Mono-e.last.Mono, 0))
	switch {
	case !e.duty.on():
		if idle != nil {
			e.trackOffDuty(now, *idle)
		}
	case e.counting():
		if idle != nil {
			e.readIdle(fx, now, *idle, dMono)
		} else if !e.absence.byIdle {
			*e.stretch() += dMono
			e.presence.lastIdle += dMono
		} else {
			e.presence.lastIdle += dMono
		}
	}
	if e.absence.events != 0 && !e.absence.breakTaken && e.duty.on() && e.awayFor(now) >= e.cfg.NaturalBreak {
		e.naturalBreak(fx, now, *e.stretch(), "away")
		e.zeroStretch()
	}
	if e.duty.paused() && !now.Wall.Before(e.duty.pausedUntil) {
		e.endPause(fx, now, "expired")
	}
	e.updateHours(fx, now)
	e.last = now
}

// detectSuspend is the backstop for a suspend nobody reported: the input
// comes natural_break or more after the previous one and far later than
// NextWake asked for, so the machine was asleep and the gap is time away.
// It returns the part of dMono still to account for.
func (e *Engine) detectSuspend(fx *Effects, now Instant, dMono time.Duration) time.Duration {
	// With no wake asked for (expectGap < 0, possible with pushed presence
	// events), silence is no sign of a suspend.
	if !e.present() || dMono < e.cfg.NaturalBreak || e.expectGap < 0 || dMono <= e.expectGap+SuspendSlack {
		return dMono
	}
	e.naturalBreak(fx, now, *e.stretch(), "suspend")
	e.zeroStretch()
	e.quietUntil = now.Mono + ResumeGrace
	return 0
}

// trackOffDuty follows presence while off duty, so that an absence which
// began while paused or outside hours is not later counted as a break.
func (e *Engine) trackOffDuty(now Instant, idle time.Duration) {
	e.presence.lastIdle = idle
	e.presence.seenAt = now.Mono
	if idle >= e.cfg.NaturalBreak {
		e.absence.byIdle, e.absence.breakTaken = true, true
		e.absence.idleSeenAt = now.Mono
	} else if e.absence.byIdle {
		e.absence.byIdle, e.absence.breakTaken = false, false
	}
}

// readIdle applies an idle reading taken on duty, dMono after the previous
// input: a gap of natural_break or more is a natural break that ended the
// sitting period when the gap began; a shorter one counts as sitting, and
// after an absence sitting counts from the true return, idle ago.
func (e *Engine) readIdle(fx *Effects, now Instant, idle, dMono time.Duration) {
	if e.presence.hasPresentAt {
		idle = min(idle, max(now.Mono-e.presence.presentAt, 0))
	}
	e.presence.seenAt = now.Mono
	nb := e.cfg.NaturalBreak
	wasIdleSeen := e.absence.idleSeenAt
	if idle >= nb {
		e.absence.idleSeenAt = now.Mono
	}
	switch {
	case idle >= nb && !e.absence.byIdle: // just went away
		atBreak := max(*e.stretch()+dMono-idle, 0)
		e.absence.byIdle = true
		if !e.absence.breakTaken {
			e.naturalBreak(fx, now, atBreak, "idle")
		}
		e.zeroStretch()
	case idle >= nb: // still away
	case e.absence.byIdle: // came back idle ago
		e.absence.byIdle, e.absence.breakTaken = false, false
		*e.stretch() = min(idle, max(now.Mono-wasIdleSeen, 0))
	default:
		*e.stretch() += dMono
		e.absence.breakTaken = false
	}
	e.presence.lastIdle = idle
}

func (e *Engine) awayFor(now Instant) time.Duration {
	return max(now.Mono-e.absence.since.Mono, now.Wall.Sub(e.absence.since.Wall), 0)
}

func (e *Engine) updateHours(fx *Effects, now Instant) {
	in := e.cfg.Schedule.Active(now.Wall)
	if in == e.duty.inHours {
		return
	}
	e.duty.inHours = in
	if !in && e.due.open {
		e.record(fx, now, Event{Event: EventCleared, SittingS: secs(e.sitting), StandingS: secs(e.stood), Reason: "outside_hours"})
		e.resolve(fx, EventCleared)
	}
	e.resetSitting()
}

func (e *Engine) endPause(fx *Effects, now Instant, reason string) {
	e.record(fx, now, Event{Event: EventResumed, Reason: reason})
	e.duty.pausedUntil = time.Time{}
	e.resetSitting()
}

// naturalBreak records a natural break that ended the current stretch,
// sitting or standing, at atBreak; the caller zeroes the stretch.
func (e *Engine) naturalBreak(fx *Effects, now Instant, atBreak time.Duration, reason string) {
	ev := Event{Event: EventNaturalBreak, SittingS: secs(atBreak), Reason: reason}
	if e.posture == PostureStanding {
		ev.SittingS, ev.StandingS = secs(e.sitting), secs(atBreak)
	} else {
		e.noteLongest(atBreak)
	}
	e.record(fx, now, ev)
	e.absence.breakTaken = true
	e.resolve(fx, EventNaturalBreak)
	e.snooze = snooze{}
	e.afterBreak(fx, now)
}

// resetSitting starts a fresh sitting (and standing) stretch after a real
// break.
func (e *Engine) resetSitting() {
	e.noteLongest(e.sitting)
	e.sitting, e.stood = 0, 0
	e.snooze = snooze{}
}

// resolve closes the open due period, if any, naming the event that did.
func (e *Engine) resolve(fx *Effects, name string) {
	if !e.due.open {
		return
	}
	e.due = duePeriod{}
	fx.Resolution = name
}

// record counts ev in today's statistics and hands it to the app.
func (e *Engine) record(fx *Effects, now Instant, ev Event) {
	ev.T = now.Wall
	e.today.apply(ev)
	fx.History = append(fx.History, ev)
}

// evaluate opens or closes the due period, emits reminders and sets state.
func (e *Engine) evaluate(fx *Effects, now Instant) {
	e.noteLongest(e.sitting)
	if e.present() {
		e.evaluateDue(fx, now)
	}
	e.state = e.computeState()
	e.expectGap = e.monoWait(now)
}

// evaluateDue runs the due period while the user is present: a raised
// limit clears it, reaching the limit (after any snooze) opens it, and
// inside it reminders come at once and then every remind_again.
func (e *Engine) evaluateDue(fx *Effects, now Instant) {
	limit, on := e.postureLimit()
	reached := on && *e.stretch() >= limit
	if e.due.open && !reached {
		e.record(fx, now, Event{Event: EventCleared, SittingS: secs(e.sitting), StandingS: secs(e.stood), Reason: "config"})
		e.resolve(fx, EventCleared)
	}
	if !e.due.open && reached && (!e.snooze.active || now.Mono >= e.snooze.until) {
		e.due = duePeriod{open: true}
		e.snooze.active = false
		fx.DueOpened = true
	}
	at, ok := e.nextReminderAt()
	if !e.due.open || !ok || now.Mono < at {
		return
	}
	e.deliver(fx, now)
}
