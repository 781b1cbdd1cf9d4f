package settings

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/autostart"
	"github.com/limber-app/limber/app/ui/uitest"
	"github.com/limber-app/limber/reminders"
	"github.com/limber-app/limber/routines"
)

// The real autostart entry is what app/gui passes in.
var _ Autostart = (*autostart.Entry)(nil)

type fakeAutostart struct {
	on   bool
	sets []bool
	err  error
}

func (f *fakeAutostart) Enabled() (bool, error) { return f.on, nil }
func (f *fakeAutostart) Describe() string {
	return "Adds io.github.limber_app.limber.desktop to ~/.config/autostart, which your desktop session runs at login."
}
func (f *fakeAutostart) Set(on bool) error {
	f.sets = append(f.sets, on)
	if f.err != nil {
		return f.err
	}
	f.on = on
	return nil
}

func testRoutines() []routines.Routine {
	return []routines.Routine{{ID: "neck-reset", Name: "Neck reset"}, {ID: "desk-quick", Name: "Quick desk stretch"}}
}

func newView(t *testing.T, o Options) *View {
	t.Helper()
	test.NewTempApp(t)
	if o.Config.SittingLimit == 0 {
		o.Config = reminders.DefaultConfig()
	}
	if o.Routines == nil {
		o.Routines = testRoutines()
	}
	if o.Path == "" {
		o.Path = filepath.Join(t.TempDir(), "config.toml")
	}
	return New(o)
}

func TestDefaultsAreValid(t *testing.T) {
	v := newView(t, Options{})
	if v.save.Disabled() {
		t.Fatal("Save disabled for the defaults")
	}
	cfg, errs := v.collect()
	if len(errs) > 0 || !reflect.DeepEqual(cfg, reminders.DefaultConfig()) {
		t.Errorf("collect = %+v, %v", cfg, errs)
	}
}

func TestValidationMessages(t *testing.T) {
	tests := []struct {
		name string
		edit func(v *View)
		msg  func(v *View) *widget.Label
		want string
	}{
		{"sitting not a duration", func(v *View) { v.fields["sitting_limit"].entry.SetText("soon") },
			func(v *View) *widget.Label { return v.fields["sitting_limit"].msg }, `"soon" is not a duration`},
		{"sitting empty", func(v *View) { v.fields["sitting_limit"].entry.SetText(" ") },
			func(v *View) *widget.Label { return v.fields["sitting_limit"].msg }, "enter a duration"},
		{"sitting too long", func(v *View) { v.fields["sitting_limit"].entry.SetText("25h") },
			func(v *View) *widget.Label { return v.fields["sitting_limit"].msg }, "between 1s and 24h"},
		{"natural not shorter", func(v *View) { v.fields["natural_break"].entry.SetText("45m") },
			func(v *View) *widget.Label { return v.fields["natural_break"].msg }, "must be shorter than the sitting limit"},
		{"sitting lowered below natural", func(v *View) { v.fields["sitting_limit"].entry.SetText("4m") },
			func(v *View) *widget.Label { return v.fields["natural_break"].msg }, "must be shorter than the sitting limit"},
		{"natural negative", func(v *View) { v.fields["natural_break"].entry.SetText("-5m") },
			func(v *View) *widget.Label { return v.fields["natural_break"].msg }, "out of range"},
		{"remind again", func(v *View) { v.fields["remind_again"].entry.SetText("0s") },
			func(v *View) *widget.Label { return v.fields["remind_again"].msg }, "out of range"},
		{"snooze", func(v *View) { v.fields["snooze"].entry.SetText("10 minutes") },
			func(v *View) *widget.Label { return v.fields["snooze"].msg }, "not a duration"},
		{"max reminders word", func(v *View) { v.fields["max_reminders"].entry.SetText("three") },
			func(v *View) *widget.Label { return v.fields["max_reminders"].msg }, "whole number from 1 to 100"},
		{"max reminders range", func(v *View) { v.fields["max_reminders"].entry.SetText("0") },
			func(v *View) *widget.Label { return v.fields["max_reminders"].msg }, "out of range"},
		{"snooze limit range", func(v *View) { v.fields["snooze_limit"].entry.SetText("101") },
			func(v *View) *widget.Label { return v.fields["snooze_limit"].msg }, "out of range"},
		{"day bad range", func(v *View) {
			v.alwaysOn.SetChecked(false)
			v.days[0].mode.SetSelected(dayHours())
			v.days[0].ranges.SetText("9-5")
		}, func(v *View) *widget.Label { return v.days[0].msg }, "HH:MM-HH:MM"},
		{"day empty hours", func(v *View) {
			v.alwaysOn.SetChecked(false)
			v.days[4].mode.SetSelected(dayHours())
		}, func(v *View) *widget.Label { return v.days[4].msg }, "at least one range"},
		{"day same start and end", func(v *View) {
			v.alwaysOn.SetChecked(false)
			v.days[6].mode.SetSelected(dayHours())
			v.days[6].ranges.SetText("09:00-09:00")
		}, func(v *View) *widget.Label { return v.days[6].msg }, "starts and ends at the same time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := newView(t, Options{Save: func(reminders.Config) error { t.Error("saved"); return nil }})
			tt.edit(v)
			msg := tt.msg(v)
			if !msg.Visible() || !strings.Contains(msg.Text, tt.want) {
				t.Errorf("message = %q (visible %v), want %q", msg.Text, msg.Visible(), tt.want)
			}
			if !v.save.Disabled() {
				t.Error("Save enabled while invalid")
			}
			test.Tap(v.save)
		})
	}
}

func TestFixingAValueClearsItsMessage(t *testing.T) {
	v := newView(t, Options{})
	v.fields["sitting_limit"].entry.SetText("abc")
	v.fields["sitting_limit"].entry.SetText("1h30m")
	if v.fields["sitting_limit"].msg.Visible() || v.save.Disabled() {
		t.Errorf("after fixing: message %q visible=%v, save disabled=%v", v.fields["sitting_limit"].msg.Text, v.fields["sitting_limit"].msg.Visible(), v.save.Disabled())
	}
}

func TestAlwaysOnDisablesDays(t *testing.T) {
	v := newView(t, Options{})
	if !v.alwaysOn.Checked || !v.days[0].mode.Disabled() {
		t.Fatal("default schedule should be always on with days disabled")
	}
	v.alwaysOn.SetChecked(false)
	if v.days[0].mode.Disabled() || !v.days[0].ranges.Disabled() {
		t.Error("unchecked: mode should be enabled, ranges disabled for All day")
	}
	v.days[0].mode.SetSelected(dayHours())
	if v.days[0].ranges.Disabled() {
		t.Error("Hours: ranges should be enabled")
	}
}

func TestSaveRoundTripKeepsUnknownKeys(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	initial := "# my settings\nsitting_limit = \"50m\" # longer\nfrom_the_future = true\n\n[schedule]\nsunday = []\n"
	if err := os.WriteFile(path, []byte(initial), 0o644); err != nil {
		t.Fatal(err)
	}
	loaded, errs := reminders.LoadConfig(path)
	var saved []reminders.Config
	v := newView(t, Options{Config: loaded, Errors: errs, Path: path, Save: func(c reminders.Config) error {
		saved = append(saved, c)
		return reminders.SaveConfig(path, c)
	}})
	if v.alwaysOn.Checked || v.days[6].mode.Selected != dayOff() {
		t.Fatalf("schedule not shown: always on %v, sunday %q", v.alwaysOn.Checked, v.days[6].mode.Selected)
	}
	v.fields["sitting_limit"].entry.SetText("1h")
	v.days[0].mode.SetSelected(dayHours())
	v.days[0].ranges.SetText("09:00-12:30, 22:00-02:00")
	v.days[5].mode.SetSelected(dayOff())
	v.suggest.SetSelected("Neck reset")
	v.dnd.SetSelected(dndIgnore())
	v.checks["prompt_instead"].SetChecked(true)
	v.idle.SetSelected(idleLabel("x11"))
	v.choices["meetings"].SetSelected(choiceLabel("meetings", "ignore"))
	v.choices["posture_after_break"].SetSelected(choiceLabel("posture_after_break", "keep"))
	v.fields["standing_limit"].entry.SetText("45m")
	v.fields["lull"].entry.SetText("5s")
	v.fields["lull_wait"].entry.SetText("1m")
	v.fields["max_hold"].entry.SetText("30m")
	test.Tap(v.save)
	if len(saved) != 1 {
		t.Fatalf("Save called %d times", len(saved))
	}
	if v.status.Text != savedMessage() {
		t.Errorf("status = %q", v.status.Text)
	}
	want := reminders.DefaultConfig()
	want.SittingLimit = time.Hour
	want.Suggest = "neck-reset"
	want.DND = reminders.DNDIgnore
	want.PromptInstead = true
	want.IdleSource = "x11"
	want.Meetings = reminders.DNDIgnore
	want.PostureAfterBreak = reminders.AfterBreakKeep
	want.StandingLimit = 45 * time.Minute
	want.Lull, want.LullWait, want.MaxHold = 5*time.Second, time.Minute, 30*time.Minute
	want.Schedule.SetDay(time.Monday, reminders.Range{Start: 540, End: 750}, reminders.Range{Start: 1320, End: 120})
	want.Schedule.SetDay(time.Saturday)
	want.Schedule.SetDay(time.Sunday)
	got, errs := reminders.LoadConfig(path)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("loaded %+v\nwant %+v", got, want)
	}
	data, _ := os.ReadFile(path)
	for _, s := range []string{"# my settings", "from_the_future = true", `sitting_limit = "1h" # longer`} {
		if !strings.Contains(string(data), s) {
			t.Errorf("file lost %q:\n%s", s, data)
		}
	}
	if len(errs) != 1 || errs[0].Key != "from_the_future" {
		t.Errorf("errors after save: %v", errs)
	}
}

func TestSaveErrorShown(t *testing.T) {
	v := newView(t, Options{Save: func(reminders.Config) error { return errors.New("disk full") }})
	test.Tap(v.save)
	if !strings.Contains(v.status.Text, "disk full") || !v.status.Visible() {
		t.Errorf("status = %q", v.status.Text)
	}
}

func TestCancelWritesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.toml")
	cancelled := 0
	v := newView(t, Options{Path: path,
		Save:   func(c reminders.Config) error { return reminders.SaveConfig(path, c) },
		Cancel: func() { cancelled++ }})
	v.fields["sitting_limit"].entry.SetText("20m")
	test.Tap(v.cancel)
	if cancelled != 1 {
		t.Errorf("Cancel called %d times", cancelled)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("file written on Cancel: %v", err)
	}
}

func TestAutostart(t *testing.T) {
	t.Run("toggled on save", func(t *testing.T) {
		a := &fakeAutostart{}
		v := newView(t, Options{Autostart: a, Save: func(reminders.Config) error { return nil }})
		if v.autostart.Checked {
			t.Fatal("checked while disabled")
		}
		v.autostart.SetChecked(true)
		if len(a.sets) != 0 {
			t.Fatal("Set called before Save")
		}
		test.Tap(v.save)
		if !reflect.DeepEqual(a.sets, []bool{true}) || !a.on {
			t.Errorf("sets = %v", a.sets)
		}
		test.Tap(v.save)
		if len(a.sets) != 1 {
			t.Errorf("unchanged switch set again: %v", a.sets)
		}
	})
	t.Run("unchanged not set", func(t *testing.T) {
		a := &fakeAutostart{on: true}
		v := newView(t, Options{Autostart: a, Save: func(reminders.Config) error { return nil }})
		if !v.autostart.Checked {
			t.Fatal("not checked while enabled")
		}
		test.Tap(v.save)
		if len(a.sets) != 0 {
			t.Errorf("sets = %v", a.sets)
		}
	})
	t.Run("error reported", func(t *testing.T) {
		a := &fakeAutostart{err: errors.New("read-only home")}
		v := newView(t, Options{Autostart: a, Save: func(reminders.Config) error { return nil }})
		v.autostart.SetChecked(true)
		test.Tap(v.save)
		if !strings.Contains(v.status.Text, "read-only home") {
			t.Errorf("status = %q", v.status.Text)
		}
	})
	t.Run("hidden without autostart", func(t *testing.T) {
		if v := newView(t, Options{}); v.autostart != nil {
			t.Error("autostart control without an Autostart")
		}
	})
}

func TestSuggestKeepsUnknownRoutine(t *testing.T) {
	cfg := reminders.DefaultConfig()
	cfg.Suggest = "gone-routine"
	v := newView(t, Options{Config: cfg})
	if got, _ := v.collect(); got.Suggest != "gone-routine" {
		t.Errorf("suggest = %q", got.Suggest)
	}
	if !strings.Contains(v.suggest.Selected, "not installed") {
		t.Errorf("selected = %q", v.suggest.Selected)
	}
}

func TestConfigErrorsListed(t *testing.T) {
	errs := []reminders.ConfigError{{File: "config.toml", Line: 3, Key: "sitting_limit", Msg: `"soon" is not a duration`}}
	v := newView(t, Options{Errors: errs})
	w := test.NewWindow(v.Content())
	defer w.Close()
	if !containsText(v.Content(), `config.toml:3: sitting_limit: "soon" is not a duration`) {
		t.Error("config error not shown")
	}
}

func containsText(o fyne.CanvasObject, s string) bool {
	switch x := o.(type) {
	case *widget.Label:
		return strings.Contains(x.Text, s)
	case *fyne.Container:
		for _, c := range x.Objects {
			if containsText(c, s) {
				return true
			}
		}
	case *widget.Card:
		return containsText(x.Content, s)
	case *container.Scroll:
		return containsText(x.Content, s)
	}
	return false
}

// TestRender lays the view out at the window's size in both variants. Set
// LIMBER_SNAPSHOTS to a folder to get PNGs to look at.
func TestRender(t *testing.T) {
	for name, variant := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		t.Run(name, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(uitest.Variant(variant))
			cfg := reminders.DefaultConfig()
			cfg.Schedule.SetDay(time.Monday, reminders.Range{Start: 540, End: 1050})
			cfg.Schedule.SetDay(time.Sunday)
			v := New(Options{Config: cfg, Routines: testRoutines(), Path: "config.toml",
				Errors:    []reminders.ConfigError{{File: "config.toml", Line: 2, Key: "snooze", Msg: `"ten" is not a duration (use e.g. 45m or 1h30m)`}},
				Autostart: &fakeAutostart{}, TestReminder: func() {}})
			v.fields["natural_break"].entry.SetText("50m")
			size := fyne.NewSize(640, 720)
			if min := v.Content().MinSize(); min.Width > size.Width {
				t.Errorf("content needs %v wide; the window is %v", min.Width, size.Width)
			}
			w := test.NewWindow(v.Content())
			defer w.Close()
			w.Resize(size)
			uitest.Snapshot(t, "settings-"+name, w.Canvas().Capture())
			// The whole form unscrolled, to look at every section.
			w.SetContent(v.scroll.Content)
			w.Resize(fyne.NewSize(640, v.scroll.Content.MinSize().Height))
			uitest.Snapshot(t, "settings-"+name+"-full", w.Canvas().Capture())
		})
	}
}
