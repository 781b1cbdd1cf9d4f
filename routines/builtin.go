package routines

import "time"

// Built-in routine IDs the app refers to by name.
const (
	// QuickStandingReset is what a stand-up reminder suggests first.
	QuickStandingReset = "quick-standing-reset"
	// DeskBreak is the seated routine for when standing is not an option.
	DeskBreak = "desk-break"
)

// Builtin returns the routines that ship with Limber, in the order the picker
// lists them. Each call builds fresh values, so callers may modify them.
//
// The sequences follow a few simple rules: warm up with easy movement before
// holds, keep the position changes few (standing, then sitting; or floor,
// then bed), follow bending backwards with a gentle forward bend (or end a
// routine lying down), end bedtime with slow breathing, and keep holds at
// 12–40 seconds.
func Builtin() []Routine {
	s := time.Second
	lib := make(map[string]Stretch)
	for _, st := range Library() {
		lib[st.ID] = st
	}
	// step copies a library stretch; an unknown ID yields a step with no name,
	// which TestBuiltinRoutinesValidate reports.
	step := func(id string) Step {
		st, ok := lib[id]
		if !ok {
			return Step{StretchID: id}
		}
		return StepOf(st, 0)
	}
	timed := func(id string, t Timing) Step {
		st := step(id)
		st.Timing = t
		return st
	}
	routine := func(id, name, desc string, rest time.Duration, steps ...Step) Routine {
		for i := range steps {
			steps[i].Rest = rest
		}
		return Routine{ID: id, Name: name, Description: desc, Steps: steps}
	}

	return []Routine{
		routine(QuickStandingReset, "Quick standing reset",
			"Two minutes on your feet: loosen shoulders, back and calves.", 3*s,
			timed("shoulder-rolls", Reps(6, 3*s)),
			timed("calf-raise", Reps(8, 3*s)),
			step("standing-side-bend"),
			step("standing-back-extension"),
			timed("standing-hamstring", Hold(12*s)),
		),
		routine(DeskBreak, "Desk break",
			"Three minutes in your chair for neck, back and hips.", 3*s,
			timed("chin-tuck", Reps(5, 4*s)),
			timed("neck-side-tilt", Hold(15*s)),
			step("shoulder-blade-squeeze"),
			timed("seated-twist", Hold(15*s)),
			timed("sitting-side-bend", Hold(12*s)),
			timed("seated-figure-4", Hold(20*s)),
		),
		routine("mid-back-release", "Mid-back release",
			"Four minutes on the floor to free up the middle of the back.", 5*s,
			step("cat-camel"),
			step("thread-the-needle"),
			timed("arm-opening", Reps(4, 6*s)),
			step("breast-stroke-prep"),
			step("childs-pose"),
		),
		routine("upper-back-neck", "Upper back and neck",
			"Shoulders standing, then neck and upper back in your chair.", 3*s,
			step("shoulder-rolls"),
			step("overhead-reach"),
			step("cross-body-shoulder"),
			step("cactus-arms"),
			step("desk-lat-stretch"),
			step("chin-tuck"),
			step("neck-side-tilt"),
			step("neck-turn"),
			step("desk-hug"),
		),
		routine("lower-back-hips", "Lower back and hips",
			"Gentle floor work for a stiff lower back and tight hips.", 5*s,
			step("pelvic-tilt"),
			step("glute-bridge"),
			step("figure-4"),
			timed("press-up", Reps(5, 5*s)),
			step("childs-pose"),
		),
		routine("morning-in-bed", "Morning in bed",
			"Wake your back up before you get out of bed.", 3*s,
			step("bed-full-body-reach"),
			step("bed-knee-hug"),
			timed("reclined-butterfly", Hold(30*s)),
			timed("knee-to-chest-twist", Reps(3, 8*s)),
			timed("bed-cactus-arms", Hold(30*s)),
			step("bed-to-floor"),
		),
		routine("bedtime-wind-down", "Bedtime wind-down",
			"Slow stretches on the floor, then in bed, to let the day go.", 5*s,
			step("childs-pose"),
			step("bed-figure-4"),
			timed("knee-to-chest-twist", Reps(3, 8*s)),
			step("reclined-butterfly"),
			step("bed-belly-breathing"),
		),
		routine("breathing-reset", "Breathing reset",
			"One minute of slow belly breathing.", 0,
			step("belly-breathing"),
		),
		routine("wrists-and-hands", "Wrists and hands",
			"Two minutes in your chair for hands that type all day.", 3*s,
			step("hand-open-close"),
			timed("wrist-flexor", Hold(20*s)),
			timed("wrist-extensor", Hold(20*s)),
		),
		routine("standing-legs-hips", "Legs and hips, standing",
			"Get the blood moving and open the hips after a long sit.", 3*s,
			step("march-in-place"),
			step("hip-circles"),
			timed("calf-raise", Reps(8, 3*s)),
			step("standing-quad"),
			step("standing-hamstring"),
			step("standing-hip-flexor"),
			timed("standing-breath", Reps(3, 8*s)),
		),
	}
}

// LookupBuiltin finds a built-in routine by ID.
func LookupBuiltin(id string) (Routine, bool) {
	for _, r := range Builtin() {
		if r.ID == id {
			return r, true
		}
	}
	return Routine{}, false
}
