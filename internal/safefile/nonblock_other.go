//go:build !unix

package safefile

// nonBlock is 0 where open() of a named pipe does not wait for a writer.
const nonBlock = 0
