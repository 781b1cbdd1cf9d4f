package meeting

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jfreymuth/pulse/proto"
)

// defaultPulseTimeout bounds one whole exchange with the sound server, so
// a wedged server cannot stall the daemon's clock loop.
const defaultPulseTimeout = 2 * time.Second

// noIndex is PA_INVALID_INDEX: "not a monitor" in a source's
// monitor-of-sink field.
const noIndex = 0xFFFFFFFF

// Pulse asks a sound server that speaks the PulseAudio native protocol
// (PulseAudio, or PipeWire's pipewire-pulse) for its recording streams.
// Each call is one short connection: nothing is kept between calls.
type Pulse struct {
	// Server is the path of the server's unix socket.
	Server string
	// Cookie is the auth cookie file. A missing file sends an empty
	// cookie, which PipeWire and anonymous-auth servers accept.
	Cookie string
	// Timeout bounds dialling and the whole exchange; 0 means 2 s.
	Timeout time.Duration
}

// PulseFromEnv locates the server the way libpulse does for a local
// session: $PULSE_SERVER when it names a unix socket, else
// $XDG_RUNTIME_DIR/pulse/native; the cookie from $PULSE_COOKIE, else
// $XDG_CONFIG_HOME/pulse/cookie (~/.config/pulse/cookie). It returns nil
// when no local socket can be named (a TCP server, no runtime dir).
func PulseFromEnv() *Pulse {
	p := &Pulse{}
	if s, ok := os.LookupEnv("PULSE_SERVER"); ok {
		p.Server = unixServer(s)
	} else if rt := os.Getenv("XDG_RUNTIME_DIR"); rt != "" {
		p.Server = filepath.Join(rt, "pulse", "native")
	}
	if p.Server == "" {
		return nil
	}
	if c := os.Getenv("PULSE_COOKIE"); c != "" {
		p.Cookie = c
	} else if cfg, err := os.UserConfigDir(); err == nil {
		p.Cookie = filepath.Join(cfg, "pulse", "cookie")
	}
	return p
}

// unixServer picks the first unix socket of a server string
// ("unix:/path", "/path", "{host}unix:/path"); TCP entries are skipped.
func unixServer(s string) string {
	for _, f := range strings.Fields(s) {
		if strings.HasPrefix(f, "{") {
			if end := strings.IndexByte(f, '}'); end >= 0 {
				f = f[end+1:]
			}
		}
		f = strings.TrimPrefix(f, "unix:")
		if strings.HasPrefix(f, "/") {
			return f
		}
	}
	return ""
}

// Recording lists the streams that record from a real input (not corked,
// not from the monitor of an output), skipping those of process selfPID.
// No socket at Server is not an error: there is no such sound server.
func (p *Pulse) Recording(selfPID int) (Evidence, error) {
	timeout := p.Timeout
	if timeout <= 0 {
		timeout = defaultPulseTimeout
	}
	conn, err := net.DialTimeout("unix", p.Server, timeout)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("connect to sound server: %w", err)
	}
	defer conn.Close() // also ends the client's read goroutine
	if err := conn.SetDeadline(time.Now().Add(timeout)); err != nil {
		return nil, fmt.Errorf("sound server deadline: %w", err)
	}
	// The client calls Callback on every server event and on EOF, so it
	// must never be nil.
	c := &proto.Client{Callback: func(any) {}}
	c.SetTimeout(timeout)
	c.Open(&frameGuard{Conn: conn})

	var auth proto.AuthReply
	if err := c.Request(&proto.Auth{Version: c.Version(), Cookie: p.cookie()}, &auth); err != nil {
		return nil, fmt.Errorf("sound server auth: %w", err)
	}
	c.SetVersion(auth.Version)
	name := proto.PropList{
		"application.name":       proto.PropListString("Limber"),
		"application.process.id": proto.PropListString(strconv.Itoa(os.Getpid())),
	}
	if err := c.Request(&proto.SetClientName{Props: name}, &proto.SetClientNameReply{}); err != nil {
		return nil, fmt.Errorf("sound server client name: %w", err)
	}
	var sources proto.GetSourceInfoListReply
	if err := c.Request(&proto.GetSourceInfoList{}, &sources); err != nil {
		return nil, fmt.Errorf("list sound server sources: %w", err)
	}
	var outputs proto.GetSourceOutputInfoListReply
	if err := c.Request(&proto.GetSourceOutputInfoList{}, &outputs); err != nil {
		return nil, fmt.Errorf("list sound server recording streams: %w", err)
	}
	return recordingStreams(sources, outputs, selfPID), nil
}

// cookie reads the auth cookie, or returns the empty 256-byte cookie.
func (p *Pulse) cookie() []byte {
	if p.Cookie != "" {
		if b, err := os.ReadFile(p.Cookie); err == nil && len(b) == 256 {
			return b
		}
	}
	return make([]byte, 256)
}

// isLevelMeter tells applications whose recording streams only drive a
// volume meter (pavucontrol's input tab), not a call.
func isLevelMeter(appID string) bool {
	return strings.EqualFold(appID, "org.PulseAudio.pavucontrol")
}

// recordingStreams keeps the source outputs that record a real input.
func recordingStreams(sources proto.GetSourceInfoListReply, outputs proto.GetSourceOutputInfoListReply, selfPID int) Evidence {
	type source struct {
		name    string
		monitor bool
	}
	byIndex := make(map[uint32]source, len(sources))
	for _, s := range sources {
		monitor := s.MonitorSourceIndex != noIndex || prop(s.Properties, "device.class") == "monitor"
		byIndex[s.SourceIndex] = source{name: s.SourceName, monitor: monitor}
	}
	var ev Evidence
	for _, o := range outputs {
		src, known := byIndex[o.SourceIndex]
		if o.Corked || src.monitor {
			continue
		}
		if isLevelMeter(prop(o.Properties, "application.id")) {
			continue
		}
		pid, _ := strconv.Atoi(prop(o.Properties, "application.process.id"))
		if selfPID != 0 && pid == selfPID {
			continue
		}
		app := prop(o.Properties, "application.name")
		if app == "" {
			app = prop(o.Properties, "application.process.binary")
		}
		if app == "" {
			app = "stream " + strconv.FormatUint(uint64(o.SourceOutpuIndex), 10)
		}
		device := "sound server input"
		if known {
			device += " " + src.name
		}
		ev = append(ev, Use{PID: pid, Comm: app, Device: device})
	}
	return ev
}

// prop returns a string property, or "" when absent or not a string.
func prop(l proto.PropList, key string) string {
	e, ok := l[key]
	if !ok || len(e) == 0 || e[len(e)-1] != 0 {
		return ""
	}
	return string(e[:len(e)-1])
}
