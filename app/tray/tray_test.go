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

// TestSnoozeLabel: a greyed Snooze says when the limit is the reason, and
// stays plain when simply nothing is due.
func TestSnoozeLabel(t *testing.T) {
	tests := []struct {
		v    View
		want string
	}{
		{View{CanSnooze: true}, "Snooze"},
		{View{}, "Snooze"},
		{View{SnoozeLimit: true}, "Snooze (limit reached)"},
	}
	for _, tt := range tests {
		if got := SnoozeLabel(tt.v); got != tt.want {
			t.Errorf("SnoozeLabel(%+v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

// TestPostureLabel: the standing-desk toggle offers the other posture.
func TestPostureLabel(t *testing.T) {
	tests := []struct {
		v    View
		want string
	}{
		{View{}, "I'm standing"},
		{View{Standing: true}, "I'm sitting"},
	}
	for _, tt := range tests {
		if got := PostureLabel(tt.v); got != tt.want {
			t.Errorf("PostureLabel(%+v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}
