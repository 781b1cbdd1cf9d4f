package clip

import (
	"strings"
	"testing"
)

func TestHostileString(t *testing.T) {
	long := strings.Repeat("a", 5000)
	tests := []struct{ in, want string }{
		{"", ""},
		{"neck-turn", "neck-turn"},
		{strings.Repeat("x", Max), strings.Repeat("x", Max)},
		{long, strings.Repeat("a", Max) + "…"},
		{strings.Repeat("é", 50), strings.Repeat("é", Max) + "…"},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%d chars) = %q, want %q", len(tt.in), got, tt.want)
		}
	}
}
