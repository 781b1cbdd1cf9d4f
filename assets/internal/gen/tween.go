package main

import (
	"fmt"
	"math"
)

// In-between frames. A moving stretch's key frames are played as one
// movement in the routine window: between two consecutive key frames the
// generator draws tweenCount poses interpolated on the skeleton (joint
// angles, IK targets, spine bow, foreshortening), never on the SVG
// coordinates, so a sweeping arm keeps its length and a planted hand stays
// planted.
//
// The window plays key 1, the tweens, key 2 and the tweens backwards in
// one repetition (art.MotionImages). With 6 tweens that is 14 pictures a
// repetition: at the library's paces (1–10 s) a new picture every 70–700
// ms, and the eased spacing (see ease) puts more of them near the turning
// points, where the body moves slowly.
const tweenCount = 6

// tweenFile names tween j (from 1) of the movement from key frame k to
// key frame k+1 (both from 1), relative to assets/.
func tweenFile(id string, k, j int) string {
	return fmt.Sprintf("stretches/motion/%s-%d-%d.svg", id, k, j)
}

// movement returns the tweens between each pair of consecutive key
// frames, or nil when the stretch holds one pose or any pair cannot be
// interpolated (the window then flips between the key frames).
func movement(keys []frame) [][]frame {
	if len(keys) < 2 {
		return nil
	}
	var out [][]frame
	for i := range keys[:len(keys)-1] {
		m, ok := tweens(keys[i], keys[i+1])
		if !ok {
			return nil
		}
		out = append(out, m)
	}
	return out
}

// drawMotion draws a stretch's key frames and, for a movement, the tweens
// between each pair of them (moves[k] leads from key k to key k+1), all
// in one framing (see drawStretch).
func drawMotion(keys []frame) (svgs [][]byte, moves [][][]byte) {
	m := movement(keys)
	all := append([]frame{}, keys...)
	for _, tw := range m {
		all = append(all, tw...)
	}
	drawn := drawStretch(all)
	svgs, rest := drawn[:len(keys)], drawn[len(keys):]
	for _, tw := range m {
		moves = append(moves, rest[:len(tw)])
		rest = rest[len(tw):]
	}
	return svgs, moves
}

// ease spaces the tweens like a body moves: slow out of one pose, fastest
// midway, slow into the next (smoothstep).
func ease(t float64) float64 { return t * t * (3 - 2*t) }

// tweens returns the in-between frames from a to b, or ok false when the
// two frames are not one movement of one body: a different view, props
// that differ, or a hand or foot of a different kind (a fist cannot turn
// into spread fingers by degrees). Such stretches keep the flip between
// their key frames.
//
// Tweens carry no arrows: an arrow shows, on a still picture, the
// movement that led to it; while the figure moves the movement itself is
// the cue, and arrows bending from frame to frame would only add flicker.
// The key frames keep theirs, so a paused or still picture still reads.
func tweens(a, b frame) ([]frame, bool) {
	if !canTween(a, b) {
		return nil, false
	}
	out := make([]frame, tweenCount)
	for j := range out {
		t := ease(float64(j+1) / float64(tweenCount+1))
		under := a.under
		if t >= 0.5 {
			under = b.under
		}
		out[j] = frame{pose: mix(a.pose, b.pose, t), under: under}
	}
	return out, true
}

// canTween reports whether a and b can be interpolated (see tweens).
func canTween(a, b frame) bool {
	if a.pose.View != b.pose.View {
		return false
	}
	// A hand or foot may change kind (a fist formed as the arm swings)
	// only on a limb that moves; on a still limb the change would be the
	// whole movement, and it cannot be drawn by degrees.
	sa, sb := grounded(a.pose).solve(), grounded(b.pose).solve()
	for i := range 2 {
		if endKind(a.pose.Arms[i], false) != endKind(b.pose.Arms[i], false) &&
			!moves(sa.shoulder[i], sa.elbow[i], sa.wrist[i], sb.shoulder[i], sb.elbow[i], sb.wrist[i]) {
			return false
		}
		if endKind(a.pose.Legs[i], true) != endKind(b.pose.Legs[i], true) &&
			!moves(sa.hipJ[i], sa.knee[i], sa.ankle[i], sb.hipJ[i], sb.knee[i], sb.ankle[i]) {
			return false
		}
	}
	// The same props: both frames' props drawn around one skeleton.
	s := sa
	var pa, pb svgWriter
	if a.under != nil {
		a.under(&pa, s)
	}
	if b.under != nil {
		b.under(&pb, s)
	}
	return pa.b.String() == pb.b.String() && pa.ground == pb.ground
}

// moves reports whether a limb's segments turn by more than 15° between
// two poses.
func moves(ra, ma, ea, rb, mb, eb P) bool {
	d := func(x, y float64) bool { return math.Abs(turn(x, y, 1)-x) > 15 }
	return d(angleOf(ma.sub(ra)), angleOf(mb.sub(rb))) || d(angleOf(ea.sub(ma)), angleOf(eb.sub(mb)))
}

// endKind is what limbDraw draws at the end of a limb.
func endKind(l Limb, isLeg bool) End {
	if l.End != EndAuto {
		return l.End
	}
	if isLeg {
		return EndSeg
	}
	return EndNone
}

// turn interpolates between two directions the short way round.
func turn(a, b, t float64) float64 {
	d := math.Mod(b-a+540, 360) - 180
	return a + d*t
}

func mixf(a, b, t float64) float64 { return a + (b-a)*t }

// sweep is how far a limb turns from a to b. It takes the short way round,
// unless the two ways are nearly alike (a limb turned half round): then it
// passes above rather than below, because below is the floor, the mat or
// the bed the body rests on (arms lying overhead come back to the belly
// over the face, not through the mattress).
func sweep(a, b float64) float64 {
	d := turn(a, b, 1) - a
	if math.Abs(d) <= 160 {
		return d
	}
	other := d - math.Copysign(360, d)
	if dir(a+other/2).Y < dir(a+d/2).Y {
		return other
	}
	return d
}

// mix is the pose a fraction t of the way from a to b.
func mix(a, b Pose, t float64) Pose {
	// Interpolate where the bodies are drawn. Grounding each tween anew
	// would make the body jump where its lowest point changes from the
	// feet to the hands; between grounded keys the body moves evenly.
	// Grounding also moves the body under absolute IK targets, which bends
	// those limbs, so joint angles are read from the grounded keys too.
	a, b = grounded(a), grounded(b)
	sa, sb := a.solve(), b.solve()
	near := a
	if t >= 0.5 {
		near = b
	}
	p := Pose{
		View:   a.View,
		Hip:    lerp(a.Hip, b.Hip, t),
		Torso:  turn(a.Torso, b.Torso, t),
		Curve:  mixf(a.Curve, b.Curve, t),
		Shrug:  lerp(a.Shrug, b.Shrug, t),
		Narrow: mixf(k(a.Narrow), k(b.Narrow), t),
		Belly:  mixf(a.Belly, b.Belly, t),
		// Coloured like the nearer key frame: the colour changes once,
		// mid-movement, never for a single picture at a turning point.
		Accent: near.Accent,
	}
	// The head turns on the neck: its angle to the torso is interpolated.
	p.Head = p.Torso + turn(a.Head-a.Torso, b.Head-b.Torso, t)
	p.Face = mixFace(a, b, p.Head, t)
	for i := range 2 {
		p.Arms[i] = mixLimb(a.Arms[i], b.Arms[i], sa.shoulder[i], sa.elbow[i], sa.wrist[i],
			sb.shoulder[i], sb.elbow[i], sb.wrist[i], false, t)
		p.Legs[i] = mixLimb(a.Legs[i], b.Legs[i], sa.hipJ[i], sa.knee[i], sa.ankle[i],
			sb.hipJ[i], sb.knee[i], sb.ankle[i], true, t)
	}
	return p
}

// mixFace turns the nose with the head. In side view an unset Face means
// the head's own direction; in front view it means no nose at all, which
// cannot be reached by degrees, so the nose appears halfway.
func mixFace(a, b Pose, head, t float64) *float64 {
	if a.Face == nil && b.Face == nil {
		return nil
	}
	face := func(p Pose) *float64 {
		if p.Face == nil && p.View == Side {
			return deg(p.Head + 90)
		}
		return p.Face
	}
	fa, fb := face(a), face(b)
	switch {
	case fa == nil:
		if t < 0.5 {
			return nil
		}
		return fb
	case fb == nil:
		if t < 0.5 {
			return fa
		}
		return nil
	}
	return deg(head + turn(*fa-a.Head, *fb-b.Head, t))
}

// mixLimb interpolates one limb. Two IK limbs reaching for targets of the
// same kind, bending the same way, interpolate their targets (a hand
// sliding along the floor stays on it); any other pair interpolates the
// solved joint angles, which keeps the segments' lengths whatever the
// limbs did in the key frames.
func mixLimb(a, b Limb, ra, ma, ea, rb, mb, eb P, isLeg bool, t float64) Limb {
	end := endKind(a, isLeg)
	if t >= 0.5 {
		end = endKind(b, isLeg)
	}
	l := Limb{End: end, K1: mixf(k(a.K1), k(b.K1), t), K2: mixf(k(a.K2), k(b.K2), t)}
	if a.To != nil && b.To != nil && a.Rel == b.Rel && math.Signbit(a.Bend) == math.Signbit(b.Bend) {
		to := lerp(*a.To, *b.To, t)
		l.To, l.Rel, l.Bend = &to, a.Rel, a.Bend
	} else {
		// Each segment turns relative to the one it hangs from, as a joint
		// does: turned independently, a forearm could swing the other way
		// round from its upper arm.
		a1, b1 := angleOf(ma.sub(ra)), angleOf(mb.sub(rb))
		a2, b2 := angleOf(ea.sub(ma)), angleOf(eb.sub(mb))
		l.A1 = a1 + sweep(a1, b1)*t
		l.A2 = l.A1 + turn(a2-a1, b2-b1, t)
	}
	// The hand or foot turns relative to the lower segment likewise.
	la, lb := angleOf(ea.sub(ma)), angleOf(eb.sub(mb))
	low := turn(la, lb, t)
	if l.To == nil {
		low = l.A2
	}
	l.EndA = low + turn(endAngle(a, ma, ea, isLeg)-la, endAngle(b, mb, eb, isLeg)-lb, t)
	if l.EndA == 0 {
		l.EndA = 360 // 0 would mean "automatic" to a foot
	}
	return l
}

// endAngle is the direction limbDraw gives a hand or foot.
func endAngle(l Limb, mid, end P, isLeg bool) float64 {
	if isLeg && l.End == EndAuto && l.EndA == 0 {
		return angleOf(end.sub(mid)) - 90
	}
	return l.EndA
}
