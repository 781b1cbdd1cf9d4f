package settings

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/limber-app/limber/app/ui/uitest"
	"github.com/limber-app/limber/reminders"
)

func TestFitsSmallScreens(t *testing.T) {
	test.NewTempApp(t)
	v := New(Options{Config: reminders.DefaultConfig(), Routines: testRoutines(), Path: "config.toml",
		Save: func(reminders.Config) error { return nil }, Cancel: func() {}, TestReminder: func() {}})
	uitest.CheckFits(t, "settings", v.Content(), DefaultSize())
}

// TestFooterSaysWhereItSaves: before anything is saved the footer says
// where the settings will go, and only after saving that they went there.
func TestFooterSaysWhereItSaves(t *testing.T) {
	test.NewTempApp(t)
	v := New(Options{Config: reminders.DefaultConfig(), Routines: testRoutines(), Path: "config.toml",
		Save: func(reminders.Config) error { return nil }})
	texts := uitest.Texts(v.Content())
	if !slices.Contains(texts, "Saves to config.toml") || slices.Contains(texts, "Saved to config.toml") {
		t.Errorf("before saving: %q", texts)
	}
	test.Tap(v.save)
	if texts := uitest.Texts(v.Content()); !slices.Contains(texts, "Saved to config.toml") {
		t.Errorf("after saving: %q", texts)
	}
}
