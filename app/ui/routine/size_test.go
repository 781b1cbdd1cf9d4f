package routine

import (
	"testing"

	"github.com/limber-app/limber/app/ui/uitest"
	"github.com/limber-app/limber/routines"
)

func TestFitsSmallScreens(t *testing.T) {
	for _, r := range routines.Builtin() {
		v, _ := newView(t, r, newClock(), &recorder{}, true)
		uitest.CheckFits(t, r.ID, v.Content(), DefaultSize())
	}
}
