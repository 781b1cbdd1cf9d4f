package routines

import (
	"time"
)

// DefaultGetReady is the count before the first step, time to read the first
// cue and get into position.
const DefaultGetReady = 5 * time.Second

// lastThree is when the LastThree event fires before a step ends, and how
// far into a step Previous restarts it rather than going back.
const lastThree = 3 * time.Second

// Phase is what the player is doing.
type Phase int

// The phases of a routine. A player starts in PhaseGetReady (or PhaseStep
// when the get-ready count is zero) and ends in PhaseFinished.
const (
	PhaseGetReady Phase = iota
	PhaseStep
	PhaseRest
	PhasePaused
	PhaseFinished
)

func (p Phase) String() string {
	switch p {
	case PhaseGetReady:
		return "get-ready"
	case PhaseStep:
		return "step"
	case PhaseRest:
		return "rest"
	case PhasePaused:
		return "paused"
	case PhaseFinished:
		return "finished"
	}
	return "unknown"
}

// EventKind says what happened on the routine's timeline.
type EventKind int

// Events the window and the sound hook react to.
const (
	StepStarted EventKind = iota + 1 // a step (or one side of it) began
	Halfway                          // a step is half done
	LastThree                        // a step, or the get-ready count, has three seconds left
	RestStarted                      // a rest between steps began
	Finished                         // the routine reached its end
)

func (k EventKind) String() string {
	switch k {
	case StepStarted:
		return "step-started"
	case Halfway:
		return "halfway"
	case LastThree:
		return "last-three"
	case RestStarted:
		return "rest-started"
	case Finished:
		return "finished"
	}
	return "unknown"
}

// Event is something that happened at a moment of the routine's timeline.
// At is computed from the timeline, not from the clock reading that
// delivered it, so replaying is deterministic even when time jumps.
type Event struct {
	Kind    EventKind
	At      time.Time
	Phase   Phase // phase the event belongs to (PhaseGetReady, PhaseStep, PhaseRest or PhaseFinished)
	Segment int   // index of the segment it concerns (see State.Current)
}

// SegmentView is one segment with the step it comes from, for display.
type SegmentView struct {
	Index    int  // 0-based position among the routine's segments
	Step     Step // name, cues, stretch ID, timing, image …
	Side     Side
	Duration time.Duration
	// SecondSide is true for the second side of a step done on both
	// sides: the moment to switch sides.
	SecondSide bool
}

// State is a snapshot of the player for the window.
type State struct {
	Phase   Phase // PhasePaused while paused
	Resumes Phase // the phase that continues on Resume; equals Phase unless paused
	Current SegmentView
	Next    SegmentView // valid when HasNext
	HasNext bool
	Number  int // Current is segment Number of Total (1-based)
	Total   int // number of segments
	// StepNumber of Steps is the step as a person counts it (1-based): a
	// per-side step is one step, so its two sides share a number. Show
	// this, not Number, with Current.Side ("Step 3 of 5 · left side").
	StepNumber int
	Steps      int
	// Rep of Reps is the repetition under way in a step of repetitions
	// (1-based); both are zero outside PhaseStep and for holds.
	Rep, Reps int
	Left      time.Duration // time left in the current phase
	Length    time.Duration // full length of the current phase
	Progress  float64       // of the whole routine, 0..1 (steps and rests; not get-ready)
}

// Outcome is what the daemon records as a break.
type Outcome struct {
	Completed bool          // the routine reached its end (not stopped early)
	Active    time.Duration // time spent in steps and rests, excluding get-ready and pauses
	StepsDone int           // steps whose every side ran out, or was skipped past its halfway point
	Steps     int           // steps in the routine (Routine.StepCount)
}

// Option configures a Player.
type Option func(*Player)

// WithGetReady sets the count before the first step; zero skips it.
func WithGetReady(d time.Duration) Option {
	return func(p *Player) { p.getReady = max(d, 0) }
}

// Player runs a routine against time the caller supplies. It is a plain
// state machine: no goroutines, no timers. Every method that takes now first
// brings the timeline up to now and returns the events that happened on the
// way, in order. Time that goes backwards is ignored.
//
// During get-ready and rests, State.Current is the segment that starts when
// they end, so the window can show what comes.
//
// A Player is not safe for concurrent use; drive it from one goroutine.
type Player struct {
	r        Routine
	segs     []Segment
	starts   []time.Duration // offset of each segment from the routine's start
	total    time.Duration
	getReady time.Duration

	started bool
	stopped bool
	at      time.Time // timeline position corresponds to this clock reading
	phase   Phase     // never PhasePaused; see paused
	paused  bool
	idx     int           // current segment (or the one the get-ready/rest leads into)
	into    time.Duration // time spent in the current phase
	sent    [2]bool       // Halfway, LastThree sent in this phase

	done      []bool
	active    time.Duration
	completed bool
}

// NewPlayer prepares a player for r. Call Start to begin.
func NewPlayer(r Routine, opts ...Option) *Player {
	p := &Player{r: r, segs: r.Segments(), getReady: DefaultGetReady}
	for _, o := range opts {
		o(p)
	}
	p.starts = make([]time.Duration, len(p.segs))
	for i, s := range p.segs {
		p.starts[i] = p.total
		p.total += s.Duration + s.Rest
	}
	p.done = make([]bool, len(p.segs))
	return p
}

// Start begins the routine at now with the get-ready count. Calling it again
// has no effect.
func (p *Player) Start(now time.Time) []Event {
	if p.started {
		return nil
	}
	p.started, p.at = true, now
	return p.begin(nil)
}

// begin enters get-ready (or the first step) at the current timeline point.
func (p *Player) begin(evs []Event) []Event {
	p.idx = 0
	if len(p.segs) == 0 {
		return p.finish(evs)
	}
	if p.getReady > 0 {
		p.enter(PhaseGetReady)
		return p.run(evs, 0)
	}
	return p.run(p.startStep(evs, 0), 0)
}

// Advance brings the timeline up to now and returns what happened on the
// way, however far now has jumped.
func (p *Player) Advance(now time.Time) []Event {
	if !p.started || p.stopped {
		return nil
	}
	delta := now.Sub(p.at)
	if delta <= 0 {
		return nil
	}
	if p.paused || p.phase == PhaseFinished {
		p.at = now
		return nil
	}
	return p.run(nil, delta)
}

// Pause stops the clock at now.
func (p *Player) Pause(now time.Time) []Event {
	evs := p.Advance(now)
	if p.started && !p.stopped && p.phase != PhaseFinished {
		p.paused = true
	}
	return evs
}

// Resume restarts the clock at now; the paused time does not count.
func (p *Player) Resume(now time.Time) []Event {
	if p.paused {
		p.paused = false
		if now.After(p.at) {
			p.at = now
		}
	}
	return nil
}

// Paused reports whether the player is paused.
func (p *Player) Paused() bool { return p.paused }

// Next skips to the start of the next step: from get-ready or a rest to the
// step it leads into, from a step to the following one (skipping the rest),
// and from the last step to the end. A paused player stays paused.
func (p *Player) Next(now time.Time) []Event {
	evs := p.Advance(now)
	if !p.running() {
		return evs
	}
	switch p.phase {
	case PhaseGetReady, PhaseRest:
		evs = p.startStep(evs, p.idx)
	case PhaseStep:
		if p.into*2 >= p.segs[p.idx].Duration {
			p.done[p.idx] = true
		}
		if p.idx == len(p.segs)-1 {
			return p.finish(evs)
		}
		evs = p.startStep(evs, p.idx+1)
	}
	return p.run(evs, 0)
}

// Previous goes back: within the first three seconds of a step to the
// previous step, later in a step to that step's start, from a rest to the
// step just done, and in get-ready to the start of the count. A paused
// player stays paused.
func (p *Player) Previous(now time.Time) []Event {
	evs := p.Advance(now)
	if !p.running() {
		return evs
	}
	switch p.phase {
	case PhaseGetReady:
		p.enter(PhaseGetReady)
	case PhaseRest:
		evs = p.startStep(evs, p.idx-1)
	case PhaseStep:
		i := p.idx
		if p.into < lastThree && i > 0 {
			i--
		}
		evs = p.startStep(evs, i)
	}
	return p.run(evs, 0)
}

// Restart starts the routine over with the get-ready count, unpaused. Steps
// already done and active time stay counted in the outcome, which is no
// longer complete until the end is reached again.
func (p *Player) Restart(now time.Time) []Event {
	if !p.started || p.stopped {
		return nil
	}
	evs := p.Advance(now)
	if now.After(p.at) {
		p.at = now
	}
	p.paused, p.completed = false, false
	return p.begin(evs)
}

// Stop ends the routine early at now (if it has not ended) and returns the
// outcome. Later calls change nothing.
func (p *Player) Stop(now time.Time) Outcome {
	p.Advance(now)
	p.stopped = true
	return p.Outcome()
}

// Outcome reports what has been done so far.
func (p *Player) Outcome() Outcome {
	return Outcome{Completed: p.completed, Active: p.active, Steps: p.r.StepCount(), StepsDone: len(p.DoneSteps())}
}

// DoneSteps returns the indexes into Routine.Steps of the steps done so
// far, in order: a step is done when each of its sides ran out or was
// skipped past its halfway point.
func (p *Player) DoneSteps() []int {
	var out []int
	for i := range p.r.Steps {
		done, any := true, false
		for j, s := range p.segs {
			if s.Step == i {
				done, any = done && p.done[j], true
			}
		}
		if done && any {
			out = append(out, i)
		}
	}
	return out
}

// State returns a snapshot as of the last call that took now.
func (p *Player) State() State {
	st := State{Phase: p.phase, Resumes: p.phase, Total: len(p.segs), Steps: p.r.StepCount()}
	if p.paused {
		st.Phase = PhasePaused
	}
	if len(p.segs) == 0 {
		st.Progress = 1
		return st
	}
	st.Current = p.view(p.idx)
	st.Number = p.idx + 1
	st.StepNumber = p.segs[p.idx].Step + 1
	st.Rep, st.Reps = p.rep()
	if p.idx+1 < len(p.segs) {
		st.Next, st.HasNext = p.view(p.idx+1), true
	}
	st.Length = p.phaseLen()
	st.Left = st.Length - p.into
	var pos time.Duration
	switch p.phase {
	case PhaseGetReady:
		pos = p.starts[p.idx]
	case PhaseStep:
		pos = p.starts[p.idx] + p.into
	case PhaseRest:
		pos = p.starts[p.idx] - p.segs[p.idx-1].Rest + p.into
	case PhaseFinished:
		pos = p.total
	}
	if p.total > 0 {
		st.Progress = min(1, max(0, float64(pos)/float64(p.total)))
	}
	return st
}

// NextChange returns the moment of the next event or phase change, so a
// caller can sleep until then; ok is false when nothing is scheduled
// (not started, paused, stopped or finished).
func (p *Player) NextChange() (at time.Time, ok bool) {
	if !p.running() || p.paused {
		return time.Time{}, false
	}
	next := p.phaseLen()
	for i, thr := range p.thresholds() {
		if !p.sent[i] && thr >= 0 && thr > p.into && thr < next {
			next = thr
		}
	}
	return p.at.Add(next - p.into), true
}

// rep returns the repetition under way and the number of repetitions, or
// zeros outside a step of repetitions.
func (p *Player) rep() (rep, reps int) {
	t := p.r.Steps[p.segs[p.idx].Step].Timing
	if p.phase != PhaseStep || !t.IsReps() || t.Pace <= 0 {
		return 0, 0
	}
	return min(t.Reps, int(p.into/t.Pace)+1), t.Reps
}

func (p *Player) running() bool { return p.started && !p.stopped && p.phase != PhaseFinished }

func (p *Player) view(i int) SegmentView {
	s := p.segs[i]
	second := i > 0 && p.segs[i-1].Step == s.Step
	return SegmentView{Index: i, Step: p.r.Steps[s.Step], Side: s.Side, Duration: s.Duration, SecondSide: second}
}

func (p *Player) phaseLen() time.Duration {
	switch p.phase {
	case PhaseGetReady:
		return p.getReady
	case PhaseStep:
		return p.segs[p.idx].Duration
	case PhaseRest:
		return p.segs[p.idx-1].Rest
	}
	return 0
}

// thresholds returns when Halfway and LastThree fire in this phase, or -1
// for none.
func (p *Player) thresholds() [2]time.Duration {
	n := p.phaseLen()
	switch p.phase {
	case PhaseStep:
		return [2]time.Duration{n / 2, max(0, n-lastThree)}
	case PhaseGetReady:
		return [2]time.Duration{-1, max(0, n-lastThree)}
	}
	return [2]time.Duration{-1, -1}
}

func (p *Player) enter(ph Phase) {
	p.phase, p.into, p.sent = ph, 0, [2]bool{}
}

func (p *Player) startStep(evs []Event, i int) []Event {
	p.idx = i
	p.enter(PhaseStep)
	return append(evs, Event{Kind: StepStarted, At: p.at, Phase: PhaseStep, Segment: i})
}

func (p *Player) finish(evs []Event) []Event {
	p.phase, p.into, p.completed = PhaseFinished, 0, true
	p.idx = max(0, len(p.segs)-1)
	return append(evs, Event{Kind: Finished, At: p.at, Phase: PhaseFinished, Segment: p.idx})
}

// run moves the timeline forward by delta, emitting every threshold and
// phase change on the way. With delta 0 it only emits thresholds due at the
// current point (a step shorter than three seconds sends LastThree at once).
func (p *Player) run(evs []Event, delta time.Duration) []Event {
	for p.phase != PhaseFinished {
		length := p.phaseLen()
		d := min(delta, length-p.into)
		evs = p.cross(evs, p.into+d)
		p.at = p.at.Add(d)
		p.into += d
		delta -= d
		if p.phase != PhaseGetReady {
			p.active += d
		}
		if p.into < length {
			return evs
		}
		evs = p.endPhase(evs)
	}
	p.at = p.at.Add(delta) // time after the end passes without effect
	return evs
}

// cross emits the thresholds of this phase reached by position upto, in
// timeline order (Halfway first on a tie).
func (p *Player) cross(evs []Event, upto time.Duration) []Event {
	thr := p.thresholds()
	order := [2]int{0, 1}
	if thr[1] < thr[0] {
		order = [2]int{1, 0}
	}
	for _, i := range order {
		if thr[i] < 0 || p.sent[i] || thr[i] > upto {
			continue
		}
		p.sent[i] = true
		kind := Halfway
		if i == 1 {
			kind = LastThree
		}
		at := p.at.Add(max(0, thr[i]-p.into))
		evs = append(evs, Event{Kind: kind, At: at, Phase: p.phase, Segment: p.idx})
	}
	return evs
}

// endPhase moves on when the current phase's time is up.
func (p *Player) endPhase(evs []Event) []Event {
	switch p.phase {
	case PhaseGetReady, PhaseRest:
		return p.startStep(evs, p.idx)
	case PhaseStep:
		p.done[p.idx] = true
		if p.idx == len(p.segs)-1 {
			return p.finish(evs)
		}
		rest := p.segs[p.idx].Rest
		p.idx++
		if rest <= 0 {
			return p.startStep(evs, p.idx)
		}
		p.enter(PhaseRest)
		return append(evs, Event{Kind: RestStarted, At: p.at, Phase: PhaseRest, Segment: p.idx})
	}
	return evs
}
