// Package picker is the routine picker window's content: every routine with
// its length, positions and body areas, filters by position and area, a
// preview of the selected routine's steps, and a Start button.
//
// It does not create the Fyne app or window (app/gui does), so it is tested
// with fyne.io/fyne/v2/test and no GL. Like every widget, a View must be used
// on the Fyne goroutine only.
package picker

import (
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/app/ui/art"
	"github.com/limber-app/limber/routines"
)

// Options configure a picker.
type Options struct {
	// Catalog is what to list: built-in and user routines, and the user
	// routine files that failed to load (Catalog.Errors).
	Catalog routines.Catalog
	// Start is called with the chosen routine's ID (Start button or Enter).
	// Nil disables starting.
	Start func(routineID string)
	// Close closes the window (Esc); nil ignores Esc.
	Close func()
}

// anyPosition and anyArea label the "no filter" choices.
func anyPosition() string { return i18n.T("picker.any-position") }
func anyArea() string     { return i18n.T("picker.any-area") }

// noMatchText is the friendly message of an empty filter result.
func noMatchText() string { return i18n.T("picker.no-match") }

// The size of a step's picture in the preview; the figures are wider than
// tall.
const thumbWidth, thumbHeight = 88, 64

// View is the picker's content. Create it with New.
type View struct {
	start   func(string)
	close   func() // Esc; nil ignores it
	entries []entry
	filter  filter
	visible []int // indexes into entries that pass the filter, in list order
	sel     int   // index into visible; -1 when nothing is shown

	positionSel, areaSel *widget.Select
	list                 *widget.List
	empty                *fyne.Container // shown instead of the list when nothing matches
	noMatch              *widget.Label
	showAll              *widget.Button

	title, summary, origin, description *widget.Label
	rule                                *widget.Separator // between header and steps
	steps                               *fyne.Container
	stepsScroll                         *container.Scroll
	startBtn                            *widget.Button

	content fyne.CanvasObject
}

// New builds the picker with no filter and the first routine selected. The
// view follows theme changes for as long as the app runs, which suits a
// window process that shows one picker and exits.
func New(o Options) *View {
	v := &View{start: o.Start, close: o.Close, entries: entriesOf(o.Catalog), sel: -1}
	v.build()
	v.applyFilter()
	if app := fyne.CurrentApp(); app != nil {
		// Step pictures are coloured for the theme; redraw them when the
		// user switches between light and dark while the window is open.
		app.Settings().AddListener(func(fyne.Settings) { fyne.Do(v.showPreview) })
	}
	return v
}

// Content is the object to put in the window (about 900×620).
func (v *View) Content() fyne.CanvasObject { return v.content }

// TypedKey handles the keys app/gui forwards from the window: Up and Down
// (and Home and End) move the selection, Enter or Return starts the selected
// routine.
func (v *View) TypedKey(ev *fyne.KeyEvent) {
	if ev != nil && ev.Name == fyne.KeyEscape && v.close != nil {
		v.close()
		return
	}
	if ev == nil || len(v.visible) == 0 {
		return
	}
	switch ev.Name {
	case fyne.KeyUp:
		v.selectRow(max(0, v.sel-1))
	case fyne.KeyDown:
		v.selectRow(min(len(v.visible)-1, v.sel+1))
	case fyne.KeyHome:
		v.selectRow(0)
	case fyne.KeyEnd:
		v.selectRow(len(v.visible) - 1)
	case fyne.KeyReturn, fyne.KeyEnter:
		v.startSelected()
	}
}

func (v *View) build() {
	positions := []string{anyPosition()}
	for _, p := range routines.Positions() {
		positions = append(positions, positionLabel(p, false))
	}
	v.positionSel = widget.NewSelect(positions, func(label string) {
		v.filter.position = ""
		for _, p := range routines.Positions() {
			if positionLabel(p, false) == label {
				v.filter.position = p
			}
		}
		v.applyFilter()
	})
	v.positionSel.Selected = anyPosition()

	areas := []string{anyArea()}
	for _, a := range routines.Areas() {
		areas = append(areas, areaLabel(a, false))
	}
	v.areaSel = widget.NewSelect(areas, func(label string) {
		v.filter.area = ""
		for _, a := range routines.Areas() {
			if areaLabel(a, false) == label {
				v.filter.area = a
			}
		}
		v.applyFilter()
	})
	v.areaSel.Selected = anyArea()

	v.list = widget.NewList(
		func() int { return len(v.visible) },
		newRow,
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(v.visible) {
				updateRow(o, v.entries[v.visible[id]])
			}
		})
	v.list.OnSelected = func(id widget.ListItemID) {
		if id != v.sel {
			v.sel = id
			v.showPreview()
		}
	}

	showAll := widget.NewButtonWithIcon(i18n.T("picker.show-all"), theme.ContentClearIcon(), func() {
		// Setting the Selects runs their OnChanged, which refilters.
		v.positionSel.SetSelected(anyPosition())
		v.areaSel.SetSelected(anyArea())
	})
	v.noMatch = widget.NewLabel("")
	v.noMatch.Alignment = fyne.TextAlignCenter
	// Not word-wrapped: a wrapped label in a Center layout overlaps the
	// button below it. The texts carry their own line breaks.
	v.showAll = showAll
	v.empty = container.NewCenter(container.NewVBox(v.noMatch, container.NewCenter(showAll)))

	filters := container.NewGridWithColumns(2, v.positionSel, v.areaSel)
	left := container.NewBorder(filters, nil, nil, nil, container.NewStack(v.list, v.empty))

	v.title = widget.NewLabel("")
	v.title.TextStyle = fyne.TextStyle{Bold: true}
	v.title.SizeName = theme.SizeNameSubHeadingText
	v.title.Wrapping = fyne.TextWrapWord
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.origin = widget.NewLabel("")
	v.origin.Importance = widget.HighImportance
	v.origin.Wrapping = fyne.TextWrapWord
	v.description = widget.NewLabel("")
	v.description.Wrapping = fyne.TextWrapWord

	v.rule = widget.NewSeparator()
	v.steps = container.NewVBox()
	v.startBtn = widget.NewButtonWithIcon(i18n.T("picker.start"), theme.MediaPlayIcon(), v.startSelected)
	v.startBtn.Importance = widget.HighImportance

	// The header scrolls with the steps: word-wrapped labels only get a
	// sensible height inside something that gives them their width.
	v.stepsScroll = container.NewVScroll(container.NewVBox(
		v.title, v.summary, v.origin, v.description, v.rule, v.steps))
	footer := container.NewVBox(widget.NewSeparator(), container.NewHBox(layout.NewSpacer(), v.startBtn))
	right := container.NewBorder(nil, footer, nil, nil, v.stepsScroll)

	split := container.NewHSplit(left, container.NewPadded(right))
	split.Offset = 0.4
	v.content = split
}

// applyFilter recomputes the visible entries, keeps the selected entry when
// it still passes the filter (else selects the first), and updates the view.
func (v *View) applyFilter() {
	prev := -1
	if v.sel >= 0 && v.sel < len(v.visible) {
		prev = v.visible[v.sel]
	}
	v.visible = v.visible[:0]
	next := 0
	for i, e := range v.entries {
		if v.filter.match(e) {
			if i == prev {
				next = len(v.visible)
			}
			v.visible = append(v.visible, i)
		}
	}
	if len(v.visible) == 0 {
		v.sel = -1
		v.list.UnselectAll()
		v.list.Hide()
		if v.filter.active() {
			v.noMatch.SetText(noMatchText())
			v.showAll.Show()
		} else {
			v.noMatch.SetText(i18n.T("picker.empty"))
			v.showAll.Hide()
		}
		v.empty.Show()
		v.empty.Refresh() // the message's height changed
	} else {
		v.empty.Hide()
		v.list.Show()
		v.list.UnselectAll()
		v.sel = next
		v.list.Select(next)
	}
	v.list.Refresh()
	v.showPreview()
}

// selectRow moves the selection to row i of the filtered list.
func (v *View) selectRow(i int) {
	if i < 0 || i >= len(v.visible) || i == v.sel {
		return
	}
	v.sel = i
	v.list.Select(i) // OnSelected sees i == v.sel and leaves the preview to us
	v.showPreview()
}

// selected returns the selected entry; ok is false when nothing is shown.
func (v *View) selected() (e entry, ok bool) {
	if v.sel < 0 || v.sel >= len(v.visible) {
		return entry{}, false
	}
	return v.entries[v.visible[v.sel]], true
}

func (v *View) startSelected() {
	e, ok := v.selected()
	if !ok || e.broken() || v.start == nil {
		return
	}
	v.start(e.routine.ID)
}

// showPreview fills the right-hand side from the selected entry.
func (v *View) showPreview() {
	e, ok := v.selected()
	v.steps.RemoveAll()
	v.rule.Show()
	switch {
	case !ok:
		v.setHeader("", "", "", "")
		v.rule.Hide()
		v.startBtn.Disable()
	case e.broken():
		v.setHeader(filepath.Base(e.file), i18n.T("picker.broken"), "", e.file)
		for _, p := range e.problems {
			l := widget.NewLabel(problemLine(p))
			l.Wrapping = fyne.TextWrapWord
			l.Importance = widget.DangerImportance
			v.steps.Add(l)
		}
		hint := widget.NewLabel(i18n.T("picker.broken-hint"))
		hint.Wrapping = fyne.TextWrapWord
		hint.Importance = widget.LowImportance
		v.steps.Add(hint)
		v.startBtn.Disable()
	default:
		r := e.routine
		v.setHeader(displayName(r), summary(r), origin(r), i18n.RoutineDescription(r))
		pal := art.CurrentPalette()
		for i, s := range r.Steps {
			v.steps.Add(stepRow(i, s, pal))
		}
		if v.start == nil {
			v.startBtn.Disable()
		} else {
			v.startBtn.Enable()
		}
	}
	v.title.Refresh()
	v.origin.Refresh()
	// The scrolled content changed height: lay it out again, from the top.
	v.stepsScroll.Content.Refresh()
	v.stepsScroll.ScrollToTop()
	v.stepsScroll.Refresh()
}

// setHeader sets the preview's texts, hiding the empty ones so they leave
// no gaps. For a broken file, summary is the explanation and description
// its full path.
func (v *View) setHeader(title, summary, origin, description string) {
	for _, l := range []struct {
		w    *widget.Label
		text string
	}{{v.title, title}, {v.summary, summary}, {v.origin, origin}, {v.description, description}} {
		l.w.SetText(l.text)
		if l.text == "" {
			l.w.Hide()
		} else {
			l.w.Show()
		}
	}
}

// thumbPixels is the size thumbnails are drawn at: sharp on HiDPI screens.
const thumbPixels = 128

// stepRow is one step of the preview: picture, number and name, timing.
func stepRow(i int, s routines.Step, pal art.Palette) fyne.CanvasObject {
	// A raster keeps the picture's proportions in the row's tall, narrow
	// slot, where Fyne would stretch an SVG to the slot's shape.
	var img *canvas.Image
	if thumb := art.StepThumbnail(s, pal, thumbWidth, thumbPixels); thumb != nil {
		img = canvas.NewImageFromImage(thumb)
	} else {
		img = canvas.NewImageFromImage(nil)
	}
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(thumbWidth, thumbHeight))

	name := widget.NewLabel(stepName(i, s))
	name.TextStyle = fyne.TextStyle{Bold: true}
	name.Truncation = fyne.TextTruncateEllipsis
	timing := widget.NewLabel(stepTiming(s))
	timing.Truncation = fyne.TextTruncateEllipsis
	texts := container.New(layout.NewCustomPaddedVBoxLayout(0), name, timing)
	return container.NewBorder(nil, nil, img, nil, container.NewVBox(layout.NewSpacer(), texts, layout.NewSpacer()))
}

func stepName(i int, s routines.Step) string {
	name := i18n.StepName(s)
	if name == "" {
		name = s.StretchID
	}
	return strconv.Itoa(i+1) + ". " + name
}

// newRow is the list's row template: a warning icon (broken files only),
// the name and a summary line.
func newRow() fyne.CanvasObject {
	icon := widget.NewIcon(theme.WarningIcon())
	name := widget.NewLabel("Routine name")
	name.TextStyle = fyne.TextStyle{Bold: true}
	name.Truncation = fyne.TextTruncateEllipsis
	info := widget.NewLabel("2 min · Standing · Shoulders")
	info.Truncation = fyne.TextTruncateEllipsis
	info.SizeName = theme.SizeNameCaptionText
	texts := container.New(layout.NewCustomPaddedVBoxLayout(0), name, info)
	return container.NewBorder(nil, nil, icon, nil, texts)
}

// updateRow shows e in a row made by newRow.
func updateRow(o fyne.CanvasObject, e entry) {
	row := o.(*fyne.Container)
	texts := row.Objects[0].(*fyne.Container)
	icon := row.Objects[1].(*widget.Icon)
	name := texts.Objects[0].(*widget.Label)
	info := texts.Objects[1].(*widget.Label)

	if e.broken() {
		icon.Show()
		name.Importance = widget.LowImportance
		name.SetText(filepath.Base(e.file))
		info.Importance = widget.DangerImportance
		// The problem itself comes from the routine file parser, in English.
		msg := i18n.F("picker.cannot-use", i18n.Args{"Problem": e.problems[0].Msg})
		if n := len(e.problems); n > 1 {
			msg = i18n.F("picker.cannot-use", i18n.Args{"Problem": i18n.N("picker.problems", n, nil)})
		}
		info.SetText(msg)
		row.Refresh()
		return
	}
	icon.Hide()
	name.Importance = widget.MediumImportance
	name.SetText(displayName(e.routine))
	info.Importance = widget.MediumImportance
	text := summary(e.routine)
	if e.routine.Replaces {
		text += " · " + i18n.T("picker.replaces")
	} else if !e.routine.IsBuiltin() {
		text += " · " + i18n.T("picker.yours")
	}
	info.SetText(text)
	row.Refresh() // relayout: the icon's visibility may have changed
}

// DefaultSize is the window's size when it opens. Its height, like the
// content's minimum, fits a 1366×768 screen with a panel and a title bar
// (at most 700 px; a test checks both).
func DefaultSize() fyne.Size { return fyne.NewSize(900, 620) }
