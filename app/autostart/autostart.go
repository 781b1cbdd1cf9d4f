// Package autostart starts Limber at login. On Linux and the BSDs it writes
// an XDG autostart entry (a .desktop file in $XDG_CONFIG_HOME/autostart),
// which every freedesktop session (GNOME, KDE, XFCE, Cinnamon, MATE, …)
// runs at login. On macOS and Windows it only describes what it would do:
// a LaunchAgent plist or a Startup-folder shortcut.
//
// The package has no Fyne dependency: the Settings window talks to it
// through a three-method interface.
package autostart

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/limber-app/limber/internal/atomicfile"
	"github.com/limber-app/limber/internal/tilde"
)

// AppID is Limber's reverse-DNS application ID; it names the desktop entry
// and the icon.
const AppID = "io.github.limber_app.limber"

// FileName is the name of the autostart entry.
const FileName = AppID + ".desktop"

// ErrUnsupported is returned by Enable and Disable on systems where login
// items are not implemented (macOS, Windows).
var ErrUnsupported = errors.New("start at login is not supported on this system yet")

// Entry manages Limber's autostart entry. Build it with FromEnv; tests build
// it by hand over a temporary directory.
type Entry struct {
	// Dir is the autostart folder, e.g. ~/.config/autostart.
	Dir string
	// Exe is the absolute path of the installed limber binary, written to
	// Exec= by Set(true).
	Exe string
	// GOOS selects the behaviour (runtime.GOOS in production).
	GOOS string
}

// FromEnv locates the autostart folder from XDG_CONFIG_HOME, falling back
// to $HOME/.config. exe is the binary to start at login (os.Executable in
// production).
func FromEnv(getenv func(string) string, exe string) (*Entry, error) {
	e := &Entry{Exe: exe, GOOS: runtime.GOOS}
	switch {
	case getenv("XDG_CONFIG_HOME") != "":
		e.Dir = filepath.Join(getenv("XDG_CONFIG_HOME"), "autostart")
	case getenv("HOME") != "":
		e.Dir = filepath.Join(getenv("HOME"), ".config", "autostart")
	default:
		return nil, errors.New("find autostart folder: neither XDG_CONFIG_HOME nor HOME is set")
	}
	return e, nil
}

// Path is the desktop entry's file path.
func (e *Entry) Path() string { return filepath.Join(e.Dir, FileName) }

func (e *Entry) supported() bool {
	switch e.GOOS {
	case "darwin", "windows", "ios", "android", "js", "wasip1", "plan9":
		return false
	}
	return true
}

// Describe says, in one sentence for the Settings window, what starting
// at login does on this system.
func (e *Entry) Describe() string {
	switch e.GOOS {
	case "darwin":
		return "On macOS this would add a LaunchAgent (~/Library/LaunchAgents/" + AppID + ".plist); not available yet."
	case "windows":
		return `On Windows this would add a Limber shortcut to your Startup folder; not available yet.`
	}
	if !e.supported() {
		return "Start at login is not available on this system."
	}
	return "Adds " + FileName + " to " + tilde.Path(e.Dir) + ", which your desktop session runs at login."
}

// Enabled reports whether the entry exists and is not switched off with
// Hidden=true or X-GNOME-Autostart-enabled=false. A missing file is false
// with no error.
func (e *Entry) Enabled() (bool, error) {
	if !e.supported() {
		return false, nil
	}
	data, err := os.ReadFile(e.Path())
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("read autostart entry: %w", err)
	}
	keys := desktopKeys(data)
	if strings.EqualFold(keys["Hidden"], "true") || strings.EqualFold(keys["X-GNOME-Autostart-enabled"], "false") {
		return false, nil
	}
	return true, nil
}

// Set enables (with e.Exe) or disables the entry; it lets *Entry serve as
// the Settings window's Autostart.
func (e *Entry) Set(on bool) error {
	if on {
		return e.Enable(e.Exe)
	}
	return e.Disable()
}

// Enable writes the entry atomically so that exe starts at login. exe
// must be an absolute path: the session starts it with no PATH guarantees.
func (e *Entry) Enable(exe string) error {
	if !e.supported() {
		return ErrUnsupported
	}
	if !filepath.IsAbs(exe) {
		return fmt.Errorf("enable autostart: %q is not an absolute path", exe)
	}
	if err := os.MkdirAll(e.Dir, 0o700); err != nil {
		return fmt.Errorf("enable autostart: %w", err)
	}
	if err := atomicfile.Write(e.Path(), desktopEntry(exe), 0o644); err != nil {
		return fmt.Errorf("enable autostart: %w", err)
	}
	return nil
}

// Disable removes the entry; a missing entry is not an error.
func (e *Entry) Disable() error {
	if !e.supported() {
		return ErrUnsupported
	}
	if err := os.Remove(e.Path()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("disable autostart: %w", err)
	}
	return nil
}

// desktopEntry renders the .desktop file.
func desktopEntry(exe string) []byte {
	var b bytes.Buffer
	b.WriteString("[Desktop Entry]\n")
	b.WriteString("Type=Application\n")
	b.WriteString("Name=Limber\n")
	b.WriteString("Comment=Reminds you to stand up and stretch\n")
	b.WriteString("Exec=" + execArg(exe) + "\n")
	b.WriteString("Icon=" + AppID + "\n")
	b.WriteString("Terminal=false\n")
	b.WriteString("X-GNOME-Autostart-enabled=true\n")
	return b.Bytes()
}

// execArg quotes a path for an Exec= key following the Desktop Entry
// specification: reserved characters force double quotes, inside which
// " ` $ and \ are backslash-escaped; the string-level escape then doubles
// every backslash, and % is written %%.
func execArg(s string) string {
	if strings.ContainsAny(s, " \t\n\"'\\><~|&;$*?#()`") {
		r := strings.NewReplacer(`"`, `\"`, "`", "\\`", `$`, `\$`, `\`, `\\`)
		s = `"` + r.Replace(s) + `"`
	}
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "\n", `\n`)
	return strings.ReplaceAll(s, "%", "%%")
}

// desktopKeys reads the keys of the [Desktop Entry] group.
func desktopKeys(data []byte) map[string]string {
	keys := map[string]string{}
	in := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			in = line == "[Desktop Entry]"
		case in:
			if k, v, ok := strings.Cut(line, "="); ok {
				keys[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
	}
	return keys
}
