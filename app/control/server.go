package control

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// ErrRunning means another daemon of this user already owns the socket.
var ErrRunning = errors.New("limber is already running")

// Handler answers one request. It is called from the connection's
// goroutine; implementations synchronise themselves.
type Handler func(Request) Response

// Server owns the socket and the single-instance lock.
type Server struct {
	path    string
	ln      net.Listener
	unlock  func()
	handler Handler
	log     *slog.Logger
	wg      sync.WaitGroup
}

// Listen takes the single-instance lock next to path and listens on path.
// A socket file left by a daemon that was killed is detected (the lock is
// free and nobody answers) and replaced. If a live daemon holds it, Listen
// returns ErrRunning.
func Listen(path string, h Handler, log *slog.Logger) (*Server, error) {
	unlock, err := lockInstance(filepath.Join(filepath.Dir(path), "limber.lock"))
	if err != nil {
		return nil, err
	}
	if c, err := net.DialTimeout("unix", path, time.Second); err == nil {
		// Locks are advisory and per host; a daemon that answers wins.
		c.Close()
		unlock()
		return nil, ErrRunning
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		unlock()
		return nil, fmt.Errorf("remove stale socket %s: %w", path, err)
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		unlock()
		return nil, fmt.Errorf("listen on %s: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		unlock()
		return nil, fmt.Errorf("chmod %s: %w", path, err)
	}
	return &Server{path: path, ln: ln, unlock: unlock, handler: h, log: log}, nil
}

// Serve accepts connections until Close. Each connection carries one
// request; a blocked Accept costs no wakeups.
func (s *Server) Serve() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				s.log.Error("control socket", "err", err)
			}
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.serveConn(c)
		}()
	}
}

func (s *Server) serveConn(c net.Conn) {
	defer c.Close()
	if err := checkPeer(c); err != nil {
		s.log.Warn("refused control connection", "err", err)
		return
	}
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	line, err := bufio.NewReaderSize(c, 4096).ReadBytes('\n')
	if err != nil && len(line) == 0 {
		return
	}
	var req Request
	var resp Response
	if err := json.Unmarshal(line, &req); err != nil {
		resp = Response{Err: fmt.Sprintf("bad request: %v", err)}
	} else {
		resp = s.handler(req)
	}
	out, _ := json.Marshal(resp)
	_, _ = c.Write(append(out, '\n'))
}

// Close stops accepting, removes the socket and releases the lock, so a
// clean quit leaves nothing behind.
func (s *Server) Close() error {
	err := s.ln.Close()
	s.wg.Wait()
	if rmErr := os.Remove(s.path); rmErr != nil && !errors.Is(rmErr, os.ErrNotExist) && err == nil {
		err = rmErr
	}
	s.unlock()
	return err
}
