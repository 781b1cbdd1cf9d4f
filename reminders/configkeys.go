package reminders

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/limber-app/limber/internal/clip"
	"github.com/limber-app/limber/internal/durtext"
)

// KeyKind is the type of a config key's value: it decides how the file
// spells the value, how the loader checks it and which control the
// Settings window shows.
type KeyKind int

const (
	KindDuration KeyKind = iota // a quoted duration from MinInterval to MaxInterval: "45m"
	KindCount                   // a whole number from MinCount to MaxCount
	KindBool                    // true or false
	KindChoice                  // a string from Choices
	KindText                    // a string that is not blank
	KindTable                   // the [schedule] table of weekdays
)

// The accepted range of every count key (max_reminders, snooze_limit).
const (
	MinCount = 1
	MaxCount = 100
)

// ConfigKey describes one top-level key of config.toml. ConfigKeys lists
// every key once; the loader, DefaultConfig, Validate, SaveConfig,
// ConfigDocs (and through it the README's table) and the Settings window
// all work from that list, so a key is spelled, defaulted and checked in
// one place.
type ConfigKey struct {
	Name    string   // as written in the file
	Kind    KeyKind  // the value's type
	Doc     string   // what the key means, for the README
	Choices []string // KindChoice: the accepted values
	// OffAllowed (KindDuration): "off" is accepted and means zero, the
	// feature turned off (standing_limit).
	OffAllowed bool

	def      string // the default as Text shows it ("" for KindTable)
	accepted string // a string key's accepted values, for a wrong type
	invalid  string // KindChoice: a format for a bad value (%q); KindText: the message for a blank one

	// The field the key sets; only the one matching Kind is set.
	dur  func(*Config) *time.Duration
	num  func(*Config) *int
	flag func(*Config) *bool
	str  func(*Config) *string
}

// ConfigKeys lists every key, in the order the README and a rewritten file
// list them.
func ConfigKeys() []ConfigKey {
	sources := IdleSources()
	idle := strings.Join(sources, ", ")
	last := len(sources) - 1
	return []ConfigKey{
		{Name: "sitting_limit", Kind: KindDuration, def: "45m",
			Doc: "Sitting time after which Limber reminds you to stand up.",
			dur: func(c *Config) *time.Duration { return &c.SittingLimit }},
		{Name: "natural_break", Kind: KindDuration, def: "5m",
			Doc: "Away or idle this long counts as a break and resets sitting time; shorter gaps (reading, a call) count as sitting.",
			dur: func(c *Config) *time.Duration { return &c.NaturalBreak }},
		{Name: "remind_again", Kind: KindDuration, def: "5m",
			Doc: "How often to repeat an ignored reminder.",
			dur: func(c *Config) *time.Duration { return &c.RemindAgain }},
		{Name: "max_reminders", Kind: KindCount, def: "3",
			Doc: "How many times to remind per due break before staying quiet.",
			num: func(c *Config) *int { return &c.MaxReminders }},
		{Name: "snooze", Kind: KindDuration, def: "10m",
			Doc: "How long Snooze postpones a reminder.",
			dur: func(c *Config) *time.Duration { return &c.Snooze }},
		{Name: "snooze_limit", Kind: KindCount, def: "3",
			Doc: "Snoozes allowed before you take a real break.",
			num: func(c *Config) *int { return &c.SnoozeLimit }},
		{Name: "dnd", Kind: KindChoice, def: string(DNDHold),
			Doc:      `"hold": keep reminders during do-not-disturb and show one when it ends; "ignore": remind anyway.`,
			Choices:  []string{string(DNDHold), string(DNDIgnore)},
			accepted: `"hold" or "ignore"`, invalid: `%q is not a DND mode (use "hold" or "ignore")`,
			str: func(c *Config) *string { return (*string)(&c.DND) }},
		// Holds, typing-aware delivery and the standing desk.
		{Name: "meetings", Kind: KindChoice, def: string(DNDHold),
			Doc:      `"hold": keep reminders while you are in a call or meeting and show one when it ends; "ignore": remind anyway.`,
			Choices:  []string{string(DNDHold), string(DNDIgnore)},
			accepted: `"hold" or "ignore"`, invalid: `%q is not a meetings mode (use "hold" or "ignore")`,
			str: func(c *Config) *string { return (*string)(&c.Meetings) }},
		{Name: "max_hold", Kind: KindDuration, def: "1h30m",
			Doc: "Longest a reminder is held back by do-not-disturb, a meeting or a full-screen window; then it is shown anyway, saying how long you sat through.",
			dur: func(c *Config) *time.Duration { return &c.MaxHold }},
		{Name: "lull", Kind: KindDuration, def: "3s",
			Doc: "A reminder that falls due while you type or move the mouse waits for the first pause in input this long.",
			dur: func(c *Config) *time.Duration { return &c.Lull }},
		{Name: "lull_wait", Kind: KindDuration, def: "2m",
			Doc: "Longest a reminder waits for a pause in your typing; then it is shown anyway.",
			dur: func(c *Config) *time.Duration { return &c.LullWait }},
		{Name: "standing_limit", Kind: KindDuration, def: "off", OffAllowed: true,
			Doc: `Standing-desk mode: standing time after which Limber reminds you to sit for a while, e.g. "45m"; "off" never does.`,
			dur: func(c *Config) *time.Duration { return &c.StandingLimit }},
		{Name: "posture_after_break", Kind: KindChoice, def: string(AfterBreakSitting),
			Doc:      `Posture after a natural break: "sitting" (after a break you most likely sit back down, so standing time stops until you say you stand again) or "keep".`,
			Choices:  []string{string(AfterBreakSitting), string(AfterBreakKeep)},
			accepted: `"sitting" or "keep"`, invalid: `%q is not a posture (use "sitting" or "keep")`,
			str: func(c *Config) *string { return (*string)(&c.PostureAfterBreak) }},
		{Name: "suggest", Kind: KindText, def: SuggestRotate,
			Doc:      `Routine suggested by reminders: "rotate" or a routine ID.`,
			accepted: `"rotate" or a routine ID`, invalid: `is empty (use "rotate" or a routine ID)`,
			str: func(c *Config) *string { return &c.Suggest }},
		{Name: "notification_buttons", Kind: KindBool, def: "true",
			Doc:  "Show \"Start routine\" and \"Snooze\" buttons on reminder notifications (where the notification server supports buttons).",
			flag: func(c *Config) *bool { return &c.NotificationButtons }},
		{Name: "prompt_instead", Kind: KindBool, def: "false",
			Doc:  "Show a break window instead of a notification.",
			flag: func(c *Config) *bool { return &c.PromptInstead }},
		{Name: "sounds", Kind: KindBool, def: "true",
			Doc:  "Play soft sound cues in the routine window: a chime at each step, another at switch sides and at the end, a tick in the last three seconds.",
			flag: func(c *Config) *bool { return &c.Sounds }},
		{Name: "idle_source", Kind: KindChoice, def: "auto",
			Doc:     "Activity detection: " + strings.Join(sources[:last], ", ") + " or " + sources[last] + ".",
			Choices: sources, accepted: idle, invalid: "%q is not an idle source (use one of " + idle + ")",
			str: func(c *Config) *string { return &c.IdleSource }},
		{Name: "schedule", Kind: KindTable,
			Doc: `Working hours per weekday, e.g. monday = ["09:00-12:30", "13:30-18:00"]; a range may cross midnight ("22:00-02:00"); [] is off all day; a weekday left out is on all day. Outside working hours nothing is counted or reminded.`},
	}
}

// lookupKey returns the key called name.
func lookupKey(name string) (ConfigKey, bool) {
	for _, k := range ConfigKeys() {
		if k.Name == name {
			return k, true
		}
	}
	return ConfigKey{}, false
}

// scalarKey returns the key called name unless it is a table.
func scalarKey(name string) (ConfigKey, bool) {
	k, ok := lookupKey(name)
	return k, ok && k.Kind != KindTable
}

// Text is the key's value in c as a person types it: 45m, 3, true, hold.
// It is "" for KindTable.
func (k ConfigKey) Text(c Config) string {
	switch k.Kind {
	case KindDuration:
		if d := *k.dur(&c); d == 0 && k.OffAllowed {
			return durationOff
		}
		return durtext.Format(*k.dur(&c))
	case KindCount:
		return strconv.Itoa(*k.num(&c))
	case KindBool:
		return strconv.FormatBool(*k.flag(&c))
	case KindChoice, KindText:
		return *k.str(&c)
	}
	return ""
}

// SetText sets the key in c from text as Text writes it. It checks only
// that text is of the key's kind; Validate checks ranges and choices.
func (k ConfigKey) SetText(c *Config, text string) error {
	switch k.Kind {
	case KindDuration:
		d, err := k.parseDuration(text)
		if err != nil {
			return fmt.Errorf("%s: %w", k.Name, err)
		}
		*k.dur(c) = d
	case KindCount:
		n, err := strconv.Atoi(strings.TrimSpace(text))
		if err != nil {
			return fmt.Errorf("%s: %w", k.Name, err)
		}
		*k.num(c) = n
	case KindBool:
		b, err := strconv.ParseBool(text)
		if err != nil {
			return fmt.Errorf("%s: %w", k.Name, err)
		}
		*k.flag(c) = b
	case KindChoice, KindText:
		*k.str(c) = text
	default:
		return fmt.Errorf("%s: a table has no text form", k.Name)
	}
	return nil
}

// literal is the key's value in c as a TOML literal: "45m", 3, true.
func (k ConfigKey) literal(c Config) string {
	switch k.Kind {
	case KindDuration, KindChoice, KindText:
		return tomlString(k.Text(c))
	}
	return k.Text(c)
}

// problem says what is wrong with the key's value in c, or "". Validate,
// sanitized and the loader share it.
func (k ConfigKey) problem(c Config) string {
	switch k.Kind {
	case KindDuration:
		if d := *k.dur(&c); !inInterval(d) && (d != 0 || !k.OffAllowed) {
			return fmt.Sprintf("%s is out of range (use between 1s and 24h)", durtext.Format(d))
		}
	case KindCount:
		return countProblem(int64(*k.num(&c)))
	case KindChoice:
		if s := *k.str(&c); !slices.Contains(k.Choices, s) {
			return fmt.Sprintf(k.invalid, clip.String(s))
		}
	case KindText:
		if strings.TrimSpace(*k.str(&c)) == "" {
			return k.invalid
		}
	}
	return ""
}

// durationOff is how a duration key that allows it is turned off.
const durationOff = "off"

// parseDuration reads a duration as Text writes it: Go syntax, or "off"
// (zero) for a key that allows it.
func (k ConfigKey) parseDuration(text string) (time.Duration, error) {
	text = strings.TrimSpace(text)
	if k.OffAllowed && text == durationOff {
		return 0, nil
	}
	return time.ParseDuration(text)
}

func inInterval(d time.Duration) bool { return d >= MinInterval && d <= MaxInterval }

func countProblem(n int64) string {
	if n < MinCount || n > MaxCount {
		return fmt.Sprintf("%d is out of range (use a whole number from %d to %d)", n, MinCount, MaxCount)
	}
	return ""
}

// DefaultConfig returns the configuration used for absent or invalid keys.
func DefaultConfig() Config {
	var c Config
	for _, k := range ConfigKeys() {
		if k.Kind == KindTable {
			continue // the zero Schedule is always on
		}
		if err := k.SetText(&c, k.def); err != nil {
			panic("reminders: bad default: " + err.Error()) // a test loads every default
		}
	}
	return c
}

// KeyDoc documents one configuration key for the README and settings UI.
type KeyDoc struct {
	Key, Default, Doc string
}

// ConfigDocs documents every key, in the order the README lists them: the
// key as written in the file, its default as a TOML value, and its meaning.
func ConfigDocs() []KeyDoc {
	def := DefaultConfig()
	var docs []KeyDoc
	for _, k := range ConfigKeys() {
		if k.Kind == KindTable {
			docs = append(docs, KeyDoc{"[" + k.Name + "]", "always on", k.Doc})
			continue
		}
		docs = append(docs, KeyDoc{k.Name, k.literal(def), k.Doc})
	}
	return docs
}
