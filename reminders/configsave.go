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
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/limber-app/limber/internal/atomicfile"
	"github.com/limber-app/limber/internal/safefile"
	"github.com/limber-app/limber/internal/tomlpos"
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
	data, err := safefile.ReadRegular(target, MaxConfigBytes)
	var broken *safefile.BrokenLinkError
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.As(err, &broken):
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
	_, oldErrs := parseConfig("", old, nil)
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
	got, errs := parseConfig("", text, nil)
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

// scalarKeys are the keys SaveConfig writes as key = value: all but the
// [schedule] table.
func scalarKeys() []ConfigKey {
	var out []ConfigKey
	for _, k := range ConfigKeys() {
		if k.Kind != KindTable {
			out = append(out, k)
		}
	}
	return out
}

// sameValue reports whether the literal text (as found in the file) means
// the value k has in cfg; "90m" means the same as "1h30m".
func (k ConfigKey) sameValue(text string, cfg Config) bool {
	a, okA := decodeLiteral(text)
	b, okB := decodeLiteral(k.literal(cfg))
	if !okA || !okB {
		return false
	}
	if k.Kind == KindDuration {
		sa, _ := a.(string)
		sb, _ := b.(string)
		da, errA := k.parseDuration(sa)
		db, errB := k.parseDuration(sb)
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

// literalIsRanges reports whether the literal text (a weekday's value as
// found in the file) is exactly the list of ranges want.
func literalIsRanges(text string, want []Range) bool {
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

// configLayout is where the statements SaveConfig edits are in a file.
type configLayout struct {
	stmts                          []tomlpos.Stmt
	lastTop, firstHeader, schedHdr int // statement indexes, -1 when absent
	topSched, schedKVs             []tomlpos.Stmt
}

// layoutOf finds the top-level keys, the first table header and the
// schedule's statements of old.
func layoutOf(old string) configLayout {
	l := configLayout{stmts: tomlpos.Scan(old), lastTop: -1, firstHeader: -1, schedHdr: -1}
	for i, s := range l.stmts {
		switch {
		case s.Kind == tomlpos.Header:
			if l.firstHeader < 0 {
				l.firstHeader = i
			}
			if s.Table == "schedule" && l.schedHdr < 0 {
				l.schedHdr = i
			}
		case s.Kind == tomlpos.KeyValue && s.Table == "":
			l.lastTop = i
			if s.Key == "schedule" || strings.HasPrefix(s.Key, "schedule.") {
				l.topSched = append(l.topSched, s)
			}
		case s.Kind == tomlpos.KeyValue && s.Table == "schedule":
			l.schedKVs = append(l.schedKVs, s)
		}
	}
	return l
}

// editConfig edits the known keys of old in place (see SaveConfig).
func editConfig(old string, cfg Config, oldErrs []ConfigError) string {
	l := layoutOf(old)
	var edits []textEdit
	present := map[string]bool{}
	for _, s := range l.stmts {
		if s.Kind != tomlpos.KeyValue || s.Table != "" {
			continue
		}
		if k, ok := scalarKey(s.Key); ok {
			present[s.Key] = true
			if !k.sameValue(old[s.ValStart:s.ValEnd], cfg) {
				edits = append(edits, textEdit{s.ValStart, s.ValEnd, k.literal(cfg)})
			}
		}
	}
	edits = append(edits, missingKeyEdits(old, cfg, l, present)...)
	// The schedule, unless the file already says exactly cfg's.
	if !scheduleMatches(old, cfg, oldErrs) {
		edits = append(edits, scheduleEdits(old, cfg, l.stmts, l.topSched, l.schedKVs, l.schedHdr)...)
	}
	return applyEdits(old, edits)
}

// missingKeyEdits adds the top-level keys missing from the file that are
// not at their default: after the last top-level key, or before the first
// table, or at the end.
func missingKeyEdits(old string, cfg Config, l configLayout, present map[string]bool) []textEdit {
	def := DefaultConfig()
	var add strings.Builder
	for _, k := range scalarKeys() {
		if !present[k.Name] && k.literal(cfg) != k.literal(def) {
			fmt.Fprintf(&add, "%s = %s\n", k.Name, k.literal(cfg))
		}
	}
	switch {
	case add.Len() == 0:
		return nil
	case l.lastTop >= 0:
		end := l.stmts[l.lastTop].End
		return []textEdit{{end, end, lineStart(old, end) + add.String()}}
	case l.firstHeader >= 0:
		// Before the comment block that introduces the first table.
		k := l.firstHeader
		for k > 0 && l.stmts[k-1].Kind == tomlpos.Comment {
			k--
		}
		at := l.stmts[k].Start
		return []textEdit{{at, at, add.String() + "\n"}}
	}
	return []textEdit{{len(old), len(old), lineStart(old, len(old)) + add.String()}}
}

func scheduleMatches(old string, cfg Config, oldErrs []ConfigError) bool {
	for _, e := range oldErrs {
		if e.Key == "schedule" || strings.HasPrefix(e.Key, "schedule.") {
			return false
		}
	}
	oldCfg, _ := parseConfig("", old, nil)
	return reflect.DeepEqual(oldCfg.Schedule, cfg.Schedule)
}

func scheduleEdits(old string, cfg Config, stmts, topSched, schedKVs []tomlpos.Stmt, schedHeader int) []textEdit {
	var edits []textEdit
	for _, s := range topSched { // schedule = {…} or schedule.monday = […]: rewritten as a table
		edits = append(edits, textEdit{s.Start, s.End, ""})
	}
	if len(topSched) > 0 {
		schedHeader = -1
	}
	done := map[time.Weekday]bool{}
	insertAt := -1
	if schedHeader >= 0 {
		insertAt = stmts[schedHeader].End
		for _, s := range schedKVs {
			insertAt = s.End
			wd, ok := weekdayKey(s.Key)
			if !ok {
				continue // an unknown key: left for the user
			}
			ranges, set := cfg.Schedule.Day(wd)
			switch {
			case !set || done[wd]:
				edits = append(edits, textEdit{s.Start, s.End, ""})
			case !literalIsRanges(old[s.ValStart:s.ValEnd], ranges):
				edits = append(edits, textEdit{s.ValStart, s.ValEnd, renderDay(ranges)})
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
	for _, k := range scalarKeys() {
		if k.literal(cfg) != k.literal(def) {
			fmt.Fprintf(&b, "%s = %s\n", k.Name, k.literal(cfg))
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
