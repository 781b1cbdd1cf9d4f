package routine

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/i18n/i18ntest"
)

// TestGermanView runs a built-in routine with a German locale: the chrome,
// the routine's name and the stretch's name and cues are German.
func TestGermanView(t *testing.T) {
	i18ntest.Use(t, "de_DE.UTF-8")
	clk, rec := newClock(), &recorder{}
	v, w := newView(t, quick(t), clk, rec, true)

	checks := []struct{ what, got, want string }{
		{"title", v.title.Text, "Kurz im Stehen auflockern"},
		{"phase", v.phase.Text, "Mach dich bereit"},
		{"step", strings.TrimRight(v.stepNo.Text, "0123456789"), "Schritt 1 von "},
		{"name", v.name.Text, "Schulterkreisen"},
		{"reps", v.reps.Text, "6 Wiederholungen"},
		{"pause button", v.pauseBtn.Text, "Anhalten"},
		{"got it", v.gotIt.Text, "Verstanden"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if !strings.HasPrefix(v.cueText.Text, "• Steh aufrecht, die Arme locker.") {
		t.Errorf("cues = %q, want the German cues", v.cueText.Text)
	}

	// Into the first step: the next stretch is announced in German.
	clk.add(7 * time.Second)
	v.Tick()
	if want := "Als Nächstes: Fersenheben"; v.nextText.Text != want {
		t.Errorf("up next = %q, want %q", v.nextText.Text, want)
	}
	v.TogglePause()
	if v.pauseBtn.Text != "Fortsetzen" || !strings.HasPrefix(v.phase.Text, "Angehalten") {
		t.Errorf("paused: button %q, phase %q", v.pauseBtn.Text, v.phase.Text)
	}

	// Every button on screen is German: none keeps an English label.
	english := map[string]bool{"Previous": true, "Next": true, "Restart": true, "Close": true, "Resume": true, "Got it": true}
	var labels []string
	walk(t, w.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			labels = append(labels, b.Text)
			if english[b.Text] {
				t.Errorf("button %q is still English", b.Text)
			}
		}
	})
	if len(labels) < 5 {
		t.Errorf("found only buttons %q", labels)
	}
}

// walk visits every object of a tree of containers.
func walk(t *testing.T, o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch o := o.(type) {
	case *fyne.Container:
		for _, child := range o.Objects {
			walk(t, child, f)
		}
	case *widget.Button, *widget.Label:
		// leaves
	case fyne.Widget:
		for _, child := range test.TempWidgetRenderer(t, o).Objects() {
			walk(t, child, f)
		}
	}
}
