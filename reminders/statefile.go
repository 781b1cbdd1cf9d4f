package reminders

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/limber-app/limber/internal/atomicfile"
	"github.com/limber-app/limber/internal/safefile"
)

// SavedState is the small state file that carries a pause across daemon
// restarts ($XDG_STATE_HOME/limber/state.json, chosen by the app).
type SavedState struct {
	// PausedUntil: zero when not paused; Forever() until resumed.
	PausedUntil time.Time `json:"paused_until,omitzero"`
}

// maxStateBytes bounds the state file, a one-line JSON object.
const maxStateBytes = 64 << 10

// LoadState reads the state file; a missing file is the zero state.
func LoadState(path string) (SavedState, error) {
	var s SavedState
	data, err := safefile.ReadRegular(path, maxStateBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("read state: %w", err)
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return SavedState{}, fmt.Errorf("parse state %s: %w", path, err)
	}
	return s, nil
}

// SaveState writes the state file atomically (see internal/atomicfile), so
// a crash leaves either the old or the new state. A new file is private
// (0600) in a 0700 folder.
func SaveState(path string, s SavedState) error {
	data, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("encode state: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create state dir: %w", err)
	}
	if err := atomicfile.Write(path, append(data, '\n'), 0o600); err != nil {
		return fmt.Errorf("save state: %w", err)
	}
	return nil
}
