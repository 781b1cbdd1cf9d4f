package reminders

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/limber-app/limber/internal/durtext"
)

// DNDMode says what happens to reminders while do-not-disturb is on.
type DNDMode string

const (
	// DNDHold keeps a due reminder and delivers it once when DND ends.
	DNDHold DNDMode = "hold"
	// DNDIgnore reminds regardless of DND.
	DNDIgnore DNDMode = "ignore"
)

// SuggestRotate makes each reminder suggest the next routine in turn.
const SuggestRotate = "rotate"

// IdleSources lists the accepted idle_source values.
func IdleSources() []string {
	return []string{"auto", "x11", "mutter", "screensaver", "windows", "macos", "none"}
}

// Config is the user's configuration. Every field is settable so the daemon
// can apply command-line overrides (--sitting-limit, --natural-break) and
// then call Validate.
type Config struct {
	// SittingLimit (sitting_limit, default "45m"): sitting time after which
	// a reminder is shown.
	SittingLimit time.Duration
	// NaturalBreak (natural_break, default "5m"): an idle or away gap at
	// least this long means you stood up; shorter gaps count as sitting.
	NaturalBreak time.Duration
	// RemindAgain (remind_again, default "5m"): interval between repeated
	// reminders while a break is due.
	RemindAgain time.Duration
	// MaxReminders (max_reminders, default 3): reminders per due break;
	// after that the break stays due quietly.
	MaxReminders int
	// Snooze (snooze, default "10m"): how long Snooze postpones a reminder.
	Snooze time.Duration
	// SnoozeLimit (snooze_limit, default 3): snoozes allowed before a real
	// break; further snoozes are refused.
	SnoozeLimit int
	// DND (dnd, default "hold"): "hold" delivers a held reminder once when
	// do-not-disturb ends; "ignore" reminds regardless.
	DND DNDMode
	// Suggest (suggest, default "rotate"): routine suggested by reminders,
	// "rotate" or a routine ID.
	Suggest string
	// NotificationButtons (notification_buttons, default true): offer
	// "Start routine" and "Snooze" buttons on the notification.
	NotificationButtons bool
	// PromptInstead (prompt_instead, default false): show a break window
	// instead of a notification.
	PromptInstead bool
	// IdleSource (idle_source, default "auto"): how activity is detected:
	// auto, x11, mutter, screensaver, windows, macos or none.
	IdleSource string
	// Schedule ([schedule] table, default always on): working hours per
	// weekday; see ConfigDocs.
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

// DefaultConfig returns the configuration used for absent or invalid keys.
func DefaultConfig() Config {
	return Config{
		SittingLimit:        45 * time.Minute,
		NaturalBreak:        5 * time.Minute,
		RemindAgain:         5 * time.Minute,
		MaxReminders:        3,
		Snooze:              10 * time.Minute,
		SnoozeLimit:         3,
		DND:                 DNDHold,
		Suggest:             SuggestRotate,
		NotificationButtons: true,
		IdleSource:          "auto",
	}
}

// KeyDoc documents one configuration key for the README and settings UI.
type KeyDoc struct {
	Key, Default, Doc string
}

// ConfigDocs documents every key, in the order the README should list them.
func ConfigDocs() []KeyDoc {
	return []KeyDoc{
		{"sitting_limit", `"45m"`, "Sitting time after which Limber reminds you to stand up."},
		{"natural_break", `"5m"`, "Away or idle this long counts as a break and resets sitting time; shorter gaps (reading, a call) count as sitting."},
		{"remind_again", `"5m"`, "How often to repeat an ignored reminder."},
		{"max_reminders", "3", "How many times to remind per due break before staying quiet."},
		{"snooze", `"10m"`, "How long Snooze postpones a reminder."},
		{"snooze_limit", "3", "Snoozes allowed before you take a real break."},
		{"dnd", `"hold"`, `"hold": keep reminders during do-not-disturb and show one when it ends; "ignore": remind anyway.`},
		{"suggest", `"rotate"`, `Routine suggested by reminders: "rotate" or a routine ID.`},
		{"notification_buttons", "true", "Show \"Start routine\" and \"Snooze\" buttons on reminder notifications (where the notification server supports buttons)."},
		{"prompt_instead", "false", "Show a break window instead of a notification."},
		{"idle_source", `"auto"`, "Activity detection: auto, x11, mutter, screensaver, windows, macos or none."},
		{"[schedule]", "always on", `Working hours per weekday, e.g. monday = ["09:00-12:30", "13:30-18:00"]; a range may cross midnight ("22:00-02:00"); [] is off all day; a weekday left out is on all day. Outside working hours nothing is counted or reminded.`},
	}
}

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
		b.WriteString(e.Key + ": ")
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

// probe makes the TOML decoder report a key's position: decoding any value
// into it fails, and the decoder wraps that failure in a ParseError carrying
// the key's line.
type probe struct{}

var errProbe = errors.New("position probe")

func (*probe) UnmarshalTOML(any) error { return errProbe }

// LoadConfig reads the TOML file at path. A missing file gives the defaults
// and no errors. Each invalid key is reported and replaced by its default;
// a syntax error is reported and gives all defaults. The file is never
// written.
func LoadConfig(path string) (Config, []ConfigError) {
	cfg := DefaultConfig()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, []ConfigError{{File: path, Msg: fmt.Sprintf("cannot read: %v", err)}}
	}
	return parseConfig(path, string(data))
}

func parseConfig(path, src string) (Config, []ConfigError) {
	cfg := DefaultConfig()
	var raw map[string]toml.Primitive
	md, err := toml.Decode(src, &raw)
	if err != nil {
		ce := ConfigError{File: path, Msg: err.Error()}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			ce.Line = pe.Position.Line
			ce.Msg = "TOML syntax error: " + pe.Message
		}
		return cfg, []ConfigError{ce}
	}
	l := &loader{path: path, md: &md}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		l.key(&cfg, k, raw[k])
	}
	// Cross-key rule, checked after the individual keys.
	if cfg.NaturalBreak >= cfg.SittingLimit {
		def := DefaultConfig()
		key, p := "natural_break", raw["natural_break"]
		if _, ok := raw["natural_break"]; !ok {
			key, p = "sitting_limit", raw["sitting_limit"]
		}
		l.errs = append(l.errs, ConfigError{File: path, Line: l.line(p), Key: key,
			Msg: fmt.Sprintf("natural_break (%s) must be shorter than sitting_limit (%s)", FormatDuration(cfg.NaturalBreak), FormatDuration(cfg.SittingLimit))})
		cfg.NaturalBreak, cfg.SittingLimit = def.NaturalBreak, def.SittingLimit
	}
	sort.SliceStable(l.errs, func(i, j int) bool { return l.errs[i].Line < l.errs[j].Line })
	return cfg, l.errs
}

type loader struct {
	path string
	md   *toml.MetaData
	errs []ConfigError
}

func (l *loader) line(p toml.Primitive) int {
	var pe toml.ParseError
	if errors.As(l.md.PrimitiveDecode(p, &probe{}), &pe) {
		return pe.Position.Line
	}
	return 0
}

func (l *loader) fail(key string, p toml.Primitive, format string, args ...any) {
	l.errs = append(l.errs, ConfigError{File: l.path, Line: l.line(p), Key: key, Msg: fmt.Sprintf(format, args...)})
}

func (l *loader) key(cfg *Config, k string, p toml.Primitive) {
	switch k {
	case "sitting_limit":
		l.duration(&cfg.SittingLimit, k, p)
	case "natural_break":
		l.duration(&cfg.NaturalBreak, k, p)
	case "remind_again":
		l.duration(&cfg.RemindAgain, k, p)
	case "snooze":
		l.duration(&cfg.Snooze, k, p)
	case "max_reminders":
		l.count(&cfg.MaxReminders, k, p)
	case "snooze_limit":
		l.count(&cfg.SnoozeLimit, k, p)
	case "notification_buttons":
		l.boolean(&cfg.NotificationButtons, k, p)
	case "prompt_instead":
		l.boolean(&cfg.PromptInstead, k, p)
	case "dnd":
		if s, ok := l.str(k, p, `"hold" or "ignore"`); ok {
			if s != string(DNDHold) && s != string(DNDIgnore) {
				l.fail(k, p, `%q is not a DND mode (use "hold" or "ignore")`, s)
			} else {
				cfg.DND = DNDMode(s)
			}
		}
	case "suggest":
		if s, ok := l.str(k, p, `"rotate" or a routine ID`); ok {
			if strings.TrimSpace(s) == "" {
				l.fail(k, p, `is empty (use "rotate" or a routine ID)`)
			} else {
				cfg.Suggest = s
			}
		}
	case "idle_source":
		accepted := strings.Join(IdleSources(), ", ")
		if s, ok := l.str(k, p, accepted); ok {
			if !validIdleSource(s) {
				l.fail(k, p, "%q is not an idle source (use one of %s)", s, accepted)
			} else {
				cfg.IdleSource = s
			}
		}
	case "schedule":
		l.schedule(cfg, p)
	default:
		l.fail(k, p, "unknown key (known keys: %s)", knownKeys())
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

func validIdleSource(s string) bool {
	for _, v := range IdleSources() {
		if s == v {
			return true
		}
	}
	return false
}

// str decodes a string, reporting a wrong type with the accepted form.
func (l *loader) str(k string, p toml.Primitive, accepted string) (string, bool) {
	var s string
	if err := l.md.PrimitiveDecode(p, &s); err != nil {
		l.fail(k, p, "must be a string (use %s)", accepted)
		return "", false
	}
	return s, true
}

func (l *loader) duration(dst *time.Duration, k string, p toml.Primitive) {
	const form = "use e.g. 45m or 1h30m"
	var s string
	if err := l.md.PrimitiveDecode(p, &s); err != nil {
		l.fail(k, p, `must be a quoted duration (%s)`, form)
		return
	}
	d, err := time.ParseDuration(strings.TrimSpace(s))
	switch {
	case err != nil:
		l.fail(k, p, "%q is not a duration (%s)", s, form)
	case d <= 0:
		l.fail(k, p, "%q must be positive (%s)", s, form)
	case d < MinInterval || d > MaxInterval:
		l.fail(k, p, "%q is out of range (use between 1s and 24h)", s)
	default:
		*dst = d
	}
}

func (l *loader) count(dst *int, k string, p toml.Primitive) {
	var n int64
	if err := l.md.PrimitiveDecode(p, &n); err != nil {
		l.fail(k, p, "must be a whole number (use e.g. 3)")
		return
	}
	if n < 1 || n > 100 {
		l.fail(k, p, "%d is out of range (use a whole number from 1 to 100)", n)
		return
	}
	*dst = int(n)
}

func (l *loader) boolean(dst *bool, k string, p toml.Primitive) {
	var b bool
	if err := l.md.PrimitiveDecode(p, &b); err != nil {
		l.fail(k, p, "must be true or false")
		return
	}
	*dst = b
}

func (l *loader) schedule(cfg *Config, p toml.Primitive) {
	const form = `use e.g. monday = ["09:00-12:30", "13:30-18:00"]`
	var days map[string]toml.Primitive
	if l.md.Type("schedule") != "Hash" || l.md.PrimitiveDecode(p, &days) != nil {
		l.fail("schedule", p, "must be a table ([schedule], %s)", form)
		return
	}
	names := make([]string, 0, len(days))
	for n := range days {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		dp := days[name]
		key := "schedule." + name
		wd, ok := weekdayKey(name)
		if !ok {
			l.fail(key, dp, "unknown weekday (use monday … sunday in lower case)")
			continue
		}
		var list []string
		if err := l.md.PrimitiveDecode(dp, &list); err != nil {
			l.fail(key, dp, "must be a list of time ranges (%s; [] is off all day)", form)
			continue
		}
		ranges := make([]Range, 0, len(list))
		bad := false
		for _, s := range list {
			r, err := ParseRange(s)
			if err != nil {
				l.fail(key, dp, "%v (use HH:MM-HH:MM, 24-hour clock, e.g. \"09:00-12:30\" or \"22:00-02:00\")", err)
				bad = true
				break
			}
			ranges = append(ranges, r)
		}
		if !bad {
			cfg.Schedule.SetDay(wd, ranges...)
		}
	}
}

// Validate checks a Config assembled in code (defaults plus flag
// overrides). It reports each invalid field by its config key; File and
// Line are empty.
func (c Config) Validate() []ConfigError {
	var errs []ConfigError
	bad := func(key, format string, args ...any) {
		errs = append(errs, ConfigError{Key: key, Msg: fmt.Sprintf(format, args...)})
	}
	for _, d := range []struct {
		key string
		v   time.Duration
	}{{"sitting_limit", c.SittingLimit}, {"natural_break", c.NaturalBreak}, {"remind_again", c.RemindAgain}, {"snooze", c.Snooze}} {
		if d.v < MinInterval || d.v > MaxInterval {
			bad(d.key, "%s is out of range (use between 1s and 24h)", FormatDuration(d.v))
		}
	}
	if c.NaturalBreak >= c.SittingLimit {
		bad("natural_break", "natural_break (%s) must be shorter than sitting_limit (%s)", FormatDuration(c.NaturalBreak), FormatDuration(c.SittingLimit))
	}
	if c.MaxReminders < 1 || c.MaxReminders > 100 {
		bad("max_reminders", "%d is out of range (use a whole number from 1 to 100)", c.MaxReminders)
	}
	if c.SnoozeLimit < 1 || c.SnoozeLimit > 100 {
		bad("snooze_limit", "%d is out of range (use a whole number from 1 to 100)", c.SnoozeLimit)
	}
	if c.DND != DNDHold && c.DND != DNDIgnore {
		bad("dnd", `%q is not a DND mode (use "hold" or "ignore")`, string(c.DND))
	}
	if strings.TrimSpace(c.Suggest) == "" {
		bad("suggest", `is empty (use "rotate" or a routine ID)`)
	}
	if !validIdleSource(c.IdleSource) {
		bad("idle_source", "%q is not an idle source (use one of %s)", c.IdleSource, strings.Join(IdleSources(), ", "))
	}
	return errs
}

// sanitized returns c with every field that Validate would reject replaced
// by its default, so the engine never runs on a zero or negative timing.
// The Validate and sanitized rules must stay in step (a test checks).
func (c Config) sanitized() Config {
	d := DefaultConfig()
	okDur := func(v time.Duration) bool { return v >= MinInterval && v <= MaxInterval }
	for _, f := range []struct{ v, def *time.Duration }{
		{&c.SittingLimit, &d.SittingLimit}, {&c.NaturalBreak, &d.NaturalBreak},
		{&c.RemindAgain, &d.RemindAgain}, {&c.Snooze, &d.Snooze},
	} {
		if !okDur(*f.v) {
			*f.v = *f.def
		}
	}
	if c.NaturalBreak >= c.SittingLimit {
		c.NaturalBreak, c.SittingLimit = d.NaturalBreak, d.SittingLimit
	}
	if c.MaxReminders < 1 || c.MaxReminders > 100 {
		c.MaxReminders = d.MaxReminders
	}
	if c.SnoozeLimit < 1 || c.SnoozeLimit > 100 {
		c.SnoozeLimit = d.SnoozeLimit
	}
	if c.DND != DNDHold && c.DND != DNDIgnore {
		c.DND = d.DND
	}
	if strings.TrimSpace(c.Suggest) == "" {
		c.Suggest = d.Suggest
	}
	if !validIdleSource(c.IdleSource) {
		c.IdleSource = d.IdleSource
	}
	return c
}

// FormatDuration prints a duration the way users write it in the config
// file: 45m, 1h30m, 90s (see internal/durtext). The settings window shows
// durations with it.
func FormatDuration(d time.Duration) string { return durtext.Format(d) }
