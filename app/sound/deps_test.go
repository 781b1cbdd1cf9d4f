package sound

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDaemonLinksNoAudio: only window processes play sound. The tray
// daemon's packages must not include this package, its backend or any
// audio library, so an idle daemon never loads or connects to one. The
// one exception is the PulseAudio wire protocol (jfreymuth/pulse/proto,
// no playback client): the meeting check (reminders/meeting) uses it to
// list recording streams, connecting only while a reminder is due.
func TestDaemonLinksNoAudio(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH")
	}
	out, err := exec.Command(goTool, "list", "-deps", "github.com/limber-app/limber/app/daemon").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps app/daemon: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 || !contains(deps, "github.com/limber-app/limber/reminders") {
		t.Fatalf("go list gave an implausible list:\n%s", out)
	}
	audio := []string{"github.com/limber-app/limber/app/sound", "github.com/jfreymuth/pulse",
		"github.com/ebitengine/oto", "github.com/hajimehoshi/oto", "github.com/gen2brain/malgo", "github.com/gordonklaus/portaudio"}
	for _, d := range deps {
		if d == "github.com/jfreymuth/pulse/proto" {
			continue
		}
		for _, a := range audio {
			if d == a || strings.HasPrefix(d, a+"/") {
				t.Errorf("the daemon depends on audio package %s", d)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
