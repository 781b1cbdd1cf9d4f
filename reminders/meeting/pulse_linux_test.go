package meeting

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// startPulseaudio runs a private PulseAudio with one null output (whose
// monitor is a source) and one null input, and returns its socket. It
// skips where PulseAudio is not installed, and fails so under CI=true.
func startPulseaudio(t testing.TB) string {
	t.Helper()
	for _, bin := range []string{"pulseaudio", "parecord"} {
		if _, err := exec.LookPath(bin); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is required on CI (scripts/deps.sh test installs it): %v", bin, err)
			}
			t.Skipf("%s not installed", bin)
		}
	}
	dir := t.TempDir()
	socket := filepath.Join(dir, "native")
	cmd := exec.Command("pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
		"--use-pid-file=no", "--disable-shm=yes", "--log-target=stderr",
		"-L", "module-native-protocol-unix socket="+socket+" auth-anonymous=1",
		"-L", "module-null-sink sink_name=out",
		"-L", "module-null-source source_name=mic")
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_RUNTIME_DIR="+dir, "XDG_CONFIG_HOME="+dir, "DBUS_SESSION_BUS_ADDRESS=disabled:")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if _, err := os.Stat(socket); err == nil {
			return socket
		}
		if time.Now().After(deadline) {
			t.Fatal("pulseaudio did not create its socket")
		}
	}
}

// record starts parecord on a source and returns it.
func record(t testing.TB, socket, source string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command("parecord", "--server=unix:"+socket, "--device="+source, os.DevNull)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd
}

// poll calls Recording until it returns n uses or the deadline passes.
func poll(t *testing.T, p *Pulse, n int) Evidence {
	t.Helper()
	var ev Evidence
	var err error
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if ev, err = p.Recording(0); err == nil && len(ev) == n {
			break
		}
	}
	if err != nil {
		t.Fatalf("Recording: %v", err)
	}
	return ev
}

// TestPulseRealServer lists the recording streams of a real PulseAudio:
// a recording from the input counts, one from an output's monitor does
// not, and nothing counts once the recording stops.
func TestPulseRealServer(t *testing.T) {
	socket := startPulseaudio(t)
	p := &Pulse{Server: socket, Cookie: filepath.Join(t.TempDir(), "no-cookie")}
	if ev := poll(t, p, 0); len(ev) != 0 {
		t.Fatalf("idle server: %v", ev)
	}

	record(t, socket, "out.monitor")
	mic := record(t, socket, "mic")
	ev := poll(t, p, 1)
	if len(ev) != 1 || ev[0].PID != mic.Process.Pid || ev[0].Device != "sound server input mic" || ev[0].Comm == "" {
		t.Fatalf("recording from mic (pid %d): evidence %v", mic.Process.Pid, ev)
	}
	t.Logf("evidence: %v", ev)

	mic.Process.Kill()
	mic.Wait()
	if ev := poll(t, p, 0); len(ev) != 0 {
		t.Errorf("recording stopped: evidence %v", ev)
	}
}

// BenchmarkPulseRecording measures one sound-server check (connect,
// auth, two lists) against a private PulseAudio with one recording.
func BenchmarkPulseRecording(b *testing.B) {
	socket := startPulseaudio(b)
	record(b, socket, "mic")
	p := &Pulse{Server: socket}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Recording(0); err != nil {
			b.Fatal(err)
		}
	}
}
