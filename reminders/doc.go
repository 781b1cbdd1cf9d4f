// Package reminders is Limber's sitting-time engine: a pure state machine
// that turns idle readings and desktop events into reminders, plus the
// configuration file, the history file and the small state file it needs.
//
// The engine ([Engine]) does no I/O and starts no goroutines or timers.
// Every input carries the current [Instant] (wall time for the calendar,
// a monotonic reading for durations), and returns [Effects]: a reminder to
// show, history events to append and the state change. The daemon asks
// [Engine.NextWake] when anything could next change, sleeps until then
// (capped), reads the idle time and calls [Engine.Observe]. The idle,
// sleep/lock, do-not-disturb and notification sources live in
// sub-packages; the app wires them to the engine.
//
// # Model
//
// Sitting time accumulates while the user is at the computer. An idle gap
// shorter than natural_break still counts as sitting (reading, a call); a
// gap of natural_break or more is a natural break: sitting restarts at zero
// and the gap itself is not sitting. Screen lock, suspend and hibernate
// are away time and follow the same rule. When sitting reaches
// sitting_limit a due period opens and the engine reminds, then every
// remind_again, at most max_reminders times. Exactly one of these closes a
// due period, and it is recorded in the history: a natural break, a
// routine, a snooze (which postpones the next due period; snooze_limit
// snoozes per sitting period), a skip, a pause, or "cleared" when working
// hours end or a reloaded config raises the limit above the sitting time.
//
// Outside working hours nothing is counted or reminded. There is never a
// reminder in the first minute after a resume or unlock ([ResumeGrace]).
//
// # The moment
//
// A reminder that falls due is not always shown at once. A hold
// ([Engine.SetHold]: do-not-disturb with dnd = "hold", a meeting with
// meetings = "hold", a full-screen window) keeps it back; it is shown once
// when the last hold ends, if still due, and never later than max_hold
// after it was first held. With typing-aware delivery
// ([Engine.SetTypingAware]) a reminder that falls due while the user types
// waits for the first lull in input (lull), at most lull_wait. Neither
// moves the due time nor stops sitting time; the [Remind] says how late it
// is and why (LateBy, HeldBy, HoldLasted, HoldCapped).
//
// # Standing desk
//
// [Engine.Stand] and [Engine.Sit] report the posture. While standing,
// sitting time does not grow and standing time does, by the same rules
// (short gaps count, a natural break ends the stretch). Standing up ends
// the sitting stretch and answers a due break; with standing_limit set, a
// long standing stretch opens a due period of its own that reminds the
// user to sit (Remind.Posture), with the same repeats, holds, lull,
// snooze and skip. A natural break puts the user back to sitting unless
// posture_after_break = "keep". The history records "stood" and "sat".
//
// # States
//
//	                 idle ≥ natural_break, lock, sleep
//	   +---------+ ---------------------------------> +------+
//	   | sitting |                                    | away |
//	   +---------+ <--------------------------------- +------+
//	     |    ^       back (gap ≥ natural_break: break,
//	     |    |             else the gap counts as sitting)
//	sitting ≥ limit      ^
//	     |    | snooze,  | natural break
//	     v    | skip,    |
//	   +---------+ ------+
//	   |   due   |   reminds at once, then every remind_again (max_reminders)
//	   +---------+
//
//	   any state --Pause--> paused --Resume / pause end--> (re-evaluated)
//	   any state --RoutineStarted--> in_routine --RoutineFinished--> sitting
//	   working hours end --> outside_hours --hours start--> sitting
//
// The displayed state has a fixed precedence: in_routine, paused,
// outside_hours, away, due, sitting. Pauses, routines and leaving working
// hours all restart sitting time from zero.
//
// # Clocks
//
// Sitting time is summed from monotonic differences, so a wall-clock step
// (NTP, timezone, DST) is neither sitting nor a break, while working hours,
// pause ends and "today" follow the wall clock in the Location of the
// Instant (DST days are handled with time.Date). If an observation arrives
// natural_break or more after the previous one and far later than NextWake
// asked for, the machine was suspended without telling us: the gap is
// counted as away (see [Instant] for which monotonic clock to pass).
//
// # Files
//
// [LoadConfig] reads $XDG_CONFIG_HOME/limber/config.toml and reports each
// bad key with file, line and the accepted form, keeping the default for
// that key only. [History] appends one JSON event per line to
// $XDG_STATE_HOME/limber/history.jsonl; [ReadHistory] skips torn lines and
// [Summarize] gives per-day statistics, sitting and standing time summed
// from the events that end each stretch ([DayStats]). [SaveState] and [LoadState] keep a
// pause across daemon restarts, written atomically.
package reminders
