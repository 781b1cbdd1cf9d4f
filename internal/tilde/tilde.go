// Package tilde shortens paths for display, the way a shell prompt does.
package tilde

import (
	"os"
	"path/filepath"
	"strings"
)

// Path shortens a path under the home folder to ~/… for display (the home
// folder itself to ~). Any other path, a relative one, or every path when
// the home folder is unknown, is returned as it is.
func Path(p string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" || p == "" {
		return p
	}
	return under(home, p)
}

func under(home, p string) string {
	rel, err := filepath.Rel(home, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return p
	}
	return filepath.Join("~", rel)
}
