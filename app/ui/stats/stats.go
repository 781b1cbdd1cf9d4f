// Package stats is Limber's Statistics window content: today's sitting and
// breaks, bar charts of the last 7 or 30 days, the most-done routines and a
// CSV export of the whole history. It reads reminders.Event values only and
// draws its charts with canvas objects coloured by the theme.
//
// Like every app/ui package it does not import fyne.io/fyne/v2/app, so it
// is tested without GL.
package stats

import (
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/i18n"

	"github.com/limber-app/limber/reminders"
)

// Options are the history to show and the actions the window calls.
type Options struct {
	Events []reminders.Event // the whole history (reminders.ReadHistory)
	Now    time.Time         // the clock; its Location decides the days
	// Names gives a routine's display name; nil or "" shows the ID.
	Names func(routineID string) string
	// ExportCSV writes the CSV; nil writes Events with WriteCSV.
	ExportCSV func(w io.Writer) error
	// Save asks where to save (the gui shows a file dialog) and calls
	// write with the chosen file. nil disables "Export CSV…".
	Save func(suggestedName string, write func(io.Writer) error)
	// Close closes the window (Esc); nil ignores Esc.
	Close func()
}

// range7 and range30 label the range choices of the history charts.
func range7() string  { return i18n.T("stats.last-7") }
func range30() string { return i18n.T("stats.last-30") }

// EmptyMessage is shown instead of the statistics when there is no history.
func EmptyMessage() string { return i18n.T("stats.empty") }

// View is the Statistics content. Build it with New.
type View struct {
	o       Options
	span    *widget.RadioGroup
	breaks  *barChart
	longest *barChart
	// sitStand stacks standing time on sitting time per day.
	sitStand *barChart
	export   *widget.Button
	content  fyne.CanvasObject
}

// New builds the view from o.
func New(o Options) *View {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	v := &View{o: o}
	v.export = widget.NewButtonWithIcon(i18n.T("stats.export"), theme.DocumentSaveIcon(), v.doExport)
	if o.Save == nil || len(o.Events) == 0 {
		v.export.Disable()
	}
	footer := container.NewPadded(container.NewBorder(nil, nil, nil, v.export,
		caption(i18n.N("stats.events", len(o.Events), nil))))

	if len(o.Events) == 0 {
		v.content = container.NewBorder(nil, footer, nil, nil, emptyState())
		return v
	}

	v.breaks = newBarChart(i18n.T("stats.breaks-per-day"), theme.ColorNamePrimary, countLabel, niceCount)
	v.longest = newBarChart(i18n.T("stats.longest"), theme.ColorNameWarning,
		minutesLabel, niceMinutes)
	v.sitStand = newBarChart(i18n.T("stats.sit-stand"), sittingColor, minutesLabel, niceMinutes)
	v.sitStand.stackColor = standingColor
	v.span = widget.NewRadioGroup([]string{range7(), range30()}, func(string) { v.showSpan() })
	v.span.Horizontal = true
	v.span.Required = true
	v.span.SetSelected(range7())

	history := container.NewVBox(container.NewHBox(v.span), v.breaks, v.longest, v.sitStand, sitStandLegend())
	body := container.NewVBox(
		widget.NewCard(i18n.T("stats.today"), i18n.LongDate(v.o.Now), todayPanel(summarizeToday(o.Events, o.Now))),
		widget.NewCard(i18n.T("stats.history"), "", history),
		widget.NewCard(i18n.T("stats.top-routines"), "", v.routinesPanel()),
	)
	v.content = container.NewBorder(nil, footer, nil, nil, container.NewVScroll(container.NewPadded(body)))
	return v
}

// Content is the window content.
func (v *View) Content() fyne.CanvasObject { return v.content }

func emptyState() fyne.CanvasObject {
	icon := widget.NewIcon(theme.HistoryIcon())
	msg := widget.NewLabel(EmptyMessage())
	msg.Alignment = fyne.TextAlignCenter
	msg.TextStyle.Bold = true
	sub := caption(i18n.T("stats.empty.hint"))
	sub.Alignment = fyne.TextAlignCenter
	return container.NewCenter(container.NewVBox(
		container.NewCenter(container.NewGridWrap(fyne.NewSize(64, 64), icon)), msg, sub))
}

func caption(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// tile is one figure of the Today panel: a big value over its caption.
func tile(value, label string) fyne.CanvasObject {
	v := widget.NewLabel(value)
	v.SizeName = theme.SizeNameHeadingText
	v.TextStyle.Bold = true
	return container.NewVBox(v, caption(label))
}

func todayPanel(t today) fyne.CanvasObject {
	if !t.Any {
		return widget.NewLabel(i18n.T("stats.nothing-today"))
	}
	tiles := []fyne.CanvasObject{tile(i18n.Span(t.Sat), i18n.T("stats.tile.sat"))}
	if t.Posture { // a standing desk: today's split between sitting and standing
		tiles = append(tiles, tile(i18n.Span(t.Stood), i18n.T("stats.tile.stood")))
	}
	tiles = append(tiles,
		tile(i18n.Span(t.LongestSitting), i18n.T("stats.tile.longest")),
		tile(fmt.Sprint(t.Breaks), breaksLine(t.NaturalBreaks, t.RoutinesCompleted)),
		tile(fmt.Sprint(t.Reminders), i18n.T("stats.tile.reminders")),
		tile(fmt.Sprint(t.Snoozed), i18n.T("stats.tile.snoozed")),
		tile(fmt.Sprint(t.Skipped), i18n.T("stats.tile.skipped")),
	)
	grid := container.NewGridWithColumns(3, tiles...)
	note := caption(i18n.T("stats.tile.note"))
	note.Wrapping = fyne.TextWrapWord
	return container.NewVBox(grid, note)
}

func (v *View) showSpan() {
	n := 7
	if v.span.Selected == range30() {
		n = 30
	}
	days := lastDays(v.o.Events, v.o.Now, n)
	breaks := make([]float64, n)
	longest := make([]float64, n)
	sat, stood := make([]float64, n), make([]float64, n)
	labels := make([]string, n)
	for i, d := range days {
		breaks[i] = float64(d.Breaks)
		longest[i] = d.Longest.Minutes()
		sat[i], stood[i] = d.Sat.Minutes(), d.Stood.Minutes()
		switch {
		case i == n-1:
			labels[i] = i18n.T("stats.today")
		case n <= 7:
			labels[i] = i18n.ShortWeekday(d.Day.Weekday())
		case (n-1-i)%7 == 0:
			labels[i] = i18n.ShortDate(d.Day)
		}
	}
	v.breaks.set(breaks, labels, n <= 7)
	v.longest.set(longest, labels, n <= 7)
	v.sitStand.setStacked(sat, stood, labels, n <= 7)
}

// The colours of sitting and standing time in the charts.
const (
	sittingColor  = theme.ColorNamePlaceHolder
	standingColor = theme.ColorNameSuccess
)

// sitStandLegend names the two colours of the sitting and standing chart.
func sitStandLegend() fyne.CanvasObject {
	key := func(color fyne.ThemeColorName, label string) fyne.CanvasObject {
		swatch := canvas.NewRectangle(theme.Color(color))
		swatch.CornerRadius = 2
		swatch.SetMinSize(fyne.NewSize(12, 12))
		return container.NewHBox(container.NewCenter(swatch), caption(label))
	}
	return container.NewHBox(key(sittingColor, i18n.T("stats.legend.sitting")), key(standingColor, i18n.T("stats.legend.standing")))
}

func (v *View) routinesPanel() fyne.CanvasObject {
	top := topRoutines(v.o.Events, 5)
	if len(top) == 0 {
		return widget.NewLabel(i18n.T("stats.no-routines"))
	}
	rows := container.New(layoutTwoColumns{})
	for _, rc := range top {
		name := rc.ID
		if v.o.Names != nil {
			if n := v.o.Names(rc.ID); n != "" {
				name = n
			}
		}
		count := widget.NewLabel(i18n.N("stats.times", rc.Count, nil))
		count.Alignment = fyne.TextAlignTrailing
		rows.Add(widget.NewLabel(name))
		rows.Add(count)
	}
	return rows
}

func (v *View) doExport() {
	if v.o.Save == nil {
		return
	}
	write := v.o.ExportCSV
	if write == nil {
		events := v.o.Events
		write = func(w io.Writer) error { return WriteCSV(w, events) }
	}
	v.o.Save("limber-history-"+v.o.Now.Format(time.DateOnly)+".csv", write)
}

// layoutTwoColumns lays out pairs of objects as rows: the first of a pair
// fills the row, the second sits at the right edge.
type layoutTwoColumns struct{}

func (layoutTwoColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		right := objs[i+1].MinSize()
		h := max(objs[i].MinSize().Height, right.Height)
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(size.Width-right.Width, h))
		objs[i+1].Move(fyne.NewPos(size.Width-right.Width, y))
		objs[i+1].Resize(fyne.NewSize(right.Width, h))
		y += h
	}
}

func (layoutTwoColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i := 0; i+1 < len(objs); i += 2 {
		a, b := objs[i].MinSize(), objs[i+1].MinSize()
		w = max(w, a.Width+b.Width)
		h += max(a.Height, b.Height)
	}
	return fyne.NewSize(w, h)
}

// minutesLabel labels the sitting axis: "1 h", "45 min", "1 h 30 min".
func minutesLabel(m float64) string {
	return i18n.Span(time.Duration(m * float64(time.Minute)))
}

// breaksLine splits the day's breaks: "breaks: 1 natural, 2 routines", with
// each count in its language's plural form.
func breaksLine(natural, routines int) string {
	return i18n.F("stats.tile.breaks", i18n.Args{
		"Natural":  i18n.N("stats.tile.natural", natural, nil),
		"Routines": i18n.N("stats.tile.routines", routines, nil),
	})
}

// DefaultSize is the window's size when it opens. Its height, like the
// content's minimum, fits a 1366×768 screen with a panel and a title bar
// (at most 700 px; a test checks both).
func DefaultSize() fyne.Size { return fyne.NewSize(820, 700) }

// TypedKey handles the window's keys: Esc closes it.
func (v *View) TypedKey(ev *fyne.KeyEvent) {
	if ev != nil && ev.Name == fyne.KeyEscape && v.o.Close != nil {
		v.o.Close()
	}
}
