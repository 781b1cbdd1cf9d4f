//go:build unix

package reminders

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// fullDisk is a history file on a disk that fills up: once full is set,
// a write stores only part of its bytes and fails with ENOSPC.
type fullDisk struct {
	buf  bytes.Buffer
	full bool
}

func (d *fullDisk) Write(p []byte) (int, error) {
	if d.full {
		n := min(len(p), 17)
		d.buf.Write(p[:n])
		return n, &fs.PathError{Op: "write", Path: "history.jsonl", Err: syscall.ENOSPC}
	}
	return d.buf.Write(p)
}

func (d *fullDisk) ReadAt(p []byte, off int64) (int, error) {
	b := d.buf.Bytes()
	if off >= int64(len(b)) {
		return 0, fmt.Errorf("read past end")
	}
	return copy(p, b[off:]), nil
}

func (d *fullDisk) Size() (int64, error) { return int64(d.buf.Len()), nil }
func (d *fullDisk) Sync() error          { return nil }
func (d *fullDisk) Close() error         { return nil }

func TestHostileHistoryFullDisk(t *testing.T) {
	disk := &fullDisk{}
	h := newHistory("history.jsonl", func(string) (historyFile, error) { return disk, nil }, time.Now)
	if err := h.Err(); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	ev := func(min int, name string) Event {
		return Event{T: at.Add(time.Duration(min) * time.Minute), Event: name}
	}

	if err := h.Append(ev(0, EventReminded)); err != nil {
		t.Fatal(err)
	}
	disk.full = true
	err := h.Append(ev(1, EventPaused))
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("Append on a full disk: %v", err)
	}
	if !errors.Is(h.Err(), syscall.ENOSPC) {
		t.Errorf("Err() = %v after a failed append", h.Err())
	}
	disk.full = false
	if err := h.Append(ev(2, EventResumed)); err != nil {
		t.Fatal(err)
	}
	if h.Err() != nil {
		t.Errorf("Err() = %v after a good append", h.Err())
	}
	got, err := readEvents(bytes.NewReader(disk.buf.Bytes()), time.Time{})
	if err != nil || len(got) != 2 || got[0].Event != EventReminded || got[1].Event != EventResumed {
		t.Fatalf("read back %+v, %v from\n%s", got, err, disk.buf.String())
	}
}

// A file already damaged by an older Limber, where the next event was
// written onto a torn one, still gives that event.
func TestHostileHistoryGluedLine(t *testing.T) {
	text := `{"t":"2026-11-25T10:00:00Z","event":"reminded"}` + "\n" +
		`{"t":"2026-11-25T10:01:00Z","e{"t":"2026-11-25T10:02:00Z","event":"resumed","reason":"resumed"}` + "\n" +
		`{"t":"2026-11-25T10:03:00Z","ev` + "\n" +
		strings.Repeat("x", 200<<10) + "\n" +
		`{"t":"2026-11-25T10:04:00Z","event":"skipped"}`
	got, err := readEvents(strings.NewReader(text), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range got {
		names = append(names, e.Event)
	}
	if strings.Join(names, ",") != "reminded,resumed,skipped" {
		t.Errorf("events %v", names)
	}
}

func TestHostileHistoryReadOnly(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	disk := &fullDisk{}
	denied := true
	opens := 0
	h := newHistory("history.jsonl", func(string) (historyFile, error) {
		opens++
		if denied {
			return nil, &fs.PathError{Op: "open", Path: "history.jsonl", Err: fs.ErrPermission}
		}
		return disk, nil
	}, clock)
	if !errors.Is(h.Err(), fs.ErrPermission) {
		t.Fatalf("Err() = %v, want the open error", h.Err())
	}
	ev := Event{T: now, Event: EventReminded}
	if err := h.Append(ev); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("Append while disabled: %v", err)
	}
	denied = false
	now = now.Add(30 * time.Second)
	if err := h.Append(ev); err == nil || opens != 1 {
		t.Errorf("retried after 30s: err %v, %d opens", err, opens)
	}
	now = now.Add(31 * time.Second)
	if err := h.Append(ev); err != nil || opens != 2 {
		t.Fatalf("after a minute: err %v, %d opens", err, opens)
	}
	if h.Err() != nil || disk.buf.Len() == 0 {
		t.Errorf("Err() = %v, file %q", h.Err(), disk.buf.String())
	}
}

func TestHostileHistoryReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores file permissions")
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	h, err := OpenHistory(filepath.Join(dir, "history.jsonl"))
	if err == nil || h == nil || h.Err() == nil {
		t.Fatalf("OpenHistory in a read-only folder: %v, %v", h, err)
	}
	if err := h.Append(Event{T: time.Now(), Event: EventReminded}); err == nil {
		t.Error("Append succeeded")
	}
	if err := h.Close(); err != nil {
		t.Error(err)
	}
}

func TestHostileHistoryNotRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "history.jsonl")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := ReadHistory(fifo); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("ReadHistory on a FIFO: %v", err)
		}
		h, err := OpenHistory(fifo)
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("OpenHistory on a FIFO: %v", err)
		}
		h.Close()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("blocked on a FIFO")
	}
}

func TestHostileReadHistorySince(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.jsonl")
	start := time.Date(2026, 11, 1, 9, 0, 0, 0, time.FixedZone("CET", 3600))
	writeHistory(t, path, start, 30*24)
	since := start.Add(29 * 24 * time.Hour)
	got, err := ReadHistorySince(path, since)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 24 || got[0].T.Before(since) {
		t.Fatalf("%d events since %v, first %v", len(got), since, got[0].T)
	}
	all, err := ReadHistory(path)
	if err != nil || len(all) != 30*24 {
		t.Fatalf("ReadHistory: %d events, %v", len(all), err)
	}
}

// writeHistory writes n hourly events from start.
func writeHistory(tb testing.TB, path string, start time.Time, n int) {
	tb.Helper()
	h, err := OpenHistory(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer h.Close()
	evs := make([]Event, n)
	for i := range evs {
		evs[i] = Event{T: start.Add(time.Duration(i) * time.Hour), Event: EventNaturalBreak, SittingS: 1800, Reason: "idle"}
	}
	if err := h.Append(evs...); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkReadHistorySince reads the last week of a history of about
// 140,000 events (10 MB, years of use).
func BenchmarkReadHistorySince(b *testing.B) {
	path := filepath.Join(b.TempDir(), "history.jsonl")
	start := time.Date(2010, 1, 1, 9, 0, 0, 0, time.UTC)
	const n = 140000
	writeHistory(b, path, start, n)
	since := start.Add((n - 7*24) * time.Hour)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		evs, err := ReadHistorySince(path, since)
		if err != nil || len(evs) != 7*24 {
			b.Fatal(len(evs), err)
		}
	}
}
