package meeting

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

const (
	testUID   = 1000
	otherUID  = 1001
	selfPID   = 50
	limberExe = "/usr/bin/limber"
)

// fakeTree is a /proc and /dev laid out in a temp dir: fd entries are
// symlinks to fake device paths, as the kernel shows them.
type fakeTree struct {
	t         *testing.T
	proc, dev string
}

func newFakeTree(t *testing.T) *fakeTree {
	t.Helper()
	root := t.TempDir()
	f := &fakeTree{t: t, proc: filepath.Join(root, "proc"), dev: filepath.Join(root, "dev")}
	for _, d := range []string{f.proc, filepath.Join(f.dev, "snd")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// Not a process: must be skipped.
	f.write(filepath.Join(f.proc, "self"), "")
	f.write(filepath.Join(f.proc, "uptime"), "1.0 1.0\n")
	return f
}

func (f *fakeTree) write(path, content string) {
	f.t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fakeTree) symlink(target, link string) {
	f.t.Helper()
	if err := os.Symlink(target, link); err != nil {
		f.t.Fatal(err)
	}
}

// process adds /proc/PID with a status, comm, exe and one fd per device
// (relative to the fake /dev; other targets are taken as they are).
func (f *fakeTree) process(pid, uid int, comm, exe string, targets ...string) string {
	f.t.Helper()
	dir := filepath.Join(f.proc, strconv.Itoa(pid))
	if err := os.MkdirAll(filepath.Join(dir, "fd"), 0o755); err != nil {
		f.t.Fatal(err)
	}
	f.write(filepath.Join(dir, "status"), fmt.Sprintf("Name:\t%s\nUmask:\t0022\nUid:\t%d\t%d\t%d\t%d\nGid:\t100\t100\t100\t100\n", comm, uid, uid, uid, uid))
	f.write(filepath.Join(dir, "comm"), comm+"\n")
	f.symlink(exe, filepath.Join(dir, "exe"))
	// Descriptors 0-2 and a socket, as every process has.
	f.symlink("/dev/pts/0", filepath.Join(dir, "fd", "0"))
	f.symlink("pipe:[1234]", filepath.Join(dir, "fd", "1"))
	f.symlink("socket:[5678]", filepath.Join(dir, "fd", "2"))
	for i, t := range targets {
		if !filepath.IsAbs(t) {
			t = filepath.Join(f.dev, t)
		}
		f.symlink(t, filepath.Join(dir, "fd", strconv.Itoa(3+i)))
	}
	return dir
}

func (f *fakeTree) detector() *Detector {
	return &Detector{
		Proc:    f.proc,
		Devices: []string{filepath.Join(f.dev, "video*"), filepath.Join(f.dev, "snd", "pcmC*D*c")},
		UID:     testUID,
		SelfPID: selfPID,
		SelfExe: limberExe,
	}
}

func TestInMeetingFakeProc(t *testing.T) {
	tests := []struct {
		name  string
		setup func(f *fakeTree)
		want  []string // "comm pid device" relative to the fake /dev
	}{
		{"nothing open", func(f *fakeTree) {
			f.process(100, testUID, "bash", "/usr/bin/bash", "/home/u/notes.txt")
		}, nil},
		{"camera in use", func(f *fakeTree) {
			f.process(100, testUID, "zoom", "/opt/zoom/zoom", "video0")
		}, []string{"zoom 100 video0"}},
		{"capture PCM in use", func(f *fakeTree) {
			f.process(200, testUID, "pipewire", "/usr/bin/pipewire", "snd/pcmC1D0c", "snd/controlC1")
		}, []string{"pipewire 200 snd/pcmC1D0c"}},
		{"playback PCM not counted", func(f *fakeTree) {
			f.process(200, testUID, "pipewire", "/usr/bin/pipewire", "snd/pcmC0D0p", "snd/controlC0", "snd/timer")
		}, nil},
		{"same device twice listed once", func(f *fakeTree) {
			f.process(100, testUID, "cheese", "/usr/bin/cheese", "video0", "video0", "video2")
		}, []string{"cheese 100 video0", "cheese 100 video2"}},
		{"another user's process ignored", func(f *fakeTree) {
			f.process(300, otherUID, "zoom", "/opt/zoom/zoom", "video0")
			f.process(301, 0, "pulseaudio", "/usr/bin/pulseaudio", "snd/pcmC0D0c")
		}, nil},
		{"own PID ignored", func(f *fakeTree) {
			f.process(selfPID, testUID, "limber", "/somewhere/else", "video0")
		}, nil},
		{"own binary ignored, other binaries not", func(f *fakeTree) {
			f.process(60, testUID, "limber", limberExe, "video0")
			f.process(61, testUID, "limber", limberExe+" (deleted)", "video0")
			f.process(62, testUID, "firefox", "/usr/lib/firefox/firefox", "video0")
		}, []string{"firefox 62 video0"}},
		{"process gone before its fds were read", func(f *fakeTree) {
			dir := f.process(100, testUID, "zoom", "/opt/zoom/zoom", "video0")
			if err := os.RemoveAll(filepath.Join(dir, "fd")); err != nil {
				t.Fatal(err)
			}
			f.process(101, testUID, "obs", "/usr/bin/obs", "video1")
		}, []string{"obs 101 video1"}},
		{"process gone after its fds were read", func(f *fakeTree) {
			dir := f.process(100, testUID, "zoom", "/opt/zoom/zoom", "video0")
			for _, name := range []string{"status", "comm"} {
				if err := os.Remove(filepath.Join(dir, name)); err != nil {
					t.Fatal(err)
				}
			}
		}, nil},
		{"fd closed between listing and readlink", func(f *fakeTree) {
			dir := f.process(100, testUID, "zoom", "/opt/zoom/zoom")
			// A plain file where a link was: readlink fails like a
			// descriptor closed meanwhile (EINVAL instead of ENOENT).
			f.write(filepath.Join(dir, "fd", "7"), "")
		}, nil},
		{"fd entry not a directory", func(f *fakeTree) {
			dir := f.process(100, testUID, "zoom", "/opt/zoom/zoom", "video0")
			if err := os.RemoveAll(filepath.Join(dir, "fd")); err != nil {
				t.Fatal(err)
			}
			f.write(filepath.Join(dir, "fd"), "")
			f.process(101, testUID, "obs", "/usr/bin/obs", "video1")
		}, []string{"obs 101 video1"}},
		{"garbled status", func(f *fakeTree) {
			dir := f.process(100, testUID, "zoom", "/opt/zoom/zoom", "video0")
			f.write(filepath.Join(dir, "status"), "Name:\tzoom\nUid:\n")
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeTree(t)
			tt.setup(f)
			in, ev, err := f.detector().InMeeting()
			if err != nil {
				t.Fatalf("InMeeting error: %v", err)
			}
			got := f.describe(ev)
			if !slices.Equal(got, tt.want) || in != (len(tt.want) > 0) {
				t.Errorf("InMeeting = %v, %v; want %v", in, got, tt.want)
			}
		})
	}
}

// describe turns evidence into sorted "comm pid device" strings.
func (f *fakeTree) describe(ev Evidence) []string {
	var out []string
	for _, u := range ev {
		dev, err := filepath.Rel(f.dev, u.Device)
		if err != nil {
			dev = u.Device
		}
		out = append(out, fmt.Sprintf("%s %d %s", u.Comm, u.PID, dev))
	}
	slices.Sort(out)
	return out
}

// TestUnreadableFdDir covers another user's process as a non-root reader
// sees it: the fd directory cannot be opened. Root reads any mode, so the
// case only exists for other users.
func TestUnreadableFdDir(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads a mode-000 directory; the not-a-directory case in TestInMeetingFakeProc covers the same path")
	}
	f := newFakeTree(t)
	dir := f.process(100, testUID, "zoom", "/opt/zoom/zoom", "video0")
	f.process(101, testUID, "obs", "/usr/bin/obs", "video1")
	if err := os.Chmod(filepath.Join(dir, "fd"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "fd"), 0o755) })
	in, ev, err := f.detector().InMeeting()
	if err != nil || !in || !slices.Equal(f.describe(ev), []string{"obs 101 video1"}) {
		t.Errorf("InMeeting = %v, %v, %v; want only obs", in, ev, err)
	}
}

func TestInMeetingFaults(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-proc")
	tests := []struct {
		name        string
		d           Detector
		unsupported bool
	}{
		{"no proc root configured", Detector{}, true},
		{"proc root missing", Detector{Proc: missing, Devices: DefaultDevices()}, true},
		{"bad device pattern", Detector{Proc: t.TempDir(), Devices: []string{"/dev/video["}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, ev, err := tt.d.InMeeting()
			if in || len(ev) != 0 || err == nil {
				t.Fatalf("InMeeting = %v, %v, %v; want false and an error", in, ev, err)
			}
			if got := errors.Is(err, ErrNotSupported); got != tt.unsupported {
				t.Errorf("errors.Is(%v, ErrNotSupported) = %v, want %v", err, got, tt.unsupported)
			}
		})
	}
}

func TestEvidenceString(t *testing.T) {
	ev := Evidence{
		{PID: 42, Comm: "zoom", Device: "/dev/video0"},
		{Comm: "Firefox", Device: "sound server input mic"},
	}
	want := "zoom (pid 42): /dev/video0; Firefox: sound server input mic"
	if got := ev.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got := Evidence(nil).String(); got != "none" {
		t.Errorf("empty String() = %q, want none", got)
	}
}

func TestStatusUID(t *testing.T) {
	tests := []struct {
		status string
		uid    int
		ok     bool
	}{
		{"Name:\tx\nUid:\t1000\t0\t0\t0\n", 1000, true},
		{"Uid:\t0\t1000\t1000\t1000", 0, true},
		{"Name:\tx\n", 0, false},
		{"Uid:\n", 0, false},
		{"Uid:\tabc\t1\t1\t1\n", 0, false},
	}
	for _, tt := range tests {
		uid, ok := statusUID(tt.status)
		if uid != tt.uid || ok != tt.ok {
			t.Errorf("statusUID(%q) = %d, %v; want %d, %v", tt.status, uid, ok, tt.uid, tt.ok)
		}
	}
}
