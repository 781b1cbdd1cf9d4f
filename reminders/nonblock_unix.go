//go:build unix

package reminders

import "syscall"

// nonBlock keeps opening a history "file" that is a FIFO from waiting for
// a reader; the opened file is then refused as not regular.
const nonBlock = syscall.O_NONBLOCK
