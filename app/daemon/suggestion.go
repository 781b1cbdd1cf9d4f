package daemon

import (
	"slices"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/tray"
	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/routines"
)

// suggestion remembers what reminders suggested, so routines rotate and
// stretches do not repeat. It lives in the core, under its lock.
type suggestion struct {
	next     int      // rotation index over standing routines
	reminded string   // routine the last reminder suggested; its Start button opens it
	recent   []string // stretches suggested lately, newest last
}

// recentWindow is how many past suggestions a new one avoids.
const recentWindow = 4

// routine is what "Start stretch routine" and a reminder's Start button
// open: the configured routine, or the standing routines in turn (a
// reminder is about getting up), starting with the quick standing reset.
// Without standing routines, those that fit next to a desk; "" when there
// is no routine at all.
func (s *suggestion) routine(cat routines.Catalog, configured string) string {
	if configured != "" && configured != reminders.SuggestRotate {
		if _, ok := cat.Find(configured); ok {
			return configured
		}
	}
	pool := routinesIn(cat, routines.Standing)
	if len(pool) == 0 {
		pool = routinesIn(cat, routines.Standing, routines.Seated)
	}
	if len(pool) == 0 {
		if len(cat.Routines) == 0 {
			return ""
		}
		return cat.Routines[0].ID
	}
	return pool[s.next%len(pool)].ID
}

// offer records that a reminder suggests id, and moves the rotation on.
func (s *suggestion) offer(id string) {
	s.next++
	s.reminded = id
}

// remindedRoutine is the routine the last reminder offered, so its Start
// button opens what the notification said even after the rotation moved
// on.
func (s *suggestion) remindedRoutine(cat routines.Catalog, configured string) string {
	if s.reminded != "" {
		if _, ok := cat.Find(s.reminded); ok {
			return s.reminded
		}
	}
	return s.routine(cat, configured)
}

// stretch picks a step of r to name in a reminder, so the stretch it
// suggests is one the routine Start opens will show: a standing library
// stretch if r has one, not one of the last few suggested. remindersToday
// moves the starting point with every reminder, so suggestions vary even
// across restarts within a day.
func (s *suggestion) stretch(r routines.Routine, remindersToday int) (routines.Step, bool) {
	var steps []routines.Step
	for _, st := range r.Steps {
		if st.StretchID != "" && st.Position == routines.Standing {
			steps = append(steps, st)
		}
	}
	if len(steps) == 0 {
		for _, st := range r.Steps {
			if st.StretchID != "" {
				steps = append(steps, st)
			}
		}
	}
	if len(steps) == 0 {
		return routines.Step{}, false
	}
	start := remindersToday * 7
	pick := steps[start%len(steps)]
	for i := range steps {
		st := steps[(start+i)%len(steps)]
		if !slices.Contains(s.recent, st.StretchID) {
			pick = st
			break
		}
	}
	s.recent = append(s.recent, pick.StretchID)
	if len(s.recent) > recentWindow {
		s.recent = s.recent[1:]
	}
	return pick, true
}

// routinesIn are the routines done only in the given positions.
func routinesIn(cat routines.Catalog, positions ...routines.Position) []routines.Routine {
	var out []routines.Routine
	for _, r := range cat.Routines {
		ok := len(r.Steps) > 0
		for _, p := range r.Positions() {
			if !slices.Contains(positions, p) {
				ok = false
			}
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

// suggestedRoutine is the routine to start now; see suggestion.routine.
func (c *core) suggestedRoutine() string { return c.suggest.routine(c.catalog, c.cfg.Suggest) }

// remindedRoutine is the routine the last reminder offered.
func (c *core) remindedRoutine() string {
	return c.suggest.remindedRoutine(c.catalog, c.cfg.Suggest)
}

func (c *core) hasRoutine(id string) bool {
	_, ok := c.catalog.Find(id)
	return ok
}

// trayRoutines are the Routines submenu's entries.
func (c *core) trayRoutines() []tray.Entry {
	entries := make([]tray.Entry, 0, len(c.catalog.Routines))
	for _, r := range c.catalog.Routines {
		entries = append(entries, tray.Entry{ID: r.ID, Label: i18n.RoutineName(r)})
	}
	return entries
}
