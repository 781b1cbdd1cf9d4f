package routines

import "time"

// SafetyNote is shown by the routine window and the README. It is kept here,
// next to the instructions it qualifies.
const SafetyNote = "Limber offers gentle movement ideas, not medical advice. " +
	"Move slowly and only within a comfortable range; stop if anything hurts. " +
	"For severe, sudden or lasting pain, or pain with numbness, tingling or weakness, " +
	"see a doctor or physiotherapist before stretching."

// Cautions reused by several stretches.
const (
	cautionNeck     = "Keep it gentle and slow; skip it if it brings on dizziness, tingling or pain down the arm."
	cautionFloor    = "Use a mat or rug and go only as far as is comfortable; skip it if getting down to the floor is hard."
	cautionExtend   = "Skip it if bending backwards sends pain into a leg or makes pain worse."
	cautionKnees    = "Put a folded towel under your knees if they are sensitive."
	cautionBalance  = "Keep a hand on the desk or a wall for balance."
	cautionTwist    = "Turn only as far as feels easy; never force a twist."
	cautionFigure4  = "Skip it if it strains the knee; keep the foot flexed."
	cautionGroin    = "Support your knees with pillows if your groin or knees complain."
	cautionDesk     = "Make sure the desk is steady; skip it if it pinches a shoulder."
	cautionShoulder = "Lower your arms a little if your shoulders or hands start to tingle."
)

// Library returns every built-in stretch in a stable order (grouped by body
// area). The slice is freshly built, so callers may modify it.
func Library() []Stretch {
	s := time.Second
	return []Stretch{
		// Neck
		{
			ID: "neck-side-tilt", Name: "Neck side tilt", Areas: []Area{Neck}, Position: Seated,
			Action: "Tilt one ear toward its shoulder and hold.",
			Cues: []string{
				"Sit tall and let both shoulders drop.",
				"Lower one ear toward its shoulder.",
				"Let the other arm hang heavy.",
				"Breathe slowly; keep your face soft.",
			},
			Timing: Hold(20 * s), PerSide: true, Caution: cautionNeck,
		},
		{
			ID: "chin-tuck", Name: "Chin tuck", Areas: []Area{Neck, UpperBack}, Position: Seated,
			Action: "Slide your head straight back, then let it go.",
			Cues: []string{
				"Sit tall, eyes level.",
				"Slide your head straight back, making a double chin.",
				"Hold a moment, then let it drift forward again.",
			},
			Timing: Reps(6, 4*s), Moving: true,
		},
		{
			ID: "neck-turn", Name: "Neck turn", Areas: []Area{Neck}, Position: Seated,
			Action: "Turn your head to look over one shoulder, then the other.",
			Cues: []string{
				"Sit tall with your shoulders still.",
				"Turn your head to look over one shoulder.",
				"Stop where it feels easy and breathe.",
			},
			Timing: Hold(15 * s), PerSide: true, Caution: cautionNeck,
		},

		// Shoulders
		{
			ID: "shoulder-rolls", Name: "Shoulder rolls", Areas: []Area{Shoulders, UpperBack}, Position: Standing,
			Action: "Roll your shoulders up, back and down.",
			Cues: []string{
				"Stand tall, arms loose.",
				"Lift your shoulders up toward your ears.",
				"Roll them back and let them drop down.",
			},
			Timing: Reps(8, 3*s), Moving: true,
		},
		{
			ID: "cross-body-shoulder", Name: "Cross-body shoulder stretch", Areas: []Area{Shoulders, UpperBack}, Position: Standing,
			Action: "Draw one arm across your chest and hold.",
			Cues: []string{
				"Bring one straight arm across your chest.",
				"Hook the other forearm over it and draw it closer.",
				"Keep the shoulder down, away from your ear.",
			},
			Timing: Hold(20 * s), PerSide: true,
		},
		{
			ID: "cactus-arms", Name: "Cactus arms", Areas: []Area{Shoulders, UpperBack}, Position: Standing,
			Action: "Squeeze your elbows back, then slide your arms overhead.",
			Cues: []string{
				"Raise your arms with elbows bent at a right angle.",
				"Draw the elbows back and squeeze your shoulder blades.",
				"Slide the arms up overhead, then back to the cactus.",
				"Keep your ribs down and your neck long.",
			},
			Timing: Reps(6, 5*s), Moving: true,
		},
		{
			ID: "overhead-reach", Name: "Overhead reach", Areas: []Area{Shoulders, MidBack}, Position: Standing,
			Action: "Lace your fingers and reach up tall.",
			Cues: []string{
				"Interlace your fingers.",
				"Reach up overhead and grow tall.",
				"Breathe in as you reach, out as you lower.",
			},
			Timing: Reps(4, 5*s), Moving: true,
		},
		{
			ID: "arm-opening", Name: "Arm opening", Areas: []Area{Shoulders, UpperBack, MidBack}, Position: Floor,
			Action: "Lying on your side, sweep the top arm open.",
			Cues: []string{
				"Lie on your side, knees bent, arms out in front.",
				"Sweep the top arm up and over to the other side.",
				"Let your chest turn open and follow the hand with your eyes.",
				"Bring the arm back slowly.",
			},
			Timing: Reps(5, 6*s), PerSide: true, Moving: true, Caution: cautionFloor,
		},

		// Upper back
		{
			ID: "thread-the-needle", Name: "Thread the needle", Areas: []Area{UpperBack, MidBack, Shoulders}, Position: Floor,
			Action: "On hands and knees, slide one arm under and open it up.",
			Cues: []string{
				"Start on hands and knees.",
				"Slide one arm under your body, lowering shoulder and cheek.",
				"Then open that arm up toward the ceiling.",
				"Move slowly with your breath.",
			},
			Timing: Reps(5, 6*s), PerSide: true, Moving: true, Caution: cautionKnees,
		},
		{
			ID: "desk-hug", Name: "Desk hug", Areas: []Area{UpperBack}, Position: Seated,
			Action: "Hug your shoulders and round your upper back.",
			Cues: []string{
				"Cross your arms and hold your shoulders.",
				"Round your upper back and tip your chin down.",
				"Breathe into the space between your shoulder blades.",
			},
			Timing: Hold(20 * s),
		},
		{
			ID: "shoulder-blade-squeeze", Name: "Shoulder blade squeeze", Areas: []Area{UpperBack, Shoulders}, Position: Seated,
			Action: "Draw your elbows back and squeeze your shoulder blades.",
			Cues: []string{
				"Sit tall, elbows bent at your sides.",
				"Draw the elbows back and squeeze your shoulder blades.",
				"Keep your shoulders low, then let go.",
			},
			Timing: Reps(8, 3*s), Moving: true,
		},

		// Mid back
		{
			ID: "cat-camel", Name: "Cat and camel", Areas: []Area{MidBack, LowerBack}, Position: Floor,
			Action: "On hands and knees, round your back, then let it sag.",
			Cues: []string{
				"Start on hands and knees, hands under shoulders.",
				"Round your back up and let your head hang.",
				"Then let the back sag gently and lift your gaze.",
				"Move slowly in a range that feels easy.",
			},
			Timing: Reps(8, 4*s), Moving: true, Caution: cautionKnees,
		},
		{
			ID: "seated-twist", Name: "Seated twist", Areas: []Area{MidBack}, Position: Seated,
			Action: "Turn your chest to one side, then the other.",
			Cues: []string{
				"Sit tall, feet flat.",
				"Turn your chest to one side from the waist up.",
				"Hold the backrest or armrest on that side lightly.",
				"Grow taller as you breathe in; turn a little as you breathe out.",
			},
			Timing: Hold(20 * s), PerSide: true, Caution: cautionTwist,
		},
		{
			ID: "sitting-side-bend", Name: "Sitting side bend", Areas: []Area{MidBack, LowerBack}, Position: Seated,
			Action: "Reach one arm over your head and lean sideways.",
			Cues: []string{
				"Sit tall, feet flat.",
				"Reach one arm up and over your head.",
				"Bend sideways and breathe into your ribs.",
			},
			Timing: Hold(20 * s), PerSide: true,
		},
		{
			ID: "desk-lat-stretch", Name: "Lat stretch at the desk", Areas: []Area{MidBack, Shoulders, UpperBack}, Position: Standing,
			Action: "Hands on the desk, step back and let your chest sink.",
			Cues: []string{
				"Hold the edge of the desk with both hands.",
				"Walk your feet back until your arms are straight.",
				"Push your hips back and let your chest sink between your arms.",
				"Feel the stretch along your sides and breathe.",
			},
			Timing: Hold(20 * s), Caution: cautionDesk,
		},
		{
			ID: "breast-stroke-prep", Name: "Breast stroke prep", Areas: []Area{MidBack, UpperBack}, Position: Floor,
			Action: "Lying face down, lift your head and chest a little.",
			Cues: []string{
				"Lie face down, arms by your sides.",
				"Lift your head and chest a little, arms floating.",
				"Keep your gaze on the floor, then lower slowly.",
			},
			Timing: Reps(6, 5*s), Moving: true, Caution: cautionExtend,
		},
		{
			ID: "standing-back-extension", Name: "Standing back extension", Areas: []Area{LowerBack, MidBack}, Position: Standing,
			Action: "Hands on your lower back, lean gently back.",
			Cues: []string{
				"Stand with feet apart, hands on your lower back.",
				"Lean back gently, looking slightly up.",
				"Come back up tall.",
			},
			Timing: Reps(5, 4*s), Moving: true, Caution: cautionExtend,
		},
		{
			ID: "press-up", Name: "Press-up", Areas: []Area{LowerBack, MidBack}, Position: Floor,
			Action: "Lying face down, press your chest up; hips stay down.",
			Cues: []string{
				"Lie face down, hands under your shoulders.",
				"Press your chest up; let your hips stay down.",
				"Keep your back relaxed, then lower slowly.",
			},
			Timing: Reps(6, 5*s), Moving: true, Caution: cautionExtend,
		},

		// Lower back and hips
		{
			ID: "pelvic-tilt", Name: "Pelvic tilt", Areas: []Area{LowerBack}, Position: Floor,
			Action: "Lying on your back, flatten your lower back, then let go.",
			Cues: []string{
				"Lie on your back, knees bent, feet flat.",
				"Flatten your lower back into the floor.",
				"Then let it relax back to its natural curve.",
			},
			Timing: Reps(10, 4*s), Moving: true,
		},
		{
			ID: "knee-to-chest-twist", Name: "Knee-to-chest twist", Areas: []Area{LowerBack, Hips, MidBack}, Position: Bed,
			Action: "Hug one knee in, then let it drop across your body.",
			Cues: []string{
				"Lie on your back and hug one knee to your chest.",
				"Let that knee drop across your body.",
				"Open the other arm out to the side.",
				"Hug the knee back to your chest before the next twist.",
			},
			Timing: Reps(4, 8*s), PerSide: true, Moving: true, Caution: cautionTwist,
		},
		{
			ID: "figure-4", Name: "Figure-4 stretch", Areas: []Area{Hips, LowerBack}, Position: Floor,
			Action: "Lying down, cross an ankle over a knee and draw the legs in.",
			Cues: []string{
				"Lie on your back, knees bent.",
				"Cross one ankle over the other knee.",
				"Draw the lower thigh toward your chest.",
				"Keep your head and shoulders relaxed on the floor.",
			},
			Timing: Hold(30 * s), PerSide: true,
		},
		{
			ID: "seated-figure-4", Name: "Seated figure-4", Areas: []Area{Hips, LowerBack}, Position: Seated,
			Action: "Rest an ankle on the other knee and lean forward a little.",
			Cues: []string{
				"Sit tall and rest one ankle on the other knee.",
				"Lean forward a little with a long back.",
				"Stop at the first gentle stretch in the hip.",
			},
			Timing: Hold(25 * s), PerSide: true, Caution: cautionFigure4,
		},
		{
			ID: "childs-pose", Name: "Child's pose", Areas: []Area{LowerBack, MidBack, Hips}, Position: Floor,
			Action: "Kneel, sit back to your heels and rest your forehead down.",
			Cues: []string{
				"Kneel and sit back toward your heels.",
				"Walk your hands forward on the floor.",
				"Rest your forehead down and breathe into your back.",
			},
			Timing: Hold(40 * s), Caution: cautionKnees,
		},
		{
			ID: "hip-circles", Name: "Hip circles", Areas: []Area{Hips, LowerBack}, Position: Standing,
			Action: "Hands on your hips, circle them slowly.",
			Cues: []string{
				"Stand with feet apart, hands on your hips.",
				"Circle your hips slowly.",
				"Switch direction halfway.",
			},
			Timing: Reps(8, 3*s), Moving: true,
		},
		{
			ID: "standing-side-bend", Name: "Standing side bend", Areas: []Area{MidBack, LowerBack}, Position: Standing,
			Action: "Reach one arm overhead and bend to the side.",
			Cues: []string{
				"Stand tall, feet hip-width apart.",
				"Reach one arm up and over your head.",
				"Bend sideways without leaning forward.",
			},
			Timing: Hold(15 * s), PerSide: true,
		},
		{
			ID: "standing-hip-flexor", Name: "Standing hip flexor stretch", Areas: []Area{Hips, Legs}, Position: Standing,
			Action: "Step forward, tuck your tailbone and press your hips forward.",
			Cues: []string{
				"Take a short step forward; lift the back heel.",
				"Tuck your tailbone under a little.",
				"Press your hips forward and keep your chest upright.",
			},
			Timing: Hold(20 * s), PerSide: true, Caution: cautionBalance,
		},
		{
			ID: "glute-bridge", Name: "Glute bridge", Areas: []Area{Hips, LowerBack, Legs}, Position: Floor,
			Action: "Lying on your back, lift your hips, then lower them.",
			Cues: []string{
				"Lie on your back, knees bent, feet flat.",
				"Press through your heels and lift your hips.",
				"Stop when your body is a straight line, then lower slowly.",
			},
			Timing: Reps(8, 4*s), Moving: true,
		},

		// Bed
		{
			ID: "bed-to-floor", Name: "Bed-to-floor stretch", Areas: []Area{LowerBack, MidBack}, Position: Bed,
			Action: "Sitting on the bed's edge, fold forward and hang.",
			Cues: []string{
				"Sit on the edge of the bed, feet on the floor.",
				"Fold forward slowly and let your hands reach down.",
				"Let your head hang, then roll up one vertebra at a time.",
			},
			Timing: Hold(20 * s), Caution: "Come up slowly if you feel light-headed.",
		},
		{
			ID: "bed-knee-hug", Name: "Knee hug", Areas: []Area{LowerBack, Hips}, Position: Bed,
			Action: "Lying on your back, hug both knees to your chest.",
			Cues: []string{
				"Lie on your back.",
				"Hug both knees toward your chest.",
				"Rock gently or stay still and breathe.",
			},
			Timing: Hold(30 * s),
		},
		{
			ID: "bed-full-body-reach", Name: "Full-body reach", Areas: []Area{Shoulders, MidBack, Legs}, Position: Bed,
			Action: "Lying on your back, reach long from fingers to toes.",
			Cues: []string{
				"Lie on your back.",
				"Reach your arms overhead and point your toes.",
				"Grow long as you breathe in, then relax.",
			},
			Timing: Reps(5, 6*s), Moving: true,
		},

		{
			ID: "reclined-butterfly", Name: "Reclined butterfly", Areas: []Area{Hips, LowerBack}, Position: Bed,
			Action: "Lying on your back, soles together, let your knees fall open.",
			Cues: []string{
				"Lie on your back and bring the soles of your feet together.",
				"Let your knees fall open to the sides.",
				"Tuck a pillow under each knee if the stretch feels strong.",
				"Rest your hands on your belly and breathe slowly.",
			},
			Timing: Hold(40 * s), Caution: cautionGroin,
		},
		{
			ID: "bed-cactus-arms", Name: "Chest opener on pillows", Areas: []Area{Shoulders, UpperBack}, Position: Bed,
			Action: "Lying back on a pillow, rest your arms open in a cactus shape.",
			Cues: []string{
				"Lie back with a pillow under your upper back and head.",
				"Open your arms to the sides, elbows bent at a right angle.",
				"Let the backs of your arms rest on the bed.",
				"Let your chest open; do nothing and breathe.",
			},
			Timing: Hold(40 * s), Caution: cautionShoulder,
		},
		{
			ID: "bed-figure-4", Name: "Figure-4 in bed", Areas: []Area{Hips, LowerBack}, Position: Bed,
			Action: "Lying in bed, cross an ankle over a knee and draw the legs in.",
			Cues: []string{
				"Lie on your back, knees bent, feet on the mattress.",
				"Cross one ankle over the other knee.",
				"Hold behind the lower thigh and draw it toward you.",
				"Keep your head on the pillow and your shoulders soft.",
			},
			Timing: Hold(30 * s), PerSide: true, Caution: cautionFigure4,
		},
		{
			ID: "bed-belly-breathing", Name: "Belly breathing in bed", Areas: []Area{Breathing}, Position: Bed,
			Action: "Lying down, breathe slowly into the hand on your belly.",
			Cues: []string{
				"Lie on your back; one hand on your chest, one on your belly.",
				"Breathe in through your nose; let the belly hand rise.",
				"Pause for a moment at the top.",
				"Breathe out slowly and let everything soften.",
			},
			Timing: Reps(6, 10*s), Moving: true,
		},

		// Legs
		{
			ID: "calf-raise", Name: "Calf raise", Areas: []Area{Legs}, Position: Standing,
			Action: "Rise onto your toes, then lower your heels slowly.",
			Cues: []string{
				"Stand with a hand on the desk.",
				"Rise onto your toes in one count.",
				"Lower your heels slowly over two counts.",
			},
			Timing: Reps(10, 3*s), Moving: true,
		},
		{
			ID: "standing-quad", Name: "Standing quad stretch", Areas: []Area{Legs, Hips}, Position: Standing,
			Action: "Hold one ankle behind you and stand tall.",
			Cues: []string{
				"Hold the desk with one hand.",
				"Bend one knee and hold the ankle behind you.",
				"Keep the knees close and stand tall.",
			},
			Timing: Hold(20 * s), PerSide: true, Caution: cautionBalance,
		},
		{
			ID: "standing-hamstring", Name: "Standing hamstring stretch", Areas: []Area{Legs, LowerBack}, Position: Standing,
			Action: "One heel forward, hinge at the hips with a straight back.",
			Cues: []string{
				"Put one heel forward, toes up.",
				"Bend the other knee and rest your hands on that thigh.",
				"Hinge at the hips with a straight back.",
			},
			Timing: Hold(20 * s), PerSide: true,
		},
		{
			ID: "march-in-place", Name: "March in place", Areas: []Area{Legs, Hips}, Position: Standing,
			Action: "March on the spot, swinging your arms.",
			Cues: []string{
				"Stand tall.",
				"Lift one knee, then the other.",
				"Swing your arms and keep a steady rhythm.",
			},
			Timing: Reps(20, time.Second), Moving: true,
		},

		// Wrists and hands
		{
			ID: "wrist-flexor", Name: "Wrist flexor stretch", Areas: []Area{Wrists}, Position: Seated,
			Action: "Arm out, palm away, ease your fingers back.",
			Cues: []string{
				"Hold one arm straight out, palm facing away.",
				"With the other hand, draw the fingers back gently.",
				"Keep the elbow straight but not locked.",
			},
			Timing: Hold(15 * s), PerSide: true,
		},
		{
			ID: "wrist-extensor", Name: "Wrist extensor stretch", Areas: []Area{Wrists}, Position: Seated,
			Action: "Arm out, palm down, ease the back of your hand down.",
			Cues: []string{
				"Hold one arm straight out, palm down.",
				"With the other hand, ease the back of the hand down.",
				"Keep your shoulder relaxed.",
			},
			Timing: Hold(15 * s), PerSide: true,
		},
		{
			ID: "hand-open-close", Name: "Open and close hands", Areas: []Area{Wrists}, Position: Seated,
			Action: "Make soft fists, then spread your fingers wide.",
			Cues: []string{
				"Make soft fists.",
				"Open and spread your fingers wide.",
			},
			Timing: Reps(10, 2*s), Moving: true,
		},

		// Breathing
		{
			ID: "belly-breathing", Name: "Belly breathing", Areas: []Area{Breathing}, Position: Seated,
			Action: "Breathe slowly into your belly, one hand on it.",
			Cues: []string{
				"Sit tall; one hand on your chest, one on your belly.",
				"Breathe in through your nose; let the belly rise.",
				"Breathe out slowly; let it fall.",
				"Keep the chest hand quiet.",
			},
			Timing: Reps(6, 10*s), Moving: true,
		},
		{
			ID: "standing-breath", Name: "Standing breath", Areas: []Area{Breathing, Shoulders}, Position: Standing,
			Action: "Sweep your arms up as you breathe in, down as you breathe out.",
			Cues: []string{
				"Stand tall, arms by your sides.",
				"Breathe in as your arms sweep up overhead.",
				"Breathe out as they float back down.",
			},
			Timing: Reps(5, 8*s), Moving: true,
		},
	}
}

// LookupStretch finds a library stretch by ID.
func LookupStretch(id string) (Stretch, bool) {
	for _, s := range Library() {
		if s.ID == id {
			return s, true
		}
	}
	return Stretch{}, false
}

// Suggestable returns the stretches a reminder may suggest: the standing and
// seated ones, which need nothing but a desk and a chair. Library order.
func Suggestable() []Stretch {
	var out []Stretch
	for _, s := range Library() {
		if s.Position == Standing || s.Position == Seated {
			out = append(out, s)
		}
	}
	return out
}

// StepOf turns a library stretch into a routine step with its default timing,
// both sides when it is done per side, and the given rest after it.
func StepOf(s Stretch, rest time.Duration) Step {
	sides := SidesNone
	if s.PerSide {
		sides = SidesBoth
	}
	return Step{
		StretchID: s.ID,
		Name:      s.Name,
		Cues:      append([]string(nil), s.Cues...),
		Timing:    s.Timing,
		Sides:     sides,
		Position:  s.Position,
		Areas:     append([]Area(nil), s.Areas...),
		Moving:    s.Moving,
		Caution:   s.Caution,
		Rest:      rest,
	}
}
