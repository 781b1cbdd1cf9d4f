package gui

import (
	"os/signal"
	"syscall"
)

// survivePipes keeps a window alive when the daemon that started it dies
// (SIGKILL, crash): its stdout and stderr are pipes to that daemon, and Go
// kills a process that writes to a closed pipe on fd 1 or 2. Ignoring
// SIGPIPE turns that into an error, so the routine window stays usable and
// records its outcome itself (see session.record).
func survivePipes() { signal.Ignore(syscall.SIGPIPE) }
