package reminders

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
)

// History event names, as written in the "event" field.
const (
	EventReminded     = "reminded"
	EventSnoozed      = "snoozed"
	EventSkipped      = "skipped"
	EventNaturalBreak = "natural_break"
	EventRoutine      = "routine"
	EventPaused       = "paused"
	EventResumed      = "resumed"
	// EventCleared closes a due period for a reason other than the user's
	// answer: working hours ended ("outside_hours") or a reloaded config
	// raised the limit ("config").
	EventCleared = "cleared"
)

// Event is one line of the history file, e.g.
// {"t":"2026-11-25T10:03:00+01:00","event":"reminded","sitting_s":2700,"count":1}.
type Event struct {
	T         time.Time  `json:"t"`
	Event     string     `json:"event"`
	SittingS  int64      `json:"sitting_s,omitempty"` // sitting time at the event, seconds
	Count     int        `json:"count,omitempty"`     // reminded: 1 for the first of a due period
	Routine   string     `json:"routine,omitempty"`   // routine: routine ID
	Completed *bool      `json:"completed,omitempty"` // routine: played to the end
	Seconds   int64      `json:"seconds,omitempty"`   // routine: time stretched; snoozed: snooze length
	Until     *time.Time `json:"until,omitempty"`     // paused: end (9999-12-31T23:59:59Z = until resumed)
	Reason    string     `json:"reason,omitempty"`    // natural_break: idle|away|suspend; resumed: resumed|expired; cleared
}

// DayStats are the counters of one local calendar day.
type DayStats struct {
	Date              string // YYYY-MM-DD
	Breaks            int    // natural breaks plus completed routines
	NaturalBreaks     int
	Routines          int // routines started and closed, completed or not
	RoutinesCompleted int
	Skipped           int
	Snoozed           int
	Reminders         int
	LongestSitting    time.Duration
}

func (s *DayStats) apply(ev Event) {
	switch ev.Event {
	case EventReminded:
		s.Reminders++
	case EventSnoozed:
		s.Snoozed++
	case EventSkipped:
		s.Skipped++
	case EventNaturalBreak:
		s.NaturalBreaks++
		s.Breaks++
	case EventRoutine:
		s.Routines++
		if ev.Completed != nil && *ev.Completed {
			s.RoutinesCompleted++
			s.Breaks++
		}
	}
	s.LongestSitting = max(s.LongestSitting, time.Duration(ev.SittingS)*time.Second)
}

// Summarize groups events by local calendar day in loc, oldest first.
func Summarize(events []Event, loc *time.Location) []DayStats {
	byDay := map[string]*DayStats{}
	for _, ev := range events {
		d := dayOf(ev.T.In(loc)).String()
		s := byDay[d]
		if s == nil {
			s = &DayStats{Date: d}
			byDay[d] = s
		}
		s.apply(ev)
	}
	out := make([]DayStats, 0, len(byDay))
	for _, s := range byDay {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// ReadHistory reads every valid event from the file at path. A missing
// file is empty history. Lines that are not valid events (a line torn by a
// crash, say) are skipped, never fatal.
func ReadHistory(path string) ([]Event, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open history: %w", err)
	}
	defer f.Close()
	return readEvents(f)
}

func readEvents(r io.Reader) ([]Event, error) {
	var out []Event
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			var ev Event
			if json.Unmarshal(line, &ev) == nil && ev.Event != "" && !ev.T.IsZero() {
				out = append(out, ev)
			}
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, fmt.Errorf("read history: %w", err)
		}
	}
}

// History appends events to the history file. Each Append is a single
// write of whole lines to a file opened O_APPEND, followed by fsync, so
// concurrent writers (goroutines or processes) never interleave within a
// line. It is safe for concurrent use.
type History struct {
	mu      sync.Mutex
	f       *os.File
	path    string
	needsNL bool // the file ends in a torn line: start on a fresh one
}

// OpenHistory opens (creating it and its directory) the history file.
func OpenHistory(path string) (*History, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create history dir: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open history: %w", err)
	}
	h := &History{f: f, path: path}
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 {
		last := make([]byte, 1)
		if _, err := f.ReadAt(last, fi.Size()-1); err == nil && last[0] != '\n' {
			h.needsNL = true
		}
	}
	return h, nil
}

// Append writes events, one JSON object a line, and syncs the file.
func (h *History) Append(events ...Event) error {
	if len(events) == 0 {
		return nil
	}
	var buf bytes.Buffer
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.needsNL {
		buf.WriteByte('\n')
	}
	for _, ev := range events {
		b, err := json.Marshal(ev)
		if err != nil {
			return fmt.Errorf("encode history event: %w", err)
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	if _, err := h.f.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("append %s: %w", h.path, err)
	}
	h.needsNL = false
	if err := h.f.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", h.path, err)
	}
	return nil
}

// Close closes the file.
func (h *History) Close() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.f.Close()
}
