package main

// stretches maps each stretch ID to its frames. Moving stretches have two or
// more frames, which the routine window alternates; the arrows show the
// movement that leads into the frame.
func stretches() map[string][]frame {
	return map[string][]frame{
		// Neck
		"neck-side-tilt": {neckSideTilt()},
		"chin-tuck":      {chinTuck(false), chinTuck(true)},
		"neck-turn":      {neckTurn()},
		// Shoulders
		"shoulder-rolls":      {shoulderRoll(false), shoulderRoll(true)},
		"cross-body-shoulder": {crossBody()},
		"cactus-arms":         {cactus(false), cactus(true)},
		"overhead-reach":      {overheadReach(true), overheadReach(false)},
		"arm-opening":         {armOpening(false), armOpening(true)},
		// Upper back
		"thread-the-needle":      {threadNeedle(true), threadNeedle(false)},
		"desk-hug":               {deskHug()},
		"shoulder-blade-squeeze": {bladeSqueeze(false), bladeSqueeze(true)},
		// Mid back
		"cat-camel":               {catCamel(true), catCamel(false)},
		"seated-twist":            {seatedTwist()},
		"sitting-side-bend":       {sittingSideBend()},
		"desk-lat-stretch":        {deskLat()},
		"breast-stroke-prep":      {breastStroke(false), breastStroke(true)},
		"standing-back-extension": {backExtension(false), backExtension(true)},
		"press-up":                {pressUp(false), pressUp(true)},
		// Lower back and hips
		"pelvic-tilt":         {pelvicTilt(false), pelvicTilt(true)},
		"knee-to-chest-twist": {kneeTwist(false), kneeTwist(true)},
		"figure-4":            {figure4()},
		"seated-figure-4":     {seatedFigure4()},
		"childs-pose":         {childsPose()},
		"hip-circles":         {hipCircle(-1), hipCircle(1)},
		"standing-side-bend":  {standingSideBend()},
		"standing-hip-flexor": {hipFlexor()},
		"glute-bridge":        {gluteBridge(false), gluteBridge(true)},
		// Bed
		"bed-to-floor":        {bedToFloor(false), bedToFloor(true)},
		"bed-knee-hug":        {bedKneeHug()},
		"bed-full-body-reach": {bedReach(true), bedReach(false)},
		"reclined-butterfly":  {reclinedButterfly()},
		"bed-cactus-arms":     {bedCactus()},
		"bed-figure-4":        {bedFigure4()},
		"bed-belly-breathing": {bedBreathing(true), bedBreathing(false)},
		// Legs
		"calf-raise":         {calfRaise(true), calfRaise(false)},
		"standing-quad":      {standingQuad()},
		"standing-hamstring": {standingHamstring()},
		"march-in-place":     {march(0), march(1)},
		// Wrists and hands
		"wrist-flexor":    {wrist(false)},
		"wrist-extensor":  {wrist(true)},
		"hand-open-close": {hands(EndFist), hands(EndSpread)},
		// Breathing
		"belly-breathing": {breathing(true), breathing(false)},
		"standing-breath": {standingBreath(true), standingBreath(false)},
	}
}

// grounded returns p moved so that its lowest point rests on p.Ground, with
// Ground cleared; use it before computing IK targets from the solved skeleton.
func grounded(p Pose) Pose {
	if p.Ground == 0 {
		return p
	}
	s := p.solve()
	p.Hip.Y += p.Ground - lowest(s, p)
	p.Ground = 0
	return p
}

func neckSideTilt() frame {
	p := sitFront()
	p.Head = -52
	p.Accent = PNeck
	p.Arms[1] = Limb{A1: 174, A2: 180}
	return seatedFront(p, arrowAt(headOf, P{20, -14}, P{6, -34}, P{-14, -22}))
}

func shoulderRoll(down bool) frame {
	p := standFront()
	p.Accent = PShoulders
	if !down {
		p.Shrug = P{0, 9}
		return standing(p,
			arrowAt(neckOf, P{-30, 14}, P{-34, 0}, P{-28, -14}),
			arrowAt(neckOf, P{30, 14}, P{34, 0}, P{28, -14}))
	}
	p.Shrug = P{0, -1}
	return standing(p,
		arrowAt(neckOf, P{-28, -12}, P{-36, 0}, P{-30, 14}),
		arrowAt(neckOf, P{28, -12}, P{36, 0}, P{30, 14}))
}

func cactus(up bool) frame {
	p := standFront()
	p.Accent = PShoulders | PArm0Upper | PArm1Upper
	if !up {
		p.Arms = [2]Limb{{A1: 270, A2: 0}, {A1: 90, A2: 0}}
		return standing(p)
	}
	p.Arms = [2]Limb{{A1: 330, A2: 10}, {A1: 30, A2: 350}}
	return standing(p, arrow(P{52, 80}, P{46, 56}, P{54, 34}), arrow(P{148, 80}, P{154, 56}, P{146, 34}))
}

func threadNeedle(under bool) frame {
	if under {
		p := allFours(0, 150, 180)
		p.Torso = 108
		s := p.solve()
		p.Arms[0] = Limb{To: &P{s.shoulder[0].X - 40, matTop - limbW/2}, Bend: 1}
		p.Arms[1].To = &P{s.shoulder[0].X + 2, matTop - limbW/2}
		p.Head, p.Face = 125, deg(200)
		p.Accent = PUpperBack | PArm0
		return onMat(p, arrowAt(neckOf, P{6, 30}, P{-20, 40}, P{-44, 32}))
	}
	p := allFours(0, 110, 20)
	p.Torso = 100
	p.Arms[0] = Limb{A1: 355, A2: 0}
	p.Accent = PUpperBack | PArm0
	return onMat(p, arrowAt(neckOf, P{30, 10}, P{44, -24}, P{30, -54}))
}

func deskHug() frame {
	p := sit()
	p.Torso, p.Curve, p.Head, p.Face = 16, 10, 75, deg(150)
	p.Accent = PUpperBack
	p = grounded(p)
	s := p.solve()
	p.Arms[0] = Limb{To: &P{s.shoulder[0].X + 6, s.shoulder[0].Y + 10}, Bend: 1}
	p.Arms[1] = Limb{To: &P{s.shoulder[0].X + 4, s.shoulder[0].Y + 4}, Bend: 1}
	return seated(p)
}

func bladeSqueeze(squeeze bool) frame {
	p := sit()
	if !squeeze {
		p.Arms = [2]Limb{{A1: 176, A2: 86}, {A1: 180, A2: 90}}
		return seated(p)
	}
	p.Arms = [2]Limb{{A1: 212, A2: 96}, {A1: 214, A2: 100}}
	p.Shrug = P{4, 0}
	p.Accent = PUpperBack | PShoulders
	return seated(p, arrowAt(func(s skeleton) P { return s.elbow[0] }, P{26, 0}, P{16, -4}, P{6, -2}))
}

func sittingSideBend() frame {
	p := sitFront()
	p.Torso, p.Curve, p.Head = -16, -6, -26
	p.Arms[1] = Limb{A1: 10, A2: 296}
	p.Arms[0] = Limb{A1: 200, A2: 186}
	p.Accent = PBack | PArm1Upper
	return seatedFront(p, arrowAt(headOf, P{34, -34}, P{8, -52}, P{-20, -36}))
}

func backExtension(lean bool) frame {
	p := stand()
	hands := func(p *Pose) {
		p.Arms = [2]Limb{{To: &P{-11, -14}, Rel: true, Bend: 1}, {To: &P{-12, -12}, Rel: true, Bend: 1}}
	}
	if !lean {
		hands(&p)
		return standing(p)
	}
	p.Torso, p.Curve, p.Head, p.Face = -14, -5, -26, deg(60)
	p.Hip.X += 4
	p.Legs = [2]Limb{{A1: 188, A2: 176}, {A1: 190, A2: 178}}
	hands(&p)
	p.Accent = PBack
	return standing(p, arrowAt(headOf, P{18, -6}, P{4, -24}, P{-18, -22}))
}

func pressUp(up bool) frame {
	p := prone()
	p.Ground = 0
	s := p.solve()
	hand := P{s.shoulder[0].X - 6, matTop - limbW/2}
	p.Arms = [2]Limb{{To: &hand, Bend: 1}, {To: &P{hand.X + 2, hand.Y}, Bend: 1}}
	if !up {
		return onMat(p)
	}
	p.Torso, p.Curve, p.Head, p.Face = 62, -5, 58, deg(110)
	p.Accent = PLowerBack
	return onMat(p, arrowAt(headOf, P{14, 30}, P{20, 14}, P{16, -6}))
}

func pelvicTilt(flat bool) frame {
	p := supine(120, 150)
	if !flat {
		p.Curve = -10
		return onMat(p, arrowAt(hipOf, P{-14, -18}, P{-12, -28}, P{-14, -38}))
	}
	p.Curve = 2
	p.Accent = PLowerBack
	return onMat(p, arrowAt(hipOf, P{-14, -40}, P{-12, -30}, P{-14, -18}))
}

func seatedFigure4() frame {
	p := sitFront()
	p = grounded(p)
	p.Legs[0] = Limb{A1: 265, A2: 100, K1: 0.5, K2: 1, EndA: 10}
	p.Arms[0] = Limb{A1: 196, A2: 120}
	p.Accent = PLeg0Upper
	return seatedFront(p)
}

func childsPose() frame {
	p := Pose{View: Side, Hip: P{56, matTop - 14}, Torso: 94, Curve: 9, Head: 102, Face: deg(180),
		Legs:   [2]Limb{{A1: 104, A2: 270, EndA: 270}, {A1: 106, A2: 270, EndA: 270}},
		Accent: PBack}
	s := p.solve()
	p.Arms = [2]Limb{{To: &P{s.shoulder[0].X + 52, matTop - limbW/2}, Bend: -1},
		{To: &P{s.shoulder[0].X + 50, matTop - limbW/2}, Bend: -1}}
	return onMat(p)
}

func hipCircle(side float64) frame {
	p := standFront()
	p.Ground = 0
	p.Hip = P{100 + side*9, 104}
	p.Torso = -side * 9
	p.Head = side * 2
	p.Legs = [2]Limb{{To: &P{90, G - 8}, Bend: -side, EndA: 270}, {To: &P{110, G - 8}, Bend: -side, EndA: 90}}
	p.Arms = [2]Limb{{To: &P{-12, -6}, Rel: true, Bend: 1}, {To: &P{12, -6}, Rel: true, Bend: -1}}
	p.Accent = PLowerBack
	x := 100 + side*36
	return standing(p, arrow(P{x - side*6, 130}, P{x + side*6, 110}, P{x - side*4, 88}))
}

func standingSideBend() frame {
	p := standFront()
	p.Torso, p.Curve, p.Head = -17, -6, -24
	p.Hip.X += 4
	p.Legs = [2]Limb{{A1: 181, A2: 178, EndA: 270}, {A1: 174, A2: 180, EndA: 90}}
	p.Arms[1] = Limb{A1: 10, A2: 296}
	p.Arms[0] = Limb{A1: 196, A2: 186}
	p.Accent = PBack | PArm1Upper
	return standing(p, arrowAt(headOf, P{34, -34}, P{8, -52}, P{-20, -36}))
}

func hipFlexor() frame {
	p := stand()
	p.Hip = P{92, 116}
	p.Ground = 0
	p.Legs = [2]Limb{
		{To: &P{54, G - 12}, Bend: -1, EndA: 140},
		{To: &P{122, G - 6}, Bend: 1, EndA: 90}}
	p.Arms = [2]Limb{{To: &P{2, -8}, Rel: true, Bend: -1}, {To: &P{4, -8}, Rel: true, Bend: -1}}
	p.Accent = PLeg0Upper
	return standing(p, arrowAt(hipOf, P{-12, 14}, P{0, 20}, P{14, 14}))
}

func gluteBridge(up bool) frame {
	p := supine(112, 144)
	if !up {
		return onMat(p)
	}
	p.Hip.Y -= 32
	p.Torso = 236
	p.Arms = [2]Limb{{A1: 110, A2: 98}, {A1: 106, A2: 96}}
	p.Accent = PLowerBack | PLeg0Upper
	return onMat(p, arrowAt(hipOf, P{-6, 36}, P{-10, 18}, P{-4, 0}))
}

func bedSupine() Pose {
	top := 132.0
	return Pose{View: Side, Hip: P{100, top - torsoW/2}, Torso: 270, Head: 270, Face: deg(0),
		Arms: [2]Limb{{A1: 100, A2: 92}, {A1: 96, A2: 90}},
		Legs: [2]Limb{{A1: 90, A2: 90, EndA: 5}, {A1: 91, A2: 90, EndA: 5}}}
}

func inBed(p Pose, over ...overlay) frame {
	return fig(p, func(w *svgWriter, _ skeleton) { w.bedSide(10, 190, 132, true) }, over...)
}

func bedKneeHug() frame {
	p := bedSupine()
	p.Legs = [2]Limb{{A1: 330, A2: 150, EndA: 60}, {A1: 334, A2: 154, EndA: 64}}
	s := p.solve()
	shin := s.knee[0].polar(150, 9)
	p.Arms = [2]Limb{{To: &shin, Bend: -1}, {To: &P{shin.X + 2, shin.Y - 2}, Bend: -1}}
	p.Accent = PLowerBack
	return inBed(p)
}

func bedReach(long bool) frame {
	p := bedSupine()
	p.Hip.X = 104
	if !long {
		// Hands resting on the belly: arms along the body would vanish in it.
		p.Arms = [2]Limb{{A1: 100, A2: 20, K2: 0.8}, {A1: 102, A2: 24, K2: 0.8}}
		p.Legs = [2]Limb{{A1: 90, A2: 90, EndA: 15}, {A1: 91, A2: 90, EndA: 15}}
		return inBed(p)
	}
	p.Arms = [2]Limb{{A1: 272, A2: 270}, {A1: 274, A2: 272}}
	p.Legs = [2]Limb{{A1: 90, A2: 90, EndA: 95}, {A1: 91, A2: 90, EndA: 95}}
	p.Accent = PBack | PArm0 | PArm1
	return inBed(p, arrow(P{30, 102}, P{20, 100}, P{10, 102}), arrow(P{170, 102}, P{180, 100}, P{190, 102}))
}

func calfRaise(up bool) frame {
	p := stand()
	p.Arms[0] = Limb{To: &P{134, 110}, Bend: -1}
	desk := func(w *svgWriter, _ skeleton) { w.desk(130, 114) }
	if !up {
		return fig(p, desk, arrow(P{60, 134}, P{58, 146}, P{60, 160}))
	}
	p.Legs = [2]Limb{{A1: 178, A2: 181, EndA: 145, End: EndSeg}, {A1: 184, A2: 180, EndA: 145, End: EndSeg}}
	p.Accent = PLeg0Lower | PLeg1Lower
	return fig(p, desk, arrow(P{60, 160}, P{58, 148}, P{60, 134}))
}

func standingQuad() frame {
	p := stand()
	p.Arms[1] = Limb{To: &P{134, 110}, Bend: -1}
	p.Legs[0] = Limb{A1: 190, A2: 343, EndA: 290, End: EndSeg}
	p = grounded(p)
	s := p.solve()
	p.Arms[0] = Limb{To: &P{s.ankle[0].X + 2, s.ankle[0].Y + 2}, Bend: 1}
	p.Accent = PLeg0Upper
	return fig(p, func(w *svgWriter, _ skeleton) { w.desk(130, 114) })
}

func standingHamstring() frame {
	hip := P{80, G - 66}
	p := Pose{View: Side, Hip: hip, Torso: 50, Head: 60, Face: deg(150),
		Legs: [2]Limb{
			{To: &P{hip.X + 44, G - 8}, Bend: 1, EndA: 20, End: EndSeg},
			{To: &P{hip.X - 6, G - 7}, Bend: 1, EndA: 90}}}
	s := p.solve()
	mid := lerp(s.hipJ[1], s.knee[1], 0.85)
	p.Arms = [2]Limb{{To: &P{mid.X + 2, mid.Y - 4}, Bend: -1}, {To: &P{mid.X, mid.Y - 2}, Bend: -1}}
	p.Accent = PLeg0
	return standing(p)
}

func hands(end End) frame {
	p := grounded(sitFront())
	// Hands up beside the head, clear of the body, so at the scale of every
	// other picture the fist and the spread fingers still read.
	p.Arms = [2]Limb{{A1: 235, A2: 345, End: end, EndA: 345}, {A1: 125, A2: 15, End: end, EndA: 15}}
	p.Accent = PHand0 | PHand1
	return seatedFront(p)
}

func breathing(in bool) frame {
	p := grounded(sit())
	s := p.solve()
	chest := lerp(s.hip, s.neck, 0.8).add(P{torsoW/2 + 3, 0})
	belly := lerp(s.hip, s.neck, 0.3).add(P{torsoW/2 + 3, 0})
	if !in {
		p.Curve = 3
		p.Arms = [2]Limb{{To: &chest, Bend: 1}, {To: &belly, Bend: 1}}
		return seated(p, arrowAt(func(skeleton) P { return belly }, P{30, 0}, P{22, 0}, P{14, 0}))
	}
	p.Belly = 11
	p.Torso, p.Head = -5, -4
	p.Accent = PLowerBack
	belly.X += 8
	p.Arms = [2]Limb{{To: &chest, Bend: 1}, {To: &belly, Bend: 1}}
	return seated(p, arrowAt(func(skeleton) P { return belly }, P{16, 0}, P{24, 0}, P{32, 0}))
}

func standingBreath(up bool) frame {
	p := standFront()
	if !up {
		return standing(p, arrow(P{58, 50}, P{28, 80}, P{46, 118}), arrow(P{142, 50}, P{172, 80}, P{154, 118}))
	}
	p.Arms = [2]Limb{{A1: 330, A2: 8}, {A1: 30, A2: 352}}
	p.Accent = PUpperBack
	return standing(p, arrow(P{44, 110}, P{30, 70}, P{60, 34}), arrow(P{156, 110}, P{170, 70}, P{140, 34}))
}

// bedAbove is the bed of the poses seen from above, fitted around the
// figure: the mattress outline with the pillow under the head, on the left.
func bedAbove(w *svgWriter, s skeleton) {
	x1 := s.head.X - headR - 22
	x2 := max(s.ankle[0].X, s.ankle[1].X) + footLen + 8
	w.rect(x1, s.hip.Y-56, x2-x1, 112, 8, prop, false)
	w.rect(x1+8, s.hip.Y-26, 16, 52, 5, prop, true)
}

// lieAbove lies on the back seen from above, head to the left on the
// pillow of bedAbove, hands resting on the belly, legs a little apart.
func lieAbove() Pose {
	return Pose{View: Front, Hip: P{112, 100}, Torso: 270, Head: 270,
		Arms: [2]Limb{{A1: 150, A2: 60, K1: 0.8}, {A1: 30, A2: 120, K1: 0.8}},
		Legs: [2]Limb{{A1: 96, A2: 92, EndA: 150}, {A1: 84, A2: 88, EndA: 30}}}
}

// reclinedButterfly is seen from above: the soles together, the knees
// fallen open to the sides make the legs a diamond. The arms rest out on
// the bed (not on the belly, as the cue has it), so at thumbnail size the
// diamond stays clear of them.
func reclinedButterfly() frame {
	p := lieAbove()
	p.Arms = [2]Limb{{A1: 128, A2: 118}, {A1: 52, A2: 62}}
	p.Legs = [2]Limb{
		{To: &P{p.Hip.X + 50, p.Hip.Y + 3}, Bend: 1, EndA: 0},
		{To: &P{p.Hip.X + 50, p.Hip.Y - 3}, Bend: -1, EndA: 180}}
	p.Accent = PLeg0Upper | PLeg1Upper
	return fig(p, bedAbove)
}

// bedCactus is seen from above, lying back on a long pillow: the upper
// arms out to the sides, the forearms up toward the head (a goalpost).
func bedCactus() frame {
	p := lieAbove()
	p.Arms = [2]Limb{{A1: 180, A2: 270}, {A1: 0, A2: 270}}
	p.Accent = PShoulders | PArm0Upper | PArm1Upper
	return fig(p, bedAbove)
}

// bedFigure4 is figure4 on the bed, the head on the pillow.
func bedFigure4() frame {
	top := 132.0
	p := figure4Pose(P{112, top - torsoW/2})
	return fig(p, func(w *svgWriter, s skeleton) { w.bedSide(s.hip.X-90, s.hip.X+44, top, true) })
}

// figure4Pose lies on the back with the hip at hip: the far thigh drawn to
// the chest, the near ankle crossed on its knee, hands behind the far thigh.
func figure4Pose(hip P) Pose {
	p := Pose{View: Side, Hip: hip, Torso: 270, Head: 266, Face: deg(0),
		Legs: [2]Limb{{}, {A1: 345, A2: 75, EndA: 330}}}
	s := p.solve()
	p.Legs[0] = Limb{To: &P{s.knee[1].X + 6, s.knee[1].Y + 6}, Bend: -1, K1: 0.85, EndA: 40}
	grip := lerp(s.hip, s.knee[1], 0.55)
	p.Arms = [2]Limb{{To: &P{grip.X - 4, grip.Y}, Bend: -1}, {To: &P{grip.X - 3, grip.Y - 3}, Bend: -1}}
	p.Accent = PLeg0
	return p
}

// bedBreathing lies in bed, knees up, one hand on the chest and one on
// the belly, which rises as the breath comes in.
func bedBreathing(in bool) frame {
	top := 132.0
	p := Pose{View: Side, Hip: P{104, top - torsoW/2}, Torso: 270, Head: 270, Face: deg(0),
		Legs: [2]Limb{
			{To: &P{150, top - limbW/2 - 2}, Bend: -1, EndA: 90},
			{To: &P{153, top - limbW/2 - 2}, Bend: -1, EndA: 90}}}
	s := p.solve()
	front := dir(p.Torso + 90)
	belly := lerp(s.hip, s.neck, 0.3).add(front.mul(torsoW/2 + 2))
	chest := lerp(s.hip, s.neck, 0.75).add(front.mul(torsoW/2 + 1))
	bed := func(w *svgWriter, s skeleton) { w.bedSide(s.hip.X-90, s.hip.X+62, top, true) }
	if in {
		p.Belly = 12
		p.Accent = PLowerBack
		belly = belly.add(front.mul(9))
	}
	// The elbows rest on the mattress beside the body, the forearms rise
	// to the hands: the near one on the chest, the far one on the belly,
	// behind it, so the rising belly is not hidden by an arm.
	p.Arms = [2]Limb{restOn(s.shoulder[0], chest, 104), restOn(s.shoulder[1], belly, 100)}
	if in {
		return fig(p, bed, arrowAt(func(skeleton) P { return belly }, P{0, -22}, P{0, -30}, P{0, -38}))
	}
	return fig(p, bed, arrowAt(func(skeleton) P { return belly }, P{0, -34}, P{0, -26}, P{0, -18}))
}

// restOn is an arm whose upper arm leaves the shoulder in direction a and
// whose forearm reaches the hand to the point to.
func restOn(shoulder, to P, a float64) Limb {
	v := to.sub(shoulder.polar(a, upperArm))
	return Limb{A1: a, A2: angleOf(v), K2: v.len() / foreArm}
}

// deskLat holds the desk's edge with straight arms, the hips pushed back
// over the feet and the chest sunk below the arms, the head hanging
// between them.
func deskLat() frame {
	p := stand()
	p.Torso, p.Curve, p.Head, p.Face = 104, -3, 124, deg(170)
	p.Legs = [2]Limb{{A1: 174, A2: 178, EndA: 90}, {A1: 176, A2: 180, EndA: 90}}
	p = grounded(p)
	s := p.solve()
	hand := s.shoulder[0].polar(72, upperArm+foreArm-1)
	p.Arms = [2]Limb{{To: &hand, Bend: 1}, {To: &P{hand.X - 2, hand.Y + 1}, Bend: 1}}
	p.Accent = PUpperBack | PArm0Upper | PShoulders
	back := lerp(s.hip, s.neck, 0.6)
	return fig(p, func(w *svgWriter, _ skeleton) { w.desk(hand.X-4, hand.Y+limbW/2) },
		arrow(back.add(P{0, -36}), back.add(P{1, -27}), back.add(P{0, -16})))
}
