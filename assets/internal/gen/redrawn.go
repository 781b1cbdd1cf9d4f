package main

// Stretches redrawn so that a person who has not read the cue can tell
// what the figure does at 96 px (see the contact sheet, -contact-sheet).

// allFours kneels on hands and knees on the mat, head to the right. The
// arms are straight with the hands under the shoulders whatever the spine
// does: their length follows the shoulder height (a little foreshortening
// reads as arms seen slightly from the side, never as a bent-back elbow).
func allFours(curve, head, face float64) Pose {
	hip := P{62, matTop - limbW/2 - thighLen}
	p := Pose{View: Side, Hip: hip, Torso: 84, Curve: curve, Head: head, Face: deg(face),
		Legs: [2]Limb{{A1: 180, A2: 270, EndA: 270}, {A1: 183, A2: 270, EndA: 270}}}
	straightArms(&p, 0)
	return p
}

// straightArms plants both hands on the mat below the shoulders (shifted
// by dx), arms straight.
func straightArms(p *Pose, dx float64) {
	s := p.solve()
	hand := P{s.shoulder[0].X + dx, matTop - limbW/2}
	k := min(hand.sub(s.shoulder[0]).len()/(upperArm+foreArm), 1.2)
	p.Arms = [2]Limb{
		{To: &hand, Bend: 1, K1: k, K2: k},
		{To: &P{hand.X + 4, hand.Y}, Bend: 1, K1: k, K2: k}}
}

func catCamel(round bool) frame {
	if round {
		p := allFours(13, 165, 200)
		p.Accent = PBack
		return onMat(p, arrowAt(hipOf, P{14, -26}, P{24, -44}, P{40, -48}))
	}
	p := allFours(-9, 55, 80)
	p.Accent = PBack
	return onMat(p, arrowAt(hipOf, P{14, -40}, P{24, -20}, P{40, -16}))
}

// march is seen from the front, so the two frames lift different knees.
func march(lift int) frame {
	p := standFront()
	side := -1.0 // the lifted leg's side: viewer's left for leg 0
	if lift == 1 {
		side = 1
	}
	p.Legs[lift] = Limb{A1: 180 - side*22, A2: 180 - side*6, K1: 0.35, EndA: p.Legs[lift].EndA}
	p.Arms[1-lift] = Limb{A1: 180 + side*40, A2: side * 15, K1: 0.75, K2: 0.9, End: EndFist}
	p.Arms[lift] = Limb{A1: 180 - side*14, A2: 180 - side*8}
	p.Accent = PLeg0
	if lift == 1 {
		p.Accent = PLeg1
	}
	return standing(p, arrowAt(func(s skeleton) P { return s.knee[lift] }, P{side * 20, 24}, P{side * 24, 10}, P{side * 20, -6}))
}

// kneeTwist is seen from above, lying in bed with the head to the left;
// only the arm on the open side reaches out, so the figure is no cross.
func kneeTwist(twist bool) frame {
	p := Pose{View: Front, Hip: P{112, 100}, Torso: 270, Head: 270,
		Arms: [2]Limb{{A1: 96, A2: 92}, {A1: 84, A2: 88}},
		Legs: [2]Limb{{A1: 92, A2: 90, EndA: 180}, {A1: 88, A2: 90, EndA: 0}}}
	bed := func(w *svgWriter, _ skeleton) {
		w.rect(8, 30, 178, 140, 8, prop, false)
		w.rect(16, 74, 16, 52, 5, prop, true)
	}
	if !twist {
		// The knee over the chest, the shin folded back beside the thigh;
		// both hands meet on the knee from below.
		p.Legs[1] = Limb{A1: 290, A2: 70, K1: 0.9, K2: 0.7, EndA: 0}
		s := p.solve()
		p.Arms[1] = Limb{To: &P{s.knee[1].X + 2, s.knee[1].Y - 2}, Bend: -1}
		p.Arms[0] = Limb{To: &P{s.knee[1].X + 2, s.knee[1].Y + 4}, Bend: 1}
		p.Accent = PLeg1Upper
		return fig(p, bed)
	}
	p.Legs[1] = Limb{A1: 150, A2: 250, K2: 0.8, EndA: 180}
	p.Arms[1] = Limb{A1: 358, A2: 2}
	p.Face = deg(0)
	p.Accent = PBack | PLeg1Upper
	return fig(p, bed, arrowAt(hipOf, P{20, -40}, P{54, -20}, P{44, 26}))
}

// armOpening lies on the left side seen from the front, head to the left:
// the top arm sweeps from the floor in front, up and over.
func armOpening(open bool) frame {
	p := Pose{View: Front, Hip: P{120, 150}, Ground: matTop, Torso: 270, Head: 272,
		Legs: [2]Limb{{A1: 94, A2: 84, K1: 0.75, K2: 0.8, EndA: 90}, {A1: 88, A2: 96, K1: 0.75, K2: 0.8, EndA: 90}},
		Arms: [2]Limb{{A1: 200, A2: 250, K1: 0.6}, {A1: 200, A2: 240, K1: 0.7}}}
	if !open {
		p.Accent = PArm1
		return onMat(p)
	}
	p.Arms[1] = Limb{A1: 345, A2: 335}
	p.Face = deg(330)
	p.Narrow = 0.55
	p.Accent = PUpperBack | PArm1
	return onMat(p, arrowAt(func(s skeleton) P { return s.shoulder[1] }, P{22, 4}, P{34, -44}, P{-4, -60}))
}

// crossBody hooks the other forearm over the arm that crosses the chest.
func crossBody() frame {
	p := standFront()
	p.Accent = PArm0Upper | PShoulders
	p.Arms[0] = Limb{A1: 112, A2: 96}
	p = grounded(p)
	s := p.solve()
	hook := lerp(s.shoulder[0], s.elbow[0], 0.85)
	p.Arms[1] = Limb{To: &P{hook.X - 2, hook.Y - 8}, Bend: -1, End: EndSeg, EndA: 300}
	return standing(p, arrowAt(func(s skeleton) P { return s.wrist[0] }, P{-30, -20}, P{-6, -26}, P{14, -18}))
}

// turnArrow is a flat arc round a vertical axis at the point o: it reads
// as a turn, never as a tilt (whose arc goes over the head).
func turnArrow(pick func(s skeleton) P, dx, dy, sign float64) overlay {
	return arrowAt(pick, P{-sign * dx, dy}, P{0, dy + 18}, P{sign * dx, dy})
}

// neckTurn shows a head in profile above a body seen from the front.
func neckTurn() frame {
	p := sitFront()
	p.Face = deg(270)
	p.Accent = PNeck | PHead
	return seatedFront(p, turnArrow(headOf, 22, 4, -1))
}

func overheadReach(up bool) frame {
	p := standFront()
	if !up {
		return standing(p, arrow(P{150, 40}, P{154, 62}, P{150, 84}))
	}
	p.Arms = [2]Limb{{A1: 338, A2: 344}, {A1: 22, A2: 16}}
	p.Accent = PArm0 | PArm1 | PUpperBack
	return standing(p, arrow(P{156, 84}, P{158, 62}, P{154, 40}))
}

// bedToFloor sits on the edge of the bed, then folds forward with the arms
// hanging toward the floor.
func bedToFloor(fold bool) frame {
	p := sit()
	p.Hip.X = 96
	bed := func(w *svgWriter, s skeleton) {
		w.bedSide(s.hip.X-86, s.hip.X+14, s.hip.Y+torsoW/2, true)
	}
	if !fold {
		return fig(p, bed)
	}
	p.Torso, p.Curve, p.Head, p.Face = 128, 9, 175, deg(260)
	p.Arms = [2]Limb{{A1: 178, A2: 182}, {A1: 180, A2: 184}}
	p.Accent = PBack
	return fig(p, bed, arrowAt(neckOf, P{-16, -34}, P{14, -40}, P{30, -16}))
}

// figure4 lies on the mat in figure4Pose.
func figure4() frame {
	return onMat(figure4Pose(P{118, matTop - torsoW/2}))
}

// seatedTwist turns toward the viewer's right: the face in profile, the
// right hand on the backrest, the left hand on the right knee.
func seatedTwist() frame {
	p := sitFront()
	p.Narrow, p.Face = 0.55, deg(90)
	p.Accent = PBack
	p = grounded(p)
	s := p.solve()
	p.Arms[1] = Limb{To: &P{s.hip.X + 27, s.hip.Y - 44}, Bend: 1}
	p.Arms[0] = Limb{To: &P{s.knee[1].X + 2, s.knee[1].Y - 4}, Bend: -1}
	return seatedFront(p, turnArrow(neckOf, 30, 6, 1))
}

// breastStroke keeps the arms in the accent colour: lying along the body
// they would vanish into it.
func breastStroke(lift bool) frame {
	p := prone()
	p.Accent = PArm0
	if !lift {
		p.Arms = [2]Limb{{A1: 262, A2: 266}, {A1: 264, A2: 268}}
		return onMat(p)
	}
	p.Torso, p.Curve, p.Head, p.Face = 70, -4, 76, deg(150)
	p.Arms = [2]Limb{{A1: 248, A2: 256}, {A1: 250, A2: 258}}
	p.Accent = PUpperBack | PArm0
	return onMat(p, arrowAt(headOf, P{14, 30}, P{24, 14}, P{20, -6}))
}

// chinTuck slides the head forward (chin poking) and back (tucked).
func chinTuck(tuck bool) frame {
	p := sit()
	p.Accent = PNeck
	if !tuck {
		p.Head, p.Face = 48, deg(110)
		return seated(p, arrowAt(headOf, P{22, -4}, P{30, -4}, P{38, -4}))
	}
	p.Head, p.Face = -22, deg(84)
	return seated(p, arrowAt(headOf, P{38, -4}, P{30, -4}, P{22, -4}))
}

// wrist shows the whole seated figure at the scale of every other picture,
// the arm straight ahead at shoulder height.
func wrist(extensor bool) frame {
	p := grounded(sit())
	p.Arms[0] = Limb{A1: 90, A2: 90, End: EndSeg, EndA: 0}
	p.Accent = PArm0Lower | PHand0
	s := p.solve()
	if !extensor {
		// Palm away, fingers up; the other hand pulls the fingers back.
		tip := s.wrist[0].polar(0, handLen)
		p.Arms[1] = Limb{To: &P{tip.X + 6, tip.Y + 2}, Bend: 1, End: EndSeg, EndA: 300}
		return seated(p, arrowAt(func(skeleton) P { return tip }, P{16, -4}, P{6, -16}, P{-8, -14}))
	}
	// Palm down, fingers down; the other hand presses the back of the hand.
	p.Arms[0].EndA = 180
	back := s.wrist[0].polar(180, handLen*0.5)
	p.Arms[1] = Limb{To: &P{back.X + 6, back.Y - 4}, Bend: 1, End: EndSeg, EndA: 220}
	return seated(p, arrowAt(func(skeleton) P { return back }, P{18, 0}, P{16, 14}, P{4, 20}))
}
