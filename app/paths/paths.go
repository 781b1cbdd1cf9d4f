// Package paths says where Limber keeps its files. It follows the XDG base
// directory specification on Linux and the BSDs (XDG_CONFIG_HOME,
// XDG_STATE_HOME, XDG_RUNTIME_DIR, HOME) and the os package's conventions
// elsewhere, so that a user can find, back up or delete everything Limber
// wrote.
package paths

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
)

// AppName is the folder name used under every base directory.
const AppName = "limber"

// Paths holds the resolved locations. Build it with FromEnv; tests build it
// by hand over a temporary directory.
type Paths struct {
	ConfigDir  string // config.toml and routines/
	StateDir   string // history and the small state file (pause survives restarts)
	RuntimeDir string // the control socket; private to the user
}

// Getenv is the lookup FromEnv uses; os.Getenv in production.
type Getenv func(string) string

// FromEnv resolves the directories from the environment. It does not create
// them: callers that write make their directory with the right mode.
func FromEnv(getenv Getenv) (Paths, error) {
	home := getenv("HOME")
	var p Paths

	switch {
	case getenv("XDG_CONFIG_HOME") != "":
		p.ConfigDir = filepath.Join(getenv("XDG_CONFIG_HOME"), AppName)
	case runtime.GOOS != "linux" && runtime.GOOS != "freebsd" && runtime.GOOS != "openbsd":
		dir, err := os.UserConfigDir()
		if err != nil {
			return Paths{}, fmt.Errorf("find config directory: %w", err)
		}
		p.ConfigDir = filepath.Join(dir, "Limber")
	case home != "":
		p.ConfigDir = filepath.Join(home, ".config", AppName)
	default:
		return Paths{}, errors.New("find config directory: neither XDG_CONFIG_HOME nor HOME is set")
	}

	switch {
	case getenv("XDG_STATE_HOME") != "":
		p.StateDir = filepath.Join(getenv("XDG_STATE_HOME"), AppName)
	case runtime.GOOS != "linux" && runtime.GOOS != "freebsd" && runtime.GOOS != "openbsd":
		p.StateDir = filepath.Join(p.ConfigDir, "state")
	case home != "":
		p.StateDir = filepath.Join(home, ".local", "state", AppName)
	default:
		return Paths{}, errors.New("find state directory: neither XDG_STATE_HOME nor HOME is set")
	}

	if dir := getenv("XDG_RUNTIME_DIR"); dir != "" {
		p.RuntimeDir = filepath.Join(dir, AppName)
	} else {
		// No per-session runtime directory (macOS, Windows, minimal Linux
		// sessions): fall back to a per-user folder in the temp directory.
		// MkdirPrivate refuses it if someone else owns it.
		p.RuntimeDir = filepath.Join(os.TempDir(), AppName+"-"+strconv.Itoa(os.Getuid()))
	}
	return p, nil
}

// ConfigFile is the user's config.toml.
func (p Paths) ConfigFile() string { return filepath.Join(p.ConfigDir, "config.toml") }

// RoutinesDir holds the user's routine files (*.toml).
func (p Paths) RoutinesDir() string { return filepath.Join(p.ConfigDir, "routines") }

// HistoryFile is the append-only event log.
func (p Paths) HistoryFile() string { return filepath.Join(p.StateDir, "history.jsonl") }

// StateFile keeps what must survive a daemon restart, such as a pause.
func (p Paths) StateFile() string { return filepath.Join(p.StateDir, "state.json") }

// Socket is the daemon's control socket.
func (p Paths) Socket() string { return filepath.Join(p.RuntimeDir, "limber.sock") }

// MkdirPrivate creates dir with mode 0700 if needed and checks that an
// existing one belongs to this user and is not open to others, so that the
// control socket inside cannot be reached by another account.
func MkdirPrivate(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	return checkPrivate(dir)
}
