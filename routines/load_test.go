package routines

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a-office.toml":     "id = \"office\"\nname = \"Office\"\n[[step]]\nstretch = \"neck-turn\"\n",
		"b-office.toml":     "# same id again\n\nid = \"office\"\nname = \"Office 2\"\n[[step]]\nstretch = \"chin-tuck\"\n",
		"c-desk.toml":       "id = \"desk-break\"\nname = \"My desk break\"\n[[step]]\nstretch = \"desk-hug\"\n",
		"d-broken.toml":     "id = \"broken\"\nname = \"Broken\"\n[[step]]\nstretch = \"desk-hugg\"\n",
		"e-later.toml":      "id = \"later\"\nname = \"Later\"\n[[step]]\nstretch = \"calf-raise\"\n",
		"notes.txt":         "not a routine",
		".hidden.toml":      "garbage",
		"UPPER.TOML":        "id = \"upper\"\nname = \"Upper\"\n[[step]]\nstretch = \"calf-raise\"\n",
		"sub.toml/x.toml":   "garbage",
		"f-syntax.toml":     "id = ",
		"g-unreadable.toml": "",
	}
	for name, src := range files {
		writeFile(t, filepath.Join(dir, name), []byte(src))
	}
	// A dangling symlink cannot be read; it must not stop the others.
	if err := os.Remove(filepath.Join(dir, "g-unreadable.toml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere", filepath.Join(dir, "g-unreadable.toml")); err != nil {
		t.Fatal(err)
	}

	c := Load(dir)

	var gotErrs []string
	for _, e := range c.Errors {
		gotErrs = append(gotErrs, strings.TrimPrefix(e.Error(), dir+string(filepath.Separator)))
	}
	wantErrs := []string{
		`b-office.toml:3: id: "office" is already used by a-office.toml (each routine needs its own id)`,
		`d-broken.toml:4: step[1].stretch: unknown stretch "desk-hugg" (did you mean "desk-hug"?)`,
		`f-syntax.toml:1: invalid TOML: unexpected EOF; expected value`,
		`g-unreadable.toml: the file is a broken symbolic link to nowhere`,
	}
	if !slices.Equal(gotErrs, wantErrs) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(gotErrs, "\n"), strings.Join(wantErrs, "\n"))
	}

	builtins := Builtin()
	if got, want := len(c.Routines), len(builtins)+3; got != want {
		t.Fatalf("%d routines, want %d", got, want)
	}
	for i, b := range builtins {
		if r := c.Routines[i]; r.ID != b.ID {
			t.Errorf("routine %d is %q, want built-in %q in its place", i, r.ID, b.ID)
		}
	}
	var ids []string
	for _, r := range c.Routines[len(builtins):] {
		ids = append(ids, r.ID)
	}
	if want := []string{"upper", "office", "later"}; !slices.Equal(ids, want) {
		t.Errorf("user routines %v, want %v (file name order)", ids, want)
	}

	desk, ok := c.Find(DeskBreak)
	if !ok || !desk.Replaces || desk.Name != "My desk break" || desk.Source != filepath.Join(dir, "c-desk.toml") {
		t.Errorf("Find(desk-break) = %+v, %v; want the user's replacement", desk, ok)
	}
	office, _ := c.Find("office")
	if office.Name != "Office" || office.Replaces {
		t.Errorf("office = %+v; the first file wins", office)
	}
	if _, ok := c.Find("broken"); ok {
		t.Error("a broken routine was loaded")
	}
	if _, ok := c.Find("nope"); ok {
		t.Error("Find found a routine that does not exist")
	}
}

func TestLoadWithoutUserRoutines(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	writeFile(t, file, nil)
	tests := []struct {
		name    string
		dir     string
		wantErr string
	}{
		{"no folder given", "", ""},
		{"folder missing", filepath.Join(t.TempDir(), "absent"), ""},
		{"not a folder", file, file + ": cannot list routines: not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Load(tt.dir)
			if len(c.Routines) != len(Builtin()) {
				t.Errorf("%d routines, want the %d built-ins", len(c.Routines), len(Builtin()))
			}
			var got string
			if len(c.Errors) > 0 {
				got = c.Errors[0].Error()
			}
			if got != tt.wantErr || len(c.Errors) > 1 {
				t.Errorf("errors %v, want %q", c.Errors, tt.wantErr)
			}
		})
	}
}

func TestCheckFileMarksReplacement(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mine.toml")
	writeFile(t, path, []byte("id = \"breathing-reset\"\nname = \"Mine\"\n[[step]]\nstretch = \"standing-breath\"\n"))
	r, err := CheckFile(path)
	if err != nil || !r.Replaces {
		t.Errorf("CheckFile = %+v, %v; want Replaces", r, err)
	}
}

func TestCheckFileTooBig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.toml")
	writeFile(t, path, []byte(strings.Repeat("# padding\n", maxFileBytes/10+1)))
	_, err := CheckFile(path)
	if want := path + ": the file is over 1 MB; routine files are small text files"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
