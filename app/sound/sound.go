// Package sound holds the routine window's audio cues: which cues there
// are, their sounds (synthesised here, no files), and a queue that plays
// them off the caller's goroutine on a Backend that is opened only when a
// cue is first played.
//
// Only the window process uses it. The tray daemon must never import it or
// its backend (a test checks the daemon's dependency list), so an idle
// daemon holds no connection to a sound server.
package sound

// Cue is a sound the routine window plays.
type Cue int

// The cues, each distinct by ear so they can be told apart with eyes
// closed.
const (
	Step   Cue = iota + 1 // a step began: a soft rising two-note chime
	Switch                // the second side of a step began: two quick equal notes
	Tick                  // one of the last three seconds of a step: a short soft tick
	Done                  // the routine is finished: a slow rising three-note chord
)

func (c Cue) String() string {
	switch c {
	case Step:
		return "step"
	case Switch:
		return "switch-sides"
	case Tick:
		return "tick"
	case Done:
		return "done"
	}
	return "unknown"
}

// Cues lists every cue.
func Cues() []Cue { return []Cue{Step, Switch, Tick, Done} }

// Sink takes cues to play. Play must not block: the routine window calls
// it on the UI goroutine.
type Sink interface {
	Play(Cue)
}
