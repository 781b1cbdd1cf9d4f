package prompt

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limber-app/limber/app/i18n/i18ntest"
	"github.com/limber-app/limber/app/ui/uitest"
	"github.com/limber-app/limber/routines"
)

// TestLanguagesFit renders the break window in every language at its
// fixed size (app/gui: 460×420) with every stretch a reminder may suggest
// and every standing or seated built-in routine: no text may be cut off.
func TestLanguagesFit(t *testing.T) {
	var quick []routines.Routine
	for _, r := range routines.Builtin() {
		if ps := r.Positions(); len(ps) == 1 && (ps[0] == routines.Standing || ps[0] == routines.Seated) {
			quick = append(quick, r)
		}
	}
	for _, locale := range i18ntest.Locales() {
		t.Run(locale, func(t *testing.T) {
			i18ntest.Use(t, locale)
			test.NewTempApp(t)
			for i, s := range routines.Suggestable() {
				r := quick[i%len(quick)]
				v := New(Options{Sitting: 107 * time.Minute, Stretch: s, Routine: r, SnoozeFor: 10 * time.Minute,
					Start: func() {}, Snooze: func() {}, Skip: func() {}})
				w := test.NewWindow(v.Content())
				w.Resize(fyne.NewSize(460, 420))
				uitest.AssertReadable(t, w, s.ID+" with "+r.ID, nil)
				w.Close()
			}
		})
	}
}
