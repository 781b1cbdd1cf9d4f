package prompt

import (
	"bytes"
	"image"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/i18n/i18ntest"
	"github.com/limber-app/limber/app/ui/uitest"
	"github.com/limber-app/limber/routines"
)

func TestHeadline(t *testing.T) {
	tests := []struct {
		sitting time.Duration
		want    string
	}{
		{-time.Minute, "You have been sitting for less than a minute"},
		{0, "You have been sitting for less than a minute"},
		{59 * time.Second, "You have been sitting for less than a minute"},
		{time.Minute, "You have been sitting for 1 minute"},
		{time.Minute + 59*time.Second, "You have been sitting for 1 minute"},
		{2 * time.Minute, "You have been sitting for 2 minutes"},
		{47*time.Minute + 30*time.Second, "You have been sitting for 47 minutes"},
		{59 * time.Minute, "You have been sitting for 59 minutes"},
		{time.Hour, "You have been sitting for 1 h"},
		{time.Hour + 5*time.Minute, "You have been sitting for 1 h 5 min"},
		{2*time.Hour + 30*time.Minute, "You have been sitting for 2 h 30 min"},
		{26 * time.Hour, "You have been sitting for 26 h"},
	}
	for _, tt := range tests {
		if got := headline(tt.sitting); got != tt.want {
			t.Errorf("headline(%v) = %q, want %q", tt.sitting, got, tt.want)
		}
	}
}

func TestSnoozeLabel(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "Snooze"},
		{-time.Minute, "Snooze"},
		{30 * time.Second, "Snooze 30 s"},
		{time.Minute, "Snooze 1 min"},
		{10 * time.Minute, "Snooze 10 min"},
		{10*time.Minute + 20*time.Second, "Snooze 10 min"},
		{time.Hour, "Snooze 1 h"},
		{90 * time.Minute, "Snooze 1 h 30 min"},
	}
	for _, tt := range tests {
		if got := snoozeLabel(tt.d); got != tt.want {
			t.Errorf("snoozeLabel(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func suggestion(t *testing.T) (routines.Stretch, routines.Routine) {
	t.Helper()
	s, ok := routines.LookupStretch("shoulder-rolls")
	if !ok {
		t.Fatal("library has no shoulder-rolls stretch")
	}
	r := routines.Routine{ID: "quick", Name: "Quick standing reset", Steps: []routines.Step{
		routines.StepOf(s, 0), routines.StepOf(s, 0), routines.StepOf(s, 0), routines.StepOf(s, 0), routines.StepOf(s, 0),
	}}
	return s, r
}

func TestTexts(t *testing.T) {
	test.NewTempApp(t)
	s, r := suggestion(t)
	v := New(Options{Sitting: 47 * time.Minute, Stretch: s, Routine: r, SnoozeFor: 10 * time.Minute,
		Start: func() {}, Snooze: func() {}, Skip: func() {}})
	got := uitest.Texts(v.Content())
	for _, want := range []string{
		"You have been sitting for 47 minutes",
		"Try this: " + s.Name,
		s.Action, // what to do, not the first cue's set-up ("Stand tall")
		"Start routine",
		"Quick standing reset · 2 min",
		"Snooze 10 min",
		"Skip",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("prompt lacks %q; shows %q", want, got)
		}
	}
	if slices.Contains(got, s.Cues[0]) && s.Cues[0] != s.Action {
		t.Errorf("prompt shows the first cue %q instead of the action", s.Cues[0])
	}
	if v.picture == nil || v.picture.Image == nil {
		t.Error("the suggested stretch has no picture")
	}
	if v.startBtn.Importance != widget.HighImportance {
		t.Error("Start routine is not the primary button")
	}
}

func TestButtons(t *testing.T) {
	s, r := suggestion(t)
	for _, tt := range []struct {
		name string
		tap  func(v *View) *widget.Button
	}{
		{"start", func(v *View) *widget.Button { return v.startBtn }},
		{"snooze", func(v *View) *widget.Button { return v.snoozeBtn }},
		{"skip", func(v *View) *widget.Button { return v.skipBtn }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			var calls []string
			v := New(Options{Sitting: time.Hour, Stretch: s, Routine: r, SnoozeFor: 10 * time.Minute,
				Start:  func() { calls = append(calls, "start") },
				Snooze: func() { calls = append(calls, "snooze") },
				Skip:   func() { calls = append(calls, "skip") },
			})
			test.Tap(tt.tap(v))
			if !slices.Equal(calls, []string{tt.name}) {
				t.Fatalf("tapping %s called %v", tt.name, calls)
			}
		})
	}
}

func TestDegenerateOptions(t *testing.T) {
	test.NewTempApp(t)
	v := New(Options{}) // no stretch, no routine, no actions: must not panic
	for _, b := range []*widget.Button{v.startBtn, v.snoozeBtn, v.skipBtn} {
		if !b.Disabled() {
			t.Errorf("%q enabled without an action", b.Text)
		}
		test.Tap(b)
	}
	got := uitest.Texts(v.Content())
	if slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "Try this") }) {
		t.Errorf("a prompt without a stretch suggests one: %q", got)
	}
	if !slices.Contains(got, "Snooze") || v.routine.Visible() {
		t.Errorf("unexpected texts %q", got)
	}

	// A custom stretch without an illustration or cues still shows its name.
	w := New(Options{Stretch: routines.Stretch{ID: "not-in-library", Name: "Look out of the window"}})
	if got := uitest.Texts(w.Content()); !slices.Contains(got, "Try this: Look out of the window") {
		t.Errorf("custom stretch not shown: %q", got)
	}
}

// TestRender draws the prompt in light and dark, checks the themes differ,
// and writes PNGs to $LIMBER_SNAPSHOTS when that is set.
func TestRender(t *testing.T) {
	s, r := suggestion(t)
	var shots [2]image.Image
	for i, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		a := test.NewTempApp(t)
		a.Settings().SetTheme(uitest.Variant(variant))
		v := New(Options{Sitting: 65 * time.Minute, Stretch: s, Routine: r, SnoozeFor: 10 * time.Minute,
			Start: func() {}, Snooze: func() {}, Skip: func() {}})
		w := test.NewWindow(v.Content())
		w.Resize(fyne.NewSize(460, 420))
		shots[i] = w.Canvas().Capture()
		uitest.Snapshot(t, []string{"prompt-light", "prompt-dark"}[i], shots[i])
		w.Close()
	}
	if shots[0].At(5, 5) == shots[1].At(5, 5) {
		t.Error("light and dark renders have the same background")
	}
}

func TestThemeChangeRecoloursPicture(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(uitest.Variant(theme.VariantLight))
	s, r := suggestion(t)
	v := New(Options{Stretch: s, Routine: r})
	light, ok := v.picture.Image.(*image.RGBA)
	if !ok {
		t.Fatalf("picture is a %T, want *image.RGBA", v.picture.Image)
	}
	a.Settings().SetTheme(uitest.Variant(theme.VariantDark))
	if dark := v.picture.Image.(*image.RGBA); bytes.Equal(dark.Pix, light.Pix) {
		t.Fatal("picture kept its light colours after switching to dark")
	}
}

// TestRoutineLineUnits: the routine's length under Start uses the active
// language's units (it once wrote an English "min" in every language).
func TestRoutineLineUnits(t *testing.T) {
	reset, ok := routines.LookupBuiltin(routines.QuickStandingReset)
	if !ok {
		t.Fatal("no quick standing reset")
	}
	short := reset
	short.Steps = short.Steps[:1]
	for _, tt := range []struct {
		locale string
		r      routines.Routine
		suffix string
	}{
		{"en_US.UTF-8", reset, " min"},
		{"ru_RU.UTF-8", reset, " мин"},
		{"ru_RU.UTF-8", short, " с"},
	} {
		i18ntest.Use(t, tt.locale)
		if got := routineLine(tt.r); !strings.HasSuffix(got, tt.suffix) {
			t.Errorf("%s: routineLine = %q, want it to end in %q", tt.locale, got, tt.suffix)
		}
	}
}
