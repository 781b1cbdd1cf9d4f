// Package children starts and watches Limber's window processes.
//
// Every window is the same executable started as `limber ui KIND [ARG]`,
// so the tray daemon never loads a GL driver and gets all window memory
// back when the window closes. The child talks back with control.Outcome
// JSON lines on stdout (first control.ActionReady, later its outcome, last
// control.ActionClosing) and obeys control.WindowCommand lines on stdin;
// the package doc of app/control describes the whole protocol.
package children

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os/exec"
	"sync"
	"time"

	"github.com/limber-app/limber/app/control"
)

// Limits bound how long a child may take. A child that shows no window
// within Ready is hung (say a stuck GL driver) and is killed; Lifetime caps
// a window forgotten on another workspace.
type Limits struct {
	Ready    time.Duration
	Lifetime time.Duration
}

// DefaultLimits suit every window Limber has.
var DefaultLimits = Limits{Ready: 30 * time.Second, Lifetime: 6 * time.Hour}

// Launcher runs at most one child per window kind.
type Launcher struct {
	Exe    string   // path of the limber executable
	Env    []string // environment for children; nil inherits
	Limits Limits
	Log    *slog.Logger
	// OnMessage gets every line a child reports (ready, outcomes) and a
	// final control.ActionExited when it is gone. Called from the child's
	// reader goroutine.
	OnMessage func(control.Outcome)

	mu      sync.Mutex
	running map[control.Window]*child
}

type child struct {
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	arg     string
	closing bool          // its window is gone; the process is exiting
	shown   chan struct{} // closed once it reports ActionReady
	done    chan struct{} // closed once the process is reaped
	exitErr error         // how it ended; read after done
}

// ErrAlreadyOpen is returned by Open when a window of that kind is shown;
// it was raised instead of opening a second one.
var ErrAlreadyOpen = errors.New("window already open")

// Open starts `limber ui kind arg`, or raises the window of that kind that
// is already open.
func (l *Launcher) Open(kind control.Window, arg string) error {
	_, err := l.start(kind, arg)
	return err
}

// start is Open, and returns the child it started.
func (l *Launcher) start(kind control.Window, arg string) (*child, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.running == nil {
		l.running = map[control.Window]*child{}
	}
	if c, ok := l.running[kind]; ok {
		if !c.closing {
			_, _ = io.WriteString(c.stdin, string(control.RaiseWindow)+"\n")
			return nil, ErrAlreadyOpen
		}
		// Its window just closed: wait for the process to go, so a click
		// right after closing opens a fresh window instead of raising a
		// dying one.
		l.mu.Unlock()
		select {
		case <-c.done:
		case <-time.After(2 * time.Second):
			_ = c.cmd.Process.Kill()
			<-c.done
		}
		l.mu.Lock()
		if _, ok := l.running[kind]; ok {
			return nil, ErrAlreadyOpen
		}
	}
	args := []string{"ui", string(kind)}
	if arg != "" {
		args = append(args, arg)
	}
	cmd := exec.Command(l.Exe, args...)
	cmd.Env = l.Env
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("start %s window: %w", kind, err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("start %s window: %w", kind, err)
	}
	cmd.Stderr = logWriter{l.logger(), kind}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s window: %w", kind, err)
	}
	c := &child{cmd: cmd, stdin: stdin, arg: arg, shown: make(chan struct{}), done: make(chan struct{})}
	l.running[kind] = c
	go l.watch(kind, c, stdout)
	return c, nil
}

// WindowFailed is returned by OpenChecked when the window process exited
// before showing its window.
type WindowFailed struct {
	Kind control.Window
	Code int // the process's exit code (-1 when killed by a signal)
	Err  error
}

func (e *WindowFailed) Error() string {
	return fmt.Sprintf("the %s window could not open: %v", e.Kind, e.Err)
}

func (e *WindowFailed) Unwrap() error { return e.Err }

// OpenChecked is Open, and waits up to within for the window to show: a
// process that exits before, with an error (no display, say), is reported
// as *WindowFailed, so whoever asked learns it. A window still starting
// when within ends counts as opened.
func (l *Launcher) OpenChecked(kind control.Window, arg string, within time.Duration) error {
	c, err := l.start(kind, arg)
	if err != nil {
		return err
	}
	t := time.NewTimer(within)
	defer t.Stop()
	select {
	case <-c.shown:
	case <-t.C:
	case <-c.done:
		select {
		case <-c.shown:
			return nil
		default:
		}
		if c.exitErr != nil {
			return &WindowFailed{Kind: kind, Code: c.cmd.ProcessState.ExitCode(), Err: c.exitErr}
		}
	}
	return nil
}

// watch reads the child's reports, enforces the limits and forgets the
// child when it exits, whatever the way.
func (l *Launcher) watch(kind control.Window, c *child, stdout io.Reader) {
	limits := l.Limits
	if limits == (Limits{}) {
		limits = DefaultLimits
	}
	ready := make(chan struct{})
	var readyOnce sync.Once
	readerDone := make(chan struct{})
	go func() {
		defer close(readerDone)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			var o control.Outcome
			if err := json.Unmarshal(sc.Bytes(), &o); err != nil {
				l.logger().Warn("child printed a non-JSON line", "window", kind, "line", sc.Text())
				continue
			}
			// A window speaks for its own kind, and a routine window for the
			// routine it was started with.
			o.Window = kind
			if kind == control.WindowRoutine {
				o.RoutineID = c.arg
			}
			switch o.Action {
			case control.ActionReady:
				readyOnce.Do(func() { close(ready); close(c.shown) })
			case control.ActionClosing:
				l.mu.Lock()
				c.closing = true
				l.mu.Unlock()
				continue
			}
			if l.OnMessage != nil {
				l.OnMessage(o)
			}
		}
	}()

	readyTimer := time.NewTimer(limits.Ready)
	lifeTimer := time.NewTimer(limits.Lifetime)
	defer readyTimer.Stop()
	defer lifeTimer.Stop()
	done := make(chan error, 1)
	go func() {
		<-readerDone
		done <- c.cmd.Wait()
	}()
	for {
		select {
		case <-ready:
			readyTimer.Stop()
			ready = nil
		case <-readyTimer.C:
			l.logger().Error("window did not open in time; killing it", "window", kind, "after", limits.Ready)
			_ = c.cmd.Process.Kill()
		case <-lifeTimer.C:
			l.logger().Warn("window open too long; closing it", "window", kind, "after", limits.Lifetime)
			_ = c.cmd.Process.Kill()
		case err := <-done:
			l.mu.Lock()
			delete(l.running, kind)
			l.mu.Unlock()
			c.exitErr = err
			close(c.done)
			if err != nil {
				l.logger().Warn("window process ended with an error", "window", kind, "err", err)
			}
			if l.OnMessage != nil {
				l.OnMessage(control.Outcome{Window: kind, Action: control.ActionExited, RoutineID: c.arg})
			}
			return
		}
	}
}

// OpenKinds reports which kinds have a window open, for status.
func (l *Launcher) OpenKinds() []control.Window {
	l.mu.Lock()
	defer l.mu.Unlock()
	kinds := make([]control.Window, 0, len(l.running))
	for k := range l.running {
		kinds = append(kinds, k)
	}
	return kinds
}

// CloseAll asks every child to close, and kills those that do not within
// grace. Used when the daemon quits.
func (l *Launcher) CloseAll(grace time.Duration) {
	l.mu.Lock()
	kids := make([]*child, 0, len(l.running))
	for _, c := range l.running {
		kids = append(kids, c)
		_, _ = io.WriteString(c.stdin, string(control.CloseWindow)+"\n")
	}
	l.mu.Unlock()
	deadline := time.Now().Add(grace)
	for time.Now().Before(deadline) {
		if len(l.OpenKinds()) == 0 {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, c := range kids {
		_ = c.cmd.Process.Kill()
	}
}

func (l *Launcher) logger() *slog.Logger {
	if l.Log != nil {
		return l.Log
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// logWriter forwards a child's stderr into the daemon's log, one record per
// write, so a crashing window leaves its panic in the daemon's log.
type logWriter struct {
	log  *slog.Logger
	kind control.Window
}

func (w logWriter) Write(p []byte) (int, error) {
	w.log.Info("window says", "window", w.kind, "text", string(p))
	return len(p), nil
}
