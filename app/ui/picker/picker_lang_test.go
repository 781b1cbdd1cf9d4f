package picker

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limber-app/limber/app/i18n/i18ntest"
	"github.com/limber-app/limber/app/ui/uitest"
	"github.com/limber-app/limber/routines"
)

// TestLanguagesFit renders the picker with the built-in routines in every
// language at its default size (app/gui: 900×620) and previews each
// routine: no list row, filter or preview text may be cut off.
func TestLanguagesFit(t *testing.T) {
	for _, locale := range i18ntest.Locales() {
		t.Run(locale, func(t *testing.T) {
			i18ntest.Use(t, locale)
			test.NewTempApp(t)
			v := New(Options{Catalog: routines.Catalog{Routines: routines.Builtin()}, Start: func(string) {}})
			w := test.NewWindow(v.Content())
			defer w.Close()
			w.Resize(fyne.NewSize(900, 620))
			for i := range v.visible {
				v.list.Select(i)
				uitest.AssertReadable(t, w, "routine "+v.entries[v.visible[i]].routine.ID, nil)
			}
		})
	}
}
