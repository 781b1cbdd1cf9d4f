// Package routines holds Limber's stretching content and the machinery to
// play it: the stretch library, the built-in routines, user routine files
// and their validation, and a timed player.
//
// It is plain Go with no UI and no clock of its own, so the tray daemon, the
// Fyne windows and the command line share it, and tests drive it with fake
// time. The files are:
//
//   - library.go: the built-in stretches (IDs are a contract with the
//     illustrations in assets/) and SafetyNote.
//   - builtin.go: the built-in routines.
//   - model.go: Stretch, Step, Routine, Timing and the expansion of per-side
//     steps into timed segments.
//   - format.go, image.go: the routine file format (its error lines come
//     from internal/tomlpos) and the checks on custom images.
//   - load.go: Load (built-ins plus a folder of user files) and CheckFile.
//   - validate.go: the limits and the structural rules every routine obeys.
//   - player.go: Player, a state machine over caller-supplied time.
//
// # Routine files
//
// Users add routines as TOML files in $XDG_CONFIG_HOME/limber/routines/
// (the app passes the folder to Load). One file holds one routine:
//
//	id = "my-office-reset"          # required: lower-case letters, digits, hyphens
//	name = "My office reset"        # required
//	description = "Two minutes between meetings"
//	rest = "5s"                     # rest after each step; default 5s
//
//	[[step]]                        # a library stretch with its defaults
//	stretch = "shoulder-rolls"
//	reps = 8                        # override: repetitions (pace stays the stretch's)
//
//	[[step]]
//	stretch = "standing-quad"
//	hold = "20s"                    # override: hold time, per side
//	sides = "both"                  # both | left | right | none
//	rest = "3s"                     # this step's rest
//
//	[[step]]                        # a custom step
//	name = "Look out of the window"
//	cues = ["Find the farthest point you can see.", "Blink slowly."]
//	hold = "30s"
//	image = "window.png"            # PNG or SVG, relative to this file's folder
//	position = "standing"           # optional: standing | seated | floor | bed
//	areas = ["neck"]                # optional: body areas, for the picker
//
// A step either names a library stretch (stretch = "ID"), optionally with
// hold, reps, pace, sides and rest, or defines its own name, cues (up to 5),
// time (hold, or reps with pace, default 3s a rep), and optional image,
// position, areas, caution and sides. Durations are quoted Go durations
// ("30s", "1m30s"). Limits: holds 1s–10m, 1–100 reps, pace 1s–1m, rests up
// to 5m, at most 200 steps, images up to 5 MB and 4096 px a side and inside
// the routine's folder, symlinks included.
//
// Every problem is a *FileError naming file, line and key path, steps
// counted from 1, and saying what is accepted, e.g.
//
//	routines/neck.toml:12: step[2].hold: "banana" is not a duration (use e.g. 30s or 1m30s)
//
// Unknown keys are errors (with the nearest accepted key suggested), so a
// typo never silently changes a routine. A broken file is skipped and
// reported while the others load. A user routine with a built-in's ID
// replaces that built-in and is marked Replaces; a second user file with the
// same ID as an earlier one (in file-name order) is an error.
//
// # Playing
//
// NewPlayer expands per-side steps into a left and a right segment and runs
// a short get-ready count, then each segment, with rests between segments
// but not after the last. Every method that changes state takes now and
// returns the events (StepStarted, Halfway, LastThree, RestStarted,
// Finished) that happened up to now, in order and with their exact timeline
// times, however far now has jumped. Outcome reports what the daemon
// records as a break.
package routines
