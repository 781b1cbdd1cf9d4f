package picker

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/limber-app/limber/app/ui/uitest"
)

func TestFitsSmallScreens(t *testing.T) {
	test.NewTempApp(t)
	v := New(Options{Catalog: testCatalog(), Start: func(string) {}})
	uitest.CheckFits(t, "picker", v.Content(), DefaultSize())
}
