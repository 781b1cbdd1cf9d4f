package uitest

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// ShortPhrase is the longest line (in columns: a Chinese, Japanese or
// Korean character takes two) that should never need to wrap: a name or
// a button-sized phrase. A wrapped line this short means the label was
// squeezed. Longer sentences may wrap, but never between a number and its
// unit, as when "2 min 03 s" breaks into "2 min" / "03 s", nor so that a
// row starts with closing punctuation ("、", "。", "）").
const ShortPhrase = 24

// Clipped lists the texts under o that the user cannot read in full: a
// label, button or select whose text Fyne shortened (with or without an
// ellipsis), a text laid out narrower than it needs or past the right edge
// of width, and a word-wrapped line of at most ShortPhrase runes that
// broke in two. No findings means all is readable.
func Clipped(o fyne.CanvasObject, width float32) []Finding {
	c := clipCheck{width: width}
	c.walk(o, fyne.NewPos(0, 0))
	return c.found
}

// Finding is one text the user cannot read in full.
type Finding struct {
	Text    string // the whole text the widget was given
	Problem string // what happened to it
}

func (f Finding) String() string { return fmt.Sprintf("%q %s", f.Text, f.Problem) }

type clipCheck struct {
	width float32
	found []Finding
}

// walk visits the visible tree, checking each text-bearing widget as a
// whole (a Label and the RichText inside it are one text).
func (c *clipCheck) walk(o fyne.CanvasObject, at fyne.Position) {
	if o == nil || !o.Visible() {
		return
	}
	pos := at.Add(o.Position())
	if full, ok := fullText(o); ok {
		c.check(o, full, pos)
		return
	}
	switch w := o.(type) {
	case *fyne.Container:
		for _, child := range w.Objects {
			c.walk(child, pos)
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(w).Objects() {
			c.walk(child, pos)
		}
	}
}

// fullText is the text a widget is meant to show, for the widgets that
// show one.
func fullText(o fyne.CanvasObject) (string, bool) {
	switch w := o.(type) {
	case *widget.Label:
		return w.Text, true
	case *widget.Button:
		return w.Text, true
	case *widget.Check:
		return w.Text, true
	case *widget.Select:
		if w.Selected == "" {
			return w.PlaceHolder, true
		}
		return w.Selected, true
	case *widget.RichText:
		var b strings.Builder
		for _, s := range w.Segments {
			b.WriteString(s.Textual())
		}
		return b.String(), true
	}
	return "", false
}

func (c *clipCheck) check(o fyne.CanvasObject, full string, pos fyne.Position) {
	if strings.TrimSpace(full) == "" {
		return
	}
	rows := renderedRows(o)
	shown := squash(strings.Join(rows, ""))
	switch {
	case shown != squash(full):
		c.found = append(c.found, Finding{full, fmt.Sprintf("is shown as %q", strings.Join(rows, " / "))})
	case o.Size().Width+0.5 < o.MinSize().Width && !wraps(o):
		c.found = append(c.found, Finding{full, fmt.Sprintf("is %.0f px wide but needs %.0f", o.Size().Width, o.MinSize().Width)})
	case pos.X+o.Size().Width > c.width+0.5:
		c.found = append(c.found, Finding{full, "runs past the window's right edge"})
	default:
		if line, ok := brokenShortLine(full, rows); ok {
			c.found = append(c.found, Finding{full, fmt.Sprintf("breaks the line %q in a bad place", line)})
		}
	}
}

// renderedRows are the texts actually drawn under o, one per row.
func renderedRows(o fyne.CanvasObject) []string {
	var rows []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *canvas.Text:
			rows = append(rows, w.Text)
		case *fyne.Container:
			for _, child := range w.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(w).Objects() {
				walk(child)
			}
		}
	}
	walk(o)
	return rows
}

// wraps reports whether the widget word-wraps, in which case its width
// may be less than a single line needs.
func wraps(o fyne.CanvasObject) bool {
	switch w := o.(type) {
	case *widget.Label:
		return w.Wrapping != fyne.TextWrapOff || w.Truncation != fyne.TextTruncateOff
	case *widget.RichText:
		return w.Wrapping != fyne.TextWrapOff || w.Truncation != fyne.TextTruncateOff
	}
	return false
}

// brokenShortLine finds a line of full (split at its own line breaks)
// that was drawn as more than one row although it is at most ShortPhrase
// columns wide, or broke next to a number or before closing punctuation.
func brokenShortLine(full string, rows []string) (string, bool) {
	i := 0
	for _, line := range strings.Split(full, "\n") {
		want := squash(line)
		got, first := "", i
		for i < len(rows) && len(got) < len(want) {
			got += squash(rows[i])
			i++
		}
		if i-first < 2 {
			continue
		}
		if columns(line) <= ShortPhrase {
			return line, true
		}
		for j := first + 1; j < i; j++ {
			if splitsNumber(rows[j-1], rows[j]) || startsClosed(rows[j]) {
				return line, true
			}
		}
	}
	return "", false
}

// columns is how wide a line is in a fixed-width sense: two columns for a
// Chinese, Japanese or Korean character (and other East Asian wide forms),
// one for the rest.
func columns(line string) int {
	n := 0
	for _, r := range line {
		n++
		if wide(r) {
			n++
		}
	}
	return n
}

func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFF60)
}

// startsClosed reports whether a row starts with punctuation that closes
// or ends a phrase, which East Asian typesetting never puts first on a
// line.
func startsClosed(row string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(row))
	return strings.ContainsRune("、。，．,.!?！？：；:;）)」』】〉》・ー", r)
}

// splitsNumber reports whether a row break between rows a and b falls
// inside a quantity: after a number, or between a unit and a number.
func splitsNumber(a, b string) bool {
	before, after := strings.Fields(a), strings.Fields(b)
	if len(before) == 0 || len(after) == 0 {
		return false
	}
	last := before[len(before)-1]
	digit := func(s string) bool { return s != "" && unicode.IsDigit([]rune(s)[0]) }
	return digit(last) || (digit(after[0]) && len(before) > 1 && digit(before[len(before)-2]))
}

// squash drops white space, which wrapping moves or removes.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// AssertReadable fails the test for every text in w that Clipped finds,
// except those known reports as a layout problem the window still has
// (known may be nil); what names the window state in the message.
func AssertReadable(t testing.TB, w fyne.Window, what string, known func(Finding) bool) {
	t.Helper()
	Relayout(w.Content())
	for _, f := range Clipped(w.Content(), w.Canvas().Size().Width) {
		if known != nil && known(f) {
			t.Logf("%s: known layout problem: %s", what, f)
			continue
		}
		t.Errorf("%s: %s", what, f)
	}
}

// Relayout lays the tree out again from the top, as a running app does
// when a text changes a widget's minimum size (the desktop driver checks
// minimum sizes every frame); the test canvas only lays out on resize,
// which would leave stale sizes behind a SetText. Call it before
// capturing a snapshot, or the picture shows overlaps no window has.
func Relayout(o fyne.CanvasObject) {
	switch w := o.(type) {
	case *fyne.Container:
		if w.Layout != nil {
			w.Layout.Layout(w.Objects, w.Size())
		}
		for _, child := range w.Objects {
			Relayout(child)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(w)
		r.Layout(w.Size())
		for _, child := range r.Objects() {
			Relayout(child)
		}
	}
}
