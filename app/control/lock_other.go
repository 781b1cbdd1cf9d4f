//go:build !unix

package control

// lockInstance has no flock here; Listen's dial check keeps a second daemon
// from replacing a live socket.
func lockInstance(string) (func(), error) { return func() {}, nil }
