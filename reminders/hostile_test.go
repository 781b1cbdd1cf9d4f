//go:build unix

package reminders

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The TestHostile tests feed the config loader files that once hung,
// exhausted or misled Limber: each must give the defaults and one clear
// error naming the file and, where there is one, the line.

// loadWithin fails the test if LoadConfig does not return within a few
// seconds (a FIFO or a device would block it).
func loadWithin(t *testing.T, path string, known func(string) bool) (Config, []ConfigError) {
	t.Helper()
	type result struct {
		cfg  Config
		errs []ConfigError
	}
	done := make(chan result, 1)
	go func() {
		cfg, errs := LoadConfigChecked(path, known)
		done <- result{cfg, errs}
	}()
	select {
	case r := <-done:
		return r.cfg, r.errs
	case <-time.After(10 * time.Second):
		t.Fatal("LoadConfig did not return")
		return Config{}, nil
	}
}

func TestHostileConfigFiles(t *testing.T) {
	nested := func(open, close string, n int) string {
		return strings.Repeat(open, n) + strings.Repeat(close, n)
	}
	tests := []struct {
		name string
		text string
		want string // substring of the single error, with file and line
	}{
		{"deep inline tables", "\nx = " + strings.Repeat("{a = ", 10000) + "1" + strings.Repeat("}", 10000), "config.toml:2: TOML nested too deeply: arrays and inline tables are nested more than 32 levels deep"},
		{"deep arrays", "x = " + nested("[", "]", 20000), "config.toml:1: TOML nested too deeply"},
		{"long dotted header", "[a" + strings.Repeat(".a", 20000) + "]", "config.toml:1: TOML nested too deeply: a key has more than 32 dotted parts"},
		{"too large", "# " + strings.Repeat("x", 300<<10) + "\n", "config.toml: config.toml is larger than 256 KiB, the limit for this file"},
		{"huge arrays", "x = " + nested("[", "]", 3<<20), "larger than 256 KiB"},
		{"unclosed header", "snooze = \"5m\"\n[schedule\nmonday = []\n", "config.toml:2: TOML syntax error"},
		{"unquoted duration", "snooze = \"5m\"\nsitting_limit = 30m\n", `config.toml:2: TOML syntax error: expected a top-level item to end with a newline, comment, or EOF, but got 'm' instead (durations are quoted: "30m")`},
		{"huge duration", "sitting_limit = \"9999999999999h\"\n", `config.toml:1: sitting_limit: "9999999999999h" is out of range (use between 1s and 24h)`},
		{"deep dotted key", "snooze = \"5m\"\n\na.b.c.d = 1\n", "config.toml:3: a: unknown key"},
		{"long value", "idle_source = \"" + strings.Repeat("z", 5000) + "\"\n", `config.toml:1: idle_source: "` + strings.Repeat("z", 40) + `…" is not an idle source`},
		{"long key", strings.Repeat("k", 5000) + " = 1\n", "config.toml:1: " + strings.Repeat("k", 40) + "…: unknown key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, errs := loadWithin(t, writeConfig(t, tt.text), nil)
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.want) {
				t.Fatalf("errors %v, want one containing %q", errs, tt.want)
			}
			if len(errs[0].Error()) > 600 {
				t.Errorf("message of %d bytes", len(errs[0].Error()))
			}
			if def := DefaultConfig(); cfg.SittingLimit != def.SittingLimit || cfg.IdleSource != def.IdleSource {
				t.Errorf("got %+v, want the defaults", cfg)
			}
		})
	}
}

func TestHostileConfigNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	zero := filepath.Join(dir, "zero.toml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "config.toml")
	if err := os.Symlink(filepath.Join(dir, "elsewhere.toml"), broken); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{fifo, "fifo.toml is a named pipe (FIFO), not a regular file"},
		{zero, "zero.toml is a device, not a regular file"},
		{broken, "config.toml is a broken symbolic link to " + filepath.Join(dir, "elsewhere.toml")},
	}
	for _, tt := range tests {
		_, errs := loadWithin(t, tt.path, nil)
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.want) {
			t.Errorf("%s: errors %v, want %q", filepath.Base(tt.path), errs, tt.want)
		}
	}
	if err := SaveConfig(fifo, DefaultConfig()); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("SaveConfig over a FIFO: %v", err)
	}
}

func TestHostileConfigSuggest(t *testing.T) {
	known := func(id string) bool { return id == "neck-reset" }
	tests := []struct {
		text, want, err string
	}{
		{"suggest = \"neck-reset\"\n", "neck-reset", ""},
		{"suggest = \"rotate\"\n", SuggestRotate, ""},
		{"\nsuggest = \"no-such-routine\"\n", SuggestRotate, `config.toml:2: suggest: no routine has the id "no-such-routine"`},
	}
	for _, tt := range tests {
		cfg, errs := loadWithin(t, writeConfig(t, tt.text), known)
		if cfg.Suggest != tt.want {
			t.Errorf("%q: suggest = %q, want %q", tt.text, cfg.Suggest, tt.want)
		}
		switch {
		case tt.err == "" && len(errs) > 0:
			t.Errorf("%q: errors %v", tt.text, errs)
		case tt.err != "" && (len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.err)):
			t.Errorf("%q: errors %v, want %q", tt.text, errs, tt.err)
		}
	}
	// Without a checker (LoadConfig) any id is kept, as before.
	if cfg, errs := LoadConfig(writeConfig(t, "suggest = \"no-such-routine\"\n")); len(errs) > 0 || cfg.Suggest != "no-such-routine" {
		t.Errorf("LoadConfig: %q, %v", cfg.Suggest, errs)
	}
}

func TestHostileStateFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "state.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() { _, err := LoadState(fifo); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("LoadState on a FIFO: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("LoadState blocked on a FIFO")
	}
}
