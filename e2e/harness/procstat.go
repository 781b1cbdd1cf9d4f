package harness

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ClockTicks is USER_HZ, the unit of utime and stime in /proc/PID/stat. It
// is 100 on every Linux architecture Go supports.
const ClockTicks = 100

// ProcSample is one reading of a process's footprint from /proc.
type ProcSample struct {
	RSSKiB       int64 // VmRSS, /proc/PID/status
	AnonKiB      int64 // Anonymous, /proc/PID/smaps_rollup
	PrivateKiB   int64 // Private_Clean + Private_Dirty, /proc/PID/smaps_rollup
	CPUTicks     int64 // utime + stime, /proc/PID/stat, in ClockTicks
	CtxSwitches  int64 // voluntary + nonvoluntary switches summed over all threads
	Threads      int   // threads counted in CtxSwitches
	SmapsMissing bool  // smaps_rollup unreadable (old kernel or permissions)
}

// ReadProc samples pid's footprint. It reads procfs rooted at root, normally
// "/proc" (tests pass a fixture directory).
func ReadProc(root string, pid int) (ProcSample, error) {
	dir := filepath.Join(root, strconv.Itoa(pid))
	var s ProcSample

	status, err := os.ReadFile(filepath.Join(dir, "status"))
	if err != nil {
		return s, fmt.Errorf("read status of %d: %w", pid, err)
	}
	fields := parseKeyValues(string(status))
	if s.RSSKiB, err = kib(fields, "VmRSS"); err != nil {
		return s, fmt.Errorf("pid %d status: %w", pid, err)
	}

	stat, err := os.ReadFile(filepath.Join(dir, "stat"))
	if err != nil {
		return s, fmt.Errorf("read stat of %d: %w", pid, err)
	}
	if s.CPUTicks, err = ParseStatCPU(string(stat)); err != nil {
		return s, fmt.Errorf("pid %d stat: %w", pid, err)
	}

	if rollup, err := os.ReadFile(filepath.Join(dir, "smaps_rollup")); err == nil {
		fields := parseKeyValues(string(rollup))
		anon, err1 := kib(fields, "Anonymous")
		clean, err2 := kib(fields, "Private_Clean")
		dirty, err3 := kib(fields, "Private_Dirty")
		if err1 != nil || err2 != nil || err3 != nil {
			return s, fmt.Errorf("pid %d smaps_rollup: missing Anonymous/Private_* fields", pid)
		}
		s.AnonKiB, s.PrivateKiB = anon, clean+dirty
	} else {
		s.SmapsMissing = true
	}

	tasks, err := os.ReadDir(filepath.Join(dir, "task"))
	if err != nil {
		return s, fmt.Errorf("list threads of %d: %w", pid, err)
	}
	for _, task := range tasks {
		data, err := os.ReadFile(filepath.Join(dir, "task", task.Name(), "status"))
		if err != nil {
			continue // the thread exited between ReadDir and ReadFile
		}
		fields := parseKeyValues(string(data))
		vol, err1 := count(fields, "voluntary_ctxt_switches")
		nonvol, err2 := count(fields, "nonvoluntary_ctxt_switches")
		if err1 != nil || err2 != nil {
			return s, fmt.Errorf("pid %d thread %s: missing ctxt_switches", pid, task.Name())
		}
		s.CtxSwitches += vol + nonvol
		s.Threads++
	}
	return s, nil
}

// ParseStatCPU returns utime+stime from the text of /proc/PID/stat. The
// command name (field 2) may contain spaces and parentheses, so fields are
// counted from the last ')'.
func ParseStatCPU(stat string) (int64, error) {
	end := strings.LastIndexByte(stat, ')')
	if end < 0 {
		return 0, fmt.Errorf("stat: no command name")
	}
	// After ")": state(3) ppid(4) … utime(14) stime(15).
	rest := strings.Fields(stat[end+1:])
	const utime, stime = 14 - 3, 15 - 3
	if len(rest) <= stime {
		return 0, fmt.Errorf("stat: %d fields after the command name, want > %d", len(rest), stime)
	}
	u, err := strconv.ParseInt(rest[utime], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("stat utime %q: %w", rest[utime], err)
	}
	s, err := strconv.ParseInt(rest[stime], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("stat stime %q: %w", rest[stime], err)
	}
	return u + s, nil
}

// parseKeyValues reads "Key:   value" lines (status, smaps_rollup).
func parseKeyValues(text string) map[string]string {
	out := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok {
			out[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return out
}

// kib parses a "123 kB" value.
func kib(fields map[string]string, key string) (int64, error) {
	v, ok := fields[key]
	if !ok {
		return 0, fmt.Errorf("no %s", key)
	}
	n, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(v, "kB")), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s %q: %w", key, v, err)
	}
	return n, nil
}

func count(fields map[string]string, key string) (int64, error) {
	v, ok := fields[key]
	if !ok {
		return 0, fmt.Errorf("no %s", key)
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s %q: %w", key, v, err)
	}
	return n, nil
}
