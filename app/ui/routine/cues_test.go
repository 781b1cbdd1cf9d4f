package routine

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/limber-app/limber/app/sound"
	"github.com/limber-app/limber/routines"
)

// fakeSink records the cues with the fake clock's time since the start.
type fakeSink struct {
	clk   *fakeClock
	start time.Time
	got   []string
}

func (f *fakeSink) Play(c sound.Cue) {
	f.got = append(f.got, fmt.Sprintf("%s@%s", c, f.clk.t.Sub(f.start)))
}

// cueRoutine: a 5 s hold, rest 2 s, then a per-side 4 s hold (no rest
// between sides), then the end.
func cueRoutine() routines.Routine {
	s := time.Second
	return routines.Routine{ID: "cues", Name: "Cues", Steps: []routines.Step{
		{Name: "A", Timing: routines.Hold(5 * s), Sides: routines.SidesNone, Rest: 2 * s},
		{Name: "B", Timing: routines.Hold(4 * s), Sides: routines.SidesBoth},
	}}
}

func newSoundView(t *testing.T, muted bool) (*View, *fakeClock, *fakeSink) {
	t.Helper()
	test.NewTempApp(t)
	clk := newClock()
	sink := &fakeSink{clk: clk, start: clk.t}
	v := New(Options{Routine: cueRoutine(), Clock: clk.now, GetReady: 5 * time.Second, Sound: sink, Muted: muted, NewTicker: stillTicker})
	w := test.NewWindow(v.Content())
	w.Resize(fyne.NewSize(860, 640))
	t.Cleanup(w.Close)
	return v, clk, sink
}

// TestCuesAtTheRightMoments replays the routine at the window's tick rate
// and checks every cue and when it sounds: ticks in the last three
// seconds of the get-ready count and of each step (not of rests), a chime
// at each step, the switch-sides cue at the second side, and the end.
func TestCuesAtTheRightMoments(t *testing.T) {
	v, clk, sink := newSoundView(t, false)
	for range 25 * 5 {
		clk.add(200 * time.Millisecond)
		v.Tick()
	}
	want := []string{
		"tick@2s", "tick@3s", "tick@4s", // get-ready 0–5 s
		"step@5s", "tick@7s", "tick@8s", "tick@9s", // A 5–10 s, rest 10–12 s (quiet)
		"step@12s", "tick@13s", "tick@14s", "tick@15s", // B left 12–16 s
		"switch-sides@16s", "tick@17s", "tick@18s", "tick@19s", // B right 16–20 s
		"done@20s",
	}
	if !slices.Equal(sink.got, want) {
		t.Errorf("cues\n got %q\nwant %q", sink.got, want)
	}
}

func TestCuesAfterSkipAndRestart(t *testing.T) {
	v, clk, sink := newSoundView(t, false)
	clk.add(time.Second)
	v.Next() // into A
	v.Next() // into B's left side
	v.Next() // into B's right side
	v.Restart()
	clk.add(2 * time.Second)
	v.Tick() // the restarted count ticks again
	want := []string{"step@1s", "step@1s", "switch-sides@1s", "tick@3s"}
	if !slices.Equal(sink.got, want) {
		t.Errorf("cues\n got %q\nwant %q", sink.got, want)
	}
}

func TestMuteSilencesAndUnmutes(t *testing.T) {
	v, clk, sink := newSoundView(t, true)
	if v.muteBtn.Text != "Unmute" || !v.muteBtn.Visible() {
		t.Errorf("muted window: button %q visible %v", v.muteBtn.Text, v.muteBtn.Visible())
	}
	clk.add(5 * time.Second)
	v.Tick()
	if len(sink.got) != 0 {
		t.Errorf("muted window played %q", sink.got)
	}
	v.TypedKey(&fyne.KeyEvent{Name: fyne.KeyM})
	if v.muteBtn.Text != "Mute" {
		t.Errorf("after M: button %q", v.muteBtn.Text)
	}
	clk.add(3 * time.Second) // 2 s left of A
	v.Tick()
	if want := []string{"tick@8s"}; !slices.Equal(sink.got, want) {
		t.Errorf("after unmute: %q, want %q", sink.got, want)
	}
}

func TestNoSoundServerNote(t *testing.T) {
	v, _, _ := newSoundView(t, false)
	if v.soundNote.Visible() {
		t.Fatal("sound note shown before any failure")
	}
	v.SoundUnavailable()
	if !v.soundNote.Visible() || v.muteBtn.Visible() {
		t.Errorf("after failure: note visible %v, mute button visible %v", v.soundNote.Visible(), v.muteBtn.Visible())
	}
}

func TestNoSinkNoMuteButton(t *testing.T) {
	clk, rec := newClock(), &recorder{}
	v, _ := newView(t, quick(t), clk, rec, false)
	if v.muteBtn.Visible() {
		t.Error("mute button shown without a sound sink")
	}
}
