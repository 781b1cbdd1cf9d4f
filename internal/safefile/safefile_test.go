//go:build unix

package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestHostileReadRegular(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.toml")
	if err := os.WriteFile(file, []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, make([]byte, 2048), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.toml")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "dangling.toml")
	if err := os.Symlink(filepath.Join(dir, "gone.toml"), dangling); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	tests := []struct {
		name, path string
		want       string // "" for success
		is         error
	}{
		{"regular", file, "", nil},
		{"symlink to regular", link, "", nil},
		{"missing", filepath.Join(dir, "none.toml"), "no such file", fs.ErrNotExist},
		{"fifo", fifo, "fifo.toml is a named pipe (FIFO), not a regular file", ErrNotRegular},
		{"device", "/dev/zero", "zero is a device, not a regular file", ErrNotRegular},
		{"folder", dir, "a folder, not a regular file", ErrNotRegular},
		{"too large", big, "big.toml is larger than 1 KiB, the limit for this file", ErrTooLarge},
		{"broken link", dangling, "dangling.toml is a broken symbolic link to " + filepath.Join(dir, "gone.toml"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			var data []byte
			var err error
			go func() {
				defer close(done)
				data, err = ReadRegular(tt.path, 1024)
			}()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatal("ReadRegular blocked")
			}
			if tt.want == "" {
				if err != nil || string(data) != "x = 1\n" {
					t.Fatalf("got %q, %v", data, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("err %v is not %v", err, tt.is)
			}
			if tt.name == "broken link" && errors.Is(err, fs.ErrNotExist) {
				t.Error("a broken link must not look like a missing file")
			}
		})
	}
}
