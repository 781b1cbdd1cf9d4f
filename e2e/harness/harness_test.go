package harness_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/limber-app/limber/e2e/harness"
)

// fakeItemEnv carries the path of the fakeitem binary from TestMain to the
// tests.
const fakeItemEnv = "LIMBER_E2E_FAKEITEM"

const fakeWindowTitle = "Quick standing reset — Limber"

func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "limber-harness-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "harness test: temp dir:", err)
		os.Exit(1)
	}
	bin := filepath.Join(dir, "fakeitem")
	build := exec.Command("go", "build", "-o", bin, "github.com/limber-app/limber/e2e/internal/fakeitem")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "harness test: build fakeitem: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	os.Setenv(fakeItemEnv, bin)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestParseLayout(t *testing.T) {
	t.Parallel()
	node := func(id int32, props map[string]dbus.Variant, children ...[]any) []any {
		vs := []dbus.Variant{}
		for _, c := range children {
			vs = append(vs, dbus.MakeVariant(c))
		}
		return []any{id, props, vs}
	}
	label := func(s string) map[string]dbus.Variant {
		return map[string]dbus.Variant{"label": dbus.MakeVariant(s)}
	}
	tests := []struct {
		name    string
		in      []any
		want    string // MenuItem.String() of the result
		wantErr string
	}{
		{
			name: "defaults",
			in:   node(0, nil, node(1, label("Start"))),
			want: "[1] \"Start\"\n",
		},
		{
			name: "properties and submenu",
			in: node(0, nil,
				node(1, map[string]dbus.Variant{"label": dbus.MakeVariant("Sitting"), "enabled": dbus.MakeVariant(false)}),
				node(2, map[string]dbus.Variant{"type": dbus.MakeVariant("separator")}),
				node(3, map[string]dbus.Variant{"label": dbus.MakeVariant("Pause"), "children-display": dbus.MakeVariant("submenu")},
					node(4, label("30 minutes"))),
				node(5, map[string]dbus.Variant{"label": dbus.MakeVariant("Resume"), "visible": dbus.MakeVariant(false)}),
				node(6, map[string]dbus.Variant{"label": dbus.MakeVariant("Sound"), "toggle-type": dbus.MakeVariant("checkmark"), "toggle-state": dbus.MakeVariant(int64(1))}),
			),
			want: "[1] \"Sitting\" (disabled)\n----\n[3] \"Pause\"\n  [4] \"30 minutes\"\n[5] \"Resume\" (hidden)\n[6] \"Sound\" (checkmark=1)\n",
		},
		{name: "too few fields", in: []any{int32(0), map[string]dbus.Variant{}}, wantErr: "want 3 fields"},
		{name: "id not int32", in: []any{"0", map[string]dbus.Variant{}, []dbus.Variant{}}, wantErr: "id is string"},
		{name: "bad properties", in: []any{int32(0), "x", []dbus.Variant{}}, wantErr: "want a{sv}"},
		{name: "bad children", in: []any{int32(0), map[string]dbus.Variant{}, "x"}, wantErr: "want av"},
		{name: "child not a struct", in: []any{int32(0), map[string]dbus.Variant{}, []dbus.Variant{dbus.MakeVariant("x")}}, wantErr: "child is s"},
		{name: "bad grandchild", in: node(0, nil, []any{int32(1)}), wantErr: "want 3 fields"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := harness.ParseLayout(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParseLayout error = %v, want containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseLayout: %v", err)
			}
			if s := got.String(); s != tt.want {
				t.Errorf("tree =\n%s\nwant\n%s", s, tt.want)
			}
		})
	}
}

func TestMenuItemFind(t *testing.T) {
	t.Parallel()
	root := &harness.MenuItem{Children: []*harness.MenuItem{
		{ID: 1, Label: "Pause", Visible: true, Children: []*harness.MenuItem{{ID: 2, Label: "1 hour", Visible: true}}},
		{ID: 3, Label: "Resume", Visible: false},
		{ID: 4, Type: "separator", Visible: true},
		{ID: 5, Label: "Quit", Visible: true},
	}}
	tests := []struct {
		label  string
		wantID int32 // 0: not found
	}{
		{"1 hour", 2},
		{"Resume", 0}, // hidden items are not found
		{"Quit", 5},
		{"quit", 0},
	}
	for _, tt := range tests {
		var got int32
		if it := root.Find(tt.label); it != nil {
			got = it.ID
		}
		if got != tt.wantID {
			t.Errorf("Find(%q) = item %d, want %d", tt.label, got, tt.wantID)
		}
	}
	if got, want := root.Labels(), []string{"Pause", "Quit"}; !slices.Equal(got, want) {
		t.Errorf("Labels() = %q, want %q", got, want)
	}
}

func TestDesktopEnvironment(t *testing.T) {
	t.Setenv("WAYLAND_DISPLAY", "wayland-host") // must not leak
	d := harness.NewDesktop(t)
	env := d.Env("EXTRA=1")
	want := map[string]string{
		"LANG":                     "en_US.UTF-8",
		"DISPLAY":                  d.Display(),
		"DBUS_SESSION_BUS_ADDRESS": d.BusAddress(),
		"HOME":                     d.Home,
		"XDG_RUNTIME_DIR":          d.RuntimeDir,
		"XDG_CONFIG_HOME":          d.ConfigHome,
		"XDG_STATE_HOME":           d.StateHome,
		"XDG_CACHE_HOME":           d.CacheHome,
		"EXTRA":                    "1",
	}
	got := map[string]string{}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		got[k] = v
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("Env %s = %q, want %q", k, got[k], v)
		}
	}
	for _, k := range []string{"WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP"} {
		if _, ok := got[k]; ok {
			t.Errorf("Env leaks host %s", k)
		}
	}
	st, err := os.Stat(d.RuntimeDir)
	if err != nil {
		t.Fatal(err)
	}
	if perm := st.Mode().Perm(); perm != 0o700 {
		t.Errorf("XDG_RUNTIME_DIR mode = %v, want 0700", perm)
	}
	if has, err := d.NameHasOwner("org.freedesktop.DBus"); err != nil || !has {
		t.Errorf("private bus does not answer NameHasOwner: %v %v", has, err)
	}
}

func TestX11FindWindowAndScreenshot(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	x := d.X11()
	if _, err := x.FindWindow("harness probe", 200*time.Millisecond); err == nil {
		t.Fatal("FindWindow found a window that does not exist")
	}
	id, err := x.CreateWindow("harness probe — Limber", 320, 200)
	if err != nil {
		t.Fatal(err)
	}
	w, err := x.WaitViewable("harness probe", 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if w.ID != id || w.Width != 320 || w.Height != 200 || !w.Viewable {
		t.Errorf("window = %+v, want id %d 320x200 viewable", w, id)
	}
	if err := d.MoveMouse(50, 60); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(t.TempDir(), "shot.png")
	if err := d.Screenshot(shot); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("screenshot is not a PNG (%d bytes)", len(data))
	}
}

func TestFakeItemRoundTrip(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	w := d.StartWatcher()
	p := d.StartProgram(os.Getenv(fakeItemEnv))
	item, err := w.WaitItem(5 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	tr := d.Tray(item)

	watcher := d.Bus().Object(harness.WatcherName, "/StatusNotifierWatcher")
	var ids []string
	if v, err := watcher.GetProperty(harness.WatcherName + ".RegisteredStatusNotifierItems"); err != nil || v.Store(&ids) != nil {
		t.Errorf("RegisteredStatusNotifierItems: %v (%v)", err, v)
	} else if !slices.Equal(ids, []string{item.String()}) {
		t.Errorf("RegisteredStatusNotifierItems = %q, want [%q]", ids, item.String())
	}
	if v, err := watcher.GetProperty(harness.WatcherName + ".IsStatusNotifierHostRegistered"); err != nil || v.Value() != true {
		t.Errorf("IsStatusNotifierHostRegistered = %v, %v; want true", v, err)
	}

	if title, err := tr.Title(); err != nil || title != "Sitting 0 min" {
		t.Errorf("Title = %q, %v", title, err)
	}
	if tt, err := tr.ToolTip(); err != nil || tt.Title != "Sitting 0 min" {
		t.Errorf("ToolTip = %+v, %v", tt, err)
	}
	if st, err := tr.Status(); err != nil || st != "Active" {
		t.Errorf("Status = %q, %v", st, err)
	}

	menu, err := tr.WaitMenu(func(m *harness.MenuItem) bool { return m.Find("Quick standing reset") != nil }, 3*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	wantTop := []string{"Sitting 0 min", "Start stretch routine", "Routines", "Pause", "Quit"}
	if got := menu.Labels(); !slices.Equal(got, wantTop) {
		t.Errorf("top-level labels = %q, want %q", got, wantTop)
	}
	if status := menu.Children[0]; status.Enabled {
		t.Errorf("status line is enabled")
	}
	if r := menu.Find("Routines"); r == nil || r.ChildrenDisplay != "submenu" {
		t.Errorf("Routines is not a submenu: %+v", r)
	}

	if err := tr.ClickLabel("Start stretch routine"); err != nil {
		t.Fatal(err)
	}
	win, err := d.X11().WaitViewable(fakeWindowTitle, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if win.Width != 400 || win.Height != 300 {
		t.Errorf("window %dx%d, want 400x300", win.Width, win.Height)
	}

	if err := tr.ClickLabel("30 minutes"); err != nil {
		t.Fatal(err)
	}
	if _, err := tr.WaitLabel(func(l string) bool { return l == "Resume" }, 2*time.Second); err != nil {
		t.Fatal(err)
	}
	if err := p.WaitStdout("clicked 30 minutes", time.Second); err != nil {
		t.Error(err)
	}

	if err := tr.ClickLabel("Quit"); err != nil {
		t.Fatal(err)
	}
	if code, err := p.Wait(3 * time.Second); err != nil || code != 0 {
		t.Fatalf("fakeitem exit = %d, %v", code, err)
	}
	if err := w.WaitFor(func(items []harness.Item) bool { return len(items) == 0 }, 2*time.Second); err != nil {
		t.Error(err)
	}
	if n := w.Registrations(); n != 1 {
		t.Errorf("Registrations = %d, want 1", n)
	}
}

func TestLateWatcher(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	p := d.StartProgram(os.Getenv(fakeItemEnv))
	// systray's first RegisterStatusNotifierItem fails without a watcher.
	if err := p.WaitStderr("failed to register", 5*time.Second); err != nil {
		t.Fatal(err)
	}
	w := d.StartWatcher()
	item, err := w.WaitItem(3 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(item.Service, ":") || item.Path != "/StatusNotifierItem" {
		t.Errorf("item = %+v, want a unique name and /StatusNotifierItem", item)
	}
}

func TestNotifications(t *testing.T) {
	t.Parallel()
	d := harness.NewDesktop(t)
	n := d.StartNotifications()
	client := d.Bus()
	obj := client.Object("org.freedesktop.Notifications", "/org/freedesktop/Notifications")

	var caps []string
	if err := obj.Call("org.freedesktop.Notifications.GetCapabilities", 0).Store(&caps); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(caps, []string{"actions", "body"}) {
		t.Errorf("capabilities = %q", caps)
	}

	if err := client.AddMatchSignal(dbus.WithMatchInterface("org.freedesktop.Notifications")); err != nil {
		t.Fatal(err)
	}
	signals := make(chan *dbus.Signal, 8)
	client.Signal(signals)
	defer client.RemoveSignal(signals)

	var id uint32
	hints := map[string]dbus.Variant{"urgency": dbus.MakeVariant(byte(1))}
	if err := obj.Call("org.freedesktop.Notifications.Notify", 0, "Limber", uint32(0), "", "Time to stand up",
		"Try: Neck rolls", []string{"default", "Start"}, hints, int32(-1)).Store(&id); err != nil {
		t.Fatal(err)
	}
	got, err := n.Wait(func(nt harness.Notification) bool {
		return strings.Contains(strings.ToLower(nt.Summary), "stand")
	}, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != id || got.AppName != "Limber" || got.Body != "Try: Neck rolls" || !slices.Equal(got.Actions, []string{"default", "Start"}) {
		t.Errorf("recorded %+v, want id %d", got, id)
	}
	if _, err := n.Wait(func(nt harness.Notification) bool { return nt.Summary == "nope" }, 100*time.Millisecond); err == nil {
		t.Error("Wait matched a notification that was never sent")
	}

	if err := n.InvokeAction(id, "default"); err != nil {
		t.Fatal(err)
	}
	timeout := time.After(2 * time.Second)
	for {
		select {
		case sig := <-signals:
			if sig.Name == "org.freedesktop.Notifications.ActionInvoked" {
				if len(sig.Body) != 2 || sig.Body[0] != id || sig.Body[1] != "default" {
					t.Errorf("ActionInvoked body = %v", sig.Body)
				}
				return
			}
		case <-timeout:
			t.Fatal("no ActionInvoked signal")
		}
	}
}
