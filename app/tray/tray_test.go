package tray

import (
	"testing"

	"github.com/limber-app/limber/app/control"
)

// TestPauseChoicesParse: every length the Pause submenu sends is one the
// daemon accepts.
func TestPauseChoicesParse(t *testing.T) {
	for _, c := range PauseChoices {
		if _, err := control.ParsePause(c.For); err != nil {
			t.Errorf("%s sends %q: %v", c.Label, c.For, err)
		}
	}
}
