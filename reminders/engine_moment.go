package reminders

import (
	"slices"
	"time"
)

// Reminders that respect the moment. A reminder that falls due is not
// always shown at once: a hold (do-not-disturb, a meeting, a full-screen
// window) keeps it back until the last hold ends, and with typing-aware
// delivery it waits for the first lull in the user's input. Neither moves
// the due time or stops sitting time; only the showing waits, and never
// for long: max_hold caps a hold, lull_wait caps the wait for a lull, and
// the Remind says how late it is and why.

// HoldReason names something that holds reminders back.
type HoldReason string

const (
	// HoldDND is do-not-disturb; it holds with dnd = "hold".
	HoldDND HoldReason = "dnd"
	// HoldMeeting is a call or meeting; it holds with meetings = "hold".
	HoldMeeting HoldReason = "meeting"
	// HoldFullscreen is a full-screen window (a video, a presentation,
	// a game); it always holds.
	HoldFullscreen HoldReason = "fullscreen"
)

// LullPoll is how often NextWake asks a polled presence source for an
// idle reading while a reminder waits for a lull: at most
// lull_wait / LullPoll extra readings (24 with the defaults) per reminder
// that falls due while the user types, none otherwise. A source that
// pushes events is not polled: its idle watch at lull reports the lull.
const LullPoll = 5 * time.Second

// SetHold reports that reason began (on) or ended. While a hold that the
// configuration honours is on (dnd = "hold" for HoldDND, meetings = "hold"
// for HoldMeeting, always for HoldFullscreen and any other reason), a
// reminder that falls due is held; it is shown once when the last such
// hold ends, if still due, or at the latest max_hold after it was first
// held, with Remind.HeldBy, HoldLasted and LateBy saying why and how late.
// Reporting a hold that is already on (or off) again changes nothing.
func (e *Engine) SetHold(now Instant, reason HoldReason, on bool) Effects {
	return e.step(now, nil, func(*Effects) error {
		_, was := e.holds[reason]
		switch {
		case on && !was:
			if e.holds == nil {
				e.holds = map[HoldReason]time.Duration{}
			}
			e.holds[reason] = now.Mono
		case !on && was:
			delete(e.holds, reason)
		}
		return nil
	})
}

// SetDND reports the do-not-disturb state: SetHold with HoldDND. With
// dnd = "hold", a reminder that falls due during DND is delivered once
// when DND ends, if still due (or after max_hold).
func (e *Engine) SetDND(now Instant, on bool) Effects { return e.SetHold(now, HoldDND, on) }

// SetTypingAware turns typing-aware delivery on or off (off at New, so
// reminders are shown the moment they fall due). When on, a reminder that
// falls due while the user types waits for the first lull in input of at
// least lull, for at most lull_wait, before it is shown. The engine learns
// of typing and lulls from idle readings (Observe: idle below lull is
// typing) and presence events (Active is typing; an Idle event with idle
// at least lull is a lull). Turn it on only when the presence source sees
// input: with idle_source "none" every reading is 0 and every reminder
// would wait lull_wait. With pushed events the daemon must arm an idle
// watch at lull (besides the one at natural_break) and push its Idle.
func (e *Engine) SetTypingAware(on bool) {
	e.presence.lullAware = on
	e.expectGap = e.monoWait(e.last)
}

// pending is a reminder that fell due but is not shown yet: held by a
// hold, or waiting for a lull in the user's input.
type pending struct {
	active   bool
	since    time.Duration // Mono when it fell due
	held     bool          // a hold keeps it back right now
	heldAt   time.Duration // Mono when a hold first kept it back
	heldBy   []HoldReason  // every hold that kept it back, sorted
	holdFrom time.Duration // Mono start of the earliest of those holds
	holdTo   time.Duration // Mono end of the hold: released or max_hold
	capped   bool          // max_hold ran out; holds no longer apply
	waiting  bool          // waiting for a lull in input
	waitFrom time.Duration // Mono when the wait began
}

// holdApplies reports whether the configuration lets reason hold reminders.
func (e *Engine) holdApplies(r HoldReason) bool {
	switch r {
	case HoldDND:
		return e.cfg.DND == DNDHold
	case HoldMeeting:
		return e.cfg.Meetings == DNDHold
	}
	return true
}

// holding returns the holds in force that hold reminders, sorted, and the
// Mono start of the earliest of them.
func (e *Engine) holding() ([]HoldReason, time.Duration) {
	var out []HoldReason
	var from time.Duration
	for r, since := range e.holds {
		if !e.holdApplies(r) {
			continue
		}
		if len(out) == 0 || since < from {
			from = since
		}
		out = append(out, r)
	}
	slices.Sort(out)
	return out, from
}

// inLull reports whether a reminder may be shown now as far as the user's
// typing goes.
func (e *Engine) inLull() bool { return !e.presence.lullAware || !e.presence.typing }

// noteInput updates what the engine knows of the user's typing from an
// idle reading or event taken at now.
func (e *Engine) noteInput(now Instant, idle time.Duration) {
	if e.presence.hasPresentAt {
		idle = min(idle, max(now.Mono-e.presence.presentAt, 0))
	}
	e.presence.typing = idle < e.cfg.Lull
}

// deliver shows the reminder that fell due, unless a hold or the user's
// typing keeps it back for now.
func (e *Engine) deliver(fx *Effects, now Instant) {
	p := &e.due.pending
	if !p.active {
		*p = pending{active: true, since: now.Mono}
	}
	if !e.releaseHold(p, now) {
		return
	}
	if !e.inLull() {
		if !p.waiting {
			p.waiting, p.waitFrom = true, now.Mono
		}
		if now.Mono-p.waitFrom < e.cfg.LullWait {
			return
		}
	}
	e.due.reminded++
	e.due.lastRemind = now.Mono
	r := Remind{Sitting: e.sitting, Count: e.due.reminded, Posture: e.posture, Standing: e.stood,
		LateBy: now.Mono - p.since, HeldBy: p.heldBy, HoldCapped: p.capped}
	if len(p.heldBy) > 0 {
		r.HoldLasted = max(p.holdTo-p.holdFrom, 0)
	}
	ev := Event{Event: EventReminded, SittingS: secs(e.sitting), StandingS: secs(e.stood), Count: e.due.reminded}
	if e.posture == PostureStanding {
		ev.Posture = PostureStanding.String()
	}
	e.record(fx, now, ev)
	fx.Remind = &r
	*p = pending{}
}

// releaseHold reports whether no hold keeps p back any longer: none is in
// force, or max_hold has run out since a hold first kept it back.
func (e *Engine) releaseHold(p *pending, now Instant) bool {
	if p.capped {
		return true
	}
	reasons, from := e.holding()
	if len(reasons) == 0 {
		if p.held {
			p.held, p.holdTo = false, now.Mono
		}
		return true
	}
	if !p.held && len(p.heldBy) == 0 {
		p.heldAt, p.holdFrom = now.Mono, from
	}
	p.held = true
	p.holdFrom = min(p.holdFrom, from)
	for _, r := range reasons {
		if !slices.Contains(p.heldBy, r) {
			p.heldBy = append(p.heldBy, r)
		}
	}
	slices.Sort(p.heldBy)
	if now.Mono-p.heldAt < e.cfg.MaxHold {
		return false
	}
	p.held, p.capped, p.holdTo = false, true, now.Mono
	return true
}

// deliveryWake is when a reminder due at at could next be shown: at
// itself, or, for one that fell due and is kept back, the end of max_hold,
// the end of lull_wait or (with a polled source) the next idle reading.
func (e *Engine) deliveryWake(at time.Duration) time.Duration {
	p := e.due.pending
	switch {
	case !p.active || at > e.last.Mono:
		return at
	case p.held:
		return p.heldAt + e.cfg.MaxHold
	case p.waiting && e.presence.pushed:
		return p.waitFrom + e.cfg.LullWait
	case p.waiting:
		return min(p.waitFrom+e.cfg.LullWait, e.last.Mono+LullPoll)
	}
	return at
}
