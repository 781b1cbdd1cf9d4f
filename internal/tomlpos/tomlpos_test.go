package tomlpos

import (
	"strings"
	"testing"
)

func TestIndex(t *testing.T) {
	src := `# comment [[step]]
id = "a" # trailing [ bracket
"quoted.key" = 1
[[step]]
  hold = "x"
cues = [
  "name = not a key",
  """
hold = also not a key
""",
]
[[step]]
name = 'it''s'
[table]
sub.key = 2
[ "spaced" . 'name' ]
x = { y = 1 }
["q]"]
a."q]1" = 2
`
	got := Index(src)
	want := map[string]int{
		"id": 2, "quoted.key": 3, "step": 4, "step[1]": 4, "step[1].hold": 5, "step[1].cues": 6,
		"step[2]": 12, "step[2].name": 13, "table": 14, "table.sub.key": 15,
		"spaced.name": 16, "spaced.name.x": 17, "q]": 18, "q].a.q]1": 19,
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("line of %q = %d, want %d", k, got[k], n)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected key %q at line %d", k, got[k])
		}
	}
	for path, line := range map[string]int{
		"step[2].hold":    12, // missing: falls back to its step
		"spaced.name.x.y": 17, // inside an inline table
		"nothing":         0,
		"":                0,
	} {
		if n := got.Line(path); n != line {
			t.Errorf("Line(%q) = %d, want %d", path, n, line)
		}
	}
}

func TestScan(t *testing.T) {
	src := "# intro\n\nsnooze = \"10m\"   # ten\nlist = [\n  1, # one\n  2,\n]\n[schedule]\nmonday = []\n[[schedule]]\nodd line\nlast = '''a\nb'''"
	type row struct {
		kind       Kind
		table, key string
		array      bool
		line       int
		text, val  string
	}
	want := []row{
		{Comment, "", "", false, 1, "# intro\n", ""},
		{Blank, "", "", false, 2, "\n", ""},
		{KeyValue, "", "snooze", false, 3, "snooze = \"10m\"   # ten\n", `"10m"`},
		{KeyValue, "", "list", false, 4, "list = [\n  1, # one\n  2,\n]\n", "[\n  1, # one\n  2,\n]"},
		{Header, "schedule", "", false, 8, "[schedule]\n", ""},
		{KeyValue, "schedule", "monday", false, 9, "monday = []\n", "[]"},
		{Header, "schedule[1]", "", true, 10, "[[schedule]]\n", ""},
		{Comment, "schedule[1]", "", false, 11, "odd line\n", ""},
		{KeyValue, "schedule[1]", "last", false, 12, "last = '''a\nb'''", "'''a\nb'''"},
	}
	got := Scan(src)
	if len(got) != len(want) {
		t.Fatalf("%d statements, want %d: %+v", len(got), len(want), got)
	}
	var joined strings.Builder
	for i, s := range got {
		joined.WriteString(src[s.Start:s.End])
		w := want[i]
		g := row{s.Kind, s.Table, s.Key, s.Array, s.Line, src[s.Start:s.End], ""}
		if s.Kind == KeyValue {
			g.val = src[s.ValStart:s.ValEnd]
		}
		if g != w {
			t.Errorf("statement %d = %+v\nwant %+v", i, g, w)
		}
	}
	if joined.String() != src {
		t.Errorf("statements do not cover the source")
	}
}

// The scanner never panics and always covers its input, whatever it is
// given (the TOML parser may not have seen it).
func FuzzScan(f *testing.F) {
	for _, s := range []string{"", "a = 1", "[x", "a = \"\"\"", "a = [\n", "'''", "x.\"y = 1", "[[a]]\nb = {c = [1, {d = 2}]}\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var b strings.Builder
		end := 0
		for _, s := range Scan(src) {
			if s.Start != end || s.End <= s.Start || s.End > len(src) {
				t.Fatalf("statement %+v does not follow offset %d", s, end)
			}
			if s.Kind == KeyValue && (s.ValStart < s.Start || s.ValEnd > s.End || s.ValEnd < s.ValStart) {
				t.Fatalf("value outside its statement: %+v", s)
			}
			b.WriteString(src[s.Start:s.End])
			end = s.End
		}
		if b.String() != src {
			t.Fatalf("statements cover %q, want %q", b.String(), src)
		}
		Index(src).Line("a.b[1].c")
	})
}
