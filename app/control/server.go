package control

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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

// Limits that keep one misbehaving client from taking the daemon down.
const (
	// maxRequest bounds a request line. Real requests are a few hundred
	// bytes; a client streaming without a newline is cut off here instead
	// of growing the daemon's memory until it dies.
	maxRequest = 64 << 10
	// maxConns bounds the connections served at once. Beyond it a new
	// connection is closed at once, so a flood costs file descriptors only
	// briefly and the daemon keeps some for itself.
	maxConns = 32
	// idleTimeout closes a connection that has not sent its request (or
	// taken its answer) by then.
	idleTimeout = 10 * time.Second
	// maxAcceptDelay caps the back-off after a failed Accept (say "too many
	// open files"), which is retried rather than ending the server.
	maxAcceptDelay = time.Second
)

// Server owns the socket and the single-instance lock.
type Server struct {
	path    string
	ln      net.Listener
	unlock  func()
	handler Handler
	log     *slog.Logger
	idle    time.Duration // idleTimeout; tests shorten it
	wg      sync.WaitGroup
	slots   chan struct{} // one token per connection being served

	mu      sync.Mutex
	conns   map[net.Conn]bool // served connections; true while reading the request
	closing bool
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
	return &Server{path: path, ln: ln, unlock: unlock, handler: h, log: log,
		idle: idleTimeout, slots: make(chan struct{}, maxConns), conns: map[net.Conn]bool{}}, nil
}

// Serve accepts connections until Close. Each connection carries one
// request; a blocked Accept costs no wakeups. Accept errors other than a
// closed listener (running out of file descriptors, say) are retried with
// a growing delay, so the daemon stays reachable once they pass.
func (s *Server) Serve() {
	var delay time.Duration
	for {
		c, err := s.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			delay = min(max(2*delay, 5*time.Millisecond), maxAcceptDelay)
			if delay == maxAcceptDelay || delay == 5*time.Millisecond {
				s.log.Error("control socket: accept failed; retrying", "err", err, "in", delay)
			}
			time.Sleep(delay)
			continue
		}
		delay = 0
		select {
		case s.slots <- struct{}{}:
		default:
			s.log.Warn("control socket: too many connections; refusing one", "max", maxConns)
			c.Close()
			continue
		}
		s.track(c, true)
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer func() { <-s.slots }()
			defer s.track(c, false)
			s.serveConn(c)
		}()
	}
}

// track records a connection being served (reading says whether it still
// waits for its request) or, with add false after serving, forgets it.
func (s *Server) track(c net.Conn, add bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if add {
		s.conns[c] = true
		if s.closing {
			_ = c.SetReadDeadline(time.Now())
		}
	} else {
		delete(s.conns, c)
	}
}

// handling marks a connection whose request has been read: Close lets it
// finish its answer.
func (s *Server) handling(c net.Conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.conns[c]; ok {
		s.conns[c] = false
	}
}

// errTooLarge answers a request line longer than maxRequest.
var errTooLarge = fmt.Errorf("request too large (more than %d bytes)", maxRequest)

func (s *Server) serveConn(c net.Conn) {
	defer c.Close()
	if err := checkPeer(c); err != nil {
		s.log.Warn("refused control connection", "err", err)
		return
	}
	_ = c.SetDeadline(time.Now().Add(s.idle))
	line, err := readLine(c)
	s.handling(c)
	var req Request
	var resp Response
	switch {
	case errors.Is(err, errTooLarge):
		s.log.Warn("control socket: refused an oversized request")
		resp = Response{Err: err.Error()}
	case err != nil && len(line) == 0:
		return
	default:
		if err := json.Unmarshal(line, &req); err != nil {
			resp = Response{Err: fmt.Sprintf("bad request: %v", err)}
		} else {
			resp = s.handler(req)
		}
	}
	out, _ := json.Marshal(resp)
	_, _ = c.Write(append(out, '\n'))
}

// readLine reads one request line of at most maxRequest bytes. A longer
// one is not read to its end: errTooLarge, and the caller hangs up.
func readLine(r io.Reader) ([]byte, error) {
	br := bufio.NewReaderSize(io.LimitReader(r, maxRequest+1), 4096)
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > maxRequest {
			return nil, errTooLarge
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, err
		}
	}
}

// Close stops accepting, removes the socket and releases the lock, so a
// clean quit leaves nothing behind.
func (s *Server) Close() error {
	err := s.ln.Close()
	// Connections still waiting for their request are cut short; those
	// being answered (the quit request among them) finish.
	s.mu.Lock()
	s.closing = true
	for c, reading := range s.conns {
		if reading {
			_ = c.SetReadDeadline(time.Now())
		}
	}
	s.mu.Unlock()
	s.wg.Wait()
	if rmErr := os.Remove(s.path); rmErr != nil && !errors.Is(rmErr, os.ErrNotExist) && err == nil {
		err = rmErr
	}
	s.unlock()
	return err
}
