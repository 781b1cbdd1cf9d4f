package routines

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/limber-app/limber/internal/clip"
	"github.com/limber-app/limber/internal/safefile"
)

// maxFileBytes bounds a routine file; 200 steps fit in a fraction of it.
const maxFileBytes = 1 << 20

// Catalog is every routine the user can pick: the built-ins (some possibly
// replaced by user routines with the same ID) followed by the user's own, and
// the problems found in user files.
type Catalog struct {
	Routines []Routine
	Errors   []*FileError
}

// Find returns the routine with the given ID.
func (c Catalog) Find(id string) (Routine, bool) {
	for _, r := range c.Routines {
		if r.ID == id {
			return r, true
		}
	}
	return Routine{}, false
}

// IsRoutineFile reports whether a file named name (a base name) in the
// routines folder is a routine file: not hidden, ending in .toml in any
// case ("Stretch.TOML" too). Load and the daemon's folder watcher share it,
// so that every file that loads is also reloaded when it changes.
func IsRoutineFile(name string) bool {
	name = filepath.Base(name)
	return !strings.HasPrefix(name, ".") && strings.EqualFold(filepath.Ext(name), ".toml")
}

// Load returns the built-in routines plus the user routines in userDir
// (*.toml files, in name order). It never fails as a whole: a missing folder
// means no user routines, and a broken file is reported in Errors and
// skipped while the others load. A user routine with a built-in's ID
// replaces that built-in in place and is marked Replaces; a second user file
// with an ID already used by another user file is an error.
func Load(userDir string) Catalog {
	c := Catalog{Routines: Builtin()}
	if userDir == "" {
		return c
	}
	entries, err := os.ReadDir(userDir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			c.Errors = append(c.Errors, &FileError{File: userDir, Line: 0, Msg: fmt.Sprintf("cannot list routines: %v", unwrapPathError(err))})
		}
		return c
	}
	builtinAt := make(map[string]int)
	for i, r := range c.Routines {
		builtinAt[r.ID] = i
	}
	firstFile := make(map[string]string) // user routine ID → file that defined it
	for _, e := range entries {
		name := e.Name()
		if !IsRoutineFile(name) {
			continue
		}
		path := filepath.Join(userDir, name)
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			continue
		}
		r, idLine, errs := loadFile(path)
		if len(errs) > 0 {
			c.Errors = append(c.Errors, errs...)
			continue
		}
		if prev, dup := firstFile[r.ID]; dup {
			c.Errors = append(c.Errors, &FileError{File: path, Line: idLine, Field: "id",
				Msg: fmt.Sprintf("%q is already used by %s (each routine needs its own id)", clip.String(r.ID), filepath.Base(prev))})
			continue
		}
		firstFile[r.ID] = path
		if i, ok := builtinAt[r.ID]; ok {
			r.Replaces = true
			c.Routines[i] = r
			continue
		}
		c.Routines = append(c.Routines, r)
	}
	return c
}

// CheckFile reads and validates one routine file, as `limber check-routine`
// does. The error joins every *FileError found. A routine that would replace
// a built-in is returned with Replaces set; duplicates between user files
// are only detected by Load.
func CheckFile(path string) (Routine, error) {
	r, _, errs := loadFile(path)
	if len(errs) > 0 {
		return Routine{}, joinFileErrors(errs)
	}
	return r, nil
}

func loadFile(path string) (Routine, int, []*FileError) {
	data, err := readLimited(path)
	if err != nil {
		return Routine{}, 0, []*FileError{{File: path, Line: 0, Msg: err.Error()}}
	}
	r, idLine, errs := parse(path, data)
	if len(errs) > 0 {
		return Routine{}, 0, errs
	}
	_, r.Replaces = LookupBuiltin(r.ID)
	return r, idLine, nil
}

// readLimited reads a routine file if it is a regular file (a FIFO would
// block the daemon) of at most maxFileBytes.
func readLimited(path string) ([]byte, error) {
	data, err := safefile.ReadRegular(path, maxFileBytes)
	var broken *safefile.BrokenLinkError
	switch {
	case err == nil:
		return data, nil
	case errors.Is(err, safefile.ErrTooLarge):
		return nil, fmt.Errorf("the file is over %d MB; routine files are small text files", maxFileBytes>>20)
	case errors.As(err, &broken):
		return nil, fmt.Errorf("the file is a broken symbolic link to %s", broken.Target)
	case errors.Is(err, safefile.ErrNotRegular):
		return nil, err
	}
	return nil, fmt.Errorf("cannot read the file: %w", unwrapPathError(err))
}
