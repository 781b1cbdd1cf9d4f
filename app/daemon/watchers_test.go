package daemon

import (
	"testing"

	"github.com/fsnotify/fsnotify"
)

func TestChangedFile(t *testing.T) {
	const cfg, dir = "/c/limber/config.toml", "/c/limber/routines"
	tests := []struct {
		name                     string
		ev                       fsnotify.Event
		cfg, routines, recreated bool
	}{
		{"config written", fsnotify.Event{Name: cfg, Op: fsnotify.Write}, true, false, false},
		{"config replaced", fsnotify.Event{Name: cfg, Op: fsnotify.Create}, true, false, false},
		{"other file beside the config", fsnotify.Event{Name: "/c/limber/notes.txt", Op: fsnotify.Write}, false, false, false},
		{"routine written", fsnotify.Event{Name: dir + "/mine.toml", Op: fsnotify.Write}, false, true, false},
		{"routine removed", fsnotify.Event{Name: dir + "/mine.toml", Op: fsnotify.Remove}, false, true, false},
		{"editor backup", fsnotify.Event{Name: dir + "/mine.toml~", Op: fsnotify.Create}, false, false, false},
		{"routines folder created", fsnotify.Event{Name: dir, Op: fsnotify.Create}, false, true, true},
		{"routines folder touched", fsnotify.Event{Name: dir, Op: fsnotify.Chmod}, false, false, false},
	}
	for _, tt := range tests {
		change, created := changedFile(tt.ev, cfg, dir)
		if change.config != tt.cfg || change.routines != tt.routines || created != tt.recreated {
			t.Errorf("%s: got %+v, created %v; want config %v, routines %v, created %v", tt.name, change, created, tt.cfg, tt.routines, tt.recreated)
		}
	}
}
