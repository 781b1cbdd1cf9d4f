//go:build windows || darwin

package notify

func newPlatform(cfg config) (Notifier, error) {
	return newBeeep(cfg), nil
}
