package stats

import (
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// barChart is a small vertical bar chart drawn with canvas objects: a
// title, a y axis with three gridlines labelled 0, half and max, one bar a
// value and x labels under some bars. A second series (stack) may be
// stacked on the bars in its own colour. Colours come from the theme on
// every Refresh, so it reads on light and dark themes.
type barChart struct {
	widget.BaseWidget
	title    string
	values   []float64
	xLabels  []string // one per value; "" for no label
	yLabel   func(v float64) string
	top      func(max float64) float64 // the axis top for the largest value
	barColor fyne.ThemeColorName
	showVals bool // print each value above its bar
	// stack, when set, is stacked on values (one per value) in stackColor.
	stack      []float64
	stackColor fyne.ThemeColorName
}

func newBarChart(title string, barColor fyne.ThemeColorName, yLabel func(float64) string, top func(float64) float64) *barChart {
	c := &barChart{title: title, barColor: barColor, yLabel: yLabel, top: top}
	c.ExtendBaseWidget(c)
	return c
}

// set replaces the data; call on the Fyne goroutine.
func (c *barChart) set(values []float64, xLabels []string, showVals bool) {
	c.values, c.xLabels, c.showVals = values, xLabels, showVals
	c.Refresh()
}

// setStacked replaces the data of a chart with two series, stack drawn on
// top of values; call on the Fyne goroutine.
func (c *barChart) setStacked(values, stack []float64, xLabels []string, showVals bool) {
	c.stack = stack
	c.set(values, xLabels, showVals)
}

// total is the height of bar i: its value plus its stacked value.
func (c *barChart) total(i int) float64 {
	if i < len(c.stack) {
		return c.values[i] + c.stack[i]
	}
	return c.values[i]
}

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.Refresh()
	return r
}

type chartRenderer struct {
	c       *barChart
	title   *canvas.Text
	grid    []*canvas.Line
	yTexts  []*canvas.Text
	bars    []*canvas.Rectangle
	stacks  []*canvas.Rectangle // nil where the chart has no stack
	vals    []*canvas.Text
	xTexts  []*canvas.Text
	objects []fyne.CanvasObject
	top     float64 // value at the top gridline
}

const chartHeight = 150

func (r *chartRenderer) Destroy() {}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *chartRenderer) MinSize() fyne.Size {
	th := r.c.Theme()
	return fyne.NewSize(200, chartHeight+th.Size(theme.SizeNameText)*2+th.Size(theme.SizeNamePadding)*3)
}

// niceCount rounds max up to an axis top whose half is a whole number
// from 1, 2, 4, 5, 6 or 8 times a power of ten, so the axis reads 0 / 2 / 4
// rather than 0 / 1.5 / 3.
func niceCount(max float64) float64 {
	if max <= 2 {
		return 2
	}
	p := math.Pow(10, math.Floor(math.Log10(max)))
	for _, m := range []float64{1, 2, 4, 5, 6, 8, 10} {
		if top := m * p; top >= max && top/2 == math.Trunc(top/2) {
			return top
		}
	}
	return 10 * p
}

// niceMinutes rounds a number of minutes up to whole half hours (whole
// hours past three), at least 30.
func niceMinutes(max float64) float64 {
	step := 30.0
	if max > 180 {
		step = 60
	}
	return math.Max(step, math.Ceil(max/step)*step)
}

func (r *chartRenderer) Refresh() {
	c := r.c
	th := c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	muted := th.Color(theme.ColorNamePlaceHolder, v)
	gridColor := th.Color(theme.ColorNameSeparator, v)
	small := th.Size(theme.SizeNameCaptionText)

	maxV := 0.0
	for i := range c.values {
		maxV = math.Max(maxV, c.total(i))
	}
	r.top = c.top(maxV)

	r.title = canvas.NewText(c.title, fg)
	r.title.TextStyle.Bold = true
	r.objects = []fyne.CanvasObject{r.title}
	r.grid, r.yTexts = nil, nil
	for _, f := range []float64{0, 0.5, 1} {
		l := canvas.NewLine(gridColor)
		l.StrokeWidth = 1
		t := canvas.NewText(c.yLabel(r.top*f), muted)
		t.TextSize = small
		t.Alignment = fyne.TextAlignTrailing
		r.grid, r.yTexts = append(r.grid, l), append(r.yTexts, t)
		r.objects = append(r.objects, l, t)
	}
	r.bars, r.stacks, r.vals, r.xTexts = nil, nil, nil, nil
	for i := range c.values {
		x := c.total(i)
		b := canvas.NewRectangle(th.Color(c.barColor, v))
		b.CornerRadius = 2
		r.bars = append(r.bars, b)
		r.objects = append(r.objects, b)
		var s *canvas.Rectangle
		if i < len(c.stack) {
			s = canvas.NewRectangle(th.Color(c.stackColor, v))
			s.CornerRadius = 2
			r.objects = append(r.objects, s)
		}
		r.stacks = append(r.stacks, s)
		if c.showVals && x > 0 {
			t := canvas.NewText(c.yLabel(x), fg)
			t.TextSize = small
			t.Alignment = fyne.TextAlignCenter
			r.vals = append(r.vals, t)
			r.objects = append(r.objects, t)
		} else {
			r.vals = append(r.vals, nil)
		}
		if i < len(c.xLabels) && c.xLabels[i] != "" {
			t := canvas.NewText(c.xLabels[i], muted)
			t.TextSize = small
			t.Alignment = fyne.TextAlignCenter
			r.xTexts = append(r.xTexts, t)
			r.objects = append(r.objects, t)
		} else {
			r.xTexts = append(r.xTexts, nil)
		}
	}
	r.Layout(c.Size())
	canvas.Refresh(c)
}

func (r *chartRenderer) Layout(size fyne.Size) {
	c := r.c
	th := c.Theme()
	pad := th.Size(theme.SizeNamePadding)
	small := th.Size(theme.SizeNameCaptionText)

	titleH := r.title.MinSize().Height
	r.title.Move(fyne.NewPos(0, 0))
	r.title.Resize(fyne.NewSize(size.Width, titleH))

	axisW := float32(0)
	for _, t := range r.yTexts {
		axisW = max(axisW, t.MinSize().Width)
	}
	left := axisW + pad
	plotTop := titleH + pad + small/2
	xLabelH := fyne.MeasureText("0", small, fyne.TextStyle{}).Height
	plotBottom := size.Height - xLabelH - pad
	plotH := max(plotBottom-plotTop, 1)
	plotW := max(size.Width-left, 1)

	for i, f := range []float32{0, 0.5, 1} {
		y := plotBottom - plotH*f
		r.grid[i].Position1 = fyne.NewPos(left, y)
		r.grid[i].Position2 = fyne.NewPos(size.Width, y)
		th := r.yTexts[i].MinSize().Height
		r.yTexts[i].Move(fyne.NewPos(0, y-th/2))
		r.yTexts[i].Resize(fyne.NewSize(axisW, th))
	}

	n := len(c.values)
	if n == 0 {
		return
	}
	slot := plotW / float32(n)
	gap := max(slot*0.25, 1)
	for i, x := range c.values {
		h := float32(x/r.top) * plotH
		bx := left + slot*float32(i) + gap/2
		r.bars[i].Move(fyne.NewPos(bx, plotBottom-h))
		r.bars[i].Resize(fyne.NewSize(slot-gap, h))
		if s := r.stacks[i]; s != nil {
			sh := float32(c.stack[i]/r.top) * plotH
			s.Move(fyne.NewPos(bx, plotBottom-h-sh))
			s.Resize(fyne.NewSize(slot-gap, sh))
			h += sh
		}
		center := left + slot*(float32(i)+0.5)
		if t := r.vals[i]; t != nil {
			ts := t.MinSize()
			t.Move(fyne.NewPos(center-ts.Width/2, plotBottom-h-ts.Height))
			t.Resize(ts)
		}
		if t := r.xTexts[i]; t != nil {
			ts := t.MinSize()
			x := min(max(center-ts.Width/2, left), size.Width-ts.Width)
			t.Move(fyne.NewPos(x, plotBottom+pad/2))
			t.Resize(ts)
		}
	}
}

// countLabel labels a whole-number axis.
func countLabel(v float64) string { return strconv.Itoa(int(math.Round(v))) }
