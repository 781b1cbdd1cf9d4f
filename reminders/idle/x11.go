package idle

import (
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/screensaver"
	"github.com/jezek/xgb/xproto"
)

// x11Source asks the X server's MIT-SCREEN-SAVER extension, which counts the
// milliseconds since the last input event on any device, for readings, and
// watches the SYNC extension's IDLETIME counter for pushed events
// (x11_watch.go).
type x11Source struct {
	mu      sync.Mutex // xgb is safe for concurrent use; this only guards close
	conn    *xgb.Conn
	root    xproto.Window
	display string // for the connections of Watch
}

func openX11() (Source, error) {
	display := os.Getenv("DISPLAY")
	if display == "" {
		return nil, fmt.Errorf("DISPLAY is not set")
	}
	return newX11(display)
}

// newX11 connects to display and checks that the server has the extension.
func newX11(display string) (*x11Source, error) {
	conn, err := xgb.NewConnDisplay(display)
	if err != nil {
		return nil, fmt.Errorf("connect to X display %s: %w", display, err)
	}
	if err := screensaver.Init(conn); err != nil {
		conn.Close()
		//lint:ignore ST1005 X is the window system's name
		return nil, fmt.Errorf("X display %s: %w", display, err)
	}
	root := xproto.Setup(conn).DefaultScreen(conn).Root
	return &x11Source{conn: conn, root: root, display: display}, nil
}

func (s *x11Source) Name() string { return X11 }

func (s *x11Source) Idle() (time.Duration, error) {
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if conn == nil {
		return 0, fmt.Errorf("x11 idle source is closed")
	}
	reply, err := screensaver.QueryInfo(conn, xproto.Drawable(s.root)).Reply()
	if err != nil {
		return 0, fmt.Errorf("query X screensaver info: %w", err)
	}
	return time.Duration(reply.MsSinceUserInput) * time.Millisecond, nil
}

func (s *x11Source) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn != nil {
		s.conn.Close()
		s.conn = nil
	}
	return nil
}
