//go:build linux

package testcompositor

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/limber-app/limber/internal/testdesktop"
)

// waybarConfig is a bar with nothing but a tray, at the top right: the
// first item's icon is at TrayIconX, TrayIconY.
const waybarConfig = `{"layer": "top", "position": "top", "height": 30,
 "modules-right": ["tray"], "tray": {"icon-size": 21, "spacing": 4}}`

// Where the first tray item's icon is on the output.
const (
	TrayIconX = Width - 14
	TrayIconY = 15
)

// StartWaybar starts waybar, a real StatusNotifier tray host whose menus
// are libdbusmenu-gtk's (as in Xfce's panel), on this compositor and the
// session bus at busAddr. It runs as the test's user, so that it shares
// the bus with the app under test. The caller waits for its watcher
// (org.kde.StatusNotifierWatcher) on the bus.
func (s *Sway) StartWaybar(t testing.TB, busAddr string) {
	t.Helper()
	bin := testdesktop.Require(t, "waybar")
	conf := tempDir(t, "waybar")
	if err := os.MkdirAll(filepath.Join(conf, "waybar"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(conf, "waybar", "config"), []byte(waybarConfig), 0o644); err != nil {
		t.Fatalf("write waybar config: %v", err)
	}
	cmd := exec.Command(bin)
	cmd.Env = append(s.Env(),
		"DBUS_SESSION_BUS_ADDRESS="+busAddr,
		"XDG_CONFIG_HOME="+conf,
		"HOME="+conf,
		"GDK_BACKEND=wayland",
		"NO_AT_BRIDGE=1", // no accessibility bus to start
	)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	start(t, "waybar", cmd)
}
