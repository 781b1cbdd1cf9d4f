// Package e2e holds Limber's end-to-end tests and benchmarks. They run the
// real limber binary on a private Xvfb display and session bus (see
// e2e/harness) and talk to it only the way a desktop and a user would: the
// tray over D-Bus, windows over X11, the command line.
//
// The binary comes from $LIMBER_BIN (the Makefile builds it once);
// otherwise TestMain builds it into a temp dir. `go test -short ./...`
// skips this package's tests.
package e2e
