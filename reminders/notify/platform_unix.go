//go:build !windows && !darwin

package notify

import "fmt"

func newPlatform(cfg config) (Notifier, error) {
	conn, err := connectSession()
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
