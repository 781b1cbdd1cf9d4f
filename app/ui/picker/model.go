package picker

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/limber-app/limber/app/i18n"
	"github.com/limber-app/limber/routines"
)

// entry is one line of the routine list: a routine that can be started, or a
// user routine file that failed to load. Broken files are listed (with their
// problems) rather than dropped, so a typo in a file is noticed instead of
// making a routine silently disappear.
type entry struct {
	routine  routines.Routine
	file     string                // the broken file; "" for a routine
	problems []*routines.FileError // what is wrong with file
}

func (e entry) broken() bool { return e.file != "" }

// entriesOf lists the catalog's routines in catalog order, then one entry per
// broken file in the order the loader reported them. Nil errors are ignored.
func entriesOf(c routines.Catalog) []entry {
	out := make([]entry, 0, len(c.Routines)+len(c.Errors))
	for _, r := range c.Routines {
		out = append(out, entry{routine: r})
	}
	at := make(map[string]int) // file → index in out
	for _, fe := range c.Errors {
		if fe == nil {
			continue
		}
		file := fe.File
		if file == "" {
			file = "(unnamed file)"
		}
		i, ok := at[file]
		if !ok {
			i = len(out)
			at[file] = i
			out = append(out, entry{file: file})
		}
		out[i].problems = append(out[i].problems, fe)
	}
	return out
}

// filter narrows the list to routines that use a position and cover a body
// area; the zero value of each field means "any".
type filter struct {
	position routines.Position
	area     routines.Area
}

func (f filter) active() bool { return f.position != "" || f.area != "" }

// match reports whether e belongs in the filtered list. A broken file has no
// known positions or areas, so it shows only while no filter is set.
func (f filter) match(e entry) bool {
	if e.broken() {
		return !f.active()
	}
	if f.position != "" && !slices.Contains(e.routine.Positions(), f.position) {
		return false
	}
	if f.area != "" && !slices.Contains(e.routine.Areas(), f.area) {
		return false
	}
	return true
}

// displayName is a routine's name, or its ID when it has none.
func displayName(r routines.Routine) string {
	if name := i18n.RoutineName(r); name != "" {
		return name
	}
	return r.ID
}

// positionLabel names a position the way a desk worker says it
// ("Standing", "At the desk"). inList asks for the form used after the
// first item of a list: lower case in English, unchanged for German nouns.
func positionLabel(p routines.Position, inList bool) string {
	return label("picker.position."+string(p), string(p), inList)
}

// areaLabel names a body area ("Upper back"); inList as for positionLabel.
func areaLabel(a routines.Area, inList bool) string {
	return label("picker.area."+string(a), strings.ReplaceAll(string(a), "-", " "), inList)
}

// label translates key; a value without a key (one a newer routine file
// may bring) is shown as its words, capitalised at the start of a list.
func label(key, words string, inList bool) string {
	if inList {
		return i18n.Or(key+".inline", words)
	}
	return i18n.Or(key, capitalise(words))
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// summary is the one-line description of a routine in the list and the
// preview: "2 min · Standing, at the desk · Neck, shoulders".
// rowAreas is how many body areas a routine's row names when it has more
// than one more than that: "Neck +3", but "Shoulders, legs".
const rowAreas = 1

func summary(r routines.Routine) string {
	parts := []string{i18n.Minutes(r.Duration())}
	if ps := r.Positions(); len(ps) > 0 {
		names := make([]string, len(ps))
		for i, p := range ps {
			names[i] = positionLabel(p, i > 0)
		}
		parts = append(parts, strings.Join(names, ", "))
	}
	if as := r.Areas(); len(as) > 0 {
		// A row has one line: name the first areas and count the rest (the
		// preview lists them all).
		shown := as
		if len(as) > rowAreas+1 {
			shown = as[:rowAreas]
		}
		names := make([]string, len(shown))
		for i, a := range shown {
			names[i] = areaLabel(a, i > 0)
		}
		area := strings.Join(names, ", ")
		if more := len(as) - len(shown); more > 0 {
			area += " +" + strconv.Itoa(more)
		}
		parts = append(parts, area)
	}
	return strings.Join(parts, " · ")
}

// origin says where a user routine comes from; "" for a built-in.
func origin(r routines.Routine) string {
	if r.IsBuiltin() {
		return ""
	}
	name := filepath.Base(r.Source)
	if r.Replaces {
		return i18n.F("picker.origin-replaces", i18n.Args{"File": name})
	}
	return i18n.F("picker.origin", i18n.Args{"File": name})
}

// stepTiming says how long a step runs: "Hold 20 s", "6 reps · 18 s", with
// "×2 (each side)" for per-side steps.
func stepTiming(s routines.Step) string {
	var t string
	if s.Timing.IsReps() {
		t = i18n.N("picker.reps", s.Timing.Reps, i18n.Args{"Length": i18n.Short(s.Timing.Duration())})
	} else {
		t = i18n.F("picker.hold", i18n.Args{"Length": i18n.Short(s.Timing.Duration())})
	}
	switch s.Sides {
	case routines.SidesBoth:
		t += " · " + i18n.T("picker.each-side")
	case routines.SidesLeft:
		t += " · " + i18n.T("picker.left-side")
	case routines.SidesRight:
		t += " · " + i18n.T("picker.right-side")
	}
	return t
}

// problemLine is one problem of a broken file without the file name, which
// the preview already shows: "line 4 · step[2].hold: must be …".
func problemLine(fe *routines.FileError) string {
	var b strings.Builder
	if fe.Line > 0 {
		b.WriteString(i18n.F("picker.line", i18n.Args{"Line": fe.Line}) + ": ")
	}
	if fe.Field != "" {
		b.WriteString(fe.Field + ": ")
	}
	b.WriteString(fe.Msg)
	return b.String()
}
