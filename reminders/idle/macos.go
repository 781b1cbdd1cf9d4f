package idle

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os/exec"
	"strconv"
	"time"
)

// macSource reads HIDIdleTime (nanoseconds since the last HID event) from
// the IOHIDSystem registry entry. Without cgo there is no IOKit binding, so
// it runs `ioreg`, which ships with every macOS: one short-lived process per
// Idle call, acceptable because the engine asks only when a state change is
// due, not on a tight loop.
type macSource struct {
	// run executes ioreg and returns its output; tests replace it.
	run func(ctx context.Context) ([]byte, error)
}

func openMacOS() (Source, error) {
	path, err := exec.LookPath("ioreg")
	if err != nil {
		return nil, fmt.Errorf("ioreg not found (macOS only): %w", err)
	}
	return &macSource{run: func(ctx context.Context) ([]byte, error) {
		return exec.CommandContext(ctx, path, "-c", "IOHIDSystem", "-d", "4").Output()
	}}, nil
}

func (s *macSource) Name() string { return MacOS }

func (s *macSource) Idle() (time.Duration, error) {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	out, err := s.run(ctx)
	if err != nil {
		return 0, fmt.Errorf("run ioreg: %w", err)
	}
	return parseHIDIdleTime(out)
}

func (s *macSource) Close() error { return nil }

var hidIdleKey = []byte(`"HIDIdleTime" = `)

// parseHIDIdleTime extracts the first `"HIDIdleTime" = N` from ioreg output.
func parseHIDIdleTime(out []byte) (time.Duration, error) {
	_, rest, ok := bytes.Cut(out, hidIdleKey)
	if !ok {
		return 0, errors.New("ioreg output has no HIDIdleTime")
	}
	if end := bytes.IndexAny(rest, "\r\n"); end >= 0 {
		rest = rest[:end]
	}
	ns, err := strconv.ParseUint(string(bytes.TrimSpace(rest)), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("parse HIDIdleTime: %w", err)
	}
	if ns > math.MaxInt64 {
		return 0, fmt.Errorf("HIDIdleTime %d out of range", ns)
	}
	return time.Duration(ns), nil
}
