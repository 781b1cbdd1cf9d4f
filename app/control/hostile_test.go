package control

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestHostileOversizedRequest streams far more than a request may hold
// without a newline: the server must answer with an error and hang up
// long before it has buffered it all, and keep serving others.
func TestHostileOversizedRequest(t *testing.T) {
	dir := t.TempDir()
	s := startServer(t, dir, func(Request) Response { return Response{OK: true} })
	defer s.Close()
	path := filepath.Join(dir, "limber.sock")
	c, err := net.Dial("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	// Write in the background: the server stops reading, so a write may
	// block or fail once it has hung up.
	var written atomic.Int64
	go func() {
		chunk := bytes.Repeat([]byte("x"), 32<<10)
		for written.Load() < 64<<20 {
			n, err := c.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}()
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		t.Fatalf("no answer to an oversized request: %v (client wrote %d bytes)", err, written.Load())
	}
	if !strings.Contains(line, `"ok":false`) || !strings.Contains(line, "too large") {
		t.Errorf("answer = %q, want an error saying the request is too large", line)
	}
	if n := written.Load(); n >= 64<<20 {
		t.Errorf("server read all %d bytes before refusing", n)
	}
	if resp, err := Send(path, Request{Cmd: CmdStatus}); err != nil || !resp.OK {
		t.Fatalf("server unusable after an oversized request: %+v %v", resp, err)
	}
}

// TestHostileIdleConnectionsClosed holds connections that never send
// anything: each is closed after the idle limit.
func TestHostileIdleConnectionsClosed(t *testing.T) {
	dir := t.TempDir()
	s, err := Listen(filepath.Join(dir, "limber.sock"), func(Request) Response { return Response{OK: true} }, quietLog())
	if err != nil {
		t.Fatal(err)
	}
	s.idle = 200 * time.Millisecond
	go s.Serve()
	defer s.Close()
	c, err := net.Dial("unix", filepath.Join(dir, "limber.sock"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	if _, err := io.ReadAll(c); err != nil {
		t.Fatalf("idle connection not closed by the server: %v", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("idle connection closed after %s", took)
	}
}

// TestHostileTooManyConnections opens more connections than the server
// serves at once: the extra ones are closed at once, and once the idle
// ones are gone, requests are answered again.
func TestHostileTooManyConnections(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "limber.sock")
	s, err := Listen(path, func(Request) Response { return Response{OK: true} }, quietLog())
	if err != nil {
		t.Fatal(err)
	}
	s.idle = 2 * time.Second
	go s.Serve()
	defer s.Close()

	var held []net.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	for range maxConns {
		c, err := net.Dial("unix", path)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, c)
	}
	time.Sleep(100 * time.Millisecond) // let the server accept them all
	extra, err := net.Dial("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	defer extra.Close()
	_ = extra.SetReadDeadline(time.Now().Add(time.Second))
	if _, err := extra.Read(make([]byte, 1)); !errors.Is(err, io.EOF) {
		t.Errorf("connection beyond the cap: read err = %v, want EOF (closed at once)", err)
	}
	for _, c := range held {
		c.Close()
	}
	held = nil
	deadline := time.Now().Add(3 * time.Second)
	for {
		resp, err := Send(path, Request{Cmd: CmdStatus})
		if err == nil && resp.OK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("server did not recover after the connections closed: %+v %v", resp, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// failingListener fails its first Accept calls the way an exhausted file
// descriptor table does.
type failingListener struct {
	net.Listener
	fails atomic.Int32
}

func (l *failingListener) Accept() (net.Conn, error) {
	if l.fails.Add(-1) >= 0 {
		return nil, &net.OpError{Op: "accept", Net: "unix", Err: syscall.EMFILE}
	}
	return l.Listener.Accept()
}

// TestHostileAcceptErrors: "too many open files" from Accept is temporary;
// the server backs off and keeps accepting instead of ending for good.
func TestHostileAcceptErrors(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "limber.sock")
	s, err := Listen(path, func(Request) Response { return Response{OK: true} }, quietLog())
	if err != nil {
		t.Fatal(err)
	}
	fl := &failingListener{Listener: s.ln}
	fl.fails.Store(5)
	s.ln = fl
	served := make(chan struct{})
	go func() { s.Serve(); close(served) }()
	defer s.Close()
	resp, err := Send(path, Request{Cmd: CmdStatus})
	if err != nil || !resp.OK {
		t.Fatalf("after Accept errors: %+v %v", resp, err)
	}
	select {
	case <-served:
		t.Fatal("Serve returned after temporary Accept errors")
	default:
	}
}
