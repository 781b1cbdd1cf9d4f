package harness_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/limber-app/limber/e2e/harness"
)

func TestParseStatCPU(t *testing.T) {
	t.Parallel()
	tail := " S 1 2 3 0 -1 4194560 100 0 0 0 %s %s 0 0 20 0 5 0 123 456 789"
	tests := []struct {
		name    string
		stat    string
		want    int64
		wantErr bool
	}{
		{"plain", "42 (limber)" + strings.ReplaceAll(strings.Replace(tail, "%s", "7", 1), "%s", "5"), 12, false},
		{"name with spaces and parens", "42 (a (b) c)" + strings.ReplaceAll(strings.Replace(tail, "%s", "100", 1), "%s", "1"), 101, false},
		{"no command", "42 limber S 1", 0, true},
		{"truncated", "42 (limber) S 1 2 3", 0, true},
		{"not a number", "42 (limber)" + strings.ReplaceAll(tail, "%s", "x"), 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := harness.ParseStatCPU(tt.stat)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseStatCPU = %d, %v; want %d, err=%v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestReadProc(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		path := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("7/status", "Name:\tlimber\nVmRSS:\t    6800 kB\nThreads:\t2\n")
	write("7/stat", "7 (limber) S 1 7 7 0 -1 0 0 0 0 0 30 20 0 0 20 0 2 0 1 2 3\n")
	write("7/smaps_rollup", "Rss: 6800 kB\nPrivate_Clean:  100 kB\nPrivate_Dirty:  2000 kB\nAnonymous:  1900 kB\n")
	write("7/task/7/status", "voluntary_ctxt_switches:\t10\nnonvoluntary_ctxt_switches:\t2\n")
	write("7/task/8/status", "voluntary_ctxt_switches:\t5\nnonvoluntary_ctxt_switches:\t1\n")

	got, err := harness.ReadProc(root, 7)
	if err != nil {
		t.Fatal(err)
	}
	want := harness.ProcSample{RSSKiB: 6800, AnonKiB: 1900, PrivateKiB: 2100, CPUTicks: 50, CtxSwitches: 18, Threads: 2}
	if got != want {
		t.Errorf("ReadProc = %+v, want %+v", got, want)
	}

	if _, err := harness.ReadProc(root, 8); err == nil {
		t.Error("ReadProc of a missing pid succeeded")
	}
	write("9/status", "Name:\tx\nVmRSS:\tlots kB\n")
	if _, err := harness.ReadProc(root, 9); err == nil {
		t.Error("ReadProc accepted a malformed VmRSS")
	}
}

func TestReadProcSelf(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no procfs")
	}
	s, err := harness.ReadProc("/proc", os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if s.RSSKiB <= 0 || s.Threads <= 0 || s.CtxSwitches <= 0 {
		t.Errorf("implausible sample of the test process: %+v", s)
	}
}
