//go:build (linux || freebsd || openbsd || netbsd) && !android

package systray

import "testing"

// TestItemID checks the StatusNotifierItem Id exported with the item. Hosts
// remember items by Id (which to show or hide, in which order), so it must
// not change between sessions: upstream v1.12.2 used the title of the
// moment, which for Limber is a status line that changes every minute.
func TestItemID(t *testing.T) {
	tests := []struct {
		name, setID, title, want string
	}{
		{"set id wins over title", "io.example.App", "Sitting 3 min", "io.example.App"},
		{"set id with no title", "io.example.App", "", "io.example.App"},
		{"no id: upstream falls back to the title", "", "Some title", "Some title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			SetID(tt.setID)
			t.Cleanup(func() { SetID("") })
			tr := &tray{menu: &menuLayout{}, title: tt.title}
			got := tr.createPropSpec()["org.kde.StatusNotifierItem"]["Id"]
			if got.Value != tt.want {
				t.Errorf("Id = %v, want %q", got.Value, tt.want)
			}
			if got.Writable {
				t.Error("Id is writable over D-Bus")
			}
		})
	}
}

// TestItemIDOtherProperties pins the rest of what the item exports about
// itself, next to the Id.
func TestItemIDOtherProperties(t *testing.T) {
	SetID("io.example.App")
	t.Cleanup(func() { SetID("") })
	tr := &tray{menu: &menuLayout{}, title: "Line", tooltipTitle: "Line"}
	spec := tr.createPropSpec()["org.kde.StatusNotifierItem"]
	if v := spec["Category"].Value; v != "ApplicationStatus" {
		t.Errorf("Category = %v, want ApplicationStatus", v)
	}
	if v := spec["Title"].Value; v != "Line" {
		t.Errorf("Title = %v, want the title set", v)
	}
	if v := spec["ToolTip"].Value.(tooltip); v.V2 != "Line" {
		t.Errorf("ToolTip title = %q, want the tooltip set", v.V2)
	}
}
