package harness

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// BinaryEnv names the environment variable holding the limber binary under
// test. The Makefile builds the binary once and sets it; the e2e TestMain
// builds one into a temp dir otherwise.
const BinaryEnv = "LIMBER_BIN"

// runTimeout bounds a CLI call made with Run.
const runTimeout = 20 * time.Second

// stopGrace is how long a process gets after SIGTERM before SIGKILL.
const stopGrace = 3 * time.Second

// Process is a child started by the harness, with its output captured.
type Process struct {
	name   string
	cmd    *exec.Cmd
	stdout *watchedBuffer
	stderr *watchedBuffer
	done   chan struct{}

	// Set before done is closed; read only after.
	exitCode int
	waitErr  error
}

// Binary returns the limber binary under test from $LIMBER_BIN.
func Binary() (string, error) {
	bin := os.Getenv(BinaryEnv)
	if bin == "" {
		return "", fmt.Errorf("%s is not set (the e2e TestMain or the Makefile sets it)", BinaryEnv)
	}
	if _, err := os.Stat(bin); err != nil {
		return "", fmt.Errorf("%s: %w", BinaryEnv, err)
	}
	return bin, nil
}

// StartLimber starts the limber binary with args in the desktop
// environment. The process is stopped at teardown if it is still running.
func (d *Desktop) StartLimber(args ...string) *Process {
	d.tb.Helper()
	bin, err := Binary()
	if err != nil {
		d.tb.Fatalf("harness: %v", err)
	}
	return d.StartProgram(bin, args...)
}

// StartProgram starts any program in the desktop environment.
func (d *Desktop) StartProgram(bin string, args ...string) *Process {
	d.tb.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = d.Env()
	name := strings.TrimSpace(baseName(bin) + " " + strings.Join(args, " "))
	p, err := d.start(name, cmd)
	if err != nil {
		d.tb.Fatalf("harness: %v", err)
	}
	return p
}

// Run runs limber with args to completion (at most 20 s) and returns its
// output and exit code. A timeout or a failure to start fails the test.
func (d *Desktop) Run(args ...string) (stdout, stderr string, exitCode int) {
	d.tb.Helper()
	p := d.StartLimber(args...)
	code, err := p.Wait(runTimeout)
	if err != nil {
		d.tb.Fatalf("harness: limber %s: %v", strings.Join(args, " "), err)
	}
	return p.Stdout(), p.Stderr(), code
}

// start starts cmd with captured output and tracks it for teardown.
func (d *Desktop) start(name string, cmd *exec.Cmd) (*Process, error) {
	p := &Process{
		name:   name,
		cmd:    cmd,
		stdout: newWatchedBuffer(),
		stderr: newWatchedBuffer(),
		done:   make(chan struct{}),
	}
	cmd.Stdout = p.stdout
	cmd.Stderr = p.stderr
	// Own process group, so a stray Ctrl-C to `go test` does not reach it
	// before the harness has stopped it in order.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	// Grandchildren (the daemon's window processes) inherit the output
	// pipes; do not let them keep Wait from returning once the child is gone.
	cmd.WaitDelay = 2 * time.Second
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	d.mu.Lock()
	d.procs = append(d.procs, p)
	d.mu.Unlock()
	go func() {
		err := cmd.Wait()
		p.exitCode = cmd.ProcessState.ExitCode()
		var exitErr *exec.ExitError
		if err != nil && !errors.As(err, &exitErr) {
			p.waitErr = err
		}
		close(p.done)
	}()
	return p, nil
}

// Pid is the process id.
func (p *Process) Pid() int { return p.cmd.Process.Pid }

// Stdout is everything the process wrote to stdout so far.
func (p *Process) Stdout() string { return p.stdout.String() }

// Stderr is everything the process wrote to stderr so far.
func (p *Process) Stderr() string { return p.stderr.String() }

// Exited reports whether the process has exited.
func (p *Process) Exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Wait waits up to timeout for the process to exit and returns its exit code
// (-1 when killed by a signal).
func (p *Process) Wait(timeout time.Duration) (int, error) {
	select {
	case <-p.done:
		return p.exitCode, p.waitErr
	case <-time.After(timeout):
		return 0, fmt.Errorf("%s still running after %s; stderr:\n%s", p.name, timeout, tail(p.Stderr(), 20))
	}
}

// Signal sends sig to the process. Signalling an exited process is not an
// error.
func (p *Process) Signal(sig os.Signal) error {
	if p.Exited() {
		return nil
	}
	if err := p.cmd.Process.Signal(sig); err != nil && !isExited(err) {
		return fmt.Errorf("signal %s to %s: %w", sig, p.name, err)
	}
	return nil
}

// Kill sends SIGKILL and waits for the process to be reaped.
func (p *Process) Kill() error {
	if err := p.Signal(syscall.SIGKILL); err != nil {
		return err
	}
	_, err := p.Wait(stopGrace)
	return err
}

// WaitStderr waits until stderr contains substr.
func (p *Process) WaitStderr(substr string, timeout time.Duration) error {
	if !p.stderr.waitFor(substr, timeout, p.done) {
		return fmt.Errorf("%s: stderr has no %q after %s; stderr:\n%s", p.name, substr, timeout, tail(p.Stderr(), 20))
	}
	return nil
}

// WaitStdout waits until stdout contains substr.
func (p *Process) WaitStdout(substr string, timeout time.Duration) error {
	if !p.stdout.waitFor(substr, timeout, p.done) {
		return fmt.Errorf("%s: stdout has no %q after %s; stdout:\n%s", p.name, substr, timeout, tail(p.Stdout(), 20))
	}
	return nil
}

// stop ends the process politely (SIGTERM), then firmly (SIGKILL), and
// finally kills whatever is left in its process group (window processes the
// daemon started and did not reap).
func (p *Process) stop() {
	if !p.Exited() {
		_ = p.Signal(syscall.SIGTERM)
		if _, err := p.Wait(stopGrace); err != nil {
			_ = p.Signal(syscall.SIGKILL)
			_, _ = p.Wait(stopGrace)
		}
	}
	// The group id is the child's pid (Setpgid); ESRCH means nothing is left.
	_ = syscall.Kill(-p.Pid(), syscall.SIGKILL)
}

// watchedBuffer is a goroutine-safe output buffer that wakes waiters on
// every write.
type watchedBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed changes // broadcast on each write
}

func newWatchedBuffer() *watchedBuffer {
	return &watchedBuffer{changed: newChanges()}
}

func (b *watchedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n, err := b.buf.Write(p)
	b.changed.broadcast()
	return n, err
}

func (b *watchedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor waits until the buffer contains substr, the timeout passes or
// done is closed (then it checks one last time: output is complete).
func (b *watchedBuffer) waitFor(substr string, timeout time.Duration, done <-chan struct{}) bool {
	// cmd.Wait has copied all output by the time done closes.
	_, found := awaitChange(&b.mu, &b.changed, timeout, done, b.buf.String,
		func(s string) bool { return strings.Contains(s, substr) })
	return found
}

// baseName is the last element of a slash-separated path.
func baseName(path string) string {
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		return path[i+1:]
	}
	return path
}
