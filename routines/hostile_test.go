//go:build unix

package routines

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The TestHostile tests feed the routine loader files that once hung or
// exhausted Limber, or misled the user: each must give one clear error
// with the file and line, quickly.

func TestHostileRoutineFiles(t *testing.T) {
	head := "id = \"x\"\nname = \"X\"\n"
	tests := []struct {
		name, text, want string
	}{
		{"deep inline tables", head + "x = " + strings.Repeat("{a = ", 10000) + "1" + strings.Repeat("}", 10000), "f.toml:3: TOML nested too deeply: arrays and inline tables are nested more than 32 levels deep"},
		{"deep arrays", head + "x = " + strings.Repeat("[", 400000) + strings.Repeat("]", 400000), "f.toml:3: TOML nested too deeply"},
		{"long dotted header", head + "[a" + strings.Repeat(".a", 20000) + "]", "f.toml:3: TOML nested too deeply: a key has more than 32 dotted parts"},
		{"unclosed step header", head + "[[step]\nstretch = \"neck-turn\"\n", "f.toml:3: invalid TOML"},
		{"unquoted duration", head + "[[step]]\nstretch = \"neck-turn\"\nhold = 30s\n", `f.toml:5: invalid TOML: expected a top-level item to end with a newline, comment, or EOF, but got 's' instead (durations are quoted: "30s")`},
		{"huge duration", head + "[[step]]\nstretch = \"neck-turn\"\nhold = \"9999999999999h\"\n", `f.toml:5: step[1].hold: "9999999999999h" is out of range`},
		{"long id", "id = \"" + strings.Repeat("a", 5000) + "-\"\nname = \"X\"\n[[step]]\nstretch = \"neck-turn\"\n", `f.toml:1: id: "` + strings.Repeat("a", 40) + `…" is not a valid id`},
		{"deep dotted key", head + "[[step]]\nstretch = \"neck-turn\"\n\nx.y.z = 1\n", "f.toml:6: step[1].x: unknown key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "f.toml")
			if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := CheckFile(path)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if len(err.Error()) > len(path)+400 {
				t.Errorf("message of %d bytes", len(err.Error()))
			}
		})
	}
}

func TestHostileRoutineNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "f.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.toml")); err != nil {
		t.Fatal(err)
	}
	img := "id = \"x\"\nname = \"X\"\n[[step]]\nname = \"Look\"\nhold = \"10s\"\nimage = \"pipe.png\"\n"
	if err := os.WriteFile(filepath.Join(dir, "img.toml"), []byte(img), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.png"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan Catalog, 1)
	go func() { done <- Load(dir) }()
	var c Catalog
	select {
	case c = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Load blocked")
	}
	var got []string
	for _, e := range c.Errors {
		got = append(got, strings.TrimPrefix(e.Error(), dir+string(filepath.Separator)))
	}
	want := []string{
		"f.toml: f.toml is a named pipe (FIFO), not a regular file",
		`img.toml:6: step[1].image: "pipe.png" is not a regular file (use a PNG or SVG file)`,
		"zero.toml: zero.toml is a device, not a regular file",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestHostileIsRoutineFile(t *testing.T) {
	for name, want := range map[string]bool{
		"a.toml": true, "Stretch.TOML": true, "dir/b.Toml": true,
		".hidden.toml": false, "a.toml~": false, "a.toml.swp": false, "toml": false, "a.json": false,
	} {
		if got := IsRoutineFile(name); got != want {
			t.Errorf("IsRoutineFile(%q) = %v, want %v", name, got, want)
		}
	}
}
