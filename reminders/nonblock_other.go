//go:build !unix

package reminders

// nonBlock is 0 where opening a named pipe does not wait.
const nonBlock = 0
