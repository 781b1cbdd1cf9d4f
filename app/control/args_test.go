package control

import (
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
