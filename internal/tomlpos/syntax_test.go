package tomlpos

import "testing"

func TestHostileSyntaxHint(t *testing.T) {
	tests := []struct {
		src  string
		line int
		want string
	}{
		{"a = 1\nsitting_limit = 30m\n", 2, ` (durations are quoted: "30m")`},
		{"hold = 1m30s # long\n", 1, ` (durations are quoted: "1m30s")`},
		{"hold = 30\n", 1, ""},
		{"hold = \"30m\"\n", 1, ""},
		{"x = 1 y\n", 1, ""},
		{"x = 30m\n", 5, ""},
	}
	for _, tt := range tests {
		if got := SyntaxHint(tt.src, tt.line); got != tt.want {
			t.Errorf("SyntaxHint(%q, %d) = %q, want %q", tt.src, tt.line, got, tt.want)
		}
	}
	if got := LineAt("a = 1\n[schedule\nmonday = []\n", 15); got != 2 {
		t.Errorf("LineAt = %d, want 2", got)
	}
}

func TestHostileLineOfImplicitTable(t *testing.T) {
	l := Index("x = 1\n\na.b.c.d = 2\n[t]\nu.v = 3\n")
	for path, want := range map[string]int{"a": 3, "a.b": 3, "t.u": 5, "x": 1, "t.u.v.w": 5, "zz": 0} {
		if got := l.Line(path); got != want {
			t.Errorf("Line(%q) = %d, want %d", path, got, want)
		}
	}
}
