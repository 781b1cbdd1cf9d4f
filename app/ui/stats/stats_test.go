package stats

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/ui/uitest"
	"github.com/limber-app/limber/reminders"
)

var cet = time.FixedZone("CET", 3600)

// fixtureNow is the afternoon of the fixture's last day.
var fixtureNow = time.Date(2026, 11, 25, 16, 0, 0, 0, cet)

func fixture(t *testing.T) []reminders.Event {
	t.Helper()
	events, err := reminders.ReadHistory(filepath.Join("testdata", "history.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 22 {
		t.Fatalf("fixture has %d events, want 22", len(events))
	}
	return events
}

func TestSummarizeToday(t *testing.T) {
	got := summarizeToday(fixture(t), fixtureNow)
	want := today{Any: true, Sat: 19020 * time.Second, DayStats: reminders.DayStats{
		Date: "2026-11-25", Breaks: 4, NaturalBreaks: 2, Routines: 3, RoutinesCompleted: 2,
		Skipped: 1, Snoozed: 1, Reminders: 5, LongestSitting: 6300 * time.Second,
		// The stretches ended by the routines, breaks and the skip; the
		// estimate above also counts the open one and not the skip.
		Sitting: 19980 * time.Second,
	}}
	if got != want {
		t.Errorf("today =\n%+v\nwant\n%+v", got, want)
	}
	if empty := summarizeToday(fixture(t), fixtureNow.AddDate(0, 0, 3)); empty.Any || empty.Sat != 0 {
		t.Errorf("a day without events: %+v", empty)
	}
}

func TestSittingByDay(t *testing.T) {
	ev := func(clock, name string, sitting int64, reason string) reminders.Event {
		ts, err := time.Parse(time.RFC3339, clock)
		if err != nil {
			t.Fatal(err)
		}
		return reminders.Event{T: ts, Event: name, SittingS: sitting, Reason: reason}
	}
	tests := []struct {
		name   string
		events []reminders.Event
		want   map[string]time.Duration
	}{
		{"empty", nil, map[string]time.Duration{}},
		{"reminders within one stretch count once", []reminders.Event{
			ev("2026-11-25T10:00:00Z", "reminded", 2700, ""),
			ev("2026-11-25T10:05:00Z", "reminded", 3000, ""),
			ev("2026-11-25T10:06:00Z", "natural_break", 3060, "idle"),
		}, map[string]time.Duration{"2026-11-25": 3060 * time.Second}},
		{"stretch counts on the day it ends", []reminders.Event{
			ev("2026-11-24T23:50:00Z", "reminded", 2700, ""),
			ev("2026-11-25T00:20:00Z", "natural_break", 4500, "away"),
		}, map[string]time.Duration{"2026-11-25": 4500 * time.Second}},
		{"pause ends a stretch, resume restarts", []reminders.Event{
			ev("2026-11-25T09:00:00Z", "paused", 600, ""),
			ev("2026-11-25T10:00:00Z", "resumed", 0, "resumed"),
			ev("2026-11-25T10:50:00Z", "reminded", 2700, ""),
		}, map[string]time.Duration{"2026-11-25": 3300 * time.Second}},
		{"config clear does not end a stretch", []reminders.Event{
			ev("2026-11-25T09:00:00Z", "cleared", 3000, "config"),
			ev("2026-11-25T09:10:00Z", "natural_break", 3600, "idle"),
		}, map[string]time.Duration{"2026-11-25": 3600 * time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sittingByDay(tt.events, time.UTC)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for d, w := range tt.want {
				if got[d] != w {
					t.Errorf("%s = %v, want %v", d, got[d], w)
				}
			}
		})
	}
}

func TestLastDays(t *testing.T) {
	days := lastDays(fixture(t), fixtureNow, 7)
	if len(days) != 7 || days[6].Day.Format(time.DateOnly) != "2026-11-25" || days[0].Day.Format(time.DateOnly) != "2026-11-19" {
		t.Fatalf("days = %+v", days)
	}
	wantBreaks := []int{0, 0, 0, 1, 2, 3, 4}
	wantLongest := []int64{0, 0, 0, 2400, 2820, 2900, 6300}
	for i, d := range days {
		if d.Breaks != wantBreaks[i] || d.Longest != time.Duration(wantLongest[i])*time.Second {
			t.Errorf("%s: breaks %d longest %v; want %d %ds", d.Day.Format(time.DateOnly), d.Breaks, d.Longest, wantBreaks[i], wantLongest[i])
		}
	}
	if n := len(lastDays(nil, fixtureNow, 30)); n != 30 {
		t.Errorf("30 days gave %d", n)
	}
}

func TestTopRoutines(t *testing.T) {
	got := topRoutines(fixture(t), 5)
	want := []routineCount{{"neck-reset", 3}, {"hip-opener", 1}}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %v, want %v", got, want)
		}
	}
	var many []reminders.Event
	yes := true
	for i, id := range []string{"a", "b", "c", "d", "e", "f", "f"} {
		many = append(many, reminders.Event{T: fixtureNow.Add(time.Duration(i) * time.Minute), Event: "routine", Routine: id, Completed: &yes})
	}
	if top := topRoutines(many, 5); len(top) != 5 || top[0].ID != "f" || top[4].ID != "d" {
		t.Errorf("top 5 = %v", top)
	}
}

func TestWriteCSV(t *testing.T) {
	yes := true
	until := time.Date(2026, 11, 25, 12, 0, 0, 0, cet)
	events := []reminders.Event{
		{T: time.Date(2026, 11, 25, 9, 52, 0, 0, cet), Event: "routine", SittingS: 2820, Routine: "neck-reset", Completed: &yes, Seconds: 120},
		{T: time.Date(2026, 11, 25, 10, 0, 0, 0, cet), Event: "paused", SittingS: 60, Until: &until},
		{T: time.Date(2026, 11, 25, 10, 40, 0, 0, time.UTC), Event: "natural_break", SittingS: 2400, Reason: "idle, \"away\""},
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, events); err != nil {
		t.Fatal(err)
	}
	want := "time,event,sitting_seconds,count,routine,completed,seconds,until,reason,standing_seconds,posture\n" +
		"2026-11-25T09:52:00+01:00,routine,2820,,neck-reset,true,120,,,,\n" +
		"2026-11-25T10:00:00+01:00,paused,60,,,,,2026-11-25T12:00:00+01:00,,,\n" +
		"2026-11-25T10:40:00Z,natural_break,2400,,,,,,\"idle, \"\"away\"\"\",,\n"
	if b.String() != want {
		t.Errorf("csv:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestMinutesLabel(t *testing.T) {
	for m, want := range map[float64]string{0: "0 min", 45: "45 min", 60: "1 h", 90: "1 h 30 min", 185.2: "3 h 5 min"} {
		if got := minutesLabel(m); got != want {
			t.Errorf("minutesLabel(%v) = %q, want %q", m, got, want)
		}
	}
}

func TestNiceAxis(t *testing.T) {
	for max, want := range map[float64]float64{0: 2, 1: 2, 3: 4, 5: 6, 7: 8, 9: 10, 11: 20, 45: 50, 55: 60, 130: 200} {
		if got := niceCount(max); got != want {
			t.Errorf("niceCount(%v) = %v, want %v", max, got, want)
		}
	}
	for max, want := range map[float64]float64{0: 30, 20: 30, 47: 60, 105: 120, 200: 240} {
		if got := niceMinutes(max); got != want {
			t.Errorf("niceMinutes(%v) = %v, want %v", max, got, want)
		}
	}
}

func names(id string) string {
	return map[string]string{"neck-reset": "Neck reset", "hip-opener": "Hip opener"}[id]
}

func TestViewFixture(t *testing.T) {
	test.NewTempApp(t)
	events := fixture(t)
	var savedName string
	var out bytes.Buffer
	v := New(Options{Events: events, Now: fixtureNow, Names: names,
		Save: func(name string, write func(io.Writer) error) {
			savedName = name
			if err := write(&out); err != nil {
				t.Error(err)
			}
		}})
	w := test.NewWindow(v.Content())
	defer w.Close()
	text := labels(v.Content())
	for _, s := range []string{"5 h 17 min", "1 h 45 min", "breaks: 2 natural, 2 routines", "Neck reset", "3 times", "Hip opener", "1 time", "Wednesday 25 November"} {
		if !has(text, s) {
			t.Errorf("missing %q in %q", s, text)
		}
	}
	if has(text, "desk-quick") {
		t.Error("an unfinished routine is listed as done")
	}
	if has(text, EmptyMessage()) {
		t.Error("empty state shown with history")
	}

	if len(v.breaks.values) != 7 || v.breaks.values[6] != 4 || v.breaks.xLabels[6] != "Today" || v.breaks.xLabels[0] != "Thu" {
		t.Errorf("7-day chart: %v %q", v.breaks.values, v.breaks.xLabels)
	}
	if v.longest.values[6] != 105 {
		t.Errorf("longest today = %v min, want 105", v.longest.values[6])
	}
	v.span.SetSelected(range30())
	if len(v.breaks.values) != 30 || len(v.longest.values) != 30 || v.breaks.values[29] != 4 {
		t.Errorf("30-day chart: %v", v.breaks.values)
	}

	if v.export.Disabled() {
		t.Fatal("Export disabled")
	}
	test.Tap(v.export)
	if savedName != "limber-history-2026-11-25.csv" {
		t.Errorf("suggested name %q", savedName)
	}
	var want bytes.Buffer
	if err := WriteCSV(&want, events); err != nil {
		t.Fatal(err)
	}
	if out.String() != want.String() || strings.Count(out.String(), "\n") != 23 {
		t.Errorf("exported:\n%s", out.String())
	}
}

func TestViewExportUsesExportCSV(t *testing.T) {
	test.NewTempApp(t)
	var out bytes.Buffer
	v := New(Options{Events: fixture(t), Now: fixtureNow,
		ExportCSV: func(w io.Writer) error { _, err := io.WriteString(w, "custom"); return err },
		Save:      func(_ string, write func(io.Writer) error) { _ = write(&out) }})
	test.Tap(v.export)
	if out.String() != "custom" {
		t.Errorf("exported %q", out.String())
	}
}

func TestViewEmpty(t *testing.T) {
	test.NewTempApp(t)
	saved := false
	v := New(Options{Now: fixtureNow, Save: func(string, func(io.Writer) error) { saved = true }})
	text := labels(v.Content())
	if !has(text, EmptyMessage()) {
		t.Errorf("no empty state in %q", text)
	}
	for _, s := range []string{"0 min", "Breaks per day", "skipped", "longest"} {
		if has(text, s) {
			t.Errorf("empty view shows %q", s)
		}
	}
	if !v.export.Disabled() {
		t.Error("Export enabled with nothing to export")
	}
	test.Tap(v.export)
	if saved {
		t.Error("Save called")
	}
}

func TestViewNothingToday(t *testing.T) {
	test.NewTempApp(t)
	v := New(Options{Events: fixture(t), Now: fixtureNow.AddDate(0, 0, 2)})
	if text := labels(v.Content()); !has(text, "Nothing recorded yet today") {
		t.Errorf("text = %q", text)
	}
}

// TestRender lays both states out at the window's size in the light and
// dark variants. Set LIMBER_SNAPSHOTS to a folder to get PNGs to look at.
func TestRender(t *testing.T) {
	for name, variant := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		for state, events := range map[string][]reminders.Event{"fixture": fixture(t), "empty": nil} {
			t.Run(name+"-"+state, func(t *testing.T) {
				a := test.NewTempApp(t)
				a.Settings().SetTheme(uitest.Variant(variant))
				v := New(Options{Events: events, Now: fixtureNow, Names: names, Save: func(string, func(io.Writer) error) {}})
				size := fyne.NewSize(640, 720)
				if min := v.Content().MinSize(); min.Width > size.Width {
					t.Errorf("content needs %v wide; the window is %v", min.Width, size.Width)
				}
				w := test.NewWindow(v.Content())
				defer w.Close()
				w.Resize(size)
				uitest.Snapshot(t, "stats-"+name+"-"+state, w.Canvas().Capture())
				if v.span != nil {
					v.span.SetSelected(range30())
					if scroll, ok := v.Content().(*fyne.Container).Objects[0].(*container.Scroll); ok {
						scroll.ScrollToBottom()
					}
					uitest.Snapshot(t, "stats-"+name+"-"+state+"-30", w.Canvas().Capture())
				}
			})
		}
	}
}

// labels collects the text of every label and canvas text under o.
func labels(o fyne.CanvasObject) []string {
	var out []string
	switch x := o.(type) {
	case *widget.Label:
		out = append(out, x.Text)
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, labels(c)...)
		}
	case *widget.Card:
		out = append(out, x.Title, x.Subtitle)
		out = append(out, labels(x.Content)...)
	case *container.Scroll:
		out = append(out, labels(x.Content)...)
	}
	return out
}

func has(all []string, s string) bool {
	for _, a := range all {
		if strings.Contains(a, s) {
			return true
		}
	}
	return false
}

// TestBreaksLine: the breaks tile counts with plural forms.
func TestBreaksLine(t *testing.T) {
	for _, tt := range []struct {
		natural, routines int
		want              string
	}{
		{0, 1, "breaks: 0 natural, 1 routine"},
		{1, 0, "breaks: 1 natural, 0 routines"},
		{2, 2, "breaks: 2 natural, 2 routines"},
	} {
		if got := breaksLine(tt.natural, tt.routines); got != tt.want {
			t.Errorf("breaksLine(%d, %d) = %q, want %q", tt.natural, tt.routines, got, tt.want)
		}
	}
}

// postureFixture is two days at a standing desk.
func postureFixture(t *testing.T) []reminders.Event {
	t.Helper()
	events, err := reminders.ReadHistory(filepath.Join("testdata", "posture.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 12 {
		t.Fatalf("posture fixture has %d events, want 12", len(events))
	}
	return events
}

// TestPostureStatistics: sitting and standing time per day, today's split,
// the stacked chart and the CSV columns over a history with postures.
func TestPostureStatistics(t *testing.T) {
	events := postureFixture(t)
	got := summarizeToday(events, fixtureNow)
	// Sitting: 30m + 35m, ended by standing up. Standing: 40m ended by the
	// break, 45m by the pause, 15m by sitting down.
	if got.Sat != 65*time.Minute || got.Stood != 100*time.Minute || !got.Posture {
		t.Errorf("today sat %v stood %v posture %v; want 1h05m, 1h40m, true", got.Sat, got.Stood, got.Posture)
	}
	if got.Sitting != 65*time.Minute || got.Standing != 100*time.Minute {
		t.Errorf("today's DayStats sitting %v standing %v", got.Sitting, got.Standing)
	}
	if summarizeToday(fixture(t), fixtureNow).Posture {
		t.Error("a history without posture changes shows the standing split")
	}
	days := lastDays(events, fixtureNow, 7)
	if d := days[5]; d.Sat != 90*time.Minute || d.Stood != 40*time.Minute {
		t.Errorf("yesterday sat %v stood %v; want 1h30m (40m + 50m), 40m", d.Sat, d.Stood)
	}

	test.NewTempApp(t)
	v := New(Options{Events: events, Now: fixtureNow})
	w := test.NewWindow(v.Content())
	defer w.Close()
	text := labels(v.Content())
	for _, s := range []string{"1 h 5 min", "1 h 40 min", "35 min", "time stood (estimate)", "sitting", "standing"} {
		if !has(text, s) {
			t.Errorf("missing %q in %q", s, text)
		}
	}
	if c := v.sitStand; len(c.values) != 7 || c.values[6] != 65 || c.stack[6] != 100 || c.values[5] != 90 || c.stack[5] != 40 {
		t.Errorf("sit/stand chart: %v stacked %v", c.values, c.stack)
	}
	v.span.SetSelected(range30())
	if c := v.sitStand; len(c.values) != 30 || len(c.stack) != 30 || c.stack[29] != 100 {
		t.Errorf("30-day sit/stand chart: %v stacked %v", c.values, c.stack)
	}

	var b bytes.Buffer
	if err := WriteCSV(&b, events); err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"2026-11-25T10:00:00+01:00,reminded,,1,,,,,,1800,standing\n",
		"2026-11-25T13:00:00+01:00,sat,,,,,,,,900,\n",
		"2026-11-25T09:30:00+01:00,stood,1800,,,,,,,,\n",
	} {
		if !strings.Contains(b.String(), line) {
			t.Errorf("csv lacks %q:\n%s", line, b.String())
		}
	}
}
