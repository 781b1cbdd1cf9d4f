//go:build !unix

package paths

// checkPrivate relies on the per-user profile directory's ACLs on systems
// without Unix permissions.
func checkPrivate(string) error { return nil }
