package routines

import (
	"slices"
	"time"
)

// Position is where the body is while doing a stretch. Reminders only suggest
// standing and seated stretches, because those fit next to a desk.
type Position string

// The positions, in the order listings show them.
const (
	Standing Position = "standing"
	Seated   Position = "seated"
	Floor    Position = "floor"
	Bed      Position = "bed"
)

// Positions lists every position in display order.
func Positions() []Position { return []Position{Standing, Seated, Floor, Bed} }

// Area is a body area a stretch works on; the picker groups routines by it.
type Area string

// The body areas, in the order listings show them.
const (
	Neck      Area = "neck"
	Shoulders Area = "shoulders"
	UpperBack Area = "upper-back"
	MidBack   Area = "mid-back"
	LowerBack Area = "lower-back"
	Hips      Area = "hips"
	Legs      Area = "legs"
	Wrists    Area = "wrists"
	Breathing Area = "breathing"
)

// Areas lists every body area in display order.
func Areas() []Area {
	return []Area{Neck, Shoulders, UpperBack, MidBack, LowerBack, Hips, Legs, Wrists, Breathing}
}

// Timing says how long one go at a stretch takes: either a hold for a fixed
// time, or a number of repetitions at a pace. Exactly one of Hold and Reps is
// set in a valid Timing.
type Timing struct {
	Hold time.Duration // time to hold the position; zero for repetitions
	Reps int           // repetitions; zero for a hold
	Pace time.Duration // time per repetition; only with Reps
}

// Hold returns a Timing that holds a position for d.
func Hold(d time.Duration) Timing { return Timing{Hold: d} }

// Reps returns a Timing of n repetitions of pace each.
func Reps(n int, pace time.Duration) Timing { return Timing{Reps: n, Pace: pace} }

// IsReps reports whether the timing counts repetitions rather than holding.
func (t Timing) IsReps() bool { return t.Reps > 0 }

// Duration is the time one side of the stretch takes.
func (t Timing) Duration() time.Duration {
	if t.IsReps() {
		return time.Duration(t.Reps) * t.Pace
	}
	return t.Hold
}

// Sides says which sides a step is done on. Per-side stretches default to
// SidesBoth, and the player then runs the left and the right side as two
// separate timed steps.
type Sides string

// The accepted values of Sides (and of the `sides` key in routine files).
const (
	SidesNone  Sides = "none" // done once, no side (the default for symmetric stretches)
	SidesBoth  Sides = "both" // left, then right
	SidesLeft  Sides = "left"
	SidesRight Sides = "right"
)

// Side is the side a single timed segment is done on; NoSide for
// symmetric stretches.
type Side string

// The sides of a Segment.
const (
	NoSide    Side = ""
	LeftSide  Side = "left"
	RightSide Side = "right"
)

// Stretch is one entry of the built-in stretch library. Its ID is a contract
// with the illustrations in assets/ and with user routine files.
type Stretch struct {
	ID       string
	Name     string
	Areas    []Area
	Position Position
	Cues     []string // 2–5 short instructions, in order
	Timing   Timing   // default timing for one side
	PerSide  bool     // done on the left and on the right
	Moving   bool     // the illustration alternates frames (a movement, not a hold)
	Caution  string   // shown with the stretch when there is something to watch out for
	// Action says in one short line what to do, for a reminder that
	// suggests the stretch on its own (the cues set it up step by step).
	Action string
}

// Step is one entry of a routine: either a library stretch (StretchID set,
// with its fields copied and possibly overridden) or a custom step defined by
// a user routine file.
type Step struct {
	StretchID string   // library ID; "" for a custom step
	Name      string   // display name
	Cues      []string // instructions shown while the step runs
	Timing    Timing   // time for one side
	Sides     Sides    // which sides are done
	Position  Position // may be "" for a custom step that does not say
	Areas     []Area   // may be empty for a custom step
	Moving    bool     // see Stretch.Moving
	Caution   string
	Image     string        // file of a custom step's picture (PNG or SVG); "" means the library illustration
	Rest      time.Duration // rest after each side of this step (skipped after the routine's last segment)
}

// Routine is a named sequence of steps. Built-in routines have an empty
// Source; user routines carry the file they came from.
type Routine struct {
	ID          string
	Name        string
	Description string
	Steps       []Step
	Source      string // routine file path, or "" for a built-in
	Replaces    bool   // a user routine that deliberately replaces the built-in with the same ID
}

// Segment is one timed stretch as the player runs it: a step, or one side of
// a per-side step.
type Segment struct {
	Step     int // index into Routine.Steps
	Side     Side
	Duration time.Duration
	Rest     time.Duration // rest after this segment; zero after the last one
}

// Segments expands the routine into the timed segments the player runs:
// per-side steps become a left and a right segment, and the last segment
// has no rest after it.
func (r Routine) Segments() []Segment {
	var segs []Segment
	for i, s := range r.Steps {
		d := s.Timing.Duration()
		switch s.Sides {
		case SidesBoth:
			segs = append(segs,
				Segment{Step: i, Side: LeftSide, Duration: d, Rest: s.Rest},
				Segment{Step: i, Side: RightSide, Duration: d, Rest: s.Rest})
		case SidesLeft:
			segs = append(segs, Segment{Step: i, Side: LeftSide, Duration: d, Rest: s.Rest})
		case SidesRight:
			segs = append(segs, Segment{Step: i, Side: RightSide, Duration: d, Rest: s.Rest})
		default:
			segs = append(segs, Segment{Step: i, Side: NoSide, Duration: d, Rest: s.Rest})
		}
	}
	if n := len(segs); n > 0 {
		segs[n-1].Rest = 0
	}
	return segs
}

// StepCount is the number of steps as a person counts them: a per-side
// step is one step, done on two sides. The picker, `limber routines`, the
// routine window ("Step 3 of 5 · left side") and the outcome all use it.
func (r Routine) StepCount() int { return len(r.Steps) }

// Duration is the routine's total time: every segment plus the rests between
// them. The player's short get-ready count is not included.
func (r Routine) Duration() time.Duration {
	var total time.Duration
	for _, s := range r.Segments() {
		total += s.Duration + s.Rest
	}
	return total
}

// Positions returns the positions the routine uses, in display order, so the
// picker can say "standing only" or "needs the floor".
func (r Routine) Positions() []Position {
	var out []Position
	for _, p := range Positions() {
		if slices.ContainsFunc(r.Steps, func(s Step) bool { return s.Position == p }) {
			out = append(out, p)
		}
	}
	return out
}

// Areas returns the body areas the routine covers, in display order.
func (r Routine) Areas() []Area {
	var out []Area
	for _, a := range Areas() {
		if slices.ContainsFunc(r.Steps, func(s Step) bool { return slices.Contains(s.Areas, a) }) {
			out = append(out, a)
		}
	}
	return out
}

// IsBuiltin reports whether the routine ships with Limber.
func (r Routine) IsBuiltin() bool { return r.Source == "" }
