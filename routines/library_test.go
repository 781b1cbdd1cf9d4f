package routines

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// fixedStretches is the contract with the illustrations: ID, position,
// per side, moving.
var fixedStretches = []struct {
	id       string
	pos      Position
	perSide  bool
	moving   bool
	wantArea Area
}{
	{"neck-side-tilt", Seated, true, false, Neck},
	{"chin-tuck", Seated, false, true, Neck},
	{"neck-turn", Seated, true, false, Neck},
	{"shoulder-rolls", Standing, false, true, Shoulders},
	{"cross-body-shoulder", Standing, true, false, Shoulders},
	{"cactus-arms", Standing, false, true, Shoulders},
	{"overhead-reach", Standing, false, true, Shoulders},
	{"arm-opening", Floor, true, true, Shoulders},
	{"thread-the-needle", Floor, true, true, UpperBack},
	{"desk-hug", Seated, false, false, UpperBack},
	{"shoulder-blade-squeeze", Seated, false, true, UpperBack},
	{"cat-camel", Floor, false, true, MidBack},
	{"seated-twist", Seated, true, false, MidBack},
	{"sitting-side-bend", Seated, true, false, MidBack},
	{"desk-lat-stretch", Standing, false, false, MidBack},
	{"breast-stroke-prep", Floor, false, true, MidBack},
	{"standing-back-extension", Standing, false, true, MidBack},
	{"press-up", Floor, false, true, MidBack},
	{"pelvic-tilt", Floor, false, true, LowerBack},
	{"knee-to-chest-twist", Bed, true, true, LowerBack},
	{"figure-4", Floor, true, false, Hips},
	{"seated-figure-4", Seated, true, false, Hips},
	{"childs-pose", Floor, false, false, LowerBack},
	{"hip-circles", Standing, false, true, Hips},
	{"standing-side-bend", Standing, true, false, LowerBack},
	{"standing-hip-flexor", Standing, true, false, Hips},
	{"glute-bridge", Floor, false, true, Hips},
	{"bed-to-floor", Bed, false, false, LowerBack},
	{"bed-knee-hug", Bed, false, false, LowerBack},
	{"bed-full-body-reach", Bed, false, true, MidBack},
	{"reclined-butterfly", Bed, false, false, Hips},
	{"bed-cactus-arms", Bed, false, false, UpperBack},
	{"bed-figure-4", Bed, true, false, Hips},
	{"bed-belly-breathing", Bed, false, true, Breathing},
	{"calf-raise", Standing, false, true, Legs},
	{"standing-quad", Standing, true, false, Legs},
	{"standing-hamstring", Standing, true, false, Legs},
	{"march-in-place", Standing, false, true, Legs},
	{"wrist-flexor", Seated, true, false, Wrists},
	{"wrist-extensor", Seated, true, false, Wrists},
	{"hand-open-close", Seated, false, true, Wrists},
	{"belly-breathing", Seated, false, true, Breathing},
	{"standing-breath", Standing, false, true, Breathing},
}

func TestLibraryMatchesFixedList(t *testing.T) {
	lib := Library()
	if len(lib) != len(fixedStretches) {
		t.Errorf("Library() has %d stretches, the fixed list %d", len(lib), len(fixedStretches))
	}
	for i, want := range fixedStretches {
		t.Run(want.id, func(t *testing.T) {
			if i < len(lib) && lib[i].ID != want.id {
				t.Errorf("Library()[%d].ID = %q, want %q (stable order)", i, lib[i].ID, want.id)
			}
			st, ok := LookupStretch(want.id)
			if !ok {
				t.Fatalf("LookupStretch(%q) not found", want.id)
			}
			if st.Position != want.pos || st.PerSide != want.perSide || st.Moving != want.moving {
				t.Errorf("got position %s, per side %v, moving %v; want %s, %v, %v",
					st.Position, st.PerSide, st.Moving, want.pos, want.perSide, want.moving)
			}
			if !slices.Contains(st.Areas, want.wantArea) {
				t.Errorf("areas %v lack %s", st.Areas, want.wantArea)
			}
		})
	}
}

func TestLibraryStretchesValidate(t *testing.T) {
	seen := map[string]bool{}
	for _, st := range Library() {
		t.Run(st.ID, func(t *testing.T) {
			if seen[st.ID] {
				t.Errorf("duplicate ID %q", st.ID)
			}
			seen[st.ID] = true
			if err := validateStretch(st); err != nil {
				t.Error(err)
			}
			if st.Timing.Duration() <= 0 {
				t.Errorf("timing %+v is not positive", st.Timing)
			}
			for _, c := range st.Cues {
				if len(c) > 70 {
					t.Errorf("cue %q is %d bytes; keep cues short", c, len(c))
				}
				if !strings.HasSuffix(c, ".") {
					t.Errorf("cue %q should be a sentence ending in a full stop", c)
				}
			}
			// A stretch can be a step on its own.
			r := Routine{ID: "one", Name: "One", Steps: []Step{StepOf(st, 0)}}
			if err := r.Validate(); err != nil {
				t.Errorf("as a one-step routine: %v", err)
			}
		})
	}
	if _, ok := LookupStretch("no-such-stretch"); ok {
		t.Error("LookupStretch found a stretch that does not exist")
	}
}

func TestLibraryIsACopy(t *testing.T) {
	a := Library()
	a[0].Cues[0] = "changed"
	a[0].Name = "changed"
	if b := Library(); b[0].Name == "changed" || b[0].Cues[0] == "changed" {
		t.Error("changing the result of Library() changed the library")
	}
}

func TestSuggestableIsStandingOrSeated(t *testing.T) {
	got := Suggestable()
	want := 0
	for _, st := range Library() {
		if st.Position == Standing || st.Position == Seated {
			want++
		}
	}
	if len(got) != want || want == 0 {
		t.Fatalf("Suggestable() has %d stretches, want %d", len(got), want)
	}
	for _, st := range got {
		if st.Position != Standing && st.Position != Seated {
			t.Errorf("%s is %s; reminders only suggest standing or seated stretches", st.ID, st.Position)
		}
	}
}

func TestSafetyNote(t *testing.T) {
	for _, want := range []string{"not medical advice", "stop if", "severe, sudden or lasting pain"} {
		if !strings.Contains(SafetyNote, want) {
			t.Errorf("SafetyNote lacks %q", want)
		}
	}
}

// promises says what each built-in routine's name and description commit it to.
var promises = map[string]struct {
	positions []Position
	min, max  time.Duration
}{
	"quick-standing-reset": {[]Position{Standing}, 100 * time.Second, 140 * time.Second},
	"desk-break":           {[]Position{Seated}, 160 * time.Second, 200 * time.Second},
	"mid-back-release":     {[]Position{Floor}, 3 * time.Minute, 5 * time.Minute},
	"upper-back-neck":      {[]Position{Standing, Seated}, 3 * time.Minute, 5 * time.Minute},
	"lower-back-hips":      {[]Position{Floor}, 3 * time.Minute, 5 * time.Minute},
	"morning-in-bed":       {[]Position{Bed}, 2 * time.Minute, 4 * time.Minute},
	"bedtime-wind-down":    {[]Position{Floor, Bed}, 3 * time.Minute, 5 * time.Minute},
	"breathing-reset":      {[]Position{Seated}, time.Minute, time.Minute},
	"wrists-and-hands":     {[]Position{Seated}, 90 * time.Second, 150 * time.Second},
	"standing-legs-hips":   {[]Position{Standing}, 3 * time.Minute, 4 * time.Minute},
}

func TestBuiltinRoutinesValidate(t *testing.T) {
	builtins := Builtin()
	if len(builtins) < 8 {
		t.Errorf("%d built-in routines, want at least 8", len(builtins))
	}
	seen := map[string]bool{}
	for _, r := range builtins {
		t.Run(r.ID, func(t *testing.T) {
			if seen[r.ID] {
				t.Errorf("duplicate routine ID %q", r.ID)
			}
			seen[r.ID] = true
			if err := r.Validate(); err != nil {
				t.Fatal(err)
			}
			if r.Source != "" || r.Replaces || !r.IsBuiltin() {
				t.Errorf("built-in has Source %q, Replaces %v", r.Source, r.Replaces)
			}
			if r.Description == "" || strings.Contains(r.Description, "\n") {
				t.Errorf("description %q should be one line", r.Description)
			}
			for i, s := range r.Steps {
				if s.StretchID == "" {
					t.Errorf("step %d is not a library stretch", i+1)
				}
				if _, ok := LookupStretch(s.StretchID); !ok {
					t.Errorf("step %d: unknown stretch %q", i+1, s.StretchID)
				}
				if s.Timing.Duration() <= 0 {
					t.Errorf("step %d: timing %+v", i+1, s.Timing)
				}
			}
			p, ok := promises[r.ID]
			if !ok {
				t.Fatalf("no promise recorded for %q; add it to the test", r.ID)
			}
			if got := r.Positions(); !slices.Equal(got, p.positions) {
				t.Errorf("positions %v, promised %v", got, p.positions)
			}
			if d := r.Duration(); d < p.min || d > p.max {
				t.Errorf("duration %s, promised %s to %s", d, p.min, p.max)
			}
			if len(r.Areas()) == 0 {
				t.Error("covers no body areas")
			}
		})
	}
	for _, id := range []string{QuickStandingReset, DeskBreak, "mid-back-release", "upper-back-neck",
		"lower-back-hips", "morning-in-bed", "bedtime-wind-down", "breathing-reset"} {
		if _, ok := LookupBuiltin(id); !ok {
			t.Errorf("required built-in %q is missing", id)
		}
	}
}

func TestRoutineSummaries(t *testing.T) {
	r, _ := LookupBuiltin(QuickStandingReset)
	// 6 reps×3s, 8×3s, 15s×2 sides, 5×4s, 12s×2 sides = 116s; 7 segments, 6 rests of 3s.
	if got, want := r.Duration(), 134*time.Second; got != want {
		t.Errorf("Duration() = %s, want %s", got, want)
	}
	segs := r.Segments()
	if len(segs) != 7 || segs[2].Side != LeftSide || segs[3].Side != RightSide || segs[6].Rest != 0 {
		t.Errorf("Segments() = %+v", segs)
	}
	if got := r.Areas(); !slices.Contains(got, Shoulders) || !slices.Contains(got, Legs) {
		t.Errorf("Areas() = %v", got)
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"hold", "hold", 0},
		{"hodl", "hold", 1},
		{"shoulder-roll", "shoulder-rolls", 1},
		{"kitten", "sitting", 3},
		{"", "abc", 3},
		{"ä", "a", 1},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestLibraryActions(t *testing.T) {
	for _, st := range Library() {
		t.Run(st.ID, func(t *testing.T) {
			if st.Action == "" || len(st.Action) > 70 || !strings.HasSuffix(st.Action, ".") {
				t.Errorf("action %q: want one sentence of at most 70 bytes", st.Action)
			}
			if slices.Contains(st.Cues, st.Action) {
				t.Errorf("action %q repeats a cue; it should say the whole movement in one line", st.Action)
			}
		})
	}
}

// TestEveryStretchIsUsed: a library stretch that no built-in routine uses
// is only reachable from user files; each one must be in a routine.
func TestEveryStretchIsUsed(t *testing.T) {
	used := map[string]bool{}
	for _, r := range Builtin() {
		for _, s := range r.Steps {
			used[s.StretchID] = true
		}
	}
	for _, st := range Library() {
		if !used[st.ID] {
			t.Errorf("%s is in no built-in routine", st.ID)
		}
	}
}

// TestBuiltinOrderRules checks the sequencing rules Builtin documents: a
// back bend is followed by a forward bend, and warm-up movements come
// before any hold.
func TestBuiltinOrderRules(t *testing.T) {
	backBends := []string{"standing-back-extension", "press-up", "breast-stroke-prep"}
	forwardBends := []string{"childs-pose", "standing-hamstring", "bed-to-floor", "desk-hug", "bed-knee-hug"}
	warmUps := []string{"march-in-place", "hip-circles", "shoulder-rolls"}
	for _, r := range Builtin() {
		held := false
		for i, s := range r.Steps {
			if slices.Contains(backBends, s.StretchID) {
				if i+1 >= len(r.Steps) || !slices.Contains(forwardBends, r.Steps[i+1].StretchID) {
					t.Errorf("%s: back bend %s is not followed by a forward bend", r.ID, s.StretchID)
				}
			}
			if slices.Contains(warmUps, s.StretchID) && held {
				t.Errorf("%s: warm-up %s comes after a hold", r.ID, s.StretchID)
			}
			held = held || !s.Timing.IsReps()
		}
	}
}

func TestStandingRoutinesAndStretches(t *testing.T) {
	var ids []string
	for _, r := range StandingRoutines(Builtin()) {
		ids = append(ids, r.ID)
	}
	if want := []string{QuickStandingReset, "standing-legs-hips"}; !slices.Equal(ids, want) {
		t.Errorf("StandingRoutines(Builtin()) = %v, want %v", ids, want)
	}
	mixed, _ := LookupBuiltin("upper-back-neck")
	if mixed.IsStanding() || (Routine{}).IsStanding() {
		t.Error("a mixed or empty routine counts as standing")
	}
	var got []string
	for _, st := range mixed.StandingStretches() {
		got = append(got, st.ID)
	}
	if want := []string{"shoulder-rolls", "overhead-reach", "cross-body-shoulder", "cactus-arms", "desk-lat-stretch"}; !slices.Equal(got, want) {
		t.Errorf("StandingStretches() = %v, want %v", got, want)
	}
	// Custom steps, repeats and steps whose position was changed are left out.
	r := Routine{Steps: []Step{
		{Name: "Look out of the window", Position: Standing, Timing: Hold(10 * time.Second)},
		StepOf(mustStretch(t, "calf-raise"), 0),
		StepOf(mustStretch(t, "calf-raise"), 0),
		StepOf(mustStretch(t, "neck-turn"), 0),
	}}
	if got := r.StandingStretches(); len(got) != 1 || got[0].ID != "calf-raise" || got[0].Action == "" {
		t.Errorf("StandingStretches() = %+v, want calf-raise once, with its action", got)
	}
}

func mustStretch(t *testing.T, id string) Stretch {
	t.Helper()
	st, ok := LookupStretch(id)
	if !ok {
		t.Fatalf("no stretch %q", id)
	}
	return st
}
