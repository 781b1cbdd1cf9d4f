//go:build !linux

package control

import "net"

// checkPeer relies on the socket folder's permissions where the OS offers
// no portable peer-credential call.
func checkPeer(net.Conn) error { return nil }
