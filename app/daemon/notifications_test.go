package daemon

import (
	"os"
	"path/filepath"
	"testing"
)

// TestIconInstalled: the installed icon is found in the user's or the
// system's data folders, and nowhere else.
func TestIconInstalled(t *testing.T) {
	home := t.TempDir()
	system := t.TempDir()
	install := func(dir string) {
		p := filepath.Join(dir, "icons", "hicolor", "scalable", "apps", appID+".svg")
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("<svg/>"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	if iconInstalled(env(map[string]string{"XDG_DATA_HOME": home, "XDG_DATA_DIRS": system})) {
		t.Error("found an icon that is not installed")
	}
	install(system)
	if !iconInstalled(env(map[string]string{"XDG_DATA_HOME": home, "XDG_DATA_DIRS": "/nonexistent:" + system})) {
		t.Error("icon in XDG_DATA_DIRS not found")
	}
	install(filepath.Join(home, ".local", "share"))
	if !iconInstalled(env(map[string]string{"HOME": home, "XDG_DATA_DIRS": "/nonexistent"})) {
		t.Error("icon in ~/.local/share not found")
	}
}

// TestIconFile: the embedded icon is written once to the cache folder.
func TestIconFile(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	path, err := iconFile()
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Size() == 0 {
		t.Fatalf("icon file %s: %v", path, err)
	}
	again, err := iconFile()
	if err != nil || again != path {
		t.Errorf("second call: %q, %v", again, err)
	}
}
