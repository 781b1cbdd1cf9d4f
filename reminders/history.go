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

	"github.com/limber-app/limber/internal/safefile"
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
	// EventStood and EventSat record posture changes in standing-desk
	// mode (Engine.Stand, Engine.Sit). Standing up closes a sitting
	// stretch, whose sitting_s it carries; sitting down closes a standing
	// stretch, whose standing_s it carries. A natural break that puts the
	// user back to sitting (posture_after_break = "sitting") records "sat"
	// with reason "break" right after the natural_break event.
	EventStood = "stood"
	EventSat   = "sat"
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
	Reason    string     `json:"reason,omitempty"`    // natural_break: idle|away|suspend; resumed: resumed|expired; cleared; sat: break
	// StandingS is the standing time at the event, seconds: the standing
	// stretch so far (standing-desk mode), like sitting_s for sitting.
	StandingS int64 `json:"standing_s,omitempty"`
	// Posture is "standing" on a reminder to sit down (standing_limit);
	// absent on a reminder to stand up.
	Posture string `json:"posture,omitempty"`
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
	// Sitting and Standing sum the sitting and standing stretches that
	// ended on the day, as recorded by the event that ended each (see
	// endsStretch). A stretch counts on the day it ended; one still going
	// is not in the history (Engine.Status adds it live), and one cut by
	// the end of working hours with no break due, or by a daemon stop, is
	// not recorded at all, so both are lower bounds.
	Sitting, Standing time.Duration
}

// endsStretch reports whether the engine restarts sitting and standing
// time right after recording ev, so that ev's sitting_s and standing_s are
// the whole stretches: a natural break, a skip, a pause, a routine, the
// end of working hours, and a posture change.
func endsStretch(ev Event) bool {
	switch ev.Event {
	case EventNaturalBreak, EventSkipped, EventPaused, EventRoutine, EventStood, EventSat:
		return true
	case EventCleared:
		return ev.Reason == "outside_hours"
	}
	return false
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
	if endsStretch(ev) {
		s.Sitting += stretchOf(ev.SittingS)
		s.Standing += stretchOf(ev.StandingS)
	}
}

// maxStretch bounds one recorded stretch, so that a hostile or corrupt
// history line cannot overflow a day's sum.
const maxStretch = 7 * 24 * time.Hour

// stretchOf is a recorded number of seconds as a stretch, within
// [0, maxStretch].
func stretchOf(secs int64) time.Duration {
	return time.Duration(min(max(secs, 0), int64(maxStretch/time.Second))) * time.Second
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
	return ReadHistorySince(path, time.Time{})
}

// maxHistoryLine bounds one line of the history file; an event is about
// 100 bytes, so a longer line is garbage and is skipped unread.
const maxHistoryLine = 64 << 10

// ReadHistorySince reads the valid events at or after since (all of them
// for the zero time), streaming the file line by line: memory grows with
// the events kept, not with the file. Lines before since are skipped after
// parsing only their timestamp. A missing file is empty history; a path
// that is not a regular file is an error.
func ReadHistorySince(path string, since time.Time) ([]Event, error) {
	f, err := safefile.OpenRegular(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open history: %w", err)
	}
	defer f.Close()
	return readEvents(f, since)
}

func readEvents(r io.Reader, since time.Time) ([]Event, error) {
	var out []Event
	br := bufio.NewReaderSize(r, maxHistoryLine)
	for {
		line, err := br.ReadSlice('\n')
		for errors.Is(err, bufio.ErrBufferFull) { // over-long: skip to the next line
			line = nil
			_, err = br.ReadSlice('\n')
		}
		out = appendEvents(out, line, since)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, fmt.Errorf("read history: %w", err)
		}
	}
}

// eventStart is how every line Limber writes begins.
var eventStart = []byte(`{"t":"`)

// appendEvents appends the event of line, if it is valid and not before
// since. A line that is not valid may hold a torn event with a whole one
// written onto it (as versions before the torn-write fix did after a full
// disk); the whole one is kept.
func appendEvents(out []Event, line []byte, since time.Time) []Event {
	for len(bytes.TrimSpace(line)) > 0 {
		ev, verdict := decodeEvent(line, since)
		switch verdict {
		case eventKept:
			return append(out, ev)
		case eventEarly:
			return out
		}
		i := bytes.Index(line[1:], eventStart)
		if i < 0 {
			return out
		}
		line = line[1+i:]
	}
	return out
}

type verdict int

const (
	eventKept  verdict = iota
	eventEarly         // valid timestamp before since
	eventBad
)

// decodeEvent decodes one line. When since is set, a line starting with a
// timestamp before it is dropped without decoding the rest.
func decodeEvent(line []byte, since time.Time) (Event, verdict) {
	if !since.IsZero() && bytes.HasPrefix(line, eventStart) {
		rest := line[len(eventStart):]
		if end := bytes.IndexByte(rest, '"'); end > 0 {
			t, err := time.Parse(time.RFC3339Nano, string(rest[:end]))
			if err == nil && t.Before(since) && bytes.Contains(rest[end:], []byte(`"event":`)) && bytes.Count(line, eventStart) == 1 {
				return Event{}, eventEarly
			}
		}
	}
	var ev Event
	if json.Unmarshal(line, &ev) != nil || ev.Event == "" || ev.T.IsZero() {
		return Event{}, eventBad
	}
	if ev.T.Before(since) {
		return Event{}, eventEarly
	}
	return ev, eventKept
}

// History appends events to the history file. Each Append is a single
// write of whole lines to a file opened O_APPEND, followed by fsync, so
// concurrent writers (goroutines or processes) never interleave within a
// line. It is safe for concurrent use.
//
// A History never stops reminders: when the file cannot be opened (a
// read-only folder, say) it records nothing, keeps the error for Err, and
// tries to open the file again at an Append at most once a minute. When a
// write fails or is short (a full disk), the next Append starts on a fresh
// line, so the torn fragment costs only the event that failed.
type History struct {
	mu       sync.Mutex
	f        historyFile // nil while the file cannot be opened
	path     string
	open     func(path string) (historyFile, error)
	now      func() time.Time
	needsNL  bool      // the file ends in a torn line: start on a fresh one
	checkEnd bool      // a write failed: look at the file's last byte first
	err      error     // the last open or write error; nil after a good Append
	tried    time.Time // the last attempt to open the file
	closed   bool
}

// historyFile is what History needs of its file; tests inject a disk that
// fills up.
type historyFile interface {
	io.Writer
	io.ReaderAt
	Size() (int64, error)
	Sync() error
	Close() error
}

// HistoryRetry is how often a History that cannot open its file tries again.
const HistoryRetry = time.Minute

// OpenHistory opens (creating it and its directory) the history file. It
// always returns a usable History; err is the open error, also kept by Err,
// and while it lasts events are dropped (see History).
func OpenHistory(path string) (*History, error) {
	h := newHistory(path, openHistoryFile, time.Now)
	return h, h.Err()
}

func newHistory(path string, open func(string) (historyFile, error), now func() time.Time) *History {
	h := &History{path: path, open: open, now: now}
	h.reopen()
	return h
}

// reopen tries to open the file; h.mu is held or h is not shared yet.
func (h *History) reopen() {
	h.tried = h.now()
	f, err := h.open(h.path)
	if err != nil {
		h.err = fmt.Errorf("history is not recorded: %w", err)
		return
	}
	h.f, h.err, h.checkEnd = f, nil, true
}

// osHistoryFile is a history file on disk.
type osHistoryFile struct{ *os.File }

func (f osHistoryFile) Size() (int64, error) {
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}

func openHistoryFile(path string) (historyFile, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create history dir: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_APPEND|os.O_CREATE|nonBlock, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open history: %w", err)
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = fmt.Errorf("%s is not a regular file", filepath.Base(path))
		}
		return nil, fmt.Errorf("open history: %w", err)
	}
	return osHistoryFile{f}, nil
}

// Err returns the last error opening or writing the file, or nil once an
// Append has succeeded. The daemon shows it in its status.
func (h *History) Err() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.err
}

// endsTorn reports whether the file's last byte is not a newline; an
// unreadable end counts as torn, as a spare newline costs nothing.
func endsTorn(f historyFile) bool {
	size, err := f.Size()
	if err != nil {
		return true
	}
	if size == 0 {
		return false
	}
	last := make([]byte, 1)
	_, err = f.ReadAt(last, size-1)
	return err != nil || last[0] != '\n'
}

// Append writes events, one JSON object a line, and syncs the file. While
// the file cannot be opened it returns the open error and drops the events.
func (h *History) Append(events ...Event) error {
	if len(events) == 0 {
		return nil
	}
	var buf bytes.Buffer
	for _, ev := range events {
		b, err := json.Marshal(ev)
		if err != nil {
			return fmt.Errorf("encode history event: %w", err)
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return fmt.Errorf("append %s: %w", h.path, os.ErrClosed)
	}
	if h.f == nil {
		if h.now().Sub(h.tried) < HistoryRetry {
			return h.err
		}
		if h.reopen(); h.f == nil {
			return h.err
		}
	}
	if h.checkEnd {
		h.needsNL = h.needsNL || endsTorn(h.f)
		h.checkEnd = false
	}
	data := buf.Bytes()
	if h.needsNL {
		data = append([]byte{'\n'}, data...)
	}
	if _, err := h.f.Write(data); err != nil {
		h.checkEnd = true // part of it may have reached the file
		h.err = fmt.Errorf("append %s: %w", h.path, err)
		return h.err
	}
	h.needsNL = false
	if err := h.f.Sync(); err != nil {
		h.checkEnd = true
		h.err = fmt.Errorf("sync %s: %w", h.path, err)
		return h.err
	}
	h.err = nil
	return nil
}

// Close closes the file.
func (h *History) Close() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	if h.f == nil {
		return nil
	}
	err := h.f.Close()
	h.f = nil
	return err
}
