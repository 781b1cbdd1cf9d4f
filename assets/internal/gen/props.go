package main

// Ground line y and the standard floor. Everything rests on G.
const (
	G      = 184.0
	matTop = G - 4
)

func (w *svgWriter) floor() { w.line(P{8, G + propW/2}, P{192, G + propW/2}, prop, propW) }

// mat draws an exercise mat from x1 to x2 lying on the floor.
func (w *svgWriter) mat(x1, x2 float64) {
	w.floor()
	w.rect(x1, matTop, x2-x1, G-matTop+1, 2, prop, true)
}

// chairSide draws a side-view chair under a figure seated at hip, facing right.
func (w *svgWriter) chairSide(hip P) {
	seat := hip.Y + torsoW/2 + propW/2
	back, front := hip.X-16, hip.X+24
	w.floor()
	w.line(P{back, seat - 56}, P{back, G}, prop, propW)
	w.line(P{back, seat}, P{front, seat}, prop, propW)
	w.line(P{front, seat}, P{front, G}, prop, propW)
}

// chairFront draws a front-view chair under a figure seated at hip.
func (w *svgWriter) chairFront(hip P) {
	seat := hip.Y + 6
	l, r := hip.X-30, hip.X+30
	w.floor()
	w.polyline([]P{{l + 4, seat}, {l + 4, seat - 62}, {r - 4, seat - 62}, {r - 4, seat}}, prop, propW)
	w.line(P{l, seat}, P{r, seat}, prop, propW+1)
	w.line(P{l + 3, seat}, P{l + 3, G}, prop, propW)
	w.line(P{r - 3, seat}, P{r - 3, G}, prop, propW)
}

// bedSide draws a side-view bed whose mattress top is at top, head end left.
func (w *svgWriter) bedSide(x1, x2, top float64, pillow bool) {
	w.floor()
	w.rect(x1, top, x2-x1, 16, 4, prop, false)
	w.line(P{x1, top - 30}, P{x1, G}, prop, propW)
	w.line(P{x2 - 6, top + 16}, P{x2 - 6, G}, prop, propW)
	if pillow {
		w.rect(x1+6, top-9, 30, 9, 4, prop, true)
	}
}

// desk draws a side-view desk whose top-left corner is at (x, top).
func (w *svgWriter) desk(x, top float64) {
	w.floor()
	w.line(P{x, top}, P{x + 60, top}, prop, propW+1)
	w.line(P{x + 6, top}, P{x + 6, G}, prop, propW)
	w.line(P{x + 54, top}, P{x + 54, G}, prop, propW)
}

// zoom wraps the drawing made by f in a scale about the point c, which ends
// up at the centre of the viewBox. Used for close-ups of arms and hands.
func (w *svgWriter) zoom(c P, scale float64, f func()) {
	w.b.WriteString(`<g transform="translate(` + num(100-c.X*scale) + ` ` + num(100-c.Y*scale) + `) scale(` + num(scale) + ` ` + num(scale) + `)">` + "\n")
	f()
	w.b.WriteString("</g>\n")
}
