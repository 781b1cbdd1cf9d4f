package prompt

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/limber-app/limber/app/ui/uitest"
)

func TestFitsSmallScreens(t *testing.T) {
	test.NewTempApp(t)
	s, r := suggestion(t)
	v := New(Options{Sitting: 47 * time.Minute, Stretch: s, Routine: r, SnoozeFor: 10 * time.Minute,
		Start: func() {}, Snooze: func() {}, Skip: func() {}})
	uitest.CheckFits(t, "break window", v.Content(), DefaultSize())
}
