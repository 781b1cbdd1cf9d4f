package settings

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/limber-app/limber/app/i18n/i18ntest"
	"github.com/limber-app/limber/app/ui/uitest"
	"github.com/limber-app/limber/routines"
)

// TestLanguagesFit renders the settings window in every language at its
// default size (DefaultSize): no label may be cut off.
func TestLanguagesFit(t *testing.T) {
	for _, locale := range i18ntest.Locales() {
		t.Run(locale, func(t *testing.T) {
			i18ntest.Use(t, locale)
			v := newView(t, Options{Routines: routines.Builtin(), Autostart: &fakeAutostart{}})
			w := test.NewWindow(v.Content())
			defer w.Close()
			w.Resize(DefaultSize())
			uitest.AssertReadable(t, w, "settings", nil)
		})
	}
}
