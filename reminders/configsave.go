package reminders

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/limber-app/limber/internal/atomicfile"
)

// SaveConfig writes cfg to the TOML file at path so that LoadConfig(path)
// gives cfg back exactly.
//
// It edits the user's file rather than replacing it: comments, blank
// lines, key order and unknown keys survive. A known key already in the
// file keeps its line (and its spelling, e.g. "90m" for 1h30m) when its
// value is unchanged, and has only its value replaced otherwise; a key
// missing from the file is appended only when it differs from the default,
// so the file stays as short as the user left it. Weekdays of the
// [schedule] table are edited the same way (removed when they go back to
// "on all day"). The edited text is re-read and checked before anything is
// written; if the edit would not round-trip (an exotic layout such as an
// inline schedule table), the file is rewritten from scratch keeping
// unknown keys but not comments. A file that is not valid TOML at all is
// first copied to path+".bak".
//
// The write is atomic: a synced temporary file in the same folder is
// renamed over the target (through a symlink, to its target) and the
// folder synced. An existing file's permissions are kept; a new file is
// 0644 in a 0700 folder.
func SaveConfig(path string, cfg Config) error {
	if err := checkSavable(cfg); err != nil {
		return fmt.Errorf("save config: %w", err)
	}
	target := path
	if real, err := filepath.EvalSymlinks(path); err == nil {
		target = real
	}
	mode := fs.FileMode(0o644)
	data, err := os.ReadFile(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
			return fmt.Errorf("save config: %w", err)
		}
	case err != nil:
		return fmt.Errorf("save config: %w", err)
	default:
		if fi, err := os.Stat(target); err == nil {
			mode = fi.Mode().Perm()
		}
	}
	out, err := updateConfigText(string(data), cfg)
	if errors.Is(err, errNotTOML) {
		if err := atomicfile.Write(target+".bak", data, mode); err != nil {
			return fmt.Errorf("save config: back up unreadable file: %w", err)
		}
		out, err = canonicalConfig(cfg, nil)
	}
	if err != nil {
		return fmt.Errorf("save config %s: %w", path, err)
	}
	if err := atomicfile.Write(target, []byte(out), mode); err != nil {
		return fmt.Errorf("save config: %w", err)
	}
	return nil
}

// checkSavable refuses a configuration LoadConfig would not give back.
func checkSavable(cfg Config) error {
	if errs := cfg.Validate(); len(errs) > 0 {
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = e.Error()
		}
		return errors.New(strings.Join(msgs, "; "))
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		ranges, _ := cfg.Schedule.Day(d)
		for _, r := range ranges {
			if back, err := ParseRange(r.String()); err != nil || back != r {
				return fmt.Errorf("schedule.%s: invalid range %d-%d (minutes)", strings.ToLower(d.String()), r.Start, r.End)
			}
		}
	}
	return nil
}

var errNotTOML = errors.New("not valid TOML")

// updateConfigText returns old edited to hold cfg (see SaveConfig).
func updateConfigText(old string, cfg Config) (string, error) {
	if strings.TrimSpace(old) == "" {
		return canonicalConfig(cfg, nil)
	}
	var oldRaw map[string]any
	if _, err := toml.Decode(old, &oldRaw); err != nil {
		return "", errNotTOML
	}
	_, oldErrs := parseConfig("", old)
	edited := editConfig(old, cfg, oldErrs)
	if err := verifySaved(edited, cfg, oldRaw, oldErrs); err == nil {
		return edited, nil
	}
	out, err := canonicalConfig(cfg, unknownKeys(oldRaw))
	if err != nil {
		return "", err
	}
	if err := verifySaved(out, cfg, oldRaw, oldErrs); err != nil {
		return "", fmt.Errorf("rewritten file does not load back: %w", err)
	}
	return out, nil
}

// verifySaved checks that text loads as cfg, keeps the unknown keys of the
// old file and adds no error the old file did not have.
func verifySaved(text string, cfg Config, oldRaw map[string]any, oldErrs []ConfigError) error {
	var raw map[string]any
	if _, err := toml.Decode(text, &raw); err != nil {
		return err
	}
	got, errs := parseConfig("", text)
	if !reflect.DeepEqual(got, cfg) {
		return errors.New("values differ")
	}
	seen := map[string]bool{}
	for _, e := range oldErrs {
		seen[e.Key+"\x00"+e.Msg] = true
	}
	for _, e := range errs {
		if _, known := scalarKey(e.Key); known || e.Key == "" || !seen[e.Key+"\x00"+e.Msg] {
			return fmt.Errorf("new error: %v", e)
		}
	}
	if !reflect.DeepEqual(unknownKeys(raw), unknownKeys(oldRaw)) {
		return errors.New("unknown keys changed")
	}
	return nil
}

// unknownKeys returns the top-level entries that are not Limber keys.
func unknownKeys(raw map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range raw {
		if _, known := scalarKey(k); !known && k != "schedule" {
			out[k] = v
		}
	}
	return out
}

// configField is one top-level key: render writes its value as a TOML
// literal in canonical form.
type configField struct {
	key      string
	duration bool
	render   func(Config) string
}

func durField(key string, get func(Config) time.Duration) configField {
	return configField{key, true, func(c Config) string { return tomlString(FormatDuration(get(c))) }}
}

func configFields() []configField {
	itoa := func(n int) string { return strconv.Itoa(n) }
	return []configField{
		durField("sitting_limit", func(c Config) time.Duration { return c.SittingLimit }),
		durField("natural_break", func(c Config) time.Duration { return c.NaturalBreak }),
		durField("remind_again", func(c Config) time.Duration { return c.RemindAgain }),
		{"max_reminders", false, func(c Config) string { return itoa(c.MaxReminders) }},
		durField("snooze", func(c Config) time.Duration { return c.Snooze }),
		{"snooze_limit", false, func(c Config) string { return itoa(c.SnoozeLimit) }},
		{"dnd", false, func(c Config) string { return tomlString(string(c.DND)) }},
		{"suggest", false, func(c Config) string { return tomlString(c.Suggest) }},
		{"notification_buttons", false, func(c Config) string { return strconv.FormatBool(c.NotificationButtons) }},
		{"prompt_instead", false, func(c Config) string { return strconv.FormatBool(c.PromptInstead) }},
		{"idle_source", false, func(c Config) string { return tomlString(c.IdleSource) }},
	}
}

func scalarKey(key string) (configField, bool) {
	for _, f := range configFields() {
		if f.key == key {
			return f, true
		}
	}
	return configField{}, false
}

// same reports whether the literal text (as found in the file) means the
// value f has in cfg.
func (f configField) same(text string, cfg Config) bool {
	a, okA := decodeLiteral(text)
	b, okB := decodeLiteral(f.render(cfg))
	if !okA || !okB {
		return false
	}
	if f.duration {
		sa, _ := a.(string)
		sb, _ := b.(string)
		da, errA := time.ParseDuration(strings.TrimSpace(sa))
		db, errB := time.ParseDuration(sb)
		return errA == nil && errB == nil && da == db
	}
	return reflect.DeepEqual(a, b)
}

func decodeLiteral(text string) (any, bool) {
	var v struct{ V any }
	if _, err := toml.Decode("V = "+text, &v); err != nil {
		return nil, false
	}
	return v.V, true
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func renderDay(ranges []Range) string {
	parts := make([]string, len(ranges))
	for i, r := range ranges {
		parts[i] = tomlString(r.String())
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// sameDay reports whether the literal text is the list of ranges want.
func sameDay(text string, want []Range) bool {
	var v struct{ V []string }
	if _, err := toml.Decode("V = "+text, &v); err != nil || len(v.V) != len(want) {
		return false
	}
	for i, s := range v.V {
		r, err := ParseRange(s)
		if err != nil || r != want[i] {
			return false
		}
	}
	return true
}

type textEdit struct {
	start, end int // replaced byte range of the old text; start == end inserts
	text       string
}

// editConfig edits the known keys of old in place (see SaveConfig).
func editConfig(old string, cfg Config, oldErrs []ConfigError) string {
	stmts := scanTOML(old)
	def := DefaultConfig()
	var edits []textEdit
	present := map[string]bool{}
	lastTop, firstHeader, schedHeader := -1, -1, -1
	var topSched, schedKVs []tomlStmt
	for i, s := range stmts {
		switch {
		case s.kind == stmtHeader:
			if firstHeader < 0 {
				firstHeader = i
			}
			if s.table == "schedule" && schedHeader < 0 {
				schedHeader = i
			}
		case s.kind == stmtKV && s.table == "":
			lastTop = i
			if f, ok := scalarKey(s.key); ok {
				present[s.key] = true
				if !f.same(old[s.valStart:s.valEnd], cfg) {
					edits = append(edits, textEdit{s.valStart, s.valEnd, f.render(cfg)})
				}
			} else if s.key == "schedule" || strings.HasPrefix(s.key, "schedule.") {
				topSched = append(topSched, s)
			}
		case s.kind == stmtKV && s.table == "schedule":
			schedKVs = append(schedKVs, s)
		}
	}

	// Top-level keys missing from the file, when not at their default.
	var add strings.Builder
	for _, f := range configFields() {
		if !present[f.key] && f.render(cfg) != f.render(def) {
			fmt.Fprintf(&add, "%s = %s\n", f.key, f.render(cfg))
		}
	}
	if add.Len() > 0 {
		switch {
		case lastTop >= 0:
			edits = append(edits, textEdit{stmts[lastTop].end, stmts[lastTop].end, lineStart(old, stmts[lastTop].end) + add.String()})
		case firstHeader >= 0:
			// Before the comment block that introduces the first table.
			k := firstHeader
			for k > 0 && stmts[k-1].kind == stmtComment {
				k--
			}
			at := stmts[k].start
			edits = append(edits, textEdit{at, at, add.String() + "\n"})
		default:
			edits = append(edits, textEdit{len(old), len(old), lineStart(old, len(old)) + add.String()})
		}
	}

	// The schedule, unless the file already says exactly cfg's.
	if !scheduleMatches(old, cfg, oldErrs) {
		edits = append(edits, scheduleEdits(old, cfg, stmts, topSched, schedKVs, schedHeader)...)
	}
	return applyEdits(old, edits)
}

func scheduleMatches(old string, cfg Config, oldErrs []ConfigError) bool {
	for _, e := range oldErrs {
		if e.Key == "schedule" || strings.HasPrefix(e.Key, "schedule.") {
			return false
		}
	}
	oldCfg, _ := parseConfig("", old)
	return reflect.DeepEqual(oldCfg.Schedule, cfg.Schedule)
}

func scheduleEdits(old string, cfg Config, stmts, topSched, schedKVs []tomlStmt, schedHeader int) []textEdit {
	var edits []textEdit
	for _, s := range topSched { // schedule = {…} or schedule.monday = […]: rewritten as a table
		edits = append(edits, textEdit{s.start, s.end, ""})
	}
	if len(topSched) > 0 {
		schedHeader = -1
	}
	done := map[time.Weekday]bool{}
	insertAt := -1
	if schedHeader >= 0 {
		insertAt = stmts[schedHeader].end
		for _, s := range schedKVs {
			insertAt = s.end
			wd, ok := weekdayKey(s.key)
			if !ok {
				continue // an unknown key: left for the user
			}
			ranges, set := cfg.Schedule.Day(wd)
			switch {
			case !set || done[wd]:
				edits = append(edits, textEdit{s.start, s.end, ""})
			case !sameDay(old[s.valStart:s.valEnd], ranges):
				edits = append(edits, textEdit{s.valStart, s.valEnd, renderDay(ranges)})
			}
			done[wd] = true
		}
	}
	var add strings.Builder
	for _, wd := range Weekdays() {
		if ranges, set := cfg.Schedule.Day(wd); set && !done[wd] {
			fmt.Fprintf(&add, "%s = %s\n", strings.ToLower(wd.String()), renderDay(ranges))
		}
	}
	switch {
	case add.Len() == 0:
	case insertAt >= 0:
		edits = append(edits, textEdit{insertAt, insertAt, lineStart(old, insertAt) + add.String()})
	default:
		sep := lineStart(old, len(old))
		if strings.TrimSpace(old) != "" {
			sep += "\n"
		}
		edits = append(edits, textEdit{len(old), len(old), sep + "[schedule]\n" + add.String()})
	}
	return edits
}

// lineStart returns "\n" when offset at in s is not at the start of a line.
func lineStart(s string, at int) string {
	if at > 0 && s[at-1] != '\n' {
		return "\n"
	}
	return ""
}

func applyEdits(old string, edits []textEdit) string {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b strings.Builder
	cur := 0
	for _, e := range edits {
		if e.start >= cur {
			b.WriteString(old[cur:e.start])
		}
		b.WriteString(e.text)
		cur = max(cur, e.end)
	}
	b.WriteString(old[cur:])
	return b.String()
}

// canonicalConfig renders cfg from scratch: keys that differ from the
// defaults, then the unknown keys, then the schedule.
func canonicalConfig(cfg Config, unknown map[string]any) (string, error) {
	var b bytes.Buffer
	b.WriteString("# Limber settings. Keys left out use their defaults; see the README.\n")
	def := DefaultConfig()
	for _, f := range configFields() {
		if f.render(cfg) != f.render(def) {
			fmt.Fprintf(&b, "%s = %s\n", f.key, f.render(cfg))
		}
	}
	if len(unknown) > 0 {
		if err := toml.NewEncoder(&b).Encode(unknown); err != nil {
			return "", fmt.Errorf("encode unknown keys: %w", err)
		}
	}
	if !cfg.Schedule.AlwaysOn() {
		b.WriteString("\n[schedule]\n")
		for _, wd := range Weekdays() {
			if ranges, set := cfg.Schedule.Day(wd); set {
				fmt.Fprintf(&b, "%s = %s\n", strings.ToLower(wd.String()), renderDay(ranges))
			}
		}
	}
	return b.String(), nil
}

// The statements of a TOML document as the user laid it out, found by a
// small scanner that knows just enough TOML (strings, arrays, inline
// tables, comments, table headers) to tell where each statement and each
// value begins and ends. SaveConfig uses it to edit values in place.
type stmtKind int

const (
	stmtBlank   stmtKind = iota // an empty line
	stmtComment                 // a line holding only a comment
	stmtHeader                  // [table] or [[array]]
	stmtKV                      // key = value, possibly over several lines
)

type tomlStmt struct {
	kind             stmtKind
	table            string // the header's name, or the table a key-value is in ("" at top level)
	key              string // key-value: its dotted key, unquoted
	start, end       int    // byte range of the whole lines, end after the newline
	valStart, valEnd int    // key-value: byte range of the value, without a trailing comment
}

func scanTOML(src string) []tomlStmt {
	var out []tomlStmt
	table := ""
	for i := 0; i < len(src); {
		j := skipBlank(src, i)
		s := tomlStmt{start: i, table: table}
		switch {
		case j >= len(src) || src[j] == '\n' || src[j] == '\r':
			s.kind = stmtBlank
			s.end = endOfLine(src, j)
		case src[j] == '#':
			s.kind = stmtComment
			s.end = endOfLine(src, j)
		case src[j] == '[':
			k := j + 1
			array := k < len(src) && src[k] == '['
			if array {
				k++
			}
			name, after := readKey(src, k, ']')
			table = name
			if array {
				table = "[[" + name + "]]" // an array of tables: never ours
			}
			s.kind, s.table = stmtHeader, table
			s.end = endOfLine(src, after)
		default:
			key, eq := readKey(src, j, '=')
			s.kind, s.key = stmtKV, key
			if eq >= len(src) || src[eq] != '=' { // not a key-value: keep the line as it is
				s.kind = stmtComment
				s.end = endOfLine(src, eq)
				break
			}
			s.valStart = skipBlank(src, eq+1)
			s.valEnd = scanValue(src, s.valStart)
			s.end = endOfLine(src, s.valEnd)
		}
		out = append(out, s)
		i = s.end
	}
	return out
}

func skipBlank(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// endOfLine returns the offset after the newline ending the line holding i.
func endOfLine(s string, i int) int {
	if n := strings.IndexByte(s[min(i, len(s)):], '\n'); n >= 0 {
		return i + n + 1
	}
	return len(s)
}

// readKey reads a possibly dotted and quoted key up to stop, returning the
// key with its parts unquoted and joined by dots, and the offset of stop
// (or of the line end when stop is missing).
func readKey(s string, i int, stop byte) (string, int) {
	var parts []string
	var cur strings.Builder
	for i < len(s) && s[i] != stop && s[i] != '\n' {
		switch c := s[i]; c {
		case '"', '\'':
			j := i + 1
			for j < len(s) && s[j] != c && s[j] != '\n' {
				if c == '"' && s[j] == '\\' {
					j++
				}
				j++
			}
			if raw := s[i:min(j+1, len(s))]; c == '"' {
				if u, err := strconv.Unquote(raw); err == nil {
					cur.WriteString(u)
				} else {
					cur.WriteString(raw)
				}
			} else {
				cur.WriteString(strings.Trim(raw, "'"))
			}
			i = j + 1
		case '.':
			parts = append(parts, strings.TrimSpace(cur.String()))
			cur.Reset()
			i++
		default:
			cur.WriteByte(c)
			i++
		}
	}
	parts = append(parts, strings.TrimSpace(cur.String()))
	return strings.Join(parts, "."), min(i, len(s))
}

// scanValue returns the end of the value starting at i: the first line
// end or comment outside strings and brackets, less trailing blanks.
func scanValue(s string, i int) int {
	depth := 0
	start := i
	for i < len(s) {
		switch c := s[i]; {
		case strings.HasPrefix(s[i:], `"""`), strings.HasPrefix(s[i:], `'''`):
			q := s[i : i+3]
			j := i + 3
			for j < len(s) && !strings.HasPrefix(s[j:], q) {
				if q == `"""` && s[j] == '\\' {
					j++
				}
				j++
			}
			j += 3
			for k := 0; k < 2 && j < len(s) && s[j] == q[0]; k++ { // """a""""" ends with quotes
				j++
			}
			i = min(j, len(s))
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(s) && s[j] != c && s[j] != '\n' {
				if c == '"' && s[j] == '\\' {
					j++
				}
				j++
			}
			i = min(j+1, len(s))
		case c == '[' || c == '{':
			depth++
			i++
		case c == ']' || c == '}':
			depth--
			i++
		case (c == '#' || c == '\n') && depth <= 0:
			return trimEnd(s, start, i)
		case c == '#':
			i = endOfLine(s, i)
		default:
			i++
		}
	}
	return trimEnd(s, start, len(s))
}

func trimEnd(s string, start, i int) int {
	for i > start && (s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == '\r') {
		i--
	}
	return i
}
