package routines

// Reminders ask the user to stand up, so they suggest standing routines and
// name one standing stretch by its Action. These helpers give the daemon
// both without knowing which routine holds what.

// IsStanding reports whether the routine has steps and every one of them
// is done standing.
func (r Routine) IsStanding() bool {
	for _, s := range r.Steps {
		if s.Position != Standing {
			return false
		}
	}
	return len(r.Steps) > 0
}

// StandingRoutines returns the routines of rs that are done standing
// throughout, in their order. The result shares no slice with rs.
func StandingRoutines(rs []Routine) []Routine {
	var out []Routine
	for _, r := range rs {
		if r.IsStanding() {
			out = append(out, r)
		}
	}
	return out
}

// StandingStretches returns the library stretches behind the routine's
// standing steps, in step order and each once, so a reminder can name one
// by its Action. Custom steps and steps of other positions are left out.
func (r Routine) StandingStretches() []Stretch {
	var out []Stretch
	seen := map[string]bool{}
	for _, s := range r.Steps {
		if s.Position != Standing || s.StretchID == "" || seen[s.StretchID] {
			continue
		}
		if st, ok := LookupStretch(s.StretchID); ok && st.Position == Standing {
			seen[s.StretchID] = true
			out = append(out, st)
		}
	}
	return out
}
