package reminders

import (
	"fmt"
	"time"
)

// Standing-desk mode. The app reports posture changes (Stand, Sit); the
// engine starts in PostureSitting. While the user stands, sitting time
// does not grow: standing time does, by the same rules (a short idle gap
// counts, a natural break ends the stretch). Standing up ends the sitting
// stretch, and answers an open due period ("stood"): sitting time starts
// from zero when the user sits down again. With standing_limit set, a
// standing stretch that long opens a due period of its own, reminding the
// user to sit (Remind.Posture is PostureStanding), with the same repeats
// (remind_again, max_reminders), holds, lull, snooze and skip as a
// reminder to stand; sitting down answers it ("sat"). A natural break
// puts the user back to sitting unless posture_after_break = "keep".

// Posture is how the user works at the desk.
type Posture int

const (
	PostureSitting Posture = iota
	PostureStanding
)

func (p Posture) String() string {
	switch p {
	case PostureSitting:
		return "sitting"
	case PostureStanding:
		return "standing"
	}
	return fmt.Sprintf("Posture(%d)", int(p))
}

// MarshalText makes a Posture encode as its name in JSON.
func (p Posture) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Stand reports that the user stood up at a standing desk. It records
// "stood" with the sitting stretch it ends and closes an open due period;
// standing again while standing changes nothing.
func (e *Engine) Stand(now Instant) Effects { return e.changePosture(now, PostureStanding) }

// Sit reports that the user sat down after standing. It records "sat"
// with the standing stretch it ends and closes an open due period (a
// reminder to sit); sitting again while sitting changes nothing.
func (e *Engine) Sit(now Instant) Effects { return e.changePosture(now, PostureSitting) }

// changePosture is Stand and Sit, so the rule lives once: a change to the
// other posture records its event ("stood" or "sat") with the stretch it
// ends, answers an open due period with that event and starts a new
// stretch; a change to the posture the user is in changes nothing.
func (e *Engine) changePosture(now Instant, to Posture) Effects {
	f, _ := e.command(now, func(fx *Effects) error {
		if e.posture == to {
			return nil
		}
		ev := Event{Event: EventStood, SittingS: secs(e.sitting)}
		if to == PostureSitting {
			ev = Event{Event: EventSat, StandingS: secs(e.stood)}
		}
		e.record(fx, now, ev)
		e.resolve(fx, ev.Event)
		e.resetSitting()
		e.posture = to
		return nil
	})
	return f
}

// stretch is the counter of the current posture: sitting or standing
// time since the stretch began.
func (e *Engine) stretch() *time.Duration {
	if e.posture == PostureStanding {
		return &e.stood
	}
	return &e.sitting
}

// postureLimit is the limit of the current posture: sitting_limit, or
// standing_limit while standing; false when standing_limit is off.
func (e *Engine) postureLimit() (time.Duration, bool) {
	if e.posture == PostureStanding {
		return e.cfg.StandingLimit, e.cfg.StandingLimit > 0
	}
	return e.cfg.SittingLimit, true
}

// zeroStretch ends the current stretch, sitting or standing, at a natural
// break.
func (e *Engine) zeroStretch() { e.sitting, e.stood = 0, 0 }

// afterBreak applies posture_after_break at a natural break.
func (e *Engine) afterBreak(fx *Effects, now Instant) {
	if e.posture == PostureStanding && e.cfg.PostureAfterBreak != AfterBreakKeep {
		e.posture = PostureSitting
		e.record(fx, now, Event{Event: EventSat, Reason: "break"})
	}
}
