package i18n

import (
	"testing"
	"time"
)

func TestDurations(t *testing.T) {
	s, m := time.Second, time.Minute
	tests := []struct {
		name string
		f    func(time.Duration) string
		d    time.Duration
		want string
	}{
		{"Seconds", Seconds, 3 * s, "3 s"},
		{"Seconds", Seconds, 2500 * time.Millisecond, "2.5 s"},
		{"Short", Short, -s, "0 s"},
		{"Short", Short, 20 * s, "20 s"},
		{"Short", Short, 2 * m, "2 min"},
		{"Short", Short, 90 * s, "1 min 30 s"},
		{"Short", Short, 2*m + 5*s + 400*time.Millisecond, "2 min 05 s"},
		{"Minutes", Minutes, -s, "0 s"},
		{"Minutes", Minutes, 0, "0 s"},
		{"Minutes", Minutes, 40 * s, "40 s"},
		{"Minutes", Minutes, 55 * s, "1 min"},
		{"Minutes", Minutes, 2*m + 10*s, "2 min"},
		{"Minutes", Minutes, 2*m + 40*s, "3 min"},
		{"Minutes", Minutes, 25 * m, "25 min"},
		{"Minutes", Minutes, 60 * m, "1 h"},
		{"Minutes", Minutes, 90 * m, "1 h 30 min"},
		{"Span", Span, 0, "0 min"},
		{"Span", Span, 29 * s, "0 min"},
		{"Span", Span, 90 * s, "2 min"},
		{"Span", Span, 42 * m, "42 min"},
		{"Span", Span, 120 * m, "2 h"},
		{"Span", Span, 185 * m, "3 h 5 min"},
		{"Long", Long, 30 * s, "less than a minute"},
		{"Long", Long, m + 59*s, "1 minute"},
		{"Long", Long, 47 * m, "47 minutes"},
		{"Long", Long, 65 * m, "1 h 5 min"},
	}
	for _, tt := range tests {
		if got := tt.f(tt.d); got != tt.want {
			t.Errorf("%s(%v) = %q, want %q", tt.name, tt.d, got, tt.want)
		}
	}
}
