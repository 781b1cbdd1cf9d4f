package picker

import (
	"fmt"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/ui/uitest"
	"github.com/limber-app/limber/routines"
)

// step is a custom step with the given position and areas, so the tests do
// not depend on the built-in library's contents.
func step(name string, p routines.Position, areas ...routines.Area) routines.Step {
	return routines.Step{Name: name, Cues: []string{"Breathe."}, Timing: routines.Hold(20 * time.Second),
		Sides: routines.SidesNone, Position: p, Areas: areas}
}

func testCatalog() routines.Catalog {
	sides := step("Side bend", routines.Standing, routines.MidBack)
	sides.Sides = routines.SidesBoth
	return routines.Catalog{
		Routines: []routines.Routine{
			{ID: "stand", Name: "Stand up", Steps: []routines.Step{
				step("Shoulder rolls", routines.Standing, routines.Shoulders),
				step("Calf raise", routines.Standing, routines.Legs),
			}},
			{ID: "desk", Name: "My desk break", Source: "conf/routines/desk.toml", Replaces: true, Steps: []routines.Step{
				step("Chin tuck", routines.Seated, routines.Neck),
				step("Wrist stretch", routines.Seated, routines.Wrists),
			}},
			{ID: "mixed", Name: "Shoulders and neck", Steps: []routines.Step{
				step("Overhead reach", routines.Standing, routines.Shoulders),
				sides,
				step("Neck turn", routines.Seated, routines.Neck),
			}},
			{ID: "mine", Name: "Floor time", Source: "conf/routines/mine.toml", Steps: []routines.Step{
				step("Pelvic tilt", routines.Floor, routines.LowerBack),
			}},
		},
		Errors: []*routines.FileError{
			{File: "conf/routines/broken.toml", Line: 4, Field: "step[2].hold", Msg: "must be between 5s and 5m"},
			{File: "conf/routines/broken.toml", Line: 9, Field: "step[3].stretch", Msg: `unknown stretch "neck-rol"`},
			nil, // the picker must cope with a nil entry
			{File: "conf/routines/other.toml", Msg: "cannot read the file: permission denied"},
		},
	}
}

type starts struct{ ids []string }

func (s *starts) start(id string) { s.ids = append(s.ids, id) }

func newTestView(t *testing.T) (*View, *starts) {
	t.Helper()
	test.NewTempApp(t)
	s := &starts{}
	v := New(Options{Catalog: testCatalog(), Start: s.start})
	w := test.NewWindow(v.Content())
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(900, 620))
	return v, s
}

// visibleIDs names the listed entries: routine IDs, and "file:NAME" for
// broken files.
func visibleIDs(v *View) []string {
	var out []string
	for _, i := range v.visible {
		e := v.entries[i]
		if e.broken() {
			out = append(out, "file:"+filepath.Base(e.file))
		} else {
			out = append(out, e.routine.ID)
		}
	}
	return out
}

func containsText(texts []string, sub string) bool {
	return slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, sub) })
}

func TestFilters(t *testing.T) {
	all := []string{"stand", "desk", "mixed", "mine", "file:broken.toml", "file:other.toml"}
	tests := []struct {
		name           string
		position, area string
		want           []string
	}{
		{"no filter lists everything and the broken files", anyPosition(), anyArea(), all},
		{"standing", "Standing", anyArea(), []string{"stand", "mixed"}},
		{"at the desk", "At the desk", anyArea(), []string{"desk", "mixed"}},
		{"floor", "On the floor", anyArea(), []string{"mine"}},
		{"area neck", anyPosition(), "Neck", []string{"desk", "mixed"}},
		{"area legs", anyPosition(), "Legs", []string{"stand"}},
		{"standing and neck", "Standing", "Neck", []string{"mixed"}},
		{"seated and wrists", "At the desk", "Wrists", []string{"desk"}},
		{"in bed matches nothing", "In bed", anyArea(), nil},
		{"floor and neck match nothing", "On the floor", "Neck", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, _ := newTestView(t)
			v.positionSel.SetSelected(tt.position)
			v.areaSel.SetSelected(tt.area)
			if got := visibleIDs(v); !slices.Equal(got, tt.want) {
				t.Fatalf("listed %v, want %v", got, tt.want)
			}
			if len(tt.want) == 0 {
				if v.list.Visible() || !v.empty.Visible() {
					t.Fatal("an empty result must hide the list and show the message")
				}
				if !containsText(uitest.Texts(v.Content()), "No routine fits these filters") {
					t.Fatalf("no friendly message among %q", uitest.Texts(v.Content()))
				}
				if !v.startBtn.Disabled() {
					t.Fatal("Start must be disabled when nothing is listed")
				}
				test.Tap(v.showAll)
				if got := visibleIDs(v); !slices.Equal(got, all) {
					t.Fatalf("after Show all routines: %v, want %v", got, all)
				}
				if !v.list.Visible() || v.empty.Visible() {
					t.Fatal("the list must come back after clearing the filters")
				}
				return
			}
			e, ok := v.selected()
			if !ok || e.routine.ID != tt.want[0] {
				t.Fatalf("selected %+v, want the first match %q", e.routine.ID, tt.want[0])
			}
		})
	}
}

func TestFilterKeepsSelection(t *testing.T) {
	v, _ := newTestView(t)
	v.list.Select(2) // "mixed", as a click does
	v.positionSel.SetSelected("At the desk")
	if e, _ := v.selected(); e.routine.ID != "mixed" {
		t.Fatalf("selected %q after filtering, want mixed kept", e.routine.ID)
	}
}

func TestSelectionShowsSteps(t *testing.T) {
	tests := []struct {
		row       int
		title     string
		want      []string
		wantNot   []string
		startable bool
	}{
		{0, "Stand up", []string{"1. Shoulder rolls", "2. Calf raise", "Hold 20 s"}, []string{"×2", "Chin tuck"}, true},
		{2, "Shoulders and neck", []string{"1. Overhead reach", "2. Side bend", "Hold 20 s · ×2 (each side)", "3. Neck turn"}, []string{"Calf raise"}, true},
		{4, "broken.toml", []string{"Line 4: step[2].hold: must be between 5s and 5m", `Line 9: step[3].stretch: unknown stretch "neck-rol"`, "cannot be started"}, []string{"Shoulder rolls"}, false},
		{5, "other.toml", []string{"cannot read the file: permission denied"}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			v, _ := newTestView(t)
			v.list.Select(tt.row)
			if v.title.Text != tt.title {
				t.Fatalf("preview title %q, want %q", v.title.Text, tt.title)
			}
			texts := append(uitest.Texts(v.steps), v.summary.Text)
			for _, w := range tt.want {
				if !containsText(texts, w) {
					t.Errorf("preview lacks %q; has %q", w, texts)
				}
			}
			for _, w := range tt.wantNot {
				if containsText(texts, w) {
					t.Errorf("preview shows %q; has %q", w, texts)
				}
			}
			if v.startBtn.Disabled() == tt.startable {
				t.Errorf("Start disabled = %v, want %v", v.startBtn.Disabled(), !tt.startable)
			}
		})
	}
}

func TestStartByButtonAndKeys(t *testing.T) {
	key := func(v *View, name fyne.KeyName) { v.TypedKey(&fyne.KeyEvent{Name: name}) }
	tests := []struct {
		name string
		do   func(v *View)
		want []string
	}{
		{"button starts the first routine", func(v *View) { test.Tap(v.startBtn) }, []string{"stand"}},
		{"Enter starts the selected", func(v *View) { key(v, fyne.KeyDown); key(v, fyne.KeyReturn) }, []string{"desk"}},
		{"keypad Enter too", func(v *View) { key(v, fyne.KeyDown); key(v, fyne.KeyDown); key(v, fyne.KeyEnter) }, []string{"mixed"}},
		{"Up stops at the top", func(v *View) { key(v, fyne.KeyUp); key(v, fyne.KeyReturn) }, []string{"stand"}},
		{"Down then Up", func(v *View) { key(v, fyne.KeyDown); key(v, fyne.KeyDown); key(v, fyne.KeyUp); test.Tap(v.startBtn) }, []string{"desk"}},
		{"clicked row", func(v *View) { v.list.Select(3); test.Tap(v.startBtn) }, []string{"mine"}},
		{"filtered list", func(v *View) { v.areaSel.SetSelected("Neck"); key(v, fyne.KeyDown); key(v, fyne.KeyReturn) }, []string{"mixed"}},
		{"End selects a broken file: Enter does nothing", func(v *View) { key(v, fyne.KeyEnd); key(v, fyne.KeyReturn) }, nil},
		{"a broken file is not startable by button", func(v *View) { v.list.Select(4); test.Tap(v.startBtn) }, nil},
		{"Down stops at the bottom", func(v *View) {
			for range 10 {
				key(v, fyne.KeyDown)
			}
			key(v, fyne.KeyReturn)
		}, nil},
		{"other keys and nil are ignored", func(v *View) { key(v, fyne.KeyA); v.TypedKey(nil); key(v, fyne.KeyReturn) }, []string{"stand"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, s := newTestView(t)
			tt.do(v)
			if !slices.Equal(s.ids, tt.want) {
				t.Fatalf("Start called with %v, want %v", s.ids, tt.want)
			}
		})
	}
}

func TestListRows(t *testing.T) {
	v, _ := newTestView(t)
	row := newRow()
	tests := []struct {
		id       int
		name     string
		info     string
		greyed   bool
		hasBadge bool
	}{
		{0, "Stand up", "40 s · Standing · Shoulders, legs", false, false},
		{1, "My desk break", "replaces the built-in", false, false},
		{3, "Floor time", "your routine", false, false},
		{4, "broken.toml", "Cannot be used: 2 problems", true, true},
		{5, "other.toml", "Cannot be used: cannot read the file: permission denied", true, true},
	}
	for _, tt := range tests {
		updateRow(row, v.entries[v.visible[tt.id]])
		texts := uitest.Texts(row)
		if len(texts) != 2 || texts[0] != tt.name || !strings.Contains(texts[1], tt.info) {
			t.Errorf("row %d shows %q, want %q and %q", tt.id, texts, tt.name, tt.info)
		}
		name := row.(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*widget.Label)
		if greyed := name.Importance == widget.LowImportance; greyed != tt.greyed {
			t.Errorf("row %d greyed = %v, want %v", tt.id, greyed, tt.greyed)
		}
		if badge := row.(*fyne.Container).Objects[1].Visible(); badge != tt.hasBadge {
			t.Errorf("row %d warning icon = %v, want %v", tt.id, badge, tt.hasBadge)
		}
	}
}

func TestReplacedBuiltinLabelled(t *testing.T) {
	v, _ := newTestView(t)
	v.list.Select(1)
	if !strings.Contains(v.origin.Text, "replaces the built-in") || !strings.Contains(v.origin.Text, "desk.toml") {
		t.Fatalf("origin %q should name the file and say it replaces the built-in", v.origin.Text)
	}
	v.list.Select(0)
	if v.origin.Visible() {
		t.Fatalf("a built-in shows an origin line %q", v.origin.Text)
	}
}

func TestDegenerateOptions(t *testing.T) {
	test.NewTempApp(t)
	// No Start: the preview works and the button stays disabled.
	v := New(Options{Catalog: testCatalog()})
	test.Tap(v.startBtn)
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !v.startBtn.Disabled() {
		t.Error("Start enabled without a Start callback")
	}
	// An empty catalog: a message, no panic on keys.
	e := New(Options{Start: func(string) { t.Error("Start called on an empty catalog") }})
	for _, k := range []fyne.KeyName{fyne.KeyDown, fyne.KeyUp, fyne.KeyEnd, fyne.KeyReturn} {
		e.TypedKey(&fyne.KeyEvent{Name: k})
	}
	if !containsText(uitest.Texts(e.Content()), "no routines") || e.showAll.Visible() {
		t.Errorf("empty catalog shows %q", uitest.Texts(e.Content()))
	}
}

// TestRender draws the picker with the real catalog in light and dark, checks
// that the themes differ, and writes the PNGs to $LIMBER_SNAPSHOTS when
// that is set (for looking at them; they are not golden files).
func TestRender(t *testing.T) {
	var shots [2]image.Image
	for i, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(uitest.Variant(variant))
		c := routines.Catalog{Routines: routines.Builtin(), Errors: testCatalog().Errors}
		user := testCatalog().Routines[1]
		user.ID = routines.DeskBreak
		c.Routines[1] = user
		v := New(Options{Catalog: c, Start: func(string) {}})
		w := test.NewWindow(v.Content())
		w.Resize(fyne.NewSize(900, 620))
		v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		shots[i] = w.Canvas().Capture()
		if os.Getenv(uitest.SnapshotsEnv) != "" {
			uitest.Snapshot(t, []string{"picker-light", "picker-dark"}[i], shots[i])
			v.list.Select(len(v.visible) - 2)
			uitest.Snapshot(t, []string{"picker-broken-light", "picker-broken-dark"}[i], w.Canvas().Capture())
			v.positionSel.SetSelected("In bed")
			v.areaSel.SetSelected("Wrists")
			uitest.Snapshot(t, []string{"picker-empty-light", "picker-empty-dark"}[i], w.Canvas().Capture())
		}
		w.Close()
	}
	if shots[0].At(10, 10) == shots[1].At(10, 10) {
		t.Error("light and dark renders have the same background")
	}
}

func TestThemeChangeRecoloursPictures(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(uitest.Variant(theme.VariantLight))
	s, ok := routines.LookupStretch("calf-raise")
	if !ok {
		t.Fatal("library has no calf-raise stretch")
	}
	c := routines.Catalog{Routines: []routines.Routine{{ID: "r", Name: "R", Steps: []routines.Step{routines.StepOf(s, 0)}}}}
	v := New(Options{Catalog: c})
	picture := func() string {
		row := v.steps.Objects[0].(*fyne.Container)
		for _, o := range row.Objects {
			if img, ok := o.(*canvas.Image); ok && img.Image != nil {
				return fingerprint(img.Image)
			}
		}
		t.Fatal("step row without a picture")
		return ""
	}
	light := picture()
	a.Settings().SetTheme(uitest.Variant(theme.VariantDark))
	if dark := picture(); dark == light {
		t.Fatalf("picture %q kept its light colours after switching to dark", dark)
	}
}

// fingerprint sums a picture's pixels, enough to tell two colourings apart.
func fingerprint(img image.Image) string {
	var r, g, b uint64
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			r, g, b = r+uint64(cr), g+uint64(cg), b+uint64(cb)
		}
	}
	return fmt.Sprintf("%d/%d/%d", r, g, b)
}

func TestFormatting(t *testing.T) {
	s := time.Second
	for _, tt := range []struct {
		step routines.Step
		want string
	}{
		{routines.Step{Timing: routines.Hold(20 * s)}, "Hold 20 s"},
		{routines.Step{Timing: routines.Hold(20 * s), Sides: routines.SidesBoth}, "Hold 20 s · ×2 (each side)"},
		{routines.Step{Timing: routines.Hold(90 * s), Sides: routines.SidesLeft}, "Hold 1 min 30 s · left side"},
		{routines.Step{Timing: routines.Reps(8, 3*s), Sides: routines.SidesRight}, "8 reps · 24 s · right side"},
		{routines.Step{Timing: routines.Reps(20, 3*s)}, "20 reps · 1 min"},
	} {
		if got := stepTiming(tt.step); got != tt.want {
			t.Errorf("stepTiming(%+v) = %q, want %q", tt.step.Timing, got, tt.want)
		}
	}
	if got := areaLabel(routines.UpperBack, false); got != "Upper back" {
		t.Errorf("areaLabel(upper-back) = %q", got)
	}
	if got := positionLabel(routines.Seated, false); got != "At the desk" {
		t.Errorf("positionLabel(seated) = %q", got)
	}
	if got := positionLabel("hanging", false); got != "Hanging" {
		t.Errorf("positionLabel(unknown) = %q", got)
	}
}
