package daemon

import (
	"strings"
	"time"

	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/reminders/meeting"
)

// Meetings: with meetings = "hold", a reminder is not shown over a call.
// The camera and microphone check (reminders/meeting) scans /proc and may
// ask the sound server, which can take a second or two, so it never runs
// under Daemon.mu, and it runs only around a reminder: shortly before one
// is due (meetingLead), when a due period opens, and every meetingPoll
// while a call holds reminders back, until the call ends.
const (
	// meetingLead is how long before a reminder falls due the check
	// starts, so that its answer is in before the reminder would show.
	meetingLead = 3 * time.Second
	// meetingPoll is the shortest time between two checks; while a call
	// holds reminders back, it is how often the check runs.
	meetingPoll = 15 * time.Second
)

// meetingDevicesEnv is a test hook (see doc.go): a comma-separated list
// of device patterns that replaces the detector's defaults, with the
// sound server not asked, so end-to-end tests can fake a call by holding
// an ordinary file open.
const meetingDevicesEnv = "LIMBER_MEETING_DEVICES"

// newMeetingDetector is the detector for this process, with the test
// hook applied.
func newMeetingDetector(getenv func(string) string) *meeting.Detector {
	det := meeting.New()
	if v := getenv(meetingDevicesEnv); v != "" {
		det.Devices = nil
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				det.Devices = append(det.Devices, p)
			}
		}
		det.Pulse = nil
	}
	return det
}

// meetingState is what the core knows of calls. Daemon.mu guards it.
type meetingState struct {
	held     bool      // a call holds reminders back (SetHold is on)
	checking bool      // a check runs
	wanted   bool      // a due period opened: check at the next chance
	lastAt   time.Time // when the last check started
}

// noteMeetingEffects asks for a check when a due period opened, so a
// reminder held back by something else is held by a call too.
func (c *core) noteMeetingEffects(fx reminders.Effects) {
	if fx.DueOpened && c.cfg.Meetings == reminders.DNDHold {
		c.meet.wanted = true
	}
}

// startMeetingCheck reports whether a check should start now, and marks
// it started: while a call holds reminders back, every meetingPoll; with
// meetings = "hold", when a due period opened or a reminder is about to
// be shown. Never two at once.
func (c *core) startMeetingCheck(now reminders.Instant) bool {
	m := &c.meet
	if m.checking || (!m.lastAt.IsZero() && now.Wall.Sub(m.lastAt) < meetingPoll) {
		return false
	}
	want := m.held
	if c.cfg.Meetings == reminders.DNDHold && !want {
		st := c.eng.Status(now)
		want = m.wanted || (st.HasNextReminder && st.NextReminder <= meetingLead)
	}
	if !want {
		return false
	}
	m.checking, m.wanted, m.lastAt = true, false, now.Wall
	return true
}

// meetingResult applies a check's answer and reports whether the hold
// changed. A call counts only while meetings = "hold".
func (c *core) meetingResult(now reminders.Instant, in bool) bool {
	m := &c.meet
	m.checking = false
	in = in && c.cfg.Meetings == reminders.DNDHold
	if in == m.held {
		return false
	}
	m.held = in
	c.apply(c.eng.SetHold(now, reminders.HoldMeeting, in))
	return true
}

// meetingWake is when the loop must run for the next check: meetingPoll
// after the last while a call holds reminders back, else meetingLead
// before the next reminder (zero when none is needed).
func (c *core) meetingWake(now reminders.Instant, st reminders.Status) time.Time {
	m := c.meet
	switch {
	case m.checking:
		return time.Time{}
	case m.held:
		return m.lastAt.Add(meetingPoll)
	case c.cfg.Meetings != reminders.DNDHold || !st.HasNextReminder:
		return time.Time{}
	}
	at := now.Wall.Add(st.NextReminder - meetingLead)
	if next := m.lastAt.Add(meetingPoll); at.Before(next) {
		at = next
	}
	if floor := now.Wall.Add(reminders.MinWait); at.Before(floor) {
		at = floor // the check starts at the next tick; never spin
	}
	return at
}

// checkMeeting runs one check off the lock and applies its answer; the
// evidence is logged when the hold changes.
func (d *Daemon) checkMeeting() {
	in, ev, err := d.meeting.InMeeting()
	if err != nil {
		d.log.Debug("meeting check", "err", err)
	}
	if d.ctx.Err() != nil {
		return // quitting: the core may be closed
	}
	d.mu.Lock()
	changed := d.core.meetingResult(now(), in)
	d.mu.Unlock()
	if changed && in {
		d.log.Info("in a call: holding reminders", "evidence", ev.String())
	} else if changed {
		d.log.Info("call ended: reminders no longer held")
	}
	d.refresh()
	d.poke()
}
