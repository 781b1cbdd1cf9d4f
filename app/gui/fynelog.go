package gui

import (
	"bytes"
	"io"
	"sync"
)

// prefsRaceFilter drops one message of Fyne's from a window's log:
// "Preferences load error" caused by EOF. Fyne saves its preferences file
// when the app stops by truncating and rewriting it, and its own watcher
// on that folder can read the file in between and find it empty (it marks
// the save as its own only after truncating). Nothing is lost: the file is
// complete a moment later, and ensurePreferences repairs one left empty.
// Every other line passes through unchanged. Fyne writes each line of an
// error (message, "Cause:", "At:") with its own call, so the filter holds
// a "Preferences load error" line until it sees the cause.
type prefsRaceFilter struct {
	w io.Writer

	mu   sync.Mutex
	held []byte // a "Preferences load error" line waiting for its cause
	skip bool   // dropping the "At:" line of a dropped error
}

func (f *prefsRaceFilter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case f.skip && bytes.Contains(p, []byte("  At: ")):
		f.skip = false
		return len(p), nil
	case f.held != nil && bytes.Contains(p, []byte("  Cause: EOF")):
		f.held, f.skip = nil, true
		return len(p), nil
	}
	f.skip = false
	if f.held != nil {
		held := f.held
		f.held = nil
		if _, err := f.w.Write(held); err != nil {
			return 0, err
		}
	}
	if bytes.Contains(p, []byte("Fyne error:  Preferences load error:")) {
		f.held = append([]byte(nil), p...)
		return len(p), nil
	}
	return f.w.Write(p)
}
