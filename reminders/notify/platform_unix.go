//go:build !windows && !darwin

package notify

import (
	"fmt"

	"github.com/limber-app/limber/internal/sessionbus"
)

func newPlatform(cfg config) (Notifier, error) {
	conn, err := sessionbus.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoServer, err)
	}
	n, err := newDBus(conn, cfg)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return n, nil
}
