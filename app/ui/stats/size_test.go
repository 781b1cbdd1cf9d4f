package stats

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/limber-app/limber/app/ui/uitest"
)

func TestFitsSmallScreens(t *testing.T) {
	test.NewTempApp(t)
	v := New(Options{Events: fixture(t), Now: fixtureNow, Names: names})
	uitest.CheckFits(t, "statistics", v.Content(), DefaultSize())
}
