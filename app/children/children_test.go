package children

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/limber-app/limber/app/control"
)

// TestMain lets the test binary play a child window: with
// LIMBER_FAKE_CHILD set it behaves as that script instead of running tests.
func TestMain(m *testing.M) {
	switch os.Getenv("LIMBER_FAKE_CHILD") {
	case "":
		os.Exit(m.Run())
	case "echo":
		// Ready, then answer each stdin line with an outcome naming it.
		fmt.Println(`{"action":"ready"}`)
		sc := bufio.NewScanner(os.Stdin)
		for sc.Scan() {
			fmt.Printf("{\"action\":%q}\n", sc.Text())
			if sc.Text() == string(control.CloseWindow) {
				os.Exit(0)
			}
		}
		os.Exit(0)
	case "linger":
		// The window closes at once; the process takes a while to exit.
		fmt.Println(`{"action":"ready"}`)
		fmt.Println(`{"action":"closing"}`)
		time.Sleep(500 * time.Millisecond)
		os.Exit(0)
	case "hang":
		time.Sleep(time.Minute)
		os.Exit(0)
	case "liar":
		// Claims another window and another routine than it was started as.
		fmt.Println(`{"window":"settings","action":"ready","routine_id":"forged"}`)
		fmt.Println(`{"window":"prompt","action":"completed","routine_id":"forged","seconds":60}`)
		os.Exit(0)
	case "nodisplay":
		fmt.Fprintln(os.Stderr, "limber: no display")
		os.Exit(5)
	case "crash":
		fmt.Println(`{"action":"ready"}`)
		fmt.Fprintln(os.Stderr, "panic: window exploded")
		os.Exit(2)
	}
}

type recorder struct {
	ch chan control.Outcome
}

func newRecorder() *recorder { return &recorder{ch: make(chan control.Outcome, 16)} }

func (r *recorder) add(o control.Outcome) { r.ch <- o }

func (r *recorder) want(t *testing.T, action control.Action) control.Outcome {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case o := <-r.ch:
			if o.Action == action {
				return o
			}
		case <-timeout:
			t.Fatalf("no %q message within 10s", action)
		}
	}
}

func launcher(t *testing.T, script string, rec *recorder, limits Limits) *Launcher {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return &Launcher{
		Exe:       exe,
		Env:       append(os.Environ(), "LIMBER_FAKE_CHILD="+script),
		Limits:    limits,
		OnMessage: rec.add,
	}
}

func TestOpenRaiseClose(t *testing.T) {
	rec := newRecorder()
	l := launcher(t, "echo", rec, DefaultLimits)
	if err := l.Open(control.WindowRoutine, "desk-break"); err != nil {
		t.Fatal(err)
	}
	if o := rec.want(t, control.ActionReady); o.Window != control.WindowRoutine {
		t.Errorf("ready from window %q", o.Window)
	}
	if err := l.Open(control.WindowRoutine, "other"); !errors.Is(err, ErrAlreadyOpen) {
		t.Fatalf("second Open: %v, want ErrAlreadyOpen", err)
	}
	rec.want(t, control.Action(control.RaiseWindow)) // the echo child names the stdin line it got
	if got := l.OpenKinds(); len(got) != 1 || got[0] != control.WindowRoutine {
		t.Errorf("OpenKinds = %v", got)
	}
	l.CloseAll(5 * time.Second)
	if o := rec.want(t, control.ActionExited); o.RoutineID != "desk-break" {
		t.Errorf("exited outcome = %+v", o)
	}
	if got := l.OpenKinds(); len(got) != 0 {
		t.Errorf("after close OpenKinds = %v", got)
	}
}

func TestHungChildKilled(t *testing.T) {
	rec := newRecorder()
	l := launcher(t, "hang", rec, Limits{Ready: 200 * time.Millisecond, Lifetime: time.Hour})
	start := time.Now()
	if err := l.Open(control.WindowSettings, ""); err != nil {
		t.Fatal(err)
	}
	rec.want(t, control.ActionExited)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("hung child lived %v", d)
	}
	// The kind is free again.
	if err := l.Open(control.WindowSettings, ""); err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	rec.want(t, control.ActionExited)
}

func TestCrashedChildForgotten(t *testing.T) {
	rec := newRecorder()
	l := launcher(t, "crash", rec, DefaultLimits)
	if err := l.Open(control.WindowStats, ""); err != nil {
		t.Fatal(err)
	}
	rec.want(t, control.ActionExited)
	if got := l.OpenKinds(); len(got) != 0 {
		t.Errorf("crashed child still listed: %v", got)
	}
}

func TestReopenWhileClosing(t *testing.T) {
	rec := newRecorder()
	l := launcher(t, "linger", rec, DefaultLimits)
	if err := l.Open(control.WindowRoutine, "a"); err != nil {
		t.Fatal(err)
	}
	rec.want(t, control.ActionReady)
	time.Sleep(100 * time.Millisecond) // let "closing" arrive
	if err := l.Open(control.WindowRoutine, "b"); err != nil {
		t.Fatalf("reopen while the old window closes: %v, want a fresh window", err)
	}
	if o := rec.want(t, control.ActionExited); o.RoutineID != "a" {
		t.Errorf("first exit = %+v, want routine a", o)
	}
	rec.want(t, control.ActionReady)
	rec.want(t, control.ActionExited)
}

// TestHostileChildSpeaksForItself: a child's lines are taken as from the
// window kind and routine it was started with, whatever they claim.
func TestHostileChildSpeaksForItself(t *testing.T) {
	rec := newRecorder()
	l := launcher(t, "liar", rec, DefaultLimits)
	if err := l.Open(control.WindowRoutine, "desk-break"); err != nil {
		t.Fatal(err)
	}
	for _, action := range []control.Action{control.ActionReady, control.ActionCompleted} {
		if o := rec.want(t, action); o.Window != control.WindowRoutine || o.RoutineID != "desk-break" {
			t.Errorf("%s outcome = %+v, want window routine, routine desk-break", action, o)
		}
	}
	rec.want(t, control.ActionExited)
}

// TestHostileFailedWindowReported: a window process that exits with an
// error before showing its window (no display, say) is reported to whoever
// asked, with its exit code.
func TestHostileFailedWindowReported(t *testing.T) {
	rec := newRecorder()
	l := launcher(t, "nodisplay", rec, DefaultLimits)
	err := l.OpenChecked(control.WindowRoutine, "desk-break", 5*time.Second)
	var failed *WindowFailed
	if !errors.As(err, &failed) || failed.Code != 5 {
		t.Fatalf("OpenChecked = %v, want a WindowFailed with code 5", err)
	}
	ok := launcher(t, "echo", rec, DefaultLimits)
	if err := ok.OpenChecked(control.WindowStats, "", 5*time.Second); err != nil {
		t.Errorf("OpenChecked of a window that shows: %v", err)
	}
	ok.CloseAll(5 * time.Second)
}
