package tomlpos

import (
	"strings"
	"testing"
)

func TestHostileCheckDepth(t *testing.T) {
	nest := func(open, close string, n int) string {
		return strings.Repeat(open, n) + strings.Repeat(close, n)
	}
	tests := []struct {
		name, src string
		line      int // 0: accepted
	}{
		{"flat", "a = 1\n[schedule]\nmonday = [\"09:00-12:00\"]\n", 0},
		{"routine", "id = \"x\"\n[[step]]\ncues = [\"a\", \"b\"]\nstep = [{a = {b = [1, [2]]}}]\n", 0},
		{"arrays at the limit", "x = " + nest("[", "]", 4), 0},
		{"deep arrays", "a = 1\n\nx = " + nest("[", "]", 100000), 3},
		{"deep inline tables", "x = " + strings.Repeat("{a = ", 100) + "1" + strings.Repeat("}", 100), 1},
		{"deep multi-line array", "x = [\n" + strings.Repeat("[\n", 40) + "]", 33},
		{"long dotted key", "a" + strings.Repeat(".a", 40) + " = 1", 1},
		{"long dotted header", "\n[a" + strings.Repeat(".a", 20000) + "]", 2},
		{"long dotted key in inline table", "x = {a" + strings.Repeat(".a", 40) + " = 1}", 1},
		{"dots in values are not keys", "x = [" + strings.Repeat("1.5, ", 100) + "]\nt = 1979-05-27T07:32:00.5Z", 0},
		{"brackets in strings", "x = \"" + strings.Repeat("[{", 100) + "\"\ny = '" + strings.Repeat("[", 100) + "'", 0},
		{"brackets in multi-line strings", "x = \"\"\"\n" + strings.Repeat("[\n", 100) + "\"\"\"\ny = " + nest("[", "]", 40), 103},
		{"brackets in comments", "# " + strings.Repeat("[", 100) + "\nx = 1 # " + strings.Repeat("{", 100), 0},
		{"quoted dots", `"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.1.2.3.4.5.6.7.8" = 1`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckDepth(tt.src, 32)
			switch {
			case tt.line == 0 && err != nil:
				t.Fatalf("rejected: %v", err)
			case tt.line != 0 && err == nil:
				t.Fatal("accepted")
			case tt.line != 0 && err.Line != tt.line:
				t.Fatalf("line %d, want %d (%v)", err.Line, tt.line, err)
			}
		})
	}
}
