package gui

import (
	"strings"
	"testing"
)

func TestPrefsRaceFilter(t *testing.T) {
	lines := []string{
		"2026/12/01 09:00:00 Fyne error:  Preferences load error:\n",
		"2026/12/01 09:00:00   Cause: EOF\n",
		"2026/12/01 09:00:00   At: fyne/app/preferences.go:103\n",
		"2026/12/01 09:00:01 Fyne error:  Preferences load error:\n",
		"2026/12/01 09:00:01   Cause: invalid character 'x'\n",
		"2026/12/01 09:00:01   At: fyne/app/preferences.go:103\n",
		"2026/12/01 09:00:02 Fyne error:  something else\n",
	}
	var out strings.Builder
	f := &prefsRaceFilter{w: &out}
	for _, l := range lines {
		if n, err := f.Write([]byte(l)); err != nil || n != len(l) {
			t.Fatalf("Write(%q) = %d, %v", l, n, err)
		}
	}
	want := strings.Join(lines[3:], "")
	if out.String() != want {
		t.Errorf("filtered log:\n%s\nwant:\n%s", out.String(), want)
	}
}
