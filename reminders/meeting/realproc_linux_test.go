package meeting

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// realProcDetector looks for one plain file standing in for a device in
// the machine's real /proc, ignoring this test process.
func realProcDetector(t *testing.T, device string) *Detector {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return &Detector{
		Proc:    "/proc",
		Devices: []string{device},
		UID:     os.Getuid(),
		SelfPID: os.Getpid(),
		SelfExe: exe,
	}
}

// TestRealProc starts a helper that holds a temp file open, as a call
// application holds /dev/video0, and checks it is found while it runs and
// no longer once it is gone.
func TestRealProc(t *testing.T) {
	device := filepath.Join(t.TempDir(), "video0")
	if err := os.WriteFile(device, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	d := realProcDetector(t, device)

	// The test process itself holds the file: it is Limber here.
	own, err := os.Open(device)
	if err != nil {
		t.Fatal(err)
	}
	defer own.Close()
	if in, ev, err := d.InMeeting(); err != nil || in {
		t.Fatalf("own descriptor: InMeeting = %v, %v, %v; want false", in, ev, err)
	}

	cmd := exec.Command("sh", "-c", "exec 3<\"$1\"; exec sleep 30", "sh", device)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })

	// The shell opens the file after it starts, then becomes sleep: poll
	// briefly until it has (between the two it is found as "sh").
	var ev Evidence
	deadline := time.Now().Add(5 * time.Second)
	for {
		var in bool
		in, ev, err = d.InMeeting()
		if err != nil {
			t.Fatalf("InMeeting error: %v", err)
		}
		if (in && len(ev) == 1 && ev[0].Comm == "sleep") || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	want := Use{PID: cmd.Process.Pid, Comm: "sleep", Device: device}
	if len(ev) != 1 || ev[0] != want {
		t.Fatalf("helper running: evidence %v, want %v", ev, want)
	}

	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if in, ev, err := d.InMeeting(); err != nil || in {
		t.Errorf("helper gone: InMeeting = %v, %v, %v; want false", in, ev, err)
	}
}

// BenchmarkScanRealProc measures one scan of this machine's /proc with the
// default device patterns: the cost of each check while a reminder is due.
func BenchmarkScanRealProc(b *testing.B) {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	d := &Detector{Proc: "/proc", Devices: DefaultDevices(), UID: os.Getuid(), SelfPID: os.Getpid(), SelfExe: exe}
	entries, _ := os.ReadDir("/proc")
	b.ReportMetric(float64(len(entries)), "proc-entries")
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := d.InMeeting(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNewScansThisMachine: the detector the daemon builds reads the real
// /proc as this user and process, and a scan of this machine answers
// without error (no test process holds a camera or a capture PCM).
func TestNewScansThisMachine(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir()) // no sound server to ask
	t.Setenv("PULSE_SERVER", "")
	d := New()
	if d.Proc != "/proc" || d.UID != os.Getuid() || d.SelfPID != os.Getpid() || d.SelfExe == "" {
		t.Fatalf("New() = %+v, want this process on the real /proc", d)
	}
	if !slices.Equal(d.Devices, DefaultDevices()) {
		t.Errorf("devices %v, want %v", d.Devices, DefaultDevices())
	}
	if _, ev, err := d.InMeeting(); err != nil {
		t.Errorf("InMeeting on this machine: %v (evidence %s)", err, ev)
	}
}
