package routines

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// errorLines splits a joined error into its lines.
func errorLines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}

func TestCheckFileErrors(t *testing.T) {
	known := "neck-side-tilt, chin-tuck, neck-turn, shoulder-rolls, cross-body-shoulder, cactus-arms, " +
		"overhead-reach, arm-opening, thread-the-needle, desk-hug, shoulder-blade-squeeze, cat-camel, " +
		"seated-twist, sitting-side-bend, desk-lat-stretch, breast-stroke-prep, standing-back-extension, press-up, pelvic-tilt, " +
		"knee-to-chest-twist, figure-4, seated-figure-4, childs-pose, hip-circles, standing-side-bend, " +
		"standing-hip-flexor, glute-bridge, bed-to-floor, bed-knee-hug, bed-full-body-reach, reclined-butterfly, " +
		"bed-cactus-arms, bed-figure-4, bed-belly-breathing, calf-raise, " +
		"standing-quad, standing-hamstring, march-in-place, wrist-flexor, wrist-extensor, hand-open-close, " +
		"belly-breathing, standing-breath"
	stepKeyList := "stretch, name, cues, hold, reps, pace, sides, rest, image, position, areas, caution"
	tests := []struct {
		file string
		want []string
	}{
		{"unknown-stretch.toml", []string{
			`testdata/unknown-stretch.toml:8: step[2].stretch: unknown stretch "shoulder-roll" (did you mean "shoulder-rolls"?)`,
			`testdata/unknown-stretch.toml:11: step[3].stretch: unknown stretch "yoga-headstand" (known stretches: ` + known + `)`,
		}},
		{"bad-duration.toml", []string{
			`testdata/bad-duration.toml:3: rest: 5 is not a duration (write it in quotes, e.g. "30s" or "1m30s")`,
			`testdata/bad-duration.toml:7: step[1].hold: "banana" is not a duration (use e.g. 30s or 1m30s)`,
			`testdata/bad-duration.toml:11: step[2].reps: 0 is not allowed (use a whole number from 1 to 100)`,
			`testdata/bad-duration.toml:12: step[2].pace: "20m" is out of range (use 1s to 1m)`,
		}},
		{"empty.toml", []string{
			`testdata/empty.toml:1: step: the routine has no steps (add at least one [[step]] with stretch = "ID" or a name and hold)`,
		}},
		{"unknown-keys.toml", []string{
			`testdata/unknown-keys.toml:2: titel: unknown key (accepted: id, name, description, rest, step)`,
			`testdata/unknown-keys.toml:7: step[1].hodl: unknown key (did you mean "hold"? accepted: ` + stepKeyList + `)`,
			`testdata/unknown-keys.toml:12: step[2].colour: unknown key (accepted: ` + stepKeyList + `)`,
		}},
		{"syntax.toml", []string{
			`testdata/syntax.toml:5: invalid TOML: strings cannot contain newlines`,
		}},
		{"sides.toml", []string{
			`testdata/sides.toml:6: step[1].sides: "up" is not a side (use "both", "left", "right" or "none")`,
			`testdata/sides.toml:10: step[2].sides: "shoulder-rolls" is not done per side (use sides = "none" or leave sides out)`,
		}},
		{"images.toml", []string{
			`testdata/images.toml:7: step[1].image: "nope.png" does not exist (use a PNG or SVG path relative to the routine file)`,
			`testdata/images.toml:12: step[2].image: "../office-reset.toml.png" is outside the routine's folder (use a path inside it, e.g. "images/office-reset.toml.png")`,
			`testdata/images.toml:17: step[3].image: "photo.jpg" is not a PNG or SVG (use a .png or .svg file)`,
		}},
		{"custom.toml", []string{
			`testdata/custom.toml:1: id: "Custom Steps" is not a valid id (use lower-case letters, digits and single hyphens, e.g. "my-office-reset", at most 64 characters)`,
			`testdata/custom.toml:1: name: missing (add name = "…")`,
			`testdata/custom.toml:5: step[1]: a custom step needs a time: hold = "30s" or reps = 8 (with pace = "3s" per rep)`,
			`testdata/custom.toml:7: step[1].cues: 6 cues; the limit is 5 (keep them short)`,
			`testdata/custom.toml:11: step[2].cues: only custom steps set cues; a step with stretch = "neck-turn" uses the library's (remove stretch to define your own step)`,
			`testdata/custom.toml:16: step[3].reps: use either hold or reps, not both`,
		}},
		{"missing-file.toml", []string{
			`testdata/missing-file.toml: cannot read the file: no such file or directory`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := CheckFile(filepath.Join("testdata", tt.file))
			if got := errorLines(err); !slices.Equal(got, tt.want) {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			var fe *FileError
			if !errors.As(err, &fe) || fe.File == "" {
				t.Errorf("error %v does not wrap a *FileError", err)
			}
		})
	}
}

func TestCheckFileValid(t *testing.T) {
	r, err := CheckFile(filepath.Join("testdata", "office-reset.toml"))
	if err != nil {
		t.Fatal(err)
	}
	sec := time.Second
	want := []struct {
		id    string
		name  string
		t     Timing
		sides Sides
		rest  time.Duration
	}{
		{"shoulder-rolls", "Shoulder rolls", Reps(8, 3*sec), SidesNone, 5 * sec},
		{"standing-quad", "Standing quad stretch", Hold(20 * sec), SidesBoth, 3 * sec},
		{"neck-turn", "Neck turn", Hold(15 * sec), SidesLeft, 5 * sec},
		{"", "Look out of the window", Hold(30 * sec), SidesNone, 5 * sec},
	}
	if r.ID != "my-office-reset" || r.Name != "My office reset" || r.Description != "Two minutes between meetings" ||
		r.Source != filepath.Join("testdata", "office-reset.toml") || r.Replaces || len(r.Steps) != len(want) {
		t.Fatalf("routine %+v", r)
	}
	for i, w := range want {
		s := r.Steps[i]
		if s.StretchID != w.id || s.Name != w.name || s.Timing != w.t || s.Sides != w.sides || s.Rest != w.rest {
			t.Errorf("step %d = %+v, want %+v", i+1, s, w)
		}
	}
	if got := r.Steps[3].Cues; !slices.Equal(got, []string{"Find the farthest point you can see.", "Blink slowly."}) {
		t.Errorf("custom cues %q", got)
	}
	// 24 + 20×2 + 15 + 30 active; rests 5 after rolls, 3 after each quad side, 5 after the neck turn.
	if got := r.Duration(); got != 125*time.Second {
		t.Errorf("Duration() = %s, want 2m5s", got)
	}
	if got := r.Positions(); !slices.Equal(got, []Position{Standing, Seated}) {
		t.Errorf("Positions() = %v", got)
	}
}

func TestParseSmallRules(t *testing.T) {
	const head = "id = \"x\"\nname = \"X\"\n"
	tests := []struct {
		name string
		src  string
		want string // "" for accepted
	}{
		{"reps on a hold stretch uses the default pace", head + "[[step]]\nstretch = \"neck-turn\"\nreps = 4\n", ""},
		{"pace alone on a reps stretch", head + "[[step]]\nstretch = \"calf-raise\"\npace = \"3s\"\n", ""},
		{"pace alone on a hold stretch", head + "[[step]]\nstretch = \"neck-turn\"\npace = \"3s\"\n",
			`f.toml:5: step[1].pace: "neck-turn" is held, not repeated (set hold instead, or reps with pace)`},
		{"pace alone on a custom step", head + "[[step]]\nname = \"n\"\npace = \"3s\"\n",
			`f.toml:5: step[1].pace: pace goes with reps (add e.g. reps = 8)`},
		{"empty stretch ID", head + "[[step]]\nstretch = \"\"\n",
			`f.toml:4: step[1].stretch: is empty (use a stretch ID such as "neck-turn", or leave stretch out for a custom step)`},
		{"pace with hold", head + "[[step]]\nname = \"n\"\nhold = \"5s\"\npace = \"3s\"\n",
			`f.toml:6: step[1].pace: pace goes with reps, not hold (remove it or use reps)`},
		{"hold as a number", head + "[[step]]\nname = \"n\"\nhold = 30\n",
			`f.toml:5: step[1].hold: 30 is not a duration (write it in quotes, e.g. "30s" or "1m30s")`},
		{"hold too long", head + "[[step]]\nname = \"n\"\nhold = \"1h\"\n",
			`f.toml:5: step[1].hold: "1h" is out of range (use 1s to 10m)`},
		{"reps as a float", head + "[[step]]\nname = \"n\"\nreps = 2.5\n",
			`f.toml:5: step[1].reps: 2.5 is not allowed (use a whole number from 1 to 100)`},
		{"bad position", head + "[[step]]\nname = \"n\"\nhold = \"5s\"\nposition = \"upside-down\"\n",
			`f.toml:6: step[1].position: "upside-down" is not a position (use "standing", "seated", "floor" or "bed")`},
		{"bad area", head + "[[step]]\nname = \"n\"\nhold = \"5s\"\nareas = [\"toes\"]\n",
			`f.toml:6: step[1].areas: "toes" is not a body area (accepted: neck, shoulders, upper-back, mid-back, lower-back, hips, legs, wrists, breathing)`},
		{"step is not a table", head + "step = 3\n",
			`f.toml:3: step: must be a list of tables (write each step as a [[step]] section)`},
		{"inline steps are fine", head + "step = [{stretch = \"neck-turn\"}]\n", ""},
		{"inline step error points at step", head + "step = [\n  {stretch = \"neck-turns\"},\n]\n",
			`f.toml:3: step[1].stretch: unknown stretch "neck-turns" (did you mean "neck-turn"?)`},
		{"multi-line strings do not confuse lines", head + "description = '''\n[[step]]\nhold = 1\n'''\n[[step]]\nname = \"n\"\nhold = \"x\"\n",
			"f.toml:3: description: contains control characters such as newlines or tabs\n" +
				`f.toml:9: step[1].hold: "x" is not a duration (use e.g. 30s or 1m30s)`},
		{"quoted keys", head + "[[step]]\n\"name\" = \"n\"\n'hold' = \"x\"\n",
			`f.toml:5: step[1].hold: "x" is not a duration (use e.g. 30s or 1m30s)`},
		{"control characters in a name", "id = \"x\"\nname = \"a\\tb\"\n[[step]]\nstretch = \"neck-turn\"\n",
			`f.toml:2: name: contains control characters such as newlines or tabs`},
		{"empty custom name", head + "[[step]]\nname = \" \"\nhold = \"5s\"\n",
			`f.toml:4: step[1].name: is empty`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.toml", []byte(tt.src))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Parse error:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestTooManySteps(t *testing.T) {
	var b strings.Builder
	b.WriteString("id = \"long\"\nname = \"Long\"\n")
	for range MaxSteps + 1 {
		b.WriteString("\n[[step]]\nstretch = \"calf-raise\"\n")
	}
	_, err := Parse("long.toml", []byte(b.String()))
	want := fmt.Sprintf("long.toml:%d: step[201]: 201 steps; the limit is 200 (split it into several routines)", 3+3*MaxSteps+1)
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	// Exactly the limit is fine.
	src := strings.Replace(b.String(), "\n[[step]]\nstretch = \"calf-raise\"\n", "", 1)
	if _, err := Parse("long.toml", []byte(src)); err != nil {
		t.Errorf("%d steps: %v", MaxSteps, err)
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func pngBytes(t testing.TB, w, h int) []byte {
	t.Helper()
	var b strings.Builder
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return []byte(b.String())
}

func TestImages(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "routines")
	writeFile(t, filepath.Join(dir, "ok.png"), pngBytes(t, 100, 50))
	writeFile(t, filepath.Join(dir, "images", "edge.png"), pngBytes(t, 4096, 1))
	writeFile(t, filepath.Join(dir, "huge.png"), pngBytes(t, 4097, 10))
	writeFile(t, filepath.Join(dir, "corrupt.png"), []byte("not a png at all"))
	writeFile(t, filepath.Join(dir, "ok.svg"), []byte(`<?xml version="1.0"?><!-- hi --><svg xmlns="http://www.w3.org/2000/svg" width="64px" height="48"></svg>`))
	writeFile(t, filepath.Join(dir, "viewbox.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0,0 300 200"/>`))
	writeFile(t, filepath.Join(dir, "huge.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 5000 20"/>`))
	writeFile(t, filepath.Join(dir, "nosize.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`))
	writeFile(t, filepath.Join(dir, "html.svg"), []byte(`<html></html>`))
	writeFile(t, filepath.Join(root, "outside.png"), pngBytes(t, 10, 10))
	if err := os.Mkdir(filepath.Join(dir, "folder.png"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "outside.png"), filepath.Join(dir, "escape.png")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("ok.png", filepath.Join(dir, "inside.png")); err != nil {
		t.Fatal(err)
	}
	// Over 5 MB; the size check comes before any decoding, so a sparse file will do.
	big, err := os.Create(filepath.Join(dir, "big.png"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(MaxImageBytes + 1); err != nil {
		t.Fatal(err)
	}
	big.Close()

	tests := []struct {
		image string
		want  string // "" when accepted
	}{
		{"ok.png", ""},
		{"images/edge.png", ""},
		{"ok.svg", ""},
		{"viewbox.svg", ""},
		{"inside.png", ""},
		{"OK.PNG", `"OK.PNG" does not exist (use a PNG or SVG path relative to the routine file)`},
		{"huge.png", `"huge.png" is 4097×10 px; the limit is 4096 px a side (scale it down)`},
		{"huge.svg", `"huge.svg" is 5000×20 px; the limit is 4096 px a side (scale it down)`},
		{"big.png", `"big.png" is 5.0 MB; the limit is 5 MB (shrink or compress it)`},
		{"corrupt.png", `"corrupt.png" is not a readable PNG: png: invalid format: not a PNG file (use a .png or .svg file)`},
		{"nosize.svg", `"nosize.svg": has no usable width and height or viewBox (add e.g. viewBox="0 0 512 512")`},
		{"html.svg", `"html.svg": is not an SVG: its root element is <html>, not <svg>`},
		{"escape.png", `"escape.png" leads outside the routine's folder through a symlink (copy the image into the folder)`},
		{"../outside.png", `"../outside.png" is outside the routine's folder (use a path inside it, e.g. "images/outside.png")`},
		{"/etc/passwd.png", `"/etc/passwd.png" is outside the routine's folder (use a path inside it, e.g. "images/passwd.png")`},
		{"folder.png", `"folder.png" is not a regular file (use a PNG or SVG file)`},
		{"", `is empty (use a PNG or SVG file next to the routine, e.g. "window.png")`},
	}
	for _, tt := range tests {
		t.Run(tt.image, func(t *testing.T) {
			file := filepath.Join(dir, "r.toml")
			src := fmt.Sprintf("id = \"img\"\nname = \"Img\"\n[[step]]\nname = \"Look\"\nhold = \"10s\"\nimage = %q\n", tt.image)
			r, err := Parse(file, []byte(src))
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if got, want := r.Steps[0].Image, filepath.Join(dir, tt.image); got != want {
					t.Errorf("Image = %q, want %q", got, want)
				}
				return
			}
			want := file + ":6: step[1].image: " + tt.want
			if err == nil || err.Error() != want {
				t.Errorf("got  %v\nwant %s", err, want)
			}
		})
	}
}
