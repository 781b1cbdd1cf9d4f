//go:build unix

package safefile

import "syscall"

// nonBlock makes open() of a FIFO return at once instead of waiting for a
// writer. Reads of a regular file ignore it.
const nonBlock = syscall.O_NONBLOCK
