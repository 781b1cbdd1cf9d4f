package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Contract colours: the app swaps these exact strings for theme colours.
const (
	ink    = "#000000" // the figure
	accent = "#FF0000" // the stretched body part and motion arrows
	prop   = "#808080" // floor, chair, bed, mat, desk, wall
)

// Body proportions in viewBox units (the viewBox is 200×200). One table keeps
// every stretch drawn from the same body.
const (
	headR     = 12.0
	neckLen   = 11.0
	torsoLen  = 48.0
	upperArm  = 27.0
	foreArm   = 25.0
	handLen   = 10.0
	thighLen  = 36.0
	shinLen   = 34.0
	footLen   = 11.0
	shoulderW = 13.0 // half width of the shoulders in front view
	hipW      = 7.0  // half width of the hips in front view

	limbW  = 10.0
	torsoW = 17.0
	neckW  = 8.0
	propW  = 5.0
	arrowW = 4.5
)

// P is a point in viewBox units.
type P struct{ X, Y float64 }

func (p P) add(q P) P            { return P{p.X + q.X, p.Y + q.Y} }
func (p P) sub(q P) P            { return P{p.X - q.X, p.Y - q.Y} }
func (p P) mul(k float64) P      { return P{p.X * k, p.Y * k} }
func (p P) len() float64         { return math.Hypot(p.X, p.Y) }
func lerp(a, b P, t float64) P   { return a.add(b.sub(a).mul(t)) }
func deg(a float64) *float64     { return &a }
func angleOf(v P) float64        { return math.Atan2(v.X, -v.Y) * 180 / math.Pi }
func (p P) polar(a, l float64) P { return p.add(dir(a).mul(l)) }

// dir returns the unit vector for a direction in degrees: 0 is up, 90 is
// right (the way a side-view figure faces), 180 is down, 270 is left.
func dir(a float64) P {
	r := a * math.Pi / 180
	return P{math.Sin(r), -math.Cos(r)}
}

// View selects how shoulders and hips are laid out.
type View int

const (
	Side  View = iota // profile, facing right; near and far limbs overlap
	Front             // facing the viewer; index 0 is the figure's right (viewer's left)
)

// End is what sits at the end of an arm or leg.
type End int

const (
	EndAuto   End = iota // a foot for legs, nothing (round cap) for arms
	EndNone              // no foot or hand segment
	EndSeg               // a short hand or foot segment at EndA
	EndFist              // a clenched fist
	EndSpread            // fingers spread wide, fanning around EndA
)

// Limb is an arm or a leg. Angles are absolute directions (see dir). When To is
// set, the limb is solved by two-bone IK to reach it; Bend (+1/-1) picks the
// side the middle joint bends to.
type Limb struct {
	A1, A2 float64
	To     *P
	Bend   float64
	End    End
	EndA   float64
	Rel    bool    // To is relative to Pose.Hip rather than absolute
	K1, K2 float64 // foreshortening of the upper and lower segment (0 means 1)
}

func (l Limb) target(hip P) *P {
	if l.To == nil || !l.Rel {
		return l.To
	}
	t := hip.add(*l.To)
	return &t
}

func k(v float64) float64 {
	if v == 0 {
		return 1
	}
	return v
}

// Part names a body part that can be drawn in the accent colour.
type Part uint32

const (
	PNeck Part = 1 << iota
	PHead
	PUpperBack
	PLowerBack
	PShoulders
	PArm0Upper
	PArm0Lower
	PArm1Upper
	PArm1Lower
	PLeg0Upper
	PLeg0Lower
	PLeg1Upper
	PLeg1Lower
	PHand0
	PHand1
	PFoot0
	PFoot1

	PBack = PUpperBack | PLowerBack
	PArm0 = PArm0Upper | PArm0Lower
	PArm1 = PArm1Upper | PArm1Lower
	PLeg0 = PLeg0Upper | PLeg0Lower
	PLeg1 = PLeg1Upper | PLeg1Lower
)

// Pose describes one figure. Hip is the pelvis centre; Ground, when non-zero,
// shifts the finished figure vertically so its lowest point rests on that y.
type Pose struct {
	View   View
	Hip    P
	Ground float64
	Torso  float64 // direction hip → neck
	Curve  float64 // spine bow: >0 rounds toward the back, <0 arches
	Head   float64 // direction neck → head centre
	Face   *float64
	Shrug  P       // shoulder offset: X toward the back, Y up (along the torso)
	Narrow float64 // front view: shoulder width factor when the torso twists (0 means 1)
	Belly  float64 // radius of a belly bulge drawn at the front of the lower torso
	Arms   [2]Limb
	Legs   [2]Limb
	Accent Part
}

// skeleton holds the solved joint positions of a pose.
type skeleton struct {
	hip, neck, ctrl, head P
	shoulder, hipJ        [2]P
	elbow, wrist          [2]P
	knee, ankle           [2]P
}

func solveIK(a, t P, l1, l2, bend float64) P {
	d := t.sub(a)
	dist := math.Min(d.len(), l1+l2-0.01)
	dist = math.Max(dist, math.Abs(l1-l2)+0.01)
	base := angleOf(d)
	c := (l1*l1 + dist*dist - l2*l2) / (2 * l1 * dist)
	alpha := math.Acos(math.Max(-1, math.Min(1, c))) * 180 / math.Pi
	if bend == 0 {
		bend = 1
	}
	return a.polar(base+bend*alpha, l1)
}

func (p Pose) solve() skeleton {
	var s skeleton
	s.hip = p.Hip
	s.neck = p.Hip.polar(p.Torso, torsoLen)
	back := dir(p.Torso - 90)
	s.ctrl = lerp(s.hip, s.neck, 0.5).add(back.mul(2 * p.Curve))
	// The neck leaves the spine along the curve's tangent, then bends to Head.
	s.head = s.neck.polar(p.Head, neckLen+headR*0.55)
	side := dir(p.Torso + 90)
	for i := range 2 {
		sign := 1.0
		if i == 0 {
			sign = -1
		}
		shrug := dir(p.Torso - 90).mul(p.Shrug.X).add(dir(p.Torso).mul(p.Shrug.Y))
		switch p.View {
		case Front:
			s.shoulder[i] = s.neck.add(side.mul(sign * shoulderW * k(p.Narrow))).add(dir(p.Torso + 180).mul(3)).add(shrug)
			s.hipJ[i] = s.hip.add(side.mul(sign * hipW))
		default:
			s.shoulder[i] = lerp(s.neck, s.ctrl, 0.12).add(shrug)
			s.hipJ[i] = s.hip
		}
		s.elbow[i], s.wrist[i] = s.limb(s.shoulder[i], p.Arms[i], p.Hip, upperArm, foreArm)
		s.knee[i], s.ankle[i] = s.limb(s.hipJ[i], p.Legs[i], p.Hip, thighLen, shinLen)
	}
	return s
}

// limb places the middle and end joint of a limb rooted at root.
func (s *skeleton) limb(root P, l Limb, hip P, l1, l2 float64) (mid, end P) {
	l1, l2 = l1*k(l.K1), l2*k(l.K2)
	if t := l.target(hip); t != nil {
		mid = solveIK(root, *t, l1, l2, l.Bend)
		end = mid
		if d := t.sub(mid); d.len() > 0 {
			end = mid.add(d.mul(l2 / d.len()))
		}
		return mid, end
	}
	mid = root.polar(l.A1, l1)
	return mid, mid.polar(l.A2, l2)
}

// svgWriter accumulates SVG elements with short, stable number formatting so
// the generated files are deterministic and diff well. It keeps the bounds
// of what it drew, so each picture can be framed by its content.
type svgWriter struct {
	b      strings.Builder
	box    box
	ground ground
}

// ground is what the scene stands on. It is drawn last but under
// everything, as wide as the scene's content (see build).
type ground int

const (
	noGround ground = iota
	floorLine
	matFloor
)

func num(v float64) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

func (w *svgWriter) line(a, b P, colour string, width float64) {
	w.box.add(a, width/2)
	w.box.add(b, width/2)
	fmt.Fprintf(&w.b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s" stroke-linecap="round"/>`+"\n",
		num(a.X), num(a.Y), num(b.X), num(b.Y), colour, num(width))
}

func (w *svgWriter) polyline(pts []P, colour string, width float64) {
	var ps []string
	for _, p := range pts {
		w.box.add(p, width/2)
		ps = append(ps, num(p.X)+","+num(p.Y))
	}
	fmt.Fprintf(&w.b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="%s" stroke-linecap="round" stroke-linejoin="round"/>`+"\n",
		strings.Join(ps, " "), colour, num(width))
}

func (w *svgWriter) quad(a, c, b P, colour string, width float64) {
	for t := 0.0; t <= 1; t += 0.125 {
		w.box.add(lerp(lerp(a, c, t), lerp(c, b, t), t), width/2)
	}
	fmt.Fprintf(&w.b, `<path d="M%s %s Q%s %s %s %s" fill="none" stroke="%s" stroke-width="%s" stroke-linecap="round" stroke-linejoin="round"/>`+"\n",
		num(a.X), num(a.Y), num(c.X), num(c.Y), num(b.X), num(b.Y), colour, num(width))
}

func (w *svgWriter) circle(c P, r float64, colour string) {
	w.box.add(c, r)
	fmt.Fprintf(&w.b, `<circle cx="%s" cy="%s" r="%s" fill="%s"/>`+"\n", num(c.X), num(c.Y), num(r), colour)
}

func (w *svgWriter) rect(x, y, wd, h, rx float64, colour string, filled bool) {
	if filled {
		w.box.add(P{x, y}, 0)
		w.box.add(P{x + wd, y + h}, 0)
		fmt.Fprintf(&w.b, `<rect x="%s" y="%s" width="%s" height="%s" rx="%s" fill="%s"/>`+"\n",
			num(x), num(y), num(wd), num(h), num(rx), colour)
		return
	}
	w.box.add(P{x, y}, propW/2)
	w.box.add(P{x + wd, y + h}, propW/2)
	fmt.Fprintf(&w.b, `<rect x="%s" y="%s" width="%s" height="%s" rx="%s" fill="none" stroke="%s" stroke-width="%s" stroke-linejoin="round"/>`+"\n",
		num(x), num(y), num(wd), num(h), num(rx), colour, num(propW))
}

// merge appends what o drew.
func (w *svgWriter) merge(o *svgWriter) {
	w.b.WriteString(o.b.String())
	w.box.union(o.box)
	w.ground = max(w.ground, o.ground)
}

// svg wraps the drawing in a root element of size pixels showing vb. The
// viewBox always starts at 0 0 and the drawing is moved into it, because
// oksvg offsets a viewBox origin in pixels rather than in viewBox units.
func (w *svgWriter) svg(vb box, size int) []byte {
	return fmt.Appendf(nil, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %s %s">`+"\n"+
		`<g transform="translate(%s %s)">`+"\n%s</g>\n</svg>\n",
		size, size, num(vb.x2-vb.x1), num(vb.y2-vb.y1), num(-vb.x1), num(-vb.y1), w.b.String())
}

// box is an axis-aligned bounding box in viewBox units.
type box struct {
	x1, y1, x2, y2 float64
	ok             bool
}

// add grows b to hold a disc of radius r around p.
func (b *box) add(p P, r float64) {
	if !b.ok {
		*b = box{p.X - r, p.Y - r, p.X + r, p.Y + r, true}
		return
	}
	b.x1, b.y1 = min(b.x1, p.X-r), min(b.y1, p.Y-r)
	b.x2, b.y2 = max(b.x2, p.X+r), max(b.y2, p.Y+r)
}

func (b *box) union(o box) {
	if o.ok {
		b.add(P{o.x1, o.y1}, 0)
		b.add(P{o.x2, o.y2}, 0)
	}
}

// square returns the square box around b with margin m on its longer side,
// at least side units wide, centred on b; its side is rounded up to whole
// units so the viewBox numbers stay short.
func (b box) square(m, side float64) box {
	s := math.Ceil(max(b.x2-b.x1, b.y2-b.y1, side-2*m) + 2*m)
	cx, cy := (b.x1+b.x2)/2, (b.y1+b.y2)/2
	x, y := math.Round(cx-s/2), math.Round(cy-s/2)
	return box{x, y, x + s, y + s, true}
}

func pick(accented bool) string {
	if accented {
		return accent
	}
	return ink
}

// bezierSplit returns the two halves of the quadratic a-c-b at t=0.5.
func bezierSplit(a, c, b P) (P, P, P, P, P) {
	ac, cb := lerp(a, c, 0.5), lerp(c, b, 0.5)
	m := lerp(ac, cb, 0.5)
	return ac, m, cb, m, b
}

// limbDraw draws one arm or leg with its end piece.
func (w *svgWriter) limbDraw(root, mid, end P, l Limb, isLeg bool, upperC, lowerC, endC string) {
	w.line(root, mid, upperC, limbW)
	w.line(mid, end, lowerC, limbW)
	kind := l.End
	if kind == EndAuto {
		kind = EndNone
		if isLeg {
			kind = EndSeg
		}
	}
	endA := l.EndA
	if isLeg && l.End == EndAuto {
		endA = angleOf(end.sub(mid)) - 90
		if l.EndA != 0 {
			endA = l.EndA
		}
	}
	switch kind {
	case EndSeg:
		n := handLen
		if isLeg {
			n = footLen
		}
		w.line(end, end.polar(endA, n), endC, limbW*0.8)
	case EndFist:
		w.circle(end.polar(endA, 4), 8, endC)
	case EndSpread:
		w.circle(end.polar(endA, 2), 5.5, endC)
		for _, da := range []float64{-75, -36, 0, 36, 75} {
			base := end.polar(endA, 3)
			w.line(base, base.polar(endA+da, 16), endC, 4)
		}
	}
}

// draw renders the pose into w. Far limbs (index 1 in side view) go first so
// the near ones overlap them.
func (w *svgWriter) figure(p Pose) skeleton {
	s := p.solve()
	if p.Ground != 0 {
		// Move the body and solve again, so absolute IK targets stay put.
		p.Hip.Y += p.Ground - lowest(s, p)
		s = p.solve()
	}
	has := func(q Part) bool { return p.Accent&q != 0 }
	arm := func(i int) {
		up, lo, hd := PArm0Upper, PArm0Lower, PHand0
		if i == 1 {
			up, lo, hd = PArm1Upper, PArm1Lower, PHand1
		}
		w.limbDraw(s.shoulder[i], s.elbow[i], s.wrist[i], p.Arms[i], false, pick(has(up)), pick(has(lo)), pick(has(hd)))
	}
	leg := func(i int) {
		up, lo, ft := PLeg0Upper, PLeg0Lower, PFoot0
		if i == 1 {
			up, lo, ft = PLeg1Upper, PLeg1Lower, PFoot1
		}
		w.limbDraw(s.hipJ[i], s.knee[i], s.ankle[i], p.Legs[i], true, pick(has(up)), pick(has(lo)), pick(has(ft)))
	}
	if p.View == Side {
		arm(1)
		leg(1)
	}
	// Torso: lower half from the hip, upper half to the neck.
	c1, m, c2, _, _ := bezierSplit(s.hip, s.ctrl, s.neck)
	w.quad(s.hip, c1, m, pick(has(PLowerBack)), torsoW)
	w.quad(m, c2, s.neck, pick(has(PUpperBack)), torsoW)
	if p.Belly > 0 {
		front := dir(p.Torso + 90)
		w.circle(lerp(s.hip, s.neck, 0.3).add(front.mul(torsoW/2+p.Belly*0.35)), p.Belly, pick(has(PLowerBack)))
	}
	if p.View == Front {
		w.line(s.shoulder[0], s.shoulder[1], pick(has(PShoulders)), limbW+1)
		w.line(s.hipJ[0], s.hipJ[1], ink, limbW+2)
	} else if has(PShoulders) {
		w.circle(s.shoulder[0], limbW*0.75, accent)
	}
	w.line(s.neck, s.neck.polar(p.Head, neckLen), pick(has(PNeck)), neckW)
	w.circle(s.head, headR, pick(has(PHead)))
	face := p.Head + 90
	if p.Face != nil {
		face = *p.Face
	}
	switch {
	case p.View == Side:
		w.circle(s.head.polar(face, headR-1), 4, pick(has(PHead)))
	case p.Face != nil:
		// A front-view body with the head in profile: the nose must stand
		// clear of the head to show where the face points.
		w.circle(s.head.polar(face, headR+0.5), 4.5, pick(has(PHead)))
	}
	if p.View == Side {
		leg(0)
		arm(0)
	} else {
		leg(0)
		leg(1)
		arm(0)
		arm(1)
	}
	return s
}

// lowest is the largest y the drawn figure reaches (strokes included).
func lowest(s skeleton, p Pose) float64 {
	y := s.head.Y + headR
	y = math.Max(y, math.Max(s.hip.Y, s.neck.Y)+torsoW/2)
	for i := range 2 {
		for _, q := range []P{s.elbow[i], s.wrist[i], s.knee[i], s.ankle[i]} {
			y = math.Max(y, q.Y+limbW/2)
		}
		l := p.Legs[i]
		if l.End == EndAuto || l.End == EndSeg {
			endA := angleOf(s.ankle[i].sub(s.knee[i])) - 90
			if l.EndA != 0 {
				endA = l.EndA
			}
			y = math.Max(y, s.ankle[i].polar(endA, footLen).Y+limbW*0.4)
		}
	}
	return y
}

// arrow draws a curved motion arrow from a through control c to b.
func (w *svgWriter) arrow(a, c, b P) {
	w.quad(a, c, b, accent, arrowW)
	t := angleOf(b.sub(c))
	w.polyline([]P{b.polar(t+150, 9), b, b.polar(t-150, 9)}, accent, arrowW)
}
