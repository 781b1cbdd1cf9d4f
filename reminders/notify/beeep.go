package notify

import (
	"context"
	"fmt"
	"sync/atomic"

	"github.com/gen2brain/beeep"
)

// beeepNotifier shows notifications through beeep: toast notifications on
// Windows, Notification Center (terminal-notifier or osascript) on macOS.
// beeep offers no buttons and no replacement, so each Send shows a new one.
type beeepNotifier struct {
	lastID atomic.Uint32
	// notify is beeep.Notify or beeep.Alert; tests replace it.
	notify, alert func(title, message string, icon any) error
}

// newBeeep sets beeep's process-wide application name: beeep offers no
// other way to pass it, and it is what Windows shows as the sender.
func newBeeep(cfg config) *beeepNotifier {
	beeep.AppName = cfg.appName
	return &beeepNotifier{notify: beeep.Notify, alert: beeep.Alert}
}

func (b *beeepNotifier) Send(ctx context.Context, n Notification) (uint32, error) {
	if err := n.validate(); err != nil {
		return 0, err
	}
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	show := b.notify
	if n.Urgent {
		show = b.alert // same, with a sound
	}
	// beeep may shell out (PowerShell, osascript) and cannot be cancelled;
	// the caller gets its answer on time and the helper finishes alone.
	done := make(chan error, 1)
	go func() { done <- show(n.Title, n.Body, n.Icon) }()
	select {
	case err := <-done:
		if err != nil {
			return 0, fmt.Errorf("show notification: %w", err)
		}
		return b.lastID.Add(1), nil
	case <-ctx.Done():
		return 0, fmt.Errorf("show notification: %w", ctx.Err())
	}
}

func (b *beeepNotifier) Actions() <-chan ActionEvent { return nil }
func (b *beeepNotifier) SupportsActions() bool       { return false }
func (b *beeepNotifier) Close() error                { return nil }
