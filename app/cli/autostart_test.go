package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const testExe = "/opt/limber/bin/limber"

func autostartEntryPath(t *testing.T, env Env) string {
	t.Helper()
	return filepath.Join(env.Getenv("XDG_CONFIG_HOME"), "autostart", "io.github.limber_app.limber.desktop")
}

func TestAutostartOnStatusOff(t *testing.T) {
	env, out, errb, _ := testEnv(t)
	entry := autostartEntryPath(t, env)
	tmp := t.TempDir()
	run := func(action string) string {
		t.Helper()
		out.Reset()
		errb.Reset()
		if code := runAutostart(env, []string{action}, testExe, "linux", tmp); code != ExitOK {
			t.Fatalf("autostart %s: exit %d, stderr %q", action, code, errb)
		}
		return out.String()
	}

	if got := run("status"); !strings.HasPrefix(got, "off\n") {
		t.Errorf("status before on = %q, want off", got)
	}
	if got := run("on"); !strings.Contains(got, entry) || !strings.Contains(got, testExe) {
		t.Errorf("on printed %q, want the entry path and the binary", got)
	}
	data, err := os.ReadFile(entry)
	if err != nil {
		t.Fatalf("on wrote no entry: %v", err)
	}
	if !strings.Contains(string(data), "\nExec="+testExe+"\n") {
		t.Errorf("entry does not start %s:\n%s", testExe, data)
	}
	if got, want := run("status"), "on: "+entry+" starts "+testExe+"\n"; !strings.HasPrefix(got, want) {
		t.Errorf("status after on = %q, want prefix %q", got, want)
	}
	run("on") // again: replaces the entry, still one file
	if files, _ := os.ReadDir(filepath.Dir(entry)); len(files) != 1 {
		t.Errorf("autostart folder holds %d files after two on, want 1", len(files))
	}
	if got := run("off"); !strings.Contains(got, entry+" removed") {
		t.Errorf("off printed %q, want it to name the removed entry", got)
	}
	if _, err := os.Stat(entry); !os.IsNotExist(err) {
		t.Errorf("entry still there after off: %v", err)
	}
	if got := run("status"); !strings.HasPrefix(got, "off\n") {
		t.Errorf("status after off = %q, want off", got)
	}
	if got := run("off"); !strings.Contains(got, "was not set") { // off when already off is fine
		t.Errorf("second off printed %q", got)
	}
}

func TestAutostartStatusShowsOtherBinary(t *testing.T) {
	env, out, _, _ := testEnv(t)
	entry := autostartEntryPath(t, env)
	if err := os.MkdirAll(filepath.Dir(entry), 0o700); err != nil {
		t.Fatal(err)
	}
	// Written by another build, e.g. a development binary in bin/.
	if err := os.WriteFile(entry, []byte("[Desktop Entry]\nType=Application\nExec=/home/a/src/limber/bin/limber\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := runAutostart(env, []string{"status"}, testExe, "linux", t.TempDir()); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if want := "starts /home/a/src/limber/bin/limber\n"; !strings.Contains(out.String(), want) {
		t.Errorf("status = %q, want it to name the entry's binary (%q)", out, want)
	}
}

func TestAutostartErrors(t *testing.T) {
	tmp := t.TempDir()
	tests := []struct {
		name    string
		args    []string
		exe     string
		goos    string
		env     map[string]string // replaces the test environment when set
		code    int
		stderr  string
		noEntry bool
	}{
		{name: "no action", args: nil, exe: testExe, goos: "linux", code: ExitUsage, stderr: "autostart"},
		{name: "two actions", args: []string{"on", "off"}, exe: testExe, goos: "linux", code: ExitUsage, stderr: "autostart"},
		{name: "unknown action", args: []string{"maybe"}, exe: testExe, goos: "linux", code: ExitUsage, stderr: `"maybe"`},
		{name: "go run binary", args: []string{"on"}, exe: filepath.Join(tmp, "go-build1", "exe", "limber"), goos: "linux", code: ExitFailure, stderr: "install Limber", noEntry: true},
		{name: "relative binary", args: []string{"on"}, exe: "limber", goos: "linux", code: ExitFailure, stderr: "not an absolute path", noEntry: true},
		{name: "windows", args: []string{"on"}, exe: testExe, goos: "windows", code: ExitFailure, stderr: "Startup folder", noEntry: true},
		{name: "macos off", args: []string{"off"}, exe: testExe, goos: "darwin", code: ExitFailure, stderr: "LaunchAgent"},
		{name: "no home", args: []string{"status"}, exe: testExe, goos: "linux", env: map[string]string{}, code: ExitFailure, stderr: "HOME"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, _, errb, _ := testEnv(t)
			entry := autostartEntryPath(t, env)
			if tt.env != nil {
				env.Getenv = func(k string) string { return tt.env[k] }
			}
			if code := runAutostart(env, tt.args, tt.exe, tt.goos, tmp); code != tt.code {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.code, errb)
			}
			if !strings.Contains(errb.String(), tt.stderr) {
				t.Errorf("stderr %q does not contain %q", errb, tt.stderr)
			}
			if _, err := os.Stat(entry); tt.noEntry && err == nil {
				t.Error("an entry was written")
			}
		})
	}
}

func TestAutostartStatusOnUnsupportedSystem(t *testing.T) {
	env, out, _, _ := testEnv(t)
	if code := runAutostart(env, []string{"status"}, testExe, "darwin", t.TempDir()); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if got := out.String(); !strings.HasPrefix(got, "off\n") || !strings.Contains(got, "LaunchAgent") {
		t.Errorf("status = %q, want off and what macOS would use", got)
	}
}

func TestAutostartDispatch(t *testing.T) {
	env, out, errb, _ := testEnv(t)
	if code := Dispatch(env, "autostart", []string{"status"}); code != ExitOK {
		t.Fatalf("exit %d, stderr %q", code, errb)
	}
	if !strings.HasPrefix(out.String(), "off\n") {
		t.Errorf("status = %q", out)
	}
	if code := Dispatch(env, "autostart", nil); code != ExitUsage {
		t.Errorf("no action: exit %d, want %d", code, ExitUsage)
	}
}

func TestInside(t *testing.T) {
	tests := []struct {
		path, dir string
		want      bool
	}{
		{"/tmp/go-build1/exe/limber", "/tmp", true},
		{"/tmp", "/tmp", true},
		{"/tmpfoo/limber", "/tmp", false},
		{"/usr/local/bin/limber", "/tmp", false},
		{"/usr/local/bin/limber", "", false},
		{"/tmp/../usr/bin/limber", "/tmp", false},
	}
	for _, tt := range tests {
		if got := inside(tt.path, tt.dir); got != tt.want {
			t.Errorf("inside(%q, %q) = %v, want %v", tt.path, tt.dir, got, tt.want)
		}
	}
}
