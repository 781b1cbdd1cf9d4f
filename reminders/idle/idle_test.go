package idle

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestProberOrder(t *testing.T) {
	tests := []struct {
		name string
		goos string
		env  map[string]string
		want []string
	}{
		{"bare linux", "linux", nil, []string{ScreenSaver, None}},
		{"x11 session", "linux", map[string]string{"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"},
			[]string{X11, ScreenSaver, None}},
		{"gnome on x11", "linux", map[string]string{"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11", "XDG_CURRENT_DESKTOP": "ubuntu:GNOME"},
			[]string{Mutter, X11, ScreenSaver, None}},
		{"gnome on wayland", "linux", map[string]string{"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "GNOME"},
			[]string{Mutter, Wayland, ScreenSaver, None}},
		{"kde on wayland", "linux", map[string]string{"DISPLAY": ":1", "XDG_SESSION_TYPE": "Wayland", "XDG_CURRENT_DESKTOP": "KDE"},
			[]string{Wayland, Mutter, ScreenSaver, None}},
		{"sway, session type unset", "linux", map[string]string{"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-1", "XDG_CURRENT_DESKTOP": "sway"},
			[]string{Wayland, Mutter, ScreenSaver, None}},
		{"WAYLAND_DISPLAY wins over session type", "linux", map[string]string{"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "x11"},
			[]string{Wayland, Mutter, ScreenSaver, None}},
		{"gnome-like name is not gnome", "linux", map[string]string{"XDG_CURRENT_DESKTOP": "GNOME-Flashback-ish"},
			[]string{ScreenSaver, None}},
		{"freebsd x11", "freebsd", map[string]string{"DISPLAY": ":0"}, []string{X11, ScreenSaver, None}},
		{"windows ignores env", "windows", map[string]string{"DISPLAY": ":0"}, []string{Windows, None}},
		{"macos", "darwin", nil, []string{MacOS, None}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := prober{goos: tt.goos, getenv: func(k string) string { return tt.env[k] }}
			if got := p.order(); !slices.Equal(got, tt.want) {
				t.Errorf("order() = %v, want %v", got, tt.want)
			}
		})
	}
}

// fakeSource is a Source whose answers are scripted.
type fakeSource struct {
	name   string
	idle   time.Duration
	err    error
	closed *bool
}

func (f *fakeSource) Name() string                 { return f.name }
func (f *fakeSource) Idle() (time.Duration, error) { return f.idle, f.err }
func (f *fakeSource) Close() error                 { *f.closed = true; return nil }

var (
	errNoService = errors.New("no such service")
	errNoDisplay = errors.New("cannot connect")
)

// fakeProber simulates a GNOME Wayland session whose Mutter is missing but
// whose openers for mutter succeed at connecting and fail at the first call,
// like a real session bus without the service.
func fakeProber(closed map[string]*bool) prober {
	mk := func(name string, idle time.Duration, openErr, idleErr error) opener {
		b := new(bool)
		closed[name] = b
		return func() (Source, error) {
			if openErr != nil {
				return nil, openErr
			}
			return &fakeSource{name: name, idle: idle, err: idleErr, closed: b}, nil
		}
	}
	env := map[string]string{"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "GNOME", "DISPLAY": ":0"}
	return prober{
		goos:   "linux",
		getenv: func(k string) string { return env[k] },
		openers: map[string]opener{
			Mutter:      mk(Mutter, 0, nil, errNoService),
			Wayland:     mk(Wayland, 7*time.Second, nil, nil),
			ScreenSaver: mk(ScreenSaver, 0, errNoService, nil),
			X11:         mk(X11, 0, nil, nil),
			None:        mk(None, 0, nil, nil),
		},
	}
}

func TestOpenAutoFallsBack(t *testing.T) {
	closed := map[string]*bool{}
	p := fakeProber(closed)
	src, attempts, err := p.open(Auto)
	if err != nil {
		t.Fatalf("open auto: %v", err)
	}
	if src.Name() != Wayland {
		t.Errorf("chose %s, want wayland", src.Name())
	}
	if d, _ := src.Idle(); d != 7*time.Second {
		t.Errorf("Idle() = %v, want 7s", d)
	}
	var got []string
	for _, a := range attempts {
		got = append(got, a.String())
	}
	want := []string{"mutter: no such service", "wayland: ok"}
	if !slices.Equal(got, want) {
		t.Errorf("attempts = %q, want %q", got, want)
	}
	if !*closed[Mutter] {
		t.Error("mutter source that failed its probe call was not closed")
	}
	if *closed[Wayland] {
		t.Error("chosen source was closed")
	}
}

func TestOpenAutoEndsWithNone(t *testing.T) {
	p := fakeProber(map[string]*bool{})
	p.openers[Wayland] = func() (Source, error) { return nil, errNoDisplay }
	src, attempts, err := p.open("")
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	if src.Name() != None || len(attempts) != 4 {
		t.Errorf("got %s after %v, want none after 4 attempts", src.Name(), attempts)
	}
}

func TestOpenNamed(t *testing.T) {
	tests := []struct {
		name    string
		want    string
		wantErr string
	}{
		{name: X11, want: X11},
		{name: None, want: None},
		{name: Mutter, wantErr: "idle source mutter: no such service"},
		{name: ScreenSaver, wantErr: "idle source screensaver: no such service"},
		{name: Wayland, want: Wayland},
		{name: "sway", wantErr: `unknown idle source "sway" (want one of auto, x11, mutter, wayland,`},
		{name: Windows, wantErr: "unknown idle source"}, // not wired in this fake
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, attempts, err := fakeProber(map[string]*bool{}).open(tt.name)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want containing %q", err, tt.wantErr)
				}
				if src != nil {
					t.Errorf("got source %s with error", src.Name())
				}
				if len(attempts) != 1 || attempts[0].Err == nil {
					t.Errorf("attempts = %v, want the one failure", attempts)
				}
				return
			}
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			if src.Name() != tt.want {
				t.Errorf("Name() = %s, want %s", src.Name(), tt.want)
			}
		})
	}
}

func TestUnknownSourceIsDistinguishable(t *testing.T) {
	_, err := Open("bogus")
	if !errors.Is(err, ErrUnknownSource) {
		t.Errorf("Open(bogus) = %v, want ErrUnknownSource", err)
	}
}

func TestNamesAreAllOpenable(t *testing.T) {
	p := defaultProber()
	for _, n := range Names() {
		if _, ok := p.openers[n]; !ok && n != Auto {
			t.Errorf("Names() lists %q but no opener handles it", n)
		}
	}
	for n := range p.openers {
		if !slices.Contains(Names(), n) {
			t.Errorf("opener %q missing from Names()", n)
		}
	}
}

func TestNoneSource(t *testing.T) {
	src, err := Open(None)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if d, err := src.Idle(); d != 0 || err != nil {
		t.Errorf("Idle() = %v, %v; want 0, nil", d, err)
	}
}

func TestSinceTick(t *testing.T) {
	tests := []struct {
		now, last uint32
		want      time.Duration
	}{
		{1000, 1000, 0},
		{5000, 1000, 4 * time.Second},
		{500, 0xFFFFFFFF - 499, time.Second}, // counter wrapped between input and now
		{0, 0xFFFFFFFF, time.Millisecond},
	}
	for _, tt := range tests {
		if got := sinceTick(tt.now, tt.last); got != tt.want {
			t.Errorf("sinceTick(%d, %d) = %v, want %v", tt.now, tt.last, got, tt.want)
		}
	}
}

func TestParseHIDIdleTime(t *testing.T) {
	const sample = `+-o Root  <class IORegistryEntry, id 0x100000100, retain 21>
  +-o IOHIDSystem  <class IOHIDSystem, id 0x100000350, registered, matched, active, busy 0 (0 ms), retain 23>
    | {
    |   "HIDIdleTime" = 1234567890
    |   "HIDParameters" = {"HIDIdleTime"=1}
    | }
`
	tests := []struct {
		name    string
		in      string
		want    time.Duration
		wantErr bool
	}{
		{"sample", sample, 1234567890 * time.Nanosecond, false},
		{"crlf", "\"HIDIdleTime\" = 42\r\n", 42, false},
		{"missing", "+-o Root\n", 0, true},
		{"empty", "", 0, true},
		{"garbage", `"HIDIdleTime" = <data>`, 0, true},
		{"negative", `"HIDIdleTime" = -5`, 0, true},
		{"overflow", `"HIDIdleTime" = 18446744073709551615`, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseHIDIdleTime([]byte(tt.in))
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("parse = %v, %v; want %v, err %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// TestFallback: after a source fails, the next ones in the auto order are
// tried, never the failed one again, ending with none.
func TestFallback(t *testing.T) {
	tests := []struct {
		failed string
		want   string
		tried  []string
	}{
		{failed: Mutter, want: Wayland, tried: []string{Wayland}},
		{failed: Wayland, want: None, tried: []string{ScreenSaver, None}},
		{failed: X11, want: Wayland, tried: []string{Mutter, Wayland}}, // not in this session's order
		{failed: None, want: None, tried: []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.failed, func(t *testing.T) {
			src, attempts, err := fakeProber(map[string]*bool{}).fallback(tt.failed)
			if tt.failed == None {
				if err == nil {
					t.Errorf("fallback after none chose %s, want an error", src.Name())
				}
				return
			}
			if err != nil {
				t.Fatalf("fallback(%s): %v", tt.failed, err)
			}
			var tried []string
			for _, a := range attempts {
				tried = append(tried, a.Name)
			}
			if src.Name() != tt.want || !slices.Equal(tried, tt.tried) {
				t.Errorf("fallback(%s) = %s after %v, want %s after %v", tt.failed, src.Name(), tried, tt.want, tt.tried)
			}
		})
	}
}
