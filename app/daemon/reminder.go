package daemon

import (
	"fmt"
	"slices"
	"time"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/routines"
)

// reminder is one nudge to show.
type reminder struct {
	Title, Body string
	Routine     string // the routine Start opens
	Stretch     string // the stretch suggested in the text
	Prompt      bool   // show the break window instead of a notification
	Test        bool   // a test reminder: its buttons do nothing to the engine
	Sitting     time.Duration
}

// compose writes the reminder: how long they sat, one stretch to try from
// the routine Start opens (not one of the last few suggested), and that
// routine with its length.
func (c *core) compose(r reminders.Remind) reminder {
	routine := c.suggestedRoutine()
	c.suggest.offer(routine)
	return c.write(r, routine, false)
}

// write is the reminder's text for a routine; test writes a test
// reminder's.
func (c *core) write(r reminders.Remind, routine string, test bool) reminder {
	title, body := remindText(r)
	if test {
		// Sent from Settings, often right after starting: the sitting time
		// would say "0 seconds".
		body = i18n.T("reminder.test-intro")
	}
	stretch := ""
	if rt, ok := c.catalog.Find(routine); ok {
		if st, ok := c.suggest.stretch(rt, c.eng.Status(c.clock()).Today.Reminders); ok {
			stretch = st.StretchID
			body += " " + i18n.F("reminder.try", i18n.Args{"Stretch": i18n.StepName(st)})
			// Say what to do, so the reminder alone is enough to stretch.
			if s, ok := routines.LookupStretch(st.StretchID); ok && s.Action != "" {
				body += " " + i18n.StretchAction(s)
			}
		}
		body += "\n" + i18n.F("reminder.start", i18n.Args{"Routine": i18n.RoutineName(rt), "Length": routineLength(rt.Duration())})
	}
	return reminder{
		Title:   title,
		Body:    body,
		Routine: routine,
		Stretch: stretch,
		Prompt:  c.cfg.PromptInstead,
		Sitting: r.Sitting,
	}
}

// remindText is a reminder's title and first sentence: to sit down after
// standing_limit, to stand up after a call that held it back, or to stand
// up after sitting.
func remindText(r reminders.Remind) (title, body string) {
	if r.Posture == reminders.PostureStanding {
		return i18n.T("reminder.title.sit"), i18n.F("reminder.standing", i18n.Args{"Duration": humanMinutes(r.Standing)})
	}
	title = i18n.T("reminder.title")
	if slices.Contains(r.HeldBy, reminders.HoldMeeting) && r.HoldLasted > 0 {
		m := max(int(r.HoldLasted.Round(time.Minute)/time.Minute), 1)
		return title, i18n.F("reminder.after-call", i18n.Args{"Minutes": m})
	}
	return title, i18n.F("reminder.sitting", i18n.Args{"Duration": humanMinutes(r.Sitting)})
}

// routineLength is a routine's length for the reminder: whole minutes,
// rounded, or seconds under a minute.
func routineLength(d time.Duration) string {
	if d < time.Minute {
		return i18n.F("reminder.length-seconds", i18n.Args{"Seconds": int(d / time.Second)})
	}
	return i18n.F("reminder.length-minutes", i18n.Args{"Minutes": int(d.Round(time.Minute) / time.Minute)})
}

// testReminder composes a reminder as if one were due now, for the
// settings window's "Send a test reminder". It is neither recorded nor
// counted.
// It leaves the rotation and the routine the real reminder's Start opens
// alone.
func (c *core) testReminder(now reminders.Instant) reminder {
	r := c.write(reminders.Remind{Sitting: c.eng.Status(now).Sitting, Count: 1}, c.suggestedRoutine(), true)
	r.Title = i18n.T("reminder.title.test")
	r.Test = true
	return r
}

// promptArg is the break window's argument for r:
// "ROUTINE STRETCH SITTING_SECONDS".
func (r reminder) promptArg() string {
	return fmt.Sprintf("%s %s %d", r.Routine, r.Stretch, int(r.Sitting/time.Second))
}

// humanMinutes says how long someone sat: seconds under a minute, minutes
// under two hours, else hours and minutes.
func humanMinutes(d time.Duration) string {
	m := int(d.Round(time.Minute) / time.Minute)
	switch {
	case d < time.Minute:
		return i18n.N("duration.seconds", int(d/time.Second), nil)
	case m < 120:
		return i18n.N("duration.minutes", m, nil)
	default:
		return i18n.Minutes(d)
	}
}
