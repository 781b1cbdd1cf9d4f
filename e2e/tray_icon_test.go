package e2e

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"github.com/limber-app/limber/assets"
	"github.com/limber-app/limber/e2e/harness"
)

// trayID is the StatusNotifierItem Id the daemon exports: its application
// ID. Panels remember items (hidden or shown, their order) by Id.
const trayID = "io.github.limber_app.limber"

// TestTrayIconPixmap walks the daemon through the four tray states and
// compares the IconPixmap it exports over D-Bus with the source PNG, pixel
// by pixel: ARGB32, straight alpha, network byte order, as the
// StatusNotifierItem spec asks. The away icon is mostly 60 % transparent,
// and every icon has anti-aliased edges, so a premultiplied or otherwise
// mangled conversion fails here.
func TestTrayIconPixmap(t *testing.T) {
	t.Parallel()
	s := startSession(t, reminderFlags...)
	s.menu(t)

	// Steady input: sitting, then due once the 10 s limit passes.
	stop := steadyInput(t, s.Desktop, inputInterval)
	waitStatus(t, s.Desktop, "sitting under steady input", func(st status) bool { return st.State == "sitting" }, menuTimeout)
	waitIcon(t, s.tray, assets.StateNormal)
	waitStatus(t, s.Desktop, "due after the sitting limit", func(st status) bool { return st.State == "due" }, reminderWithin)
	waitIcon(t, s.tray, assets.StateDue)

	// No input for the natural break: away.
	stop()
	waitStatus(t, s.Desktop, "away after the natural break", func(st status) bool { return st.State == "away" }, naturalBreak+6*time.Second)
	waitIcon(t, s.tray, assets.StateAway)

	if _, errOut, code := s.Run("pause", "1h"); code != 0 {
		t.Fatalf("limber pause 1h exited %d; stderr:\n%s", code, errOut)
	}
	waitIcon(t, s.tray, assets.StatePaused)
}

// waitIcon waits until the item's first IconPixmap matches the state's
// PNG of the same size, and fails with the closest state otherwise.
func waitIcon(t *testing.T, tr *harness.Tray, state string) {
	t.Helper()
	deadline := time.Now().Add(menuTimeout)
	for {
		px, err := tr.IconPixmap()
		if err != nil {
			t.Fatal(err)
		}
		if len(px) == 0 {
			t.Fatal("IconPixmap is empty")
		}
		diff, err := pixmapDiff(px[0], state)
		if err != nil {
			t.Fatal(err)
		}
		if diff == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("IconPixmap (%dx%d) is not the %q icon after %s: %s%s",
				px[0].Width, px[0].Height, state, menuTimeout, diff, closestState(px[0]))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// closestState names the tray state whose PNG the pixmap matches, if any,
// for failure messages.
func closestState(px harness.Pixmap) string {
	for _, st := range []string{assets.StateNormal, assets.StateDue, assets.StatePaused, assets.StateAway} {
		if d, err := pixmapDiff(px, st); err == nil && d == "" {
			return fmt.Sprintf(" (it is the %q icon)", st)
		}
	}
	return ""
}

// pixmapDiff compares an IconPixmap entry with the tray state's PNG of the
// same size, allowing ±1 per channel for rounding. It returns "" when they
// match and a description of the difference otherwise. The colour of a
// fully transparent pixel is not compared: it is invisible.
func pixmapDiff(px harness.Pixmap, state string) (string, error) {
	w, h := int(px.Width), int(px.Height)
	if w <= 0 || h <= 0 || len(px.Data) != w*h*4 {
		return fmt.Sprintf("malformed pixmap: %dx%d with %d bytes", w, h, len(px.Data)), nil
	}
	src, err := png.Decode(bytes.NewReader(assets.TrayIcon(state, w)))
	if err != nil {
		return "", fmt.Errorf("decode the %q tray PNG: %w", state, err)
	}
	if b := src.Bounds(); b.Dx() != w || b.Dy() != h {
		return fmt.Sprintf("size %dx%d, the %q PNG is %dx%d", w, h, state, b.Dx(), b.Dy()), nil
	}
	bad, first := 0, ""
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			want := color.NRGBAModel.Convert(src.At(src.Bounds().Min.X+x, src.Bounds().Min.Y+y)).(color.NRGBA)
			i := (y*w + x) * 4
			got := color.NRGBA{A: px.Data[i], R: px.Data[i+1], G: px.Data[i+2], B: px.Data[i+3]}
			if !sameARGB(got, want) {
				if bad == 0 {
					first = fmt.Sprintf("first at (%d,%d): ARGB %02X %02X %02X %02X, want %02X %02X %02X %02X",
						x, y, got.A, got.R, got.G, got.B, want.A, want.R, want.G, want.B)
				}
				bad++
			}
		}
	}
	if bad == 0 {
		return "", nil
	}
	return fmt.Sprintf("%d of %d pixels differ by more than 1, %s", bad, w*h, first), nil
}

// sameARGB reports whether two straight-alpha colours are equal within ±1
// per channel, ignoring the colour of transparent pixels.
func sameARGB(a, b color.NRGBA) bool {
	near := func(p, q uint8) bool { d := int(p) - int(q); return d >= -1 && d <= 1 }
	if !near(a.A, b.A) {
		return false
	}
	if a.A == 0 && b.A == 0 {
		return true
	}
	return near(a.R, b.R) && near(a.G, b.G) && near(a.B, b.B)
}

// TestTrayPixmapDiff checks the comparison itself: the exact conversion
// passes, a premultiplied one (upstream fyne.io/systray v1.12.2's bug)
// fails on the away icon.
func TestTrayPixmapDiff(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(assets.TrayIcon(assets.StateAway, 64)))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	straight := harness.Pixmap{Width: int32(b.Dx()), Height: int32(b.Dy())}
	premul := straight
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			straight.Data = append(straight.Data, c.A, c.R, c.G, c.B)
			r, g, bl, a := img.At(x, y).RGBA()
			premul.Data = append(premul.Data, byte(a), byte(r), byte(g), byte(bl))
		}
	}
	tests := []struct {
		name  string
		px    harness.Pixmap
		state string
		match bool
	}{
		{"straight away", straight, assets.StateAway, true},
		{"premultiplied away", premul, assets.StateAway, false},
		{"away is not normal", straight, assets.StateNormal, false},
		{"truncated", harness.Pixmap{Width: 64, Height: 64, Data: straight.Data[:100]}, assets.StateAway, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diff, err := pixmapDiff(tt.px, tt.state)
			if err != nil {
				t.Fatal(err)
			}
			if (diff == "") != tt.match {
				t.Errorf("pixmapDiff = %q, want match=%v", diff, tt.match)
			}
		})
	}
	if img.Bounds() != image.Rect(0, 0, 64, 64) {
		t.Errorf("away-64 is %v, want 64x64", img.Bounds())
	}
}

// TestTrayItemID: the item's Id is the application ID, set before the item
// is exported, and stays the same when the status line (the title and the
// tooltip) changes and when the daemon starts again. Panels key their list
// of known items on it: an Id made of the status line added an entry at
// every start and forgot that the user had hidden Limber.
func TestTrayItemID(t *testing.T) {
	t.Parallel()
	s := startSession(t)
	s.menu(t)
	checkItemProperties(t, s.tray)

	before, err := s.tray.Title()
	if err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := s.Run("pause", "1h"); code != 0 {
		t.Fatalf("limber pause 1h exited %d; stderr:\n%s", code, errOut)
	}
	if _, err := s.tray.WaitLabel(func(l string) bool { return l == labelResume }, menuTimeout); err != nil {
		t.Fatal(err)
	}
	if err := waitTooltipCarriesStatus(s.tray, menuTimeout); err != nil {
		t.Fatal(err)
	}
	after, err := s.tray.Title()
	if err != nil {
		t.Fatal(err)
	}
	if after == before {
		t.Logf("title %q did not change on pause; the Id check below is weaker", after)
	}
	checkItemProperties(t, s.tray)

	// Start again: the new item has the same Id.
	if _, errOut, code := s.Run("quit"); code != 0 {
		t.Fatalf("limber quit exited %d; stderr:\n%s", code, errOut)
	}
	if _, err := s.daemon.Wait(quitTimeout); err != nil {
		t.Fatal(err)
	}
	if err := s.watcher.WaitFor(func(items []harness.Item) bool { return len(items) == 0 }, 2*time.Second); err != nil {
		t.Fatal(err)
	}
	again := s.StartLimber()
	item, err := s.watcher.WaitItem(registerTimeout)
	if err != nil {
		t.Fatalf("restarted daemon did not register: %v\nstderr:\n%s", err, again.Stderr())
	}
	tr := s.Desktop.Tray(item)
	if _, err := tr.WaitMenu(func(m *harness.MenuItem) bool { return m.Find(labelQuit) != nil }, menuTimeout); err != nil {
		t.Fatal(err)
	}
	checkItemProperties(t, tr)
}

// checkItemProperties checks what the item says about itself: a constant
// Id, the ApplicationStatus category, Active, a title, and a tooltip that
// carries the status line.
func checkItemProperties(t *testing.T, tr *harness.Tray) {
	t.Helper()
	if id, err := tr.ID(); err != nil || id != trayID {
		t.Errorf("Id = %q (%v), want %q", id, err, trayID)
	}
	if c, err := tr.Category(); err != nil || c != "ApplicationStatus" {
		t.Errorf("Category = %q (%v), want ApplicationStatus", c, err)
	}
	if st, err := tr.Status(); err != nil || st != "Active" {
		t.Errorf("Status = %q (%v), want Active", st, err)
	}
	if err := waitTooltipCarriesStatus(tr, menuTimeout); err != nil {
		t.Error(err)
	}
	if title, err := tr.Title(); err != nil || title == "" {
		t.Errorf("Title = %q (%v), want a non-empty title", title, err)
	}
}
