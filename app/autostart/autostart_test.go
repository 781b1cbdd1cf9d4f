package autostart

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fakeEnv(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    string
		wantErr bool
	}{
		{"xdg", map[string]string{"XDG_CONFIG_HOME": "/x/cfg", "HOME": "/h"}, "/x/cfg/autostart", false},
		{"home fallback", map[string]string{"HOME": "/h"}, "/h/.config/autostart", false},
		{"nothing", map[string]string{}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := FromEnv(fakeEnv(tt.env), "/usr/bin/limber")
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if err == nil && e.Dir != filepath.FromSlash(tt.want) {
				t.Errorf("Dir = %q, want %q", e.Dir, tt.want)
			}
		})
	}
}

func newEntry(t *testing.T) *Entry {
	t.Helper()
	e, err := FromEnv(fakeEnv(map[string]string{"XDG_CONFIG_HOME": t.TempDir()}), "/opt/limber/bin/limber")
	if err != nil {
		t.Fatal(err)
	}
	e.GOOS = "linux"
	return e
}

func TestEnableDisable(t *testing.T) {
	e := newEntry(t)
	if on, err := e.Enabled(); on || err != nil {
		t.Fatalf("fresh Enabled = %v, %v; want false, nil", on, err)
	}
	if err := e.Set(true); err != nil {
		t.Fatal(err)
	}
	if on, err := e.Enabled(); !on || err != nil {
		t.Fatalf("after Set(true) Enabled = %v, %v", on, err)
	}
	data, err := os.ReadFile(filepath.Join(e.Dir, "io.github.limber_app.limber.desktop"))
	if err != nil {
		t.Fatal(err)
	}
	keys := desktopKeys(data)
	want := map[string]string{
		"Type": "Application", "Name": "Limber", "Exec": "/opt/limber/bin/limber",
		"Icon": "io.github.limber_app.limber", "X-GNOME-Autostart-enabled": "true",
	}
	for k, v := range want {
		if keys[k] != v {
			t.Errorf("%s = %q, want %q", k, keys[k], v)
		}
	}
	if keys["Comment"] == "" {
		t.Error("Comment is missing")
	}
	fi, err := os.Stat(e.Path())
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v, want 0644", fi.Mode().Perm())
	}
	leftovers, _ := filepath.Glob(filepath.Join(e.Dir, ".*.tmp"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
	if err := e.Set(false); err != nil {
		t.Fatal(err)
	}
	if on, err := e.Enabled(); on || err != nil {
		t.Fatalf("after Set(false) Enabled = %v, %v", on, err)
	}
	if err := e.Disable(); err != nil {
		t.Errorf("Disable of a missing entry: %v", err)
	}
}

func TestEnabledHonoursSwitchOffKeys(t *testing.T) {
	tests := []struct {
		name string
		file string
		want bool
	}{
		{"plain", "[Desktop Entry]\nType=Application\nExec=limber\n", true},
		{"hidden", "[Desktop Entry]\nExec=limber\nHidden=true\n", false},
		{"hidden other group", "[Desktop Entry]\nExec=limber\n[Desktop Action x]\nHidden=true\n", true},
		{"gnome disabled", "# c\n[Desktop Entry]\nExec=limber\nX-GNOME-Autostart-enabled=false\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEntry(t)
			if err := os.MkdirAll(e.Dir, 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(e.Path(), []byte(tt.file), 0o644); err != nil {
				t.Fatal(err)
			}
			if on, err := e.Enabled(); on != tt.want || err != nil {
				t.Errorf("Enabled = %v, %v; want %v", on, err, tt.want)
			}
		})
	}
}

func TestEnableRejectsRelativeExe(t *testing.T) {
	e := newEntry(t)
	if err := e.Enable("limber"); err == nil {
		t.Fatal("Enable(relative) succeeded")
	}
	if _, err := os.Stat(e.Path()); err == nil {
		t.Error("entry written for a relative path")
	}
}

func TestExecArg(t *testing.T) {
	tests := map[string]string{
		"/usr/bin/limber":        "/usr/bin/limber",
		"/home/a b/limber":       `"/home/a b/limber"`,
		`/opt/we"ird$/limber`:    `"/opt/we\\"ird\\$/limber"`,
		"/opt/100%/limber":       "/opt/100%%/limber",
		`/opt/back\slash/limber`: `"/opt/back\\\\slash/limber"`,
	}
	for in, want := range tests {
		if got := execArg(in); got != want {
			t.Errorf("execArg(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnsupportedSystems(t *testing.T) {
	for _, goos := range []string{"darwin", "windows"} {
		t.Run(goos, func(t *testing.T) {
			e := newEntry(t)
			e.GOOS = goos
			if err := e.Set(true); err == nil {
				t.Error("Set(true) succeeded")
			}
			if on, err := e.Enabled(); on || err != nil {
				t.Errorf("Enabled = %v, %v", on, err)
			}
			d := e.Describe()
			if !strings.Contains(d, map[string]string{"darwin": "LaunchAgent", "windows": "Startup folder"}[goos]) {
				t.Errorf("Describe = %q", d)
			}
		})
	}
	e := newEntry(t)
	if d := e.Describe(); !strings.Contains(d, FileName) {
		t.Errorf("linux Describe = %q", d)
	}
}
