package routines

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/limber-app/limber/internal/durtext"
)

// Limits on routines. They keep a window readable and a typo (hold = "30m"
// for "30s") from turning a break into an afternoon.
const (
	MaxSteps       = 200         // [[step]] entries per routine
	MaxImageBytes  = 5 << 20     // size of a custom step's image file
	MaxImageSide   = 4096        // pixels per side of a custom step's image
	MinHold        = time.Second // shortest hold
	MaxHold        = 10 * time.Minute
	MaxReps        = 100
	MinPace        = time.Second // shortest time per repetition
	MaxPace        = time.Minute
	MaxRest        = 5 * time.Minute
	MaxCues        = 5
	maxNameLen     = 80
	maxDescLen     = 200
	maxCueLen      = 200
	maxIDLen       = 64
	DefaultRest    = 5 * time.Second // rest between steps when a file does not say
	DefaultPace    = 3 * time.Second // time per repetition for custom steps that do not say
	minLibraryCues = 2
)

// validID reports whether s is usable as a routine or stretch ID: lower-case
// words of letters and digits joined by single hyphens, safe in file names,
// URLs and command lines.
func validID(s string) bool {
	if s == "" || len(s) > maxIDLen {
		return false
	}
	for _, word := range strings.Split(s, "-") {
		if word == "" || strings.ContainsFunc(word, func(r rune) bool {
			return (r < 'a' || r > 'z') && (r < '0' || r > '9')
		}) {
			return false
		}
	}
	return true
}

// Validate checks a routine's structure: an ID, a name, 1 to MaxSteps steps,
// and steps with a name, a sane timing and valid sides, positions and areas.
// It does not look at files; the loader checks images. Built-in routines and
// everything the loader accepts pass Validate.
func (r Routine) Validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if !validID(r.ID) {
		add("id %q: use lower-case letters, digits and single hyphens, at most %d characters", r.ID, maxIDLen)
	}
	if msg := checkText(r.Name, maxNameLen, true); msg != "" {
		add("name: %s", msg)
	}
	if msg := checkText(r.Description, maxDescLen, false); msg != "" {
		add("description: %s", msg)
	}
	switch {
	case len(r.Steps) == 0:
		add("the routine has no steps")
	case len(r.Steps) > MaxSteps:
		add("%d steps; the limit is %d", len(r.Steps), MaxSteps)
	}
	for i, s := range r.Steps {
		if err := s.validate(); err != nil {
			add("step[%d]: %w", i+1, err)
		}
	}
	return errors.Join(errs...)
}

func (s Step) validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	perSide := s.checkStretch(add)
	s.checkTexts(add)
	if err := s.Timing.validate(); err != nil {
		add("%w", err)
	}
	s.checkSides(perSide, add)
	if s.Position != "" && !slices.Contains(Positions(), s.Position) {
		add("position: unknown position %q", s.Position)
	}
	for _, a := range s.Areas {
		if !slices.Contains(Areas(), a) {
			add("areas: unknown area %q", a)
		}
	}
	if s.Rest < 0 || s.Rest > MaxRest {
		add("rest: %s is outside 0s to %s", durtext.Format(s.Rest), durtext.Format(MaxRest))
	}
	return errors.Join(errs...)
}

// addFunc records one problem of a step.
type addFunc func(format string, args ...any)

// checkStretch checks a library step's stretch and reports whether the
// step may be done per side (custom steps may).
func (s Step) checkStretch(add addFunc) bool {
	if s.StretchID == "" {
		return true
	}
	perSide := true
	if st, ok := LookupStretch(s.StretchID); !ok {
		add("unknown stretch %q", s.StretchID)
	} else {
		perSide = st.PerSide
	}
	if s.Image != "" {
		add("image: only custom steps have their own image")
	}
	return perSide
}

// checkTexts checks the name, cues and caution.
func (s Step) checkTexts(add addFunc) {
	if msg := checkText(s.Name, maxNameLen, true); msg != "" {
		add("name: %s", msg)
	}
	if len(s.Cues) > MaxCues {
		add("cues: %d cues; the limit is %d", len(s.Cues), MaxCues)
	}
	for i, c := range s.Cues {
		if msg := checkText(c, maxCueLen, true); msg != "" {
			add("cues[%d]: %s", i+1, msg)
		}
	}
	if msg := checkText(s.Caution, maxCueLen, false); msg != "" {
		add("caution: %s", msg)
	}
}

func (s Step) checkSides(perSide bool, add addFunc) {
	switch s.Sides {
	case SidesNone:
	case SidesBoth, SidesLeft, SidesRight:
		if !perSide {
			add("sides: %q is not done per side", s.StretchID)
		}
	default:
		add("sides: %q is not one of both, left, right, none", s.Sides)
	}
}

func (t Timing) validate() error {
	switch {
	case t.Reps != 0 && t.Hold != 0:
		return errors.New("timing: both hold and reps are set")
	case t.Reps == 0:
		if t.Hold < MinHold || t.Hold > MaxHold {
			return fmt.Errorf("hold: %s is outside %s to %s", durtext.Format(t.Hold), durtext.Format(MinHold), durtext.Format(MaxHold))
		}
	default:
		if t.Reps < 1 || t.Reps > MaxReps {
			return fmt.Errorf("reps: %d is outside 1 to %d", t.Reps, MaxReps)
		}
		if t.Pace < MinPace || t.Pace > MaxPace {
			return fmt.Errorf("pace: %s is outside %s to %s", durtext.Format(t.Pace), durtext.Format(MinPace), durtext.Format(MaxPace))
		}
	}
	return nil
}

// validateStretch holds library entries to a stricter standard than user
// steps: 2–5 cues, a position and at least one area.
func validateStretch(st Stretch) error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if !validID(st.ID) {
		add("id %q is not a valid ID", st.ID)
	}
	if msg := checkText(st.Name, maxNameLen, true); msg != "" {
		add("name: %s", msg)
	}
	if len(st.Cues) < minLibraryCues || len(st.Cues) > MaxCues {
		add("cues: %d cues; want %d to %d", len(st.Cues), minLibraryCues, MaxCues)
	}
	for i, c := range st.Cues {
		if msg := checkText(c, maxCueLen, true); msg != "" {
			add("cues[%d]: %s", i+1, msg)
		}
	}
	if !slices.Contains(Positions(), st.Position) {
		add("position %q is not a position", st.Position)
	}
	if len(st.Areas) == 0 {
		add("areas: none")
	}
	for _, a := range st.Areas {
		if !slices.Contains(Areas(), a) {
			add("areas: unknown area %q", a)
		}
	}
	if err := st.Timing.validate(); err != nil {
		add("%w", err)
	}
	return errors.Join(errs...)
}

// checkText returns why s is not acceptable display text, or "".
func checkText(s string, maxLen int, required bool) string {
	switch {
	case required && strings.TrimSpace(s) == "":
		return "is empty"
	case len([]rune(s)) > maxLen:
		return fmt.Sprintf("is %d characters long; the limit is %d", len([]rune(s)), maxLen)
	case strings.ContainsFunc(s, unicode.IsControl):
		return "contains control characters such as newlines or tabs"
	}
	return ""
}

// closest returns the option nearest to word by edit distance, if it is near
// enough to be a plausible typo.
func closest(word string, options []string) (string, bool) {
	best, bestDist := "", -1
	for _, o := range options {
		if d := editDistance(word, o); bestDist < 0 || d < bestDist {
			best, bestDist = o, d
		}
	}
	limit := max(2, len([]rune(word))/3)
	return best, bestDist >= 0 && bestDist <= limit
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours each cost one, so "hodl"
// is one edit from "hold".
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
