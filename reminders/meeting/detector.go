package meeting

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
)

// ErrNotSupported is returned where this platform has no detection; the
// bool returned with it is always false.
var ErrNotSupported = errors.New("camera and microphone detection is not supported on " + runtime.GOOS)

// DefaultDevices are the device patterns a Linux [Detector] looks for:
// video capture devices and ALSA capture PCMs. It is a function so no
// caller can change the defaults of another.
func DefaultDevices() []string {
	return []string{"/dev/video*", "/dev/snd/pcmC*D*c"}
}

// Use is one process (or sound-server stream) using a device.
type Use struct {
	PID    int    // process ID; 0 when the sound server did not name one
	Comm   string // process name (/proc/PID/comm) or application name
	Device string // device path, or the sound-server source recorded from
}

// String reads like "zoom (pid 4242): /dev/video0".
func (u Use) String() string {
	if u.PID == 0 {
		return fmt.Sprintf("%s: %s", u.Comm, u.Device)
	}
	return fmt.Sprintf("%s (pid %d): %s", u.Comm, u.PID, u.Device)
}

// Evidence lists every use found by one scan, for logs and status.
type Evidence []Use

// String joins the uses with "; ", or says "none".
func (e Evidence) String() string {
	if len(e) == 0 {
		return "none"
	}
	parts := make([]string, len(e))
	for i, u := range e {
		parts[i] = u.String()
	}
	return strings.Join(parts, "; ")
}

// Detector finds this user's processes holding a camera or microphone.
// Its fields are plain configuration so tests can point it at a fake
// /proc and any device pattern; [New] fills them for the running
// process. A Detector is safe for concurrent use: InMeeting only reads it.
type Detector struct {
	// Proc is the procfs root ("/proc"); empty means not supported.
	Proc string
	// Devices are filepath.Match patterns matched against the target of
	// each /proc/PID/fd/N link: any path can be matched, not only /dev.
	Devices []string
	// UID is the user whose processes count, compared with the real UID
	// in /proc/PID/status. Other users' processes are ignored even when
	// their descriptors are readable (running as root).
	UID int
	// SelfPID is never counted (the daemon itself); 0 for none.
	SelfPID int
	// SelfExe is Limber's binary: processes running it are never counted
	// (the daemon and its window processes). Empty for none.
	SelfExe string
	// Pulse, when set, also asks a PulseAudio-protocol sound server for
	// recording streams.
	Pulse *Pulse
}

// New returns a Detector for the running process: the real /proc on
// Linux, [DefaultDevices], this user, this process and its binary, and
// the sound server named by the environment ([PulseFromEnv]).
func New() *Detector {
	d := &Detector{
		Proc:    defaultProc,
		Devices: DefaultDevices(),
		UID:     os.Getuid(),
		SelfPID: os.Getpid(),
	}
	if exe, err := os.Executable(); err == nil {
		d.SelfExe = exe
	}
	if defaultProc != "" {
		d.Pulse = PulseFromEnv()
	}
	return d
}

// InMeeting reports whether a camera or microphone is in use by one of
// this user's processes, with the evidence. A source that cannot answer
// counts as "not in use": the bool is meaningful even when err reports a
// failure (a broken sound-server connection does not hide a camera found
// in /proc). Where nothing can be checked it returns false and an error
// wrapping [ErrNotSupported].
func (d *Detector) InMeeting() (bool, Evidence, error) {
	if d.Proc == "" {
		return false, nil, ErrNotSupported
	}
	ev, err := d.scanProc()
	if d.Pulse != nil {
		pev, perr := d.Pulse.Recording(d.SelfPID)
		ev = append(ev, pev...)
		err = errors.Join(err, perr)
	}
	return len(ev) > 0, ev, err
}

// scanProc walks every process directory once. Processes that vanish
// between listing and reading, and descriptors this user may not read,
// are skipped: they are races or other users, not faults.
func (d *Detector) scanProc() (Evidence, error) {
	for _, p := range d.Devices {
		if _, err := filepath.Match(p, ""); err != nil {
			return nil, fmt.Errorf("device pattern %q: %w", p, err)
		}
	}
	dir, err := os.Open(d.Proc)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w: %w", ErrNotSupported, err)
		}
		return nil, fmt.Errorf("read process list: %w", err)
	}
	names, err := dir.Readdirnames(-1)
	dir.Close()
	if err != nil {
		return nil, fmt.Errorf("read process list %s: %w", d.Proc, err)
	}
	var ev Evidence
	for _, name := range names {
		pid, err := strconv.Atoi(name)
		if err != nil || pid <= 0 || pid == d.SelfPID {
			continue
		}
		ev = d.scanPID(ev, pid, d.Proc+"/"+name)
	}
	return ev, nil
}

// scanPID appends the devices held by one process, if it counts. The
// cheap descriptor scan comes first; the owner and executable are read
// only for the rare process that holds a device.
func (d *Detector) scanPID(ev Evidence, pid int, dir string) Evidence {
	devices := d.heldDevices(dir + "/fd")
	if len(devices) == 0 || !d.ownedByUser(dir) || d.isSelf(dir) {
		return ev
	}
	comm, err := os.ReadFile(dir + "/comm")
	if err != nil {
		return ev // gone since its descriptors were read
	}
	name := strings.TrimSpace(string(comm))
	for _, dev := range devices {
		ev = append(ev, Use{PID: pid, Comm: name, Device: dev})
	}
	return ev
}

// heldDevices returns the distinct matching targets of a process's open
// descriptors, or nil when none match or they cannot be read.
func (d *Detector) heldDevices(fdDir string) []string {
	f, err := os.Open(fdDir)
	if err != nil {
		return nil // vanished, another user's, a kernel thread
	}
	fds, err := f.Readdirnames(-1)
	f.Close()
	if err != nil {
		return nil
	}
	var held []string
	for _, fd := range fds {
		target, err := os.Readlink(fdDir + "/" + fd)
		if err != nil || !d.matches(target) {
			continue // closed meanwhile, or not a device of interest
		}
		if !slices.Contains(held, target) {
			held = append(held, target)
		}
	}
	return held
}

func (d *Detector) matches(path string) bool {
	for _, p := range d.Devices {
		if ok, _ := filepath.Match(p, path); ok {
			return true
		}
	}
	return false
}

// ownedByUser reads the real UID from the process's status file.
func (d *Detector) ownedByUser(dir string) bool {
	status, err := os.ReadFile(dir + "/status")
	if err != nil {
		return false
	}
	uid, ok := statusUID(string(status))
	return ok && uid == d.UID
}

// statusUID parses the real UID of a "Uid:\treal\teffective\tsaved\tfs"
// line.
func statusUID(status string) (int, bool) {
	for line := range strings.Lines(status) {
		rest, ok := strings.CutPrefix(line, "Uid:")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			return 0, false
		}
		uid, err := strconv.Atoi(fields[0])
		return uid, err == nil
	}
	return 0, false
}

// isSelf tells whether the process runs Limber's own binary. The kernel
// appends " (deleted)" when the binary was replaced (a package upgrade
// under a running daemon); os.Executable strips it, so both sides do.
func (d *Detector) isSelf(dir string) bool {
	if d.SelfExe == "" {
		return false
	}
	exe, err := os.Readlink(dir + "/exe")
	if err != nil {
		return false
	}
	return strings.TrimSuffix(exe, " (deleted)") == strings.TrimSuffix(d.SelfExe, " (deleted)")
}
