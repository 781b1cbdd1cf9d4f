package meeting

import (
	"net"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/jfreymuth/pulse/proto"
)

func props(kv ...string) proto.PropList {
	l := proto.PropList{}
	for i := 0; i+1 < len(kv); i += 2 {
		l[kv[i]] = proto.PropListString(kv[i+1])
	}
	return l
}

func TestRecordingStreams(t *testing.T) {
	sources := proto.GetSourceInfoListReply{
		{SourceIndex: 0, SourceName: "alsa_output.pci.monitor", MonitorSourceIndex: 0, Properties: props("device.class", "monitor")},
		{SourceIndex: 1, SourceName: "alsa_input.pci", MonitorSourceIndex: noIndex, Properties: props("device.class", "sound")},
		{SourceIndex: 2, SourceName: "bluez_input.headset", MonitorSourceIndex: noIndex},
		// pipewire-pulse may leave monitor-of-sink unset but says so in
		// the properties.
		{SourceIndex: 3, SourceName: "hdmi.monitor", MonitorSourceIndex: noIndex, Properties: props("device.class", "monitor")},
	}
	out := func(idx, source uint32, corked bool, kv ...string) *proto.GetSourceOutputInfoReply {
		return &proto.GetSourceOutputInfoReply{SourceOutpuIndex: idx, SourceIndex: source, Corked: corked, Properties: props(kv...)}
	}
	tests := []struct {
		name    string
		outputs proto.GetSourceOutputInfoListReply
		want    Evidence
	}{
		{"none", nil, nil},
		{"call on the microphone", proto.GetSourceOutputInfoListReply{
			out(7, 1, false, "application.name", "Firefox", "application.process.id", "4242"),
		}, Evidence{{PID: 4242, Comm: "Firefox", Device: "sound server input alsa_input.pci"}}},
		{"bluetooth headset, binary name only", proto.GetSourceOutputInfoListReply{
			out(8, 2, false, "application.process.binary", "zoom"),
		}, Evidence{{Comm: "zoom", Device: "sound server input bluez_input.headset"}}},
		{"unnamed stream on an unknown source", proto.GetSourceOutputInfoListReply{
			out(9, 99, false),
		}, Evidence{{Comm: "stream 9", Device: "sound server input"}}},
		{"corked stream not counted", proto.GetSourceOutputInfoListReply{
			out(7, 1, true, "application.name", "Firefox"),
		}, nil},
		{"monitor of an output not counted", proto.GetSourceOutputInfoListReply{
			out(7, 0, false, "application.name", "OBS"),
			out(8, 3, false, "application.name", "visualizer"),
		}, nil},
		{"level meter not counted", proto.GetSourceOutputInfoListReply{
			out(7, 1, false, "application.name", "Volume Control", "application.id", "org.PulseAudio.pavucontrol"),
		}, nil},
		{"own process not counted", proto.GetSourceOutputInfoListReply{
			out(7, 1, false, "application.name", "Limber", "application.process.id", "50"),
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := recordingStreams(sources, tt.outputs, selfPID)
			if !slices.Equal(got, tt.want) {
				t.Errorf("recordingStreams = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestUnixServer(t *testing.T) {
	tests := map[string]string{
		"unix:/run/user/1000/pulse/native":  "/run/user/1000/pulse/native",
		"/tmp/pulse.sock":                   "/tmp/pulse.sock",
		"{abc}unix:/x/native tcp:host:4713": "/x/native",
		"tcp:host:4713 unix:/fallback":      "/fallback",
		"tcp:host:4713":                     "",
		"":                                  "",
		"{unterminated unix:/y":             "/y",
	}
	for in, want := range tests {
		if got := unixServer(in); got != want {
			t.Errorf("unixServer(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPulseFromEnv(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", "/run/user/1000")
	t.Setenv("XDG_CONFIG_HOME", "/home/u/.config")
	t.Setenv("PULSE_COOKIE", "")
	p := PulseFromEnv()
	if p == nil || p.Server != "/run/user/1000/pulse/native" || p.Cookie != "/home/u/.config/pulse/cookie" {
		t.Errorf("PulseFromEnv = %+v", p)
	}
	t.Setenv("PULSE_SERVER", "tcp:example:4713")
	if p := PulseFromEnv(); p != nil {
		t.Errorf("TCP-only server: PulseFromEnv = %+v, want nil", p)
	}
	t.Setenv("PULSE_SERVER", "unix:/s")
	t.Setenv("PULSE_COOKIE", "/c")
	if p := PulseFromEnv(); p == nil || p.Server != "/s" || p.Cookie != "/c" {
		t.Errorf("PulseFromEnv = %+v", p)
	}
}

func TestPulseNoServer(t *testing.T) {
	p := &Pulse{Server: filepath.Join(t.TempDir(), "native")}
	ev, err := p.Recording(0)
	if err != nil || ev != nil {
		t.Errorf("Recording without a socket = %v, %v; want nothing, no error", ev, err)
	}
}

// fakeServer accepts connections on a unix socket and hands each one to
// serve; it stops with the test.
func fakeServer(t *testing.T, serve func(net.Conn)) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "native")
	l, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go serve(c)
		}
	}()
	return path
}

// TestPulseFaultyServer checks that a server that never answers, closes
// at once or talks garbage costs at most the timeout and is reported.
func TestPulseFaultyServer(t *testing.T) {
	tests := map[string]func(net.Conn){
		"silent": func(c net.Conn) {
			defer c.Close()
			buf := make([]byte, 4096)
			for {
				if _, err := c.Read(buf); err != nil {
					return
				}
			}
		},
		"closes": func(c net.Conn) { c.Close() },
		"garbage": func(c net.Conn) {
			defer c.Close()
			c.Write([]byte("HTTP/1.1 400 Bad Request\r\n\r\n"))
			time.Sleep(time.Second)
		},
	}
	for name, serve := range tests {
		t.Run(name, func(t *testing.T) {
			p := &Pulse{Server: fakeServer(t, serve), Timeout: 200 * time.Millisecond}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			ev, err := p.Recording(0)
			runtime.ReadMemStats(&after)
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
				t.Errorf("Recording allocated %d MiB", grew>>20)
			}
			if err == nil || ev != nil {
				t.Errorf("Recording = %v, %v; want an error", ev, err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("Recording took %v with a 200ms timeout", d)
			}
		})
	}
}

// TestPulseErrorKeepsProcEvidence: a broken sound server is reported but
// does not hide a camera found in /proc.
func TestPulseErrorKeepsProcEvidence(t *testing.T) {
	f := newFakeTree(t)
	f.process(100, testUID, "zoom", "/opt/zoom/zoom", "video0")
	d := f.detector()
	d.Pulse = &Pulse{Server: fakeServer(t, func(c net.Conn) { c.Close() }), Timeout: 200 * time.Millisecond}
	in, ev, err := d.InMeeting()
	if !in || len(ev) != 1 || err == nil {
		t.Errorf("InMeeting = %v, %v, %v; want the camera and the server's error", in, ev, err)
	}
}
