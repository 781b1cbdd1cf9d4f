package main

// Ground line y and the standard floor. Everything rests on G.
const (
	G      = 184.0
	matTop = G - 4
)

// floor puts the scene on the floor line (see lay).
func (w *svgWriter) floor() { w.ground = max(w.ground, floorLine) }

// mat puts the scene on an exercise mat lying on the floor (see lay).
func (w *svgWriter) mat() { w.ground = matFloor }

// floorPad is how far the floor reaches past the scene on either side.
const floorPad = 10

// lay draws the ground under everything drawn so far, from x1 to x2: the
// floor line, and the mat inset a little from its ends. The ground spans
// the scene rather than the whole picture, so the picture can be framed by
// its content.
func (w *svgWriter) lay(x1, x2 float64) {
	if w.ground == noGround {
		return
	}
	var g svgWriter
	g.line(P{x1, G + propW/2}, P{x2, G + propW/2}, prop, propW)
	if w.ground == matFloor {
		g.rect(x1+4, matTop, x2-x1-8, G-matTop+1, 2, prop, true)
	}
	body := w.b.String()
	w.b.Reset()
	w.b.WriteString(g.b.String())
	w.b.WriteString(body)
	w.box.union(g.box)
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
