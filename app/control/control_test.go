package control

import (
	"errors"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"testing"
)

func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func startServer(t *testing.T, dir string, h Handler) *Server {
	t.Helper()
	s, err := Listen(filepath.Join(dir, "limber.sock"), h, quietLog())
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve()
	return s
}

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s := startServer(t, dir, func(r Request) Response {
		if r.Cmd != CmdPause || r.For != "30m" {
			return Response{Err: "unexpected " + string(r.Cmd)}
		}
		return Response{OK: true, Status: &Status{State: "paused"}}
	})
	defer s.Close()

	resp, err := Send(filepath.Join(dir, "limber.sock"), Request{Cmd: CmdPause, For: "30m"})
	if err != nil {
		t.Fatal(err)
	}
	if !resp.OK || resp.Status == nil || resp.Status.State != "paused" {
		t.Fatalf("response = %+v", resp)
	}
	fi, err := os.Stat(filepath.Join(dir, "limber.sock"))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("socket mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestSecondInstanceRefused(t *testing.T) {
	dir := t.TempDir()
	s := startServer(t, dir, func(Request) Response { return Response{OK: true} })
	defer s.Close()
	if _, err := Listen(filepath.Join(dir, "limber.sock"), nil, quietLog()); !errors.Is(err, ErrRunning) {
		t.Fatalf("second Listen: err = %v, want ErrRunning", err)
	}
}

func TestStaleSocketReplaced(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "limber.sock")
	// A socket file nobody listens on, as a SIGKILLed daemon leaves it.
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("stale socket not left behind: %v", err)
	}
	if _, err := Send(path, Request{Cmd: CmdStatus}); !errors.Is(err, ErrNotRunning) {
		t.Fatalf("Send to stale socket: %v, want ErrNotRunning", err)
	}
	s := startServer(t, dir, func(Request) Response { return Response{OK: true} })
	if resp, err := Send(path, Request{Cmd: CmdStatus}); err != nil || !resp.OK {
		t.Fatalf("after replace: %+v %v", resp, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("socket still there after Close: %v", err)
	}
}

func TestNotRunning(t *testing.T) {
	_, err := Send(filepath.Join(t.TempDir(), "limber.sock"), Request{Cmd: CmdStatus})
	if !errors.Is(err, ErrNotRunning) {
		t.Fatalf("err = %v, want ErrNotRunning", err)
	}
}

func TestBadRequest(t *testing.T) {
	dir := t.TempDir()
	s := startServer(t, dir, func(Request) Response { return Response{OK: true} })
	defer s.Close()
	c, err := net.Dial("unix", filepath.Join(dir, "limber.sock"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Write([]byte("{not json\n")); err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(c)
	if len(b) == 0 || string(b[:11]) != `{"ok":false` {
		t.Fatalf("answer to garbage = %q", b)
	}
}
