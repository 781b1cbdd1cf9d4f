package routine

import (
	"time"

	"github.com/limber-app/limber/app/sound"
	"github.com/limber-app/limber/routines"
)

// cuer decides which sound marks a moment of the routine, for a person
// who is looking at the ceiling rather than the screen: a chime when a
// step starts, a distinct one when the second side starts and at the end,
// and a tick in each of a step's (or the get-ready count's) last three
// seconds. It remembers the last tick so that a second is ticked once
// however often the window redraws.
type cuer struct {
	ticked tickAt
}

// tickAt names one second of one phase of one segment.
type tickAt struct {
	phase   routines.Phase
	segment int
	second  int
}

// cue returns the cue for the events just handled and the state after
// them, if any. After a jump (a long stall, a skip) only the last change
// sounds: a burst of chimes would say nothing.
func (c *cuer) cue(events []routines.Event, st routines.State) (sound.Cue, bool) {
	var last routines.Event
	for _, ev := range events {
		switch ev.Kind {
		case routines.StepStarted, routines.RestStarted, routines.Finished:
			last = ev
		}
	}
	switch last.Kind {
	case routines.Finished:
		c.ticked = tickAt{}
		return sound.Done, true
	case routines.StepStarted:
		c.ticked = tickAt{}
		if last.Segment == st.Current.Index && st.Current.SecondSide {
			return sound.Switch, true
		}
		return sound.Step, true
	case routines.RestStarted:
		c.ticked = tickAt{}
	}
	return c.tick(st)
}

// tick returns a Tick in each of the last three seconds of a step or of
// the get-ready count; rests stay quiet until the next step's chime.
func (c *cuer) tick(st routines.State) (sound.Cue, bool) {
	if st.Phase != routines.PhaseStep && st.Phase != routines.PhaseGetReady {
		return 0, false
	}
	second := int((st.Left + time.Second - 1) / time.Second)
	at := tickAt{st.Phase, st.Current.Index, second}
	if second < 1 || second > 3 || at == c.ticked {
		return 0, false
	}
	c.ticked = at
	return sound.Tick, true
}

// reset forgets the last tick, so a restarted count ticks again.
func (c *cuer) reset() { c.ticked = tickAt{} }
