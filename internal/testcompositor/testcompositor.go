// Package testcompositor starts real, headless desktop compositors for tests
// — GNOME's Mutter and sway — each in a private runtime directory (and, for
// Mutter, a private D-Bus session), so that presence code is exercised
// against the components users run without touching the developer's
// session. It also drives them: Mutter through its RemoteDesktop D-Bus API,
// sway through wtype.
//
// Every helper skips the test when a tool is missing, unless the
// environment variable CI is "true": on CI a missing tool is a broken image
// (scripts/deps.sh test installs them) and must fail loudly.
package testcompositor

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"
)

// startTimeout bounds how long a compositor or bus may take to come up; slow
// CI machines need it generous.
const startTimeout = 30 * time.Second

// tempDir makes a directory with a short path: Unix socket paths are limited
// to 108 bytes, which t.TempDir can exceed.
func tempDir(t testing.TB, prefix string) string {
	t.Helper()
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		t.Fatalf("create temp dir: %v", err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// process is a started server whose output is kept for the test log.
type process struct {
	cmd  *exec.Cmd
	out  *syncBuffer
	done chan struct{}
	err  error // set before done closes

	stopOnce sync.Once
}

// start runs cmd with stdout and stderr captured; the output is logged when
// the test fails. The process is stopped at cleanup.
func start(t testing.TB, name string, cmd *exec.Cmd) *process {
	t.Helper()
	p := &process{cmd: cmd, out: &syncBuffer{}, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = p.out, p.out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	go func() { p.err = cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		p.stop()
		if t.Failed() {
			t.Logf("%s output:\n%s", name, p.out.String())
		}
	})
	return p
}

// exited reports whether the process has ended.
func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// stop asks the process to end (SIGTERM), kills it after a grace period and
// reaps it.
func (p *process) stop() {
	p.stopOnce.Do(func() {
		_ = p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(5 * time.Second):
			_ = p.cmd.Process.Kill()
			<-p.done
		}
	})
}

// waitFor calls ready until it returns nil, the process exits or
// startTimeout passes. Startup is the one place these helpers poll: a
// compositor has no readiness notification that works across versions.
func waitFor(p *process, what string, ready func() error) error {
	deadline := time.Now().Add(startTimeout)
	for {
		err := ready()
		if err == nil {
			return nil
		}
		if p.exited() {
			return fmt.Errorf("%s: process exited (%v) before it was ready: %w", what, p.err, err)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not ready after %v: %w", what, startTimeout, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// syncBuffer is a bytes.Buffer safe for the writes of a child process's
// copier goroutines and reads from the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
