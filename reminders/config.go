package reminders

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/limber-app/limber/internal/clip"
	"github.com/limber-app/limber/internal/durtext"
	"github.com/limber-app/limber/internal/safefile"
	"github.com/limber-app/limber/internal/tomlpos"
)

// DNDMode says what happens to reminders while do-not-disturb is on.
type DNDMode string

const (
	// DNDHold keeps a due reminder and delivers it once when DND ends.
	DNDHold DNDMode = "hold"
	// DNDIgnore reminds regardless of DND.
	DNDIgnore DNDMode = "ignore"
)

// AfterBreak says which posture a natural break leaves the user in.
type AfterBreak string

const (
	// AfterBreakSitting: after a break the user most likely sits back down.
	AfterBreakSitting AfterBreak = "sitting"
	// AfterBreakKeep: the posture before the break is kept.
	AfterBreakKeep AfterBreak = "keep"
)

// SuggestRotate makes each reminder suggest the next routine in turn.
const SuggestRotate = "rotate"

// IdleSources lists the accepted idle_source values.
func IdleSources() []string {
	return []string{"auto", "x11", "mutter", "wayland", "screensaver", "windows", "macos", "none"}
}

// Config is the user's configuration. Every field is settable so the daemon
// can apply command-line overrides (--sitting-limit, --natural-break) and
// then call Validate. Each field is one key of config.toml; ConfigKeys has
// their defaults and rules.
type Config struct {
	// SittingLimit (sitting_limit): sitting time after which
	// a reminder is shown.
	SittingLimit time.Duration
	// NaturalBreak (natural_break): an idle or away gap at
	// least this long means you stood up; shorter gaps count as sitting.
	NaturalBreak time.Duration
	// RemindAgain (remind_again): interval between repeated
	// reminders while a break is due.
	RemindAgain time.Duration
	// MaxReminders (max_reminders): reminders per due break;
	// after that the break stays due quietly.
	MaxReminders int
	// Snooze (snooze): how long Snooze postpones a reminder.
	Snooze time.Duration
	// SnoozeLimit (snooze_limit): snoozes allowed before a real
	// break; further snoozes are refused.
	SnoozeLimit int
	// DND (dnd): "hold" delivers a held reminder once when
	// do-not-disturb ends; "ignore" reminds regardless.
	DND DNDMode
	// Meetings (meetings): "hold" holds reminders while the app reports
	// a call or meeting (HoldMeeting), like DND; "ignore" reminds anyway.
	Meetings DNDMode
	// MaxHold (max_hold): longest a due reminder is held; then it is
	// shown anyway, marked late.
	MaxHold time.Duration
	// Lull (lull): the pause in input a reminder waits for while the user
	// types (see Engine.SetTypingAware).
	Lull time.Duration
	// LullWait (lull_wait): longest a reminder waits for a lull.
	LullWait time.Duration
	// StandingLimit (standing_limit): standing time after which the user
	// is reminded to sit; zero ("off") never.
	StandingLimit time.Duration
	// PostureAfterBreak (posture_after_break): the posture a natural
	// break leaves the user in.
	PostureAfterBreak AfterBreak
	// Suggest (suggest): routine suggested by reminders,
	// "rotate" or a routine ID.
	Suggest string
	// NotificationButtons (notification_buttons): offer
	// "Start routine" and "Snooze" buttons on the notification.
	NotificationButtons bool
	// PromptInstead (prompt_instead): show a break window
	// instead of a notification.
	PromptInstead bool
	// Sounds (sounds): the routine window plays sound cues.
	Sounds bool
	// IdleSource (idle_source): how activity is detected:
	// auto, x11, mutter, wayland, screensaver, windows, macos or none.
	IdleSource string
	// Schedule ([schedule] table): working hours per weekday.
	Schedule Schedule
}

// The accepted range of every duration key. Seconds are allowed so a demo
// or an end-to-end test can run a whole reminder cycle in a few seconds
// (--sitting-limit 10s --natural-break 4s); a day is the longest that makes
// sense for a sitting reminder.
const (
	MinInterval = time.Second
	MaxInterval = 24 * time.Hour
)

// MaxConfigBytes bounds config.toml. A full config with comments is a few
// KiB; the bound keeps a runaway or hostile file from costing the daemon
// memory (the TOML parser uses many times a file's size).
const MaxConfigBytes = 256 << 10

// ConfigError is one problem in the configuration file. The engine keeps
// running with the default for Key.
type ConfigError struct {
	File string // path as given to LoadConfig ("" for flag overrides)
	Line int    // 1-based; 0 when unknown
	Key  string // e.g. "sitting_limit" or "schedule.monday"; "" for syntax errors
	Msg  string
}

// Error formats as "config.toml:3: sitting_limit: <msg>".
func (e ConfigError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(filepath.Base(e.File))
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	}
	if e.Key != "" {
		b.WriteString(clip.String(e.Key) + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Weekdays lists the days of the week in the order Limber shows and writes
// a schedule: Monday first.
func Weekdays() [7]time.Weekday {
	return [7]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
}

// weekdayKey maps a lower-case English weekday name to its time.Weekday.
func weekdayKey(name string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.ToLower(d.String()) == name {
			return d, true
		}
	}
	return 0, false
}

// LoadConfig reads the TOML file at path. A missing file gives the defaults
// and no errors. Each invalid key is reported and replaced by its default;
// a syntax error, a file over MaxConfigBytes or nested too deeply, or a
// path that is not a regular file (a FIFO, a device, a broken symlink) is
// reported and gives all defaults. The file is never written.
func LoadConfig(path string) (Config, []ConfigError) {
	return LoadConfigChecked(path, nil)
}

// LoadConfigChecked is LoadConfig that also checks suggest against the
// routines the caller knows: routineExists reports whether a routine ID
// exists (the daemon passes its routine catalog's Find). An unknown ID is
// reported on its line and replaced by "rotate". A nil routineExists
// accepts any ID.
func LoadConfigChecked(path string, routineExists func(id string) bool) (Config, []ConfigError) {
	cfg := DefaultConfig()
	data, err := safefile.ReadRegular(path, MaxConfigBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	var broken *safefile.BrokenLinkError
	switch {
	case errors.As(err, &broken), errors.Is(err, safefile.ErrNotRegular), errors.Is(err, safefile.ErrTooLarge):
		return cfg, []ConfigError{{File: path, Msg: err.Error()}}
	case err != nil:
		return cfg, []ConfigError{{File: path, Msg: fmt.Sprintf("cannot read: %v", err)}}
	}
	return parseConfig(path, string(data), routineExists)
}

func parseConfig(path, src string, routineExists func(id string) bool) (Config, []ConfigError) {
	cfg := DefaultConfig()
	if derr := tomlpos.CheckDepth(src, tomlpos.MaxDepth); derr != nil {
		return cfg, []ConfigError{{File: path, Line: derr.Line, Msg: "TOML nested too deeply: " + derr.Msg}}
	}
	var raw map[string]toml.Primitive
	md, err := toml.Decode(src, &raw)
	if err != nil {
		ce := ConfigError{File: path, Msg: err.Error()}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			ce.Line = pe.Position.Line
			if n := tomlpos.LineAt(src, pe.Position.Start); n > 0 {
				ce.Line = n
			}
			ce.Msg = "TOML syntax error: " + pe.Message + tomlpos.SyntaxHint(src, ce.Line)
		}
		return cfg, []ConfigError{ce}
	}
	l := &loader{path: path, md: &md, lines: tomlpos.Index(src)}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		l.key(&cfg, k, raw[k])
	}
	if _, set := raw["suggest"]; set && routineExists != nil && cfg.Suggest != SuggestRotate && !routineExists(cfg.Suggest) {
		l.fail("suggest", "no routine has the id %q (use \"rotate\" or the id of a routine: `limber routines` lists them)", clip.String(cfg.Suggest))
		cfg.Suggest = DefaultConfig().Suggest
	}
	// Cross-key rule, checked after the individual keys.
	if cfg.NaturalBreak >= cfg.SittingLimit {
		def := DefaultConfig()
		key := "natural_break"
		if _, ok := raw[key]; !ok {
			key = "sitting_limit"
		}
		l.fail(key, "%s", breakTooLong(cfg))
		cfg.NaturalBreak, cfg.SittingLimit = def.NaturalBreak, def.SittingLimit
	}
	sort.SliceStable(l.errs, func(i, j int) bool { return l.errs[i].Line < l.errs[j].Line })
	return cfg, l.errs
}

// breakTooLong is the message of the one rule between keys.
func breakTooLong(c Config) string {
	return fmt.Sprintf("natural_break (%s) must be shorter than sitting_limit (%s)", FormatDuration(c.NaturalBreak), FormatDuration(c.SittingLimit))
}

// loader collects the errors of one file while decoding its keys.
type loader struct {
	path  string
	md    *toml.MetaData
	lines tomlpos.Lines
	errs  []ConfigError
}

// fail reports a problem with key ("schedule.monday" for a weekday) on the
// line the key is written on.
func (l *loader) fail(key string, format string, args ...any) {
	l.errs = append(l.errs, ConfigError{File: l.path, Line: l.lines.Line(key), Key: key, Msg: fmt.Sprintf(format, args...)})
}

func (l *loader) key(cfg *Config, name string, p toml.Primitive) {
	k, ok := lookupKey(name)
	switch {
	case !ok:
		l.fail(name, "unknown key (known keys: %s)", knownKeys())
	case k.Kind == KindDuration:
		l.duration(k.dur(cfg), k, p)
	case k.Kind == KindCount:
		l.count(k.num(cfg), name, p)
	case k.Kind == KindBool:
		l.boolean(k.flag(cfg), name, p)
	case k.Kind == KindTable:
		l.schedule(cfg, p)
	default:
		l.str(cfg, k, p)
	}
}

func knownKeys() string {
	docs := ConfigDocs()
	names := make([]string, len(docs))
	for i, d := range docs {
		names[i] = d.Key
	}
	return strings.Join(names, ", ")
}

// str decodes a string key, reporting a wrong type with the accepted form
// and a wrong value with the key's own rule.
func (l *loader) str(cfg *Config, k ConfigKey, p toml.Primitive) {
	var s string
	if err := l.md.PrimitiveDecode(p, &s); err != nil {
		l.fail(k.Name, "must be a string (use %s)", k.accepted)
		return
	}
	trial := *cfg
	*k.str(&trial) = s
	if msg := k.problem(trial); msg != "" {
		l.fail(k.Name, "%s", msg)
		return
	}
	*k.str(cfg) = s
}

func (l *loader) duration(dst *time.Duration, key ConfigKey, p toml.Primitive) {
	form, k := "use e.g. 45m or 1h30m", key.Name
	if key.OffAllowed {
		form = `use e.g. 45m or 1h30m, or "off"`
	}
	var s string
	if err := l.md.PrimitiveDecode(p, &s); err != nil {
		l.fail(k, `must be a quoted duration (%s)`, form)
		return
	}
	if key.OffAllowed && strings.TrimSpace(s) == durationOff {
		*dst = 0
		return
	}
	d, err := durtext.Parse(strings.TrimSpace(s))
	short := clip.String(s)
	switch {
	case errors.Is(err, durtext.ErrOutOfRange):
		l.fail(k, "%q is out of range (use between 1s and 24h)", short)
	case err != nil:
		l.fail(k, "%q is not a duration (%s)", short, form)
	case d <= 0:
		l.fail(k, "%q must be positive (%s)", short, form)
	case !inInterval(d):
		l.fail(k, "%q is out of range (use between 1s and 24h)", short)
	default:
		*dst = d
	}
}

func (l *loader) count(dst *int, k string, p toml.Primitive) {
	var n int64
	if err := l.md.PrimitiveDecode(p, &n); err != nil {
		l.fail(k, "must be a whole number (use e.g. 3)")
		return
	}
	if msg := countProblem(n); msg != "" {
		l.fail(k, "%s", msg)
		return
	}
	*dst = int(n)
}

func (l *loader) boolean(dst *bool, k string, p toml.Primitive) {
	var b bool
	if err := l.md.PrimitiveDecode(p, &b); err != nil {
		l.fail(k, "must be true or false")
		return
	}
	*dst = b
}

func (l *loader) schedule(cfg *Config, p toml.Primitive) {
	const form = `use e.g. monday = ["09:00-12:30", "13:30-18:00"]`
	var days map[string]toml.Primitive
	if l.md.Type("schedule") != "Hash" || l.md.PrimitiveDecode(p, &days) != nil {
		l.fail("schedule", "must be a table ([schedule], %s)", form)
		return
	}
	names := make([]string, 0, len(days))
	for n := range days {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		l.weekday(cfg, name, days[name])
	}
}

// weekday decodes one weekday of the [schedule] table.
func (l *loader) weekday(cfg *Config, name string, p toml.Primitive) {
	const form = `use e.g. monday = ["09:00-12:30", "13:30-18:00"]`
	key := "schedule." + name
	wd, ok := weekdayKey(name)
	if !ok {
		l.fail(key, "unknown weekday (use monday … sunday in lower case)")
		return
	}
	var list []string
	if err := l.md.PrimitiveDecode(p, &list); err != nil {
		l.fail(key, "must be a list of time ranges (%s; [] is off all day)", form)
		return
	}
	ranges := make([]Range, 0, len(list))
	for _, s := range list {
		r, err := ParseRange(s)
		if err != nil {
			l.fail(key, "%v (use HH:MM-HH:MM, 24-hour clock, e.g. \"09:00-12:30\" or \"22:00-02:00\")", err)
			return
		}
		ranges = append(ranges, r)
	}
	cfg.Schedule.SetDay(wd, ranges...)
}

// Validate checks a Config assembled in code (defaults plus flag
// overrides). It reports each invalid field by its config key; File and
// Line are empty.
func (c Config) Validate() []ConfigError {
	var errs []ConfigError
	for _, k := range ConfigKeys() {
		if msg := k.problem(c); msg != "" {
			errs = append(errs, ConfigError{Key: k.Name, Msg: msg})
		}
		// The rule between keys comes right after natural_break's own, so
		// that a caller keeping one message per key keeps the key's own.
		if k.Name == "natural_break" && c.NaturalBreak >= c.SittingLimit {
			errs = append(errs, ConfigError{Key: k.Name, Msg: breakTooLong(c)})
		}
	}
	return errs
}

// sanitized returns c with every field that Validate would reject replaced
// by its default, so the engine never runs on a zero or negative timing.
// Both work from ConfigKey.problem and breakTooLong.
func (c Config) sanitized() Config {
	d := DefaultConfig()
	for _, k := range ConfigKeys() {
		if k.problem(c) != "" {
			_ = k.SetText(&c, k.Text(d)) // cannot fail: the text comes from Text
		}
	}
	if c.NaturalBreak >= c.SittingLimit {
		c.NaturalBreak, c.SittingLimit = d.NaturalBreak, d.SittingLimit
	}
	return c
}

// FormatDuration prints a duration the way users write it in the config
// file: 45m, 1h30m, 90s (see internal/durtext). The settings window shows
// durations with it.
func FormatDuration(d time.Duration) string { return durtext.Format(d) }
