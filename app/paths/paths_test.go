package paths

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

func env(m map[string]string) Getenv { return func(k string) string { return m[k] } }

func TestFromEnv(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("XDG layout is Linux-specific")
	}
	tests := []struct {
		name                     string
		env                      map[string]string
		config, state, socketDir string
	}{
		{
			name:   "xdg",
			env:    map[string]string{"HOME": "/h", "XDG_CONFIG_HOME": "/c", "XDG_STATE_HOME": "/s", "XDG_RUNTIME_DIR": "/r"},
			config: "/c/limber", state: "/s/limber", socketDir: "/r/limber",
		},
		{
			name:   "home only",
			env:    map[string]string{"HOME": "/h"},
			config: "/h/.config/limber", state: "/h/.local/state/limber",
			socketDir: filepath.Join(os.TempDir(), "limber-"+strconv.Itoa(os.Getuid())),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := FromEnv(env(tt.env))
			if err != nil {
				t.Fatal(err)
			}
			if p.ConfigDir != tt.config || p.StateDir != tt.state || p.RuntimeDir != tt.socketDir {
				t.Errorf("got %+v", p)
			}
			if got := p.ConfigFile(); got != filepath.Join(tt.config, "config.toml") {
				t.Errorf("ConfigFile = %s", got)
			}
		})
	}
	if _, err := FromEnv(env(nil)); err == nil {
		t.Error("no HOME and no XDG: want an error")
	}
}

func TestMkdirPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "rt")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := MkdirPrivate(dir); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o700 {
		t.Errorf("mode = %v, want 0700", fi.Mode().Perm())
	}
}
