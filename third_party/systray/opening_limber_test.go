//go:build (linux || freebsd || openbsd || netbsd) && !android

package systray

import (
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// TestMenuOpening: the hook runs when a host is about to show the root
// menu (AboutToShow, AboutToShowGroup, or the "opened" event) and not for
// a submenu; what it reports is AboutToShow's needUpdate; and it may
// change an item without deadlocking on the menu lock.
func TestMenuOpening(t *testing.T) {
	item := AddMenuItem("before", "")
	sub := item.AddSubMenuItem("child", "")
	calls := 0
	SetMenuOpening(func() bool {
		calls++
		item.SetTitle("after")
		return true
	})
	t.Cleanup(func() { SetMenuOpening(nil) })
	root := instance.menu.V0

	done := make(chan struct{})
	go func() {
		defer close(done)
		if need, err := instance.AboutToShow(root); err != nil || !need {
			t.Errorf("AboutToShow(root) = %v, %v; want true", need, err)
		}
		if need, _ := instance.AboutToShow(int32(sub.id)); need {
			t.Error("AboutToShow(submenu) asked for an update")
		}
		instance.AboutToShowGroup([]int32{int32(sub.id), root})
		instance.Event(root, "opened", dbus.MakeVariant(""), 0)
		instance.Event(int32(item.id), "opened", dbus.MakeVariant(""), 0)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the hook deadlocked on the menu lock")
	}
	if calls != 3 {
		t.Errorf("hook ran %d times, want 3 (AboutToShow, AboutToShowGroup and opened on the root)", calls)
	}
	if m, _ := findLayout(int32(item.id)); m.V1["label"].Value() != "after" {
		t.Errorf("label = %v, want the hook's change", m.V1["label"])
	}
	SetMenuOpening(nil)
	if need, _ := instance.AboutToShow(root); need {
		t.Error("AboutToShow with no hook asked for an update")
	}
}
