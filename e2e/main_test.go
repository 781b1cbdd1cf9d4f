package e2e

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/limber-app/limber/e2e/harness"
)

func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() || os.Getenv(harness.BinaryEnv) != "" {
		os.Exit(m.Run())
	}
	os.Exit(buildAndRun(m))
}

// buildAndRun builds limber into a temp dir, points $LIMBER_BIN at it and
// runs the tests. A cold cgo build takes minutes; it happens once, outside
// the per-test timeouts.
func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "limber-e2e-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: temp dir:", err)
		return 1
	}
	defer os.RemoveAll(dir)

	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil || strings.TrimSpace(string(gomod)) == "" {
		fmt.Fprintln(os.Stderr, "e2e: cannot locate the module root:", err)
		return 1
	}
	bin := filepath.Join(dir, "limber")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = filepath.Dir(strings.TrimSpace(string(gomod)))
	fmt.Fprintln(os.Stderr, "e2e: building limber (set", harness.BinaryEnv, "to skip this)…")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: go build failed: %v\n%s", err, out)
		return 1
	}
	if err := os.Setenv(harness.BinaryEnv, bin); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	return m.Run()
}
