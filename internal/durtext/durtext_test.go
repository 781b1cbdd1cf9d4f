package durtext

import (
	"errors"
	"testing"
	"time"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{45 * time.Minute, "45m"},
		{90 * time.Minute, "1h30m"},
		{2 * time.Hour, "2h"},
		{24 * time.Hour, "24h"},
		{90 * time.Second, "1m30s"},
		{30 * time.Second, "30s"},
		{time.Hour + time.Second, "1h0m1s"},
		{500 * time.Millisecond, "500ms"},
		{0, "0s"},
		{-5 * time.Minute, "-5m"},
	}
	for _, tt := range tests {
		got := Format(tt.d)
		if got != tt.want {
			t.Errorf("Format(%v) = %q, want %q", tt.d, got, tt.want)
		}
		if back, err := time.ParseDuration(got); err != nil || back != tt.d {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", got, back, err, tt.d)
		}
	}
}

func TestHostileParseOutOfRange(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		err  error // nil, ErrOutOfRange, or errAny
	}{
		{"30m", 30 * time.Minute, nil},
		{"1h30m", 90 * time.Minute, nil},
		{"9999999999999h", 0, ErrOutOfRange},
		{"99999999999999999999s", 0, ErrOutOfRange},
		{"30", 0, errAny},
		{"m", 0, errAny},
		{"30 m", 0, errAny},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		switch {
		case tt.err == nil && (err != nil || d != tt.want):
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, d, err, tt.want)
		case tt.err == ErrOutOfRange && !errors.Is(err, ErrOutOfRange):
			t.Errorf("Parse(%q) err = %v, want out of range", tt.in, err)
		case tt.err == errAny && (err == nil || errors.Is(err, ErrOutOfRange)):
			t.Errorf("Parse(%q) err = %v, want a syntax error", tt.in, err)
		}
	}
}

var errAny = errors.New("any")
