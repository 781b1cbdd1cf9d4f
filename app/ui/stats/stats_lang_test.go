package stats

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limber-app/limber/app/i18n/i18ntest"
	"github.com/limber-app/limber/app/ui/uitest"
)

// TestLanguagesFit renders the statistics window in every language at its
// default size (app/gui: 820×700), with the fixture's history and empty:
// no label may be cut off.
func TestLanguagesFit(t *testing.T) {
	for _, locale := range i18ntest.Locales() {
		t.Run(locale, func(t *testing.T) {
			i18ntest.Use(t, locale)
			test.NewTempApp(t)
			for _, tt := range []struct {
				what string
				o    Options
			}{
				{"history", Options{Events: fixture(t), Now: fixtureNow, Names: names}},
				{"empty", Options{Now: fixtureNow, Names: names}},
			} {
				v := New(tt.o)
				w := test.NewWindow(v.Content())
				w.Resize(fyne.NewSize(820, 700))
				uitest.AssertReadable(t, w, tt.what, nil)
				w.Close()
			}
		})
	}
}
