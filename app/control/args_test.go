package control

import (
	"errors"
	"testing"
	"time"
)

func TestParsePause(t *testing.T) {
	tests := []struct {
		in      string
		want    Pause
		wantErr bool
	}{
		{"forever", Pause{Forever: true}, false},
		{"tomorrow", Pause{Tomorrow: true}, false},
		{"30m", Pause{For: 30 * time.Minute}, false},
		{"1h30m", Pause{For: 90 * time.Minute}, false},
		{"", Pause{}, true},
		{"banana", Pause{}, true},
		{"0s", Pause{}, true},
		{"-1h", Pause{}, true},
		{"Tomorrow", Pause{}, true},
		{"1m", Pause{For: time.Minute}, false},
		{"168h", Pause{For: 7 * 24 * time.Hour}, false},
	}
	for _, tt := range tests {
		got, err := ParsePause(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParsePause(%q) = %+v, %v; want %+v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestParseSnooze(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Duration
		wantErr bool
	}{
		{"10m", 10 * time.Minute, false},
		{"90s", 90 * time.Second, false},
		{"", 0, true},
		{"0s", 0, true},
		{"-5m", 0, true},
		{"tomorrow", 0, true},
		{"1m", time.Minute, false},
	}
	for _, tt := range tests {
		got, err := ParseSnooze(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseSnooze(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestWindowKnown(t *testing.T) {
	for _, w := range []Window{WindowRoutine, WindowPicker, WindowSettings, WindowStats, WindowPrompt} {
		if !w.Known() {
			t.Errorf("%q not known", w)
		}
	}
	for _, w := range []Window{"", "Routine", "tray", "closed"} {
		if w.Known() {
			t.Errorf("%q known", w)
		}
	}
}

// TestHostilePauseSnoozeBounds: lengths a person cannot mean are refused
// by the shared grammar, as out of range, instead of overflowing into
// nonsense ("Paused until Wed 17:03" for a pause ending in 2038).
func TestHostilePauseSnoozeBounds(t *testing.T) {
	for _, in := range []string{"1ns", "59s", "99999h", "168h1s", "2562047h"} {
		if p, err := ParsePause(in); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("ParsePause(%q) = %+v, %v; want ErrOutOfRange", in, p, err)
		}
	}
	for _, in := range []string{"1ns", "59s", "2562047h", "168h1s"} {
		if d, err := ParseSnooze(in); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("ParseSnooze(%q) = %v, %v; want ErrOutOfRange", in, d, err)
		}
	}
	if _, err := ParsePause("banana"); errors.Is(err, ErrOutOfRange) {
		t.Errorf("ParsePause(banana) is out of range, want a syntax error")
	}
}
