// Package safefile opens the files Limber reads (config, routine files and
// their images, the history and the state file) so that a path that is not
// a regular file cannot hang or exhaust the process: a FIFO would block in
// open() or read() forever, and /dev/zero never ends. The file is opened
// without blocking, checked on the opened descriptor (so it cannot be
// swapped in between), and read through a size limit. Symlinks to regular
// files are followed as usual.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotRegular is wrapped by the error for a path that is a FIFO, a
// device, a socket or a folder.
var ErrNotRegular = errors.New("not a regular file")

// notRegularError says what the path is instead; it matches ErrNotRegular.
type notRegularError struct{ msg string }

func (e *notRegularError) Error() string        { return e.msg }
func (e *notRegularError) Is(target error) bool { return target == ErrNotRegular }

// ErrTooLarge is wrapped by the error for a file over the caller's limit.
var ErrTooLarge = errors.New("file too large")

// BrokenLinkError is returned for a symbolic link whose target does not
// exist. It does not match fs.ErrNotExist on purpose: a caller that treats
// a missing file as empty should still tell the user about a broken link.
type BrokenLinkError struct {
	Path   string
	Target string
}

func (e *BrokenLinkError) Error() string {
	return fmt.Sprintf("%s is a broken symbolic link to %s", filepath.Base(e.Path), e.Target)
}

// OpenRegular opens path for reading if it is a regular file (after
// following symlinks). A missing file gives an error matching
// fs.ErrNotExist; a dangling symlink a *BrokenLinkError.
func OpenRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if target, lerr := os.Readlink(path); lerr == nil {
				return nil, &BrokenLinkError{Path: path, Target: target}
			}
		}
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, &notRegularError{fmt.Sprintf("%s is %s", filepath.Base(path), describe(fi.Mode()))}
	}
	return f, nil
}

// ReadRegular reads the whole regular file at path, refusing one larger
// than limit bytes with an error that names the limit.
func ReadRegular(path string, limit int64) ([]byte, error) {
	f, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %s, the limit for this file: %w", filepath.Base(path), Size(limit), ErrTooLarge)
	}
	return data, nil
}

// Size writes a byte count the way the limits are chosen: 256 KiB, 1 MiB.
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func describe(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder, not a regular file"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO), not a regular file"
	case m&fs.ModeSocket != 0:
		return "a socket, not a regular file"
	case m&fs.ModeDevice != 0:
		return "a device, not a regular file"
	}
	return "not a regular file"
}
