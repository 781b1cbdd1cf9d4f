package routines

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzParse feeds arbitrary text to the routine-file parser. It must never
// panic, every error must name the file and a line in it, and whatever it
// accepts must be a valid routine that the player can run to the end.
func FuzzParse(f *testing.F) {
	seeds, err := filepath.Glob(filepath.Join("testdata", "*.toml"))
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("id = \"x\"\nname = \"X\"\n[[step]]\nname = \"Look\"\nhold = \"10s\"\nimage = \"ok.png\"\nsides = \"both\"\n"))
	f.Add([]byte("id = \"x\"\nname = \"X\"\nstep = [{stretch = \"calf-raise\", reps = 3, pace = \"1s\", rest = \"0s\"}]\n"))

	// Nestings that once cost gigabytes or a stack overflow in the TOML
	// parser, for the fuzzer to mutate (see tomlpos.CheckDepth).
	head := "id = \"x\"\nname = \"X\"\n[[step]]\nstretch = \"neck-turn\"\n"
	for _, deep := range []string{
		"x = " + strings.Repeat("{a = ", 200) + "1" + strings.Repeat("}", 200),
		"x = " + strings.Repeat("[", 500) + strings.Repeat("]", 500),
		"[a" + strings.Repeat(".a", 300) + "]",
		"cues = [\n" + strings.Repeat("[\n", 40) + strings.Repeat("]\n", 41),
		"x = {a" + strings.Repeat(".a", 40) + " = 1}",
	} {
		f.Add([]byte(head + deep))
	}

	dir := f.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "ok.png"), pngBytes(f, 8, 8), 0o644); err != nil {
		f.Fatal(err)
	}
	file := filepath.Join(dir, "fuzz.toml")

	f.Fuzz(func(t *testing.T, data []byte) {
		lines := strings.Count(string(data), "\n") + 1
		r, _, errs := parseFormat(file, data)
		if len(errs) > 0 {
			for _, e := range errs {
				if e.File != file || e.Line < 1 || e.Line > lines || e.Msg == "" {
					t.Errorf("bad error %#v for a %d-line file", e, lines)
				}
			}
			if _, err := Parse(file, data); err == nil {
				t.Error("Parse accepted what parseFormat rejected")
			}
			return
		}
		if err := r.Validate(); err != nil {
			t.Fatalf("accepted an invalid routine: %v\n%s", err, data)
		}
		if _, err := Parse(file, data); err != nil {
			t.Fatalf("Parse rejected what the format accepted: %v", err)
		}
		if r.Duration() <= 0 || len(r.Segments()) < len(r.Steps) {
			t.Fatalf("accepted routine has duration %s and %d segments for %d steps", r.Duration(), len(r.Segments()), len(r.Steps))
		}
		t0 := time.Unix(0, 0)
		p := NewPlayer(r)
		p.Start(t0)
		p.Advance(t0.Add(MaxSteps * 2 * (MaxHold + MaxRest)))
		if o := p.Outcome(); !o.Completed || o.Active != r.Duration() {
			t.Fatalf("player outcome %+v for a routine of %s", o, r.Duration())
		}
	})
}
