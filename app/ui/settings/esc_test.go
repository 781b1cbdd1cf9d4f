package settings

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limber-app/limber/reminders"
)

// TestEscape: Esc closes Settings at once when nothing changed, and asks
// first when something did; declining keeps the window.
func TestEscape(t *testing.T) {
	for _, tt := range []struct {
		name    string
		edit    bool
		confirm bool
		asked   int
		closed  int
	}{
		{"unchanged", false, false, 0, 1},
		{"changed, discard", true, true, 1, 1},
		{"changed, keep editing", true, false, 1, 0},
	} {
		test.NewTempApp(t)
		asked, closed := 0, 0
		v := New(Options{Config: reminders.DefaultConfig(), Routines: testRoutines(), Path: "config.toml",
			Save: func(reminders.Config) error { return nil }, Cancel: func() { closed++ },
			ConfirmDiscard: func(discard func()) {
				asked++
				if tt.confirm {
					discard()
				}
			}})
		w := test.NewWindow(v.Content())
		w.Canvas().SetOnTypedKey(v.TypedKey)
		if tt.edit {
			v.fields["sitting_limit"].entry.SetText("30m")
		}
		w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if asked != tt.asked || closed != tt.closed {
			t.Errorf("%s: asked %d, closed %d; want %d, %d", tt.name, asked, closed, tt.asked, tt.closed)
		}
		w.Close()
	}
}
