package main

// frame is one illustration frame: a pose, the props under it and the
// overlays (motion arrows) over it. It keeps the pose rather than only its
// drawing, so the in-between frames of a movement can be made from the
// skeleton (see tween.go).
type frame struct {
	pose  Pose
	under overlay   // props; may be nil
	over  []overlay // motion arrows
}

// Base poses. Every stretch starts from one of these and changes only what the
// stretch is about, which keeps the set visually consistent.

func stand() Pose {
	return Pose{View: Side, Hip: P{92, 100}, Ground: G,
		Arms: [2]Limb{{A1: 176, A2: 170}, {A1: 186, A2: 190}},
		Legs: [2]Limb{{A1: 178, A2: 181}, {A1: 184, A2: 180}}}
}

func standFront() Pose {
	return Pose{View: Front, Hip: P{100, 100}, Ground: G,
		Arms: [2]Limb{{A1: 194, A2: 184}, {A1: 166, A2: 176}},
		Legs: [2]Limb{{A1: 184, A2: 180, EndA: 270}, {A1: 176, A2: 180, EndA: 90}}}
}

func sit() Pose {
	return Pose{View: Side, Hip: P{88, 100}, Ground: G, Torso: -2, Head: 2,
		Arms: [2]Limb{{A1: 168, A2: 115}, {A1: 172, A2: 120}},
		Legs: [2]Limb{{A1: 90, A2: 178}, {A1: 93, A2: 182}}}
}

func sitFront() Pose {
	return Pose{View: Front, Hip: P{100, 100}, Ground: G,
		Arms: [2]Limb{{A1: 192, A2: 172}, {A1: 168, A2: 188}},
		Legs: [2]Limb{{A1: 215, A2: 180, K1: 0.45, EndA: 270}, {A1: 145, A2: 180, K1: 0.45, EndA: 90}}}
}

// supine lies on the back, head to the left, knees bent with feet flat at footX.
func supine(hipX, footX float64) Pose {
	hipY := matTop - torsoW/2
	return Pose{View: Side, Hip: P{hipX, hipY}, Torso: 270, Head: 268, Face: deg(0),
		Arms: [2]Limb{{A1: 100, A2: 92}, {A1: 96, A2: 90}},
		Legs: [2]Limb{
			{To: &P{footX, matTop - limbW/2 - 2}, Bend: -1, EndA: 90},
			{To: &P{footX + 3, matTop - limbW/2 - 2}, Bend: -1, EndA: 90}}}
}

// prone lies face down, head to the right.
func prone() Pose {
	return Pose{View: Side, Hip: P{70, matTop - torsoW/2}, Ground: matTop, Torso: 90, Head: 92, Face: deg(178),
		Arms: [2]Limb{{A1: 266, A2: 268}, {A1: 268, A2: 270}},
		Legs: [2]Limb{{A1: 270, A2: 270, EndA: 275}, {A1: 269, A2: 270, EndA: 275}}}
}

// overlay draws on top of a figure, knowing where its joints ended up
// (motion arrows follow the body this way).
type overlay func(w *svgWriter, s skeleton)

// fig draws props (under), then the figure, then overlays.
func fig(p Pose, under overlay, over ...overlay) frame {
	return frame{pose: p, under: under, over: over}
}

// draw renders the frame into w.
func (f frame) draw(w *svgWriter) {
	var inner svgWriter
	s := inner.figure(f.pose)
	if f.under != nil {
		f.under(w, s)
	}
	w.merge(&inner)
	for _, o := range f.over {
		o(w, s)
	}
}

// arrowAt draws an arrow whose three points are offsets from a joint chosen
// by pick.
func arrowAt(pick func(s skeleton) P, a, c, b P) overlay {
	return func(w *svgWriter, s skeleton) {
		o := pick(s)
		w.arrow(o.add(a), o.add(c), o.add(b))
	}
}

// arrow draws an arrow at fixed viewBox coordinates.
func arrow(a, c, b P) overlay {
	return func(w *svgWriter, _ skeleton) { w.arrow(a, c, b) }
}

func headOf(s skeleton) P { return s.head }
func hipOf(s skeleton) P  { return s.hip }
func neckOf(s skeleton) P { return s.neck }

func seated(p Pose, over ...overlay) frame {
	return fig(p, func(w *svgWriter, s skeleton) { w.chairSide(s.hip) }, over...)
}

func seatedFront(p Pose, over ...overlay) frame {
	return fig(p, func(w *svgWriter, s skeleton) { w.chairFront(s.hip) }, over...)
}

func standing(p Pose, over ...overlay) frame {
	return fig(p, func(w *svgWriter, _ skeleton) { w.floor() }, over...)
}

// onMat draws a floor exercise on a mat.
func onMat(p Pose, over ...overlay) frame {
	return fig(p, func(w *svgWriter, _ skeleton) { w.mat() }, over...)
}
