package reminders

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestHistoryAppendAndRead(t *testing.T) {
	loc := time.FixedZone("CET", 3600)
	path := filepath.Join(t.TempDir(), "limber", "history.jsonl")
	h, err := OpenHistory(path)
	if err != nil {
		t.Fatal(err)
	}
	done := true
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, loc) }
	evs := []Event{
		{T: at(25, 10, 3), Event: EventReminded, SittingS: 2700, Count: 1},
		{T: at(25, 10, 4), Event: EventRoutine, Routine: "mid-back", Completed: &done, Seconds: 240, SittingS: 2760},
		{T: at(25, 12, 0), Event: EventNaturalBreak, SittingS: 3000, Reason: "idle"},
		{T: at(26, 9, 50), Event: EventSkipped, SittingS: 2800},
		{T: at(26, 9, 55), Event: EventSnoozed, SittingS: 2800, Seconds: 600},
		{T: at(26, 10, 30), Event: EventStood, SittingS: 600},
		{T: at(26, 11, 0), Event: EventReminded, StandingS: 1800, Count: 1, Posture: "standing"},
		{T: at(26, 11, 5), Event: EventSat, StandingS: 2100},
	}
	if err := h.Append(evs[:2]...); err != nil {
		t.Fatal(err)
	}
	if err := h.Append(evs[2:]...); err != nil {
		t.Fatal(err)
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	if first := strings.SplitN(string(raw), "\n", 2)[0]; first != `{"t":"2026-11-25T10:03:00+01:00","event":"reminded","sitting_s":2700,"count":1}` {
		t.Errorf("first line = %s", first)
	}
	got, err := ReadHistory(path)
	if err != nil || len(got) != len(evs) {
		t.Fatalf("ReadHistory = %d events, %v", len(got), err)
	}
	days := Summarize(got, loc)
	want := []DayStats{
		// Sitting sums the stretches ended by the routine (2760 s) and the
		// natural break (3000 s); the reminder ends none.
		{Date: "2026-11-25", Breaks: 2, NaturalBreaks: 1, Routines: 1, RoutinesCompleted: 1, Reminders: 1, LongestSitting: 50 * time.Minute,
			Sitting: 5760 * time.Second},
		// The skip (2800 s) and standing up (600 s) end sitting stretches;
		// sitting down ends a standing one (2100 s).
		{Date: "2026-11-26", Skipped: 1, Snoozed: 1, Reminders: 1, LongestSitting: 2800 * time.Second,
			Sitting: 3400 * time.Second, Standing: 2100 * time.Second},
	}
	if len(days) != 2 || days[0] != want[0] || days[1] != want[1] {
		t.Errorf("Summarize = %+v\nwant        %+v", days, want)
	}
}

func TestHistoryTornLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.jsonl")
	good := `{"t":"2026-11-25T10:03:00+01:00","event":"reminded","sitting_s":2700,"count":1}` + "\n"
	torn := `{"t":"2026-11-25T10:08:00+01:00","event":"remi`
	if err := os.WriteFile(path, []byte(good+"not json\n\n"+torn), 0o600); err != nil {
		t.Fatal(err)
	}
	evs, err := ReadHistory(path)
	if err != nil || len(evs) != 1 {
		t.Fatalf("with a torn last line: %d events, %v; want 1, nil", len(evs), err)
	}
	h, err := OpenHistory(path)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if err := h.Append(Event{T: time.Date(2026, 11, 25, 10, 9, 0, 0, time.UTC), Event: EventSkipped}); err != nil {
		t.Fatal(err)
	}
	evs, err = ReadHistory(path)
	if err != nil || len(evs) != 2 || evs[1].Event != EventSkipped {
		t.Fatalf("after appending past a torn line: %+v, %v; want the new event on a fresh line", evs, err)
	}
	raw, _ := os.ReadFile(path)
	if !strings.HasSuffix(string(raw), torn+"\n"+`{"t":"2026-11-25T10:09:00Z","event":"skipped"}`+"\n") {
		t.Errorf("file tail: %q", raw[len(raw)-80:])
	}
}

func TestHistoryMissingFile(t *testing.T) {
	evs, err := ReadHistory(filepath.Join(t.TempDir(), "none.jsonl"))
	if err != nil || len(evs) != 0 {
		t.Fatalf("missing history: %v, %v", evs, err)
	}
}

// TestHistoryConcurrentAppends writes from two goroutines, each with its own
// open file (like two processes), and from one shared History; every line
// must come out whole.
func TestHistoryConcurrentAppends(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.jsonl")
	shared, err := OpenHistory(path)
	if err != nil {
		t.Fatal(err)
	}
	defer shared.Close()
	const per = 200
	var wg sync.WaitGroup
	writer := func(h *History, routine string) {
		defer wg.Done()
		for i := range per {
			ev := Event{T: time.Unix(int64(i), 0).UTC(), Event: EventRoutine, Routine: routine + strings.Repeat("x", 300), Seconds: int64(i)}
			if err := h.Append(ev); err != nil {
				t.Error(err)
				return
			}
		}
	}
	for _, name := range []string{"a", "b"} {
		own, err := OpenHistory(path)
		if err != nil {
			t.Fatal(err)
		}
		defer own.Close()
		wg.Add(2)
		go writer(own, name)
		go writer(shared, name+"-shared")
	}
	wg.Wait()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	lines := 0
	for sc.Scan() {
		var ev Event
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("line %d interleaved: %v: %.80s", lines+1, err, sc.Text())
		}
		lines++
	}
	if lines != 4*per {
		t.Fatalf("%d lines, want %d", lines, 4*per)
	}
}

func TestSavedStateRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "limber", "state.json")
	if s, err := LoadState(path); err != nil || !s.PausedUntil.IsZero() {
		t.Fatalf("missing state file: %+v, %v", s, err)
	}
	for _, until := range []time.Time{Forever(), time.Date(2026, 11, 26, 9, 0, 0, 0, time.FixedZone("CET", 3600)), {}} {
		if err := SaveState(path, SavedState{PausedUntil: until}); err != nil {
			t.Fatal(err)
		}
		s, err := LoadState(path)
		if err != nil || !s.PausedUntil.Equal(until) {
			t.Fatalf("round trip of %s: %s, %v", until, s.PausedUntil, err)
		}
	}
	if IsForever(time.Time{}) || !IsForever(Forever()) {
		t.Errorf("IsForever is wrong")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	if err := os.WriteFile(path, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadState(path); err == nil {
		t.Errorf("a corrupt state file must be reported")
	}
}
