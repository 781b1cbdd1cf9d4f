package routines

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/limber-app/limber/internal/clip"
	"github.com/limber-app/limber/internal/durtext"
	"github.com/limber-app/limber/internal/tomlpos"
)

// FileError is one problem in a user routine file. Line is 1-based, or 0
// when the problem is the file as a whole (it cannot be read). Field is the
// key path ("step[2].hold", with steps counted from 1), or "" for a syntax
// error.
type FileError struct {
	File  string
	Line  int
	Field string
	Msg   string
}

func (e *FileError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Field == "" {
		return loc + ": " + e.Msg
	}
	return loc + ": " + clip.String(e.Field) + ": " + e.Msg
}

// The keys a routine file accepts, in the order the messages list them.
func topKeys() []string { return []string{"id", "name", "description", "rest", "step"} }

func stepKeys() []string {
	return []string{"stretch", "name", "cues", "hold", "reps", "pace", "sides", "rest", "image", "position", "areas", "caution"}
}

// customOnlyKeys may not be combined with stretch = "ID".
func customOnlyKeys() []string {
	return []string{"name", "cues", "image", "position", "areas", "caution"}
}

// Parse reads a routine from the TOML text data of the file named file.
// Image paths are resolved relative to the file's folder, which must exist
// for steps with images. The error joins one *FileError per problem.
func Parse(file string, data []byte) (Routine, error) {
	r, _, errs := parse(file, data)
	if len(errs) > 0 {
		return Routine{}, joinFileErrors(errs)
	}
	return r, nil
}

func joinFileErrors(errs []*FileError) error {
	out := make([]error, len(errs))
	for i, e := range errs {
		out[i] = e
	}
	return errors.Join(out...)
}

// fileParser collects the errors of one file while turning its decoded TOML
// into a Routine.
type fileParser struct {
	file  string
	dir   string
	lines tomlpos.Lines
	errs  []*FileError
}

func (p *fileParser) fail(field, format string, args ...any) {
	p.errs = append(p.errs, &FileError{File: p.file, Line: max(p.lines.Line(field), 1), Field: field, Msg: fmt.Sprintf(format, args...)})
}

// parse does the work of Parse and also returns the line of the id key, for
// the loader's duplicate check. The errors are sorted by line.
func parse(file string, data []byte) (Routine, int, []*FileError) {
	r, idLine, errs := parseFormat(file, data)
	if len(errs) > 0 {
		return Routine{}, 0, errs
	}
	// Belt and braces: whatever the file format lets through must also be a
	// valid routine by the model's rules. FuzzParse checks this never fires.
	if err := r.Validate(); err != nil {
		return Routine{}, 0, []*FileError{{File: file, Line: 1, Msg: err.Error()}}
	}
	return r, idLine, nil
}

// parseFormat applies the file format's rules only.
func parseFormat(file string, data []byte) (Routine, int, []*FileError) {
	p := &fileParser{file: file, dir: filepath.Dir(file)}
	src := string(data)
	if derr := tomlpos.CheckDepth(src, tomlpos.MaxDepth); derr != nil {
		return Routine{}, 0, []*FileError{{File: file, Line: derr.Line, Msg: "TOML nested too deeply: " + derr.Msg}}
	}
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line := pe.Position.Line
			if n := tomlpos.LineAt(src, pe.Position.Start); n > 0 {
				line = n
			}
			line = max(line, 1)
			return Routine{}, 0, []*FileError{{File: file, Line: line, Msg: "invalid TOML: " + pe.Message + tomlpos.SyntaxHint(src, line)}}
		}
		return Routine{}, 0, []*FileError{{File: file, Line: 1, Msg: "invalid TOML: " + err.Error()}}
	}
	p.lines = tomlpos.Index(string(data))

	p.unknownKeys("", raw, topKeys())
	r := Routine{Source: file}
	r.ID = p.str("id", raw, true)
	if r.ID != "" && !validID(r.ID) {
		p.fail("id", "%q is not a valid id (use lower-case letters, digits and single hyphens, e.g. \"my-office-reset\", at most %d characters)", clip.String(r.ID), maxIDLen)
	}
	r.Name = p.text("name", raw, maxNameLen, true)
	r.Description = p.text("description", raw, maxDescLen, false)
	rest, ok := p.duration("rest", raw, 0, MaxRest)
	if !ok {
		rest = DefaultRest
	}

	steps := p.stepTables(raw)
	switch {
	case len(steps) == 0 && p.ok("step"):
		p.fail("step", "the routine has no steps (add at least one [[step]] with stretch = \"ID\" or a name and hold)")
	case len(steps) > MaxSteps:
		p.fail(fmt.Sprintf("step[%d]", MaxSteps+1), "%d steps; the limit is %d (split it into several routines)", len(steps), MaxSteps)
		steps = nil
	}
	for i, t := range steps {
		r.Steps = append(r.Steps, p.step(fmt.Sprintf("step[%d]", i+1), t, rest))
	}

	if len(p.errs) > 0 {
		slices.SortStableFunc(p.errs, func(a, b *FileError) int { return cmp.Compare(a.Line, b.Line) })
		return Routine{}, 0, p.errs
	}
	return r, max(p.lines.Line("id"), 1), nil
}

// ok reports whether no error has been recorded for field yet.
func (p *fileParser) ok(field string) bool {
	return !slices.ContainsFunc(p.errs, func(e *FileError) bool { return e.Field == field })
}

// stepTables returns the [[step]] tables, reporting a "step" key of the
// wrong shape.
func (p *fileParser) stepTables(raw map[string]any) []map[string]any {
	v, ok := raw["step"]
	if !ok {
		return nil
	}
	switch v := v.(type) {
	case []map[string]any:
		return v
	case []any:
		out := make([]map[string]any, 0, len(v))
		for _, e := range v {
			t, ok := e.(map[string]any)
			if !ok {
				p.fail("step", "must be a list of tables (write each step as a [[step]] section)")
				return nil
			}
			out = append(out, t)
		}
		return out
	}
	p.fail("step", "must be a list of tables (write each step as a [[step]] section)")
	return nil
}

// step converts one [[step]] table: a library step or a custom one, then
// its timing, sides and rest.
func (p *fileParser) step(path string, t map[string]any, defaultRest time.Duration) Step {
	p.unknownKeys(path, t, stepKeys())
	_, hasStretch := t["stretch"]
	custom := !hasStretch
	var s Step
	var perSide bool
	if custom {
		s = p.customStep(path, t)
	} else {
		s, perSide = p.libraryStep(path, t)
	}
	p.timing(path, t, &s, custom)
	p.sides(path, t, &s, custom, perSide)
	s.Rest = defaultRest
	if d, ok := p.duration(path+".rest", t, 0, MaxRest); ok {
		s.Rest = d
	}
	return s
}

// libraryStep reads a step with stretch = "ID": the library's stretch with
// its defaults, and whether it is done per side. Keys only custom steps set
// are refused.
func (p *fileParser) libraryStep(path string, t map[string]any) (Step, bool) {
	field := path + ".stretch"
	id := p.str(field, t, false)
	if id == "" {
		if p.ok(field) {
			p.fail(field, "is empty (use a stretch ID such as \"neck-turn\", or leave stretch out for a custom step)")
		}
		return Step{}, false
	}
	var s Step
	perSide := false
	if st, ok := LookupStretch(id); !ok {
		p.fail(field, "%s", unknownStretchMsg(id))
	} else {
		s = StepOf(st, 0)
		perSide = st.PerSide
	}
	for _, k := range customOnlyKeys() {
		if _, set := t[k]; set {
			p.fail(path+"."+k, "only custom steps set %s; a step with stretch = %q uses the library's (remove stretch to define your own step)", k, clip.String(id))
		}
	}
	return s, perSide
}

// customStep reads a step without stretch: the user's own name, cues,
// caution, position, areas and image.
func (p *fileParser) customStep(path string, t map[string]any) Step {
	field := func(k string) string { return path + "." + k }
	var s Step
	s.Name = p.text(field("name"), t, maxNameLen, true)
	s.Cues = p.cues(field("cues"), t)
	s.Caution = p.text(field("caution"), t, maxCueLen, false)
	s.Position = p.position(field("position"), t)
	s.Areas = p.areas(field("areas"), t)
	if v, set := t["image"]; set {
		if rel, ok := v.(string); !ok {
			p.fail(field("image"), "must be a quoted file name (e.g. \"window.png\")")
		} else if img, msg := checkImage(p.dir, rel); msg != "" {
			p.fail(field("image"), "%s", msg)
		} else {
			s.Image = img
		}
	}
	s.Sides = SidesNone
	return s
}

// timing sets a hold, or reps at a pace; library steps default to the
// stretch's.
func (p *fileParser) timing(path string, t map[string]any, s *Step, custom bool) {
	field := func(k string) string { return path + "." + k }
	_, hasHold := t["hold"]
	_, hasReps := t["reps"]
	_, hasPace := t["pace"]
	switch {
	case hasHold && hasReps:
		p.fail(field("reps"), "use either hold or reps, not both")
	case hasHold:
		if d, ok := p.duration(field("hold"), t, MinHold, MaxHold); ok {
			s.Timing = Hold(d)
		}
		if hasPace {
			p.fail(field("pace"), "pace goes with reps, not hold (remove it or use reps)")
		}
	case hasReps:
		n, ok := p.integer(field("reps"), t, 1, MaxReps)
		pace := cmp.Or(s.Timing.Pace, DefaultPace)
		if d, set := p.duration(field("pace"), t, MinPace, MaxPace); set {
			pace = d
		}
		if ok {
			s.Timing = Reps(n, pace)
		}
	case hasPace:
		p.paceOnly(field("pace"), t, s, custom)
	case custom:
		p.fail(path, "a custom step needs a time: hold = \"30s\" or reps = 8 (with pace = \"3s\" per rep)")
	}
}

// paceOnly handles a pace without reps: it changes a library step's pace,
// and is refused for a custom step or a held stretch.
func (p *fileParser) paceOnly(field string, t map[string]any, s *Step, custom bool) {
	d, ok := p.duration(field, t, MinPace, MaxPace)
	if !ok {
		return
	}
	switch {
	case custom:
		p.fail(field, "pace goes with reps (add e.g. reps = 8)")
	case s.StretchID != "" && !s.Timing.IsReps():
		p.fail(field, "%q is held, not repeated (set hold instead, or reps with pace)", s.StretchID)
	}
	s.Timing.Pace = d
}

// sides reads sides = "both" | "left" | "right" | "none"; only custom and
// per-side library steps may be done per side.
func (p *fileParser) sides(path string, t map[string]any, s *Step, custom, perSide bool) {
	v, set := t["sides"]
	if !set {
		return
	}
	str, _ := v.(string)
	switch sd := Sides(str); sd {
	case SidesNone:
		s.Sides = sd
	case SidesBoth, SidesLeft, SidesRight:
		if !custom && !perSide && s.Name != "" {
			p.fail(path+".sides", "%q is not done per side (use sides = \"none\" or leave sides out)", s.StretchID)
		}
		s.Sides = sd
	default:
		p.fail(path+".sides", "%s is not a side (use \"both\", \"left\", \"right\" or \"none\")", quoteValue(v))
	}
}

func unknownStretchMsg(id string) string {
	ids := make([]string, 0, 40)
	for _, st := range Library() {
		ids = append(ids, st.ID)
	}
	if best, ok := closest(id, ids); ok {
		return fmt.Sprintf("unknown stretch %q (did you mean %q?)", clip.String(id), best)
	}
	return fmt.Sprintf("unknown stretch %q (known stretches: %s)", clip.String(id), strings.Join(ids, ", "))
}

// unknownKeys reports keys of t not in allowed, suggesting the nearest one.
func (p *fileParser) unknownKeys(path string, t map[string]any, allowed []string) {
	keys := make([]string, 0, len(t))
	for k := range t {
		if !slices.Contains(allowed, k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		field := k
		if path != "" {
			field = path + "." + k
		}
		hint := ""
		if best, ok := closest(k, allowed); ok {
			hint = fmt.Sprintf("did you mean %q? ", best)
		}
		p.fail(field, "unknown key (%saccepted: %s)", hint, strings.Join(allowed, ", "))
	}
}

// str returns the string value of key in t (field is its path for errors).
func (p *fileParser) str(field string, t map[string]any, required bool) string {
	key := lastKey(field)
	v, set := t[key]
	if !set {
		if required {
			p.fail(field, "missing (add %s = \"…\")", key)
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		p.fail(field, "must be a quoted string, not %s", quoteValue(v))
		return ""
	}
	if required && strings.TrimSpace(s) == "" {
		p.fail(field, "is empty")
	}
	return s
}

// text is str plus the length and control-character rules for display text.
func (p *fileParser) text(field string, t map[string]any, maxLen int, required bool) string {
	n := len(p.errs)
	s := p.str(field, t, required)
	if len(p.errs) > n || s == "" {
		return s
	}
	if msg := checkText(s, maxLen, required); msg != "" {
		p.fail(field, "%s", msg)
	}
	return s
}

// duration reads an optional duration string in [lo, hi]; ok is false when
// the key is absent or wrong.
func (p *fileParser) duration(field string, t map[string]any, lo, hi time.Duration) (time.Duration, bool) {
	v, set := t[lastKey(field)]
	if !set {
		return 0, false
	}
	s, isStr := v.(string)
	if !isStr {
		p.fail(field, "%s is not a duration (write it in quotes, e.g. \"30s\" or \"1m30s\")", quoteValue(v))
		return 0, false
	}
	d, err := durtext.Parse(strings.TrimSpace(s))
	if err != nil && !errors.Is(err, durtext.ErrOutOfRange) {
		p.fail(field, "%q is not a duration (use e.g. 30s or 1m30s)", clip.String(s))
		return 0, false
	}
	if err != nil || d < lo || d > hi {
		p.fail(field, "%q is out of range (use %s to %s)", clip.String(s), durtext.Format(lo), durtext.Format(hi))
		return 0, false
	}
	return d, true
}

// integer reads a whole number in [lo, hi].
func (p *fileParser) integer(field string, t map[string]any, lo, hi int) (int, bool) {
	v := t[lastKey(field)]
	n, isInt := v.(int64)
	if !isInt || n < int64(lo) || n > int64(hi) {
		p.fail(field, "%s is not allowed (use a whole number from %d to %d)", quoteValue(v), lo, hi)
		return 0, false
	}
	return int(n), true
}

func (p *fileParser) cues(field string, t map[string]any) []string {
	v, set := t["cues"]
	if !set {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		p.fail(field, "must be a list of strings (e.g. cues = [\"Sit tall.\", \"Breathe out slowly.\"])")
		return nil
	}
	if len(list) > MaxCues {
		p.fail(field, "%d cues; the limit is %d (keep them short)", len(list), MaxCues)
		return nil
	}
	var cues []string
	for i, c := range list {
		s, ok := c.(string)
		if !ok {
			p.fail(field, "cue %d must be a quoted string, not %s", i+1, quoteValue(c))
			continue
		}
		if msg := checkText(s, maxCueLen, true); msg != "" {
			p.fail(field, "cue %d %s", i+1, msg)
			continue
		}
		cues = append(cues, s)
	}
	return cues
}

func (p *fileParser) position(field string, t map[string]any) Position {
	v, set := t["position"]
	if !set {
		return ""
	}
	s, _ := v.(string)
	if !slices.Contains(Positions(), Position(s)) {
		p.fail(field, "%s is not a position (use \"standing\", \"seated\", \"floor\" or \"bed\")", quoteValue(v))
		return ""
	}
	return Position(s)
}

func (p *fileParser) areas(field string, t map[string]any) []Area {
	v, set := t["areas"]
	if !set {
		return nil
	}
	names := make([]string, 0, 9)
	for _, a := range Areas() {
		names = append(names, string(a))
	}
	list, ok := v.([]any)
	if !ok {
		p.fail(field, "must be a list (e.g. areas = [\"neck\", \"shoulders\"]; accepted: %s)", strings.Join(names, ", "))
		return nil
	}
	var out []Area
	for _, e := range list {
		s, _ := e.(string)
		if !slices.Contains(names, s) {
			p.fail(field, "%s is not a body area (accepted: %s)", quoteValue(e), strings.Join(names, ", "))
			continue
		}
		out = append(out, Area(s))
	}
	return out
}

func lastKey(field string) string {
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		return field[i+1:]
	}
	return field
}

// quoteValue shows a decoded TOML value the way the user wrote it, roughly.
func quoteValue(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", clip.String(v))
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return fmt.Sprint(v)
		}
		return fmt.Sprintf("%g", v)
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "a list"
	case time.Time:
		return "a date"
	default:
		return fmt.Sprint(v)
	}
}
