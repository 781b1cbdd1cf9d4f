package reminders

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

func writeConfig(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadConfigMissingFile(t *testing.T) {
	cfg, errs := LoadConfig(filepath.Join(t.TempDir(), "nope.toml"))
	if len(errs) != 0 {
		t.Fatalf("missing file: %v", errs)
	}
	if d := DefaultConfig(); cfg.SittingLimit != d.SittingLimit || !cfg.Schedule.AlwaysOn() || cfg.DND != DNDHold {
		t.Fatalf("missing file: %+v, want defaults", cfg)
	}
}

func TestLoadConfigValid(t *testing.T) {
	path := writeConfig(t, `# my settings
sitting_limit = "50m"
natural_break = "4m"
remind_again = "1h30m"
max_reminders = 5
snooze = "15m"
snooze_limit = 1
dnd = "ignore"
meetings = "ignore"
max_hold = "45m"
lull = "5s"
lull_wait = "1m"
standing_limit = "40m"
posture_after_break = "keep"
suggest = "mid-back"
notification_buttons = false
prompt_instead = true
sounds = false
idle_source = "x11"

[schedule]
monday = ["09:00-12:30", "13:30-18:00"]
saturday = []          # off all day
sunday = ["22:00-02:00"]  # crosses midnight
`)
	cfg, errs := LoadConfig(path)
	if len(errs) != 0 {
		t.Fatalf("valid config: %v", errs)
	}
	want := Config{SittingLimit: 50 * time.Minute, NaturalBreak: 4 * time.Minute, RemindAgain: 90 * time.Minute,
		MaxReminders: 5, Snooze: 15 * time.Minute, SnoozeLimit: 1, DND: DNDIgnore, Suggest: "mid-back",
		Meetings: DNDIgnore, MaxHold: 45 * time.Minute, Lull: 5 * time.Second, LullWait: time.Minute,
		StandingLimit: 40 * time.Minute, PostureAfterBreak: AfterBreakKeep,
		NotificationButtons: false, PromptInstead: true, Sounds: false, IdleSource: "x11"}
	got := cfg
	got.Schedule = Schedule{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	mon, set := cfg.Schedule.Day(time.Monday)
	if !set || len(mon) != 2 || mon[1] != (Range{13*60 + 30, 18 * 60}) {
		t.Errorf("monday = %v (set %v)", mon, set)
	}
	if sat, set := cfg.Schedule.Day(time.Saturday); !set || len(sat) != 0 {
		t.Errorf("saturday = %v (set %v), want off", sat, set)
	}
	if _, set := cfg.Schedule.Day(time.Tuesday); set {
		t.Errorf("tuesday should be unset (on all day)")
	}
}

func TestLoadConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string // exact messages
		check     func(Config) bool
	}{
		{"not a duration", "\n\nsitting_limit = \"banana\"\n",
			[]string{`config.toml:3: sitting_limit: "banana" is not a duration (use e.g. 45m or 1h30m)`},
			func(c Config) bool { return c.SittingLimit == 45*time.Minute }},
		{"negative", "natural_break = \"-5m\"\n",
			[]string{`config.toml:1: natural_break: "-5m" must be positive (use e.g. 45m or 1h30m)`}, nil},
		{"zero", "remind_again = \"0s\"\n",
			[]string{`config.toml:1: remind_again: "0s" must be positive (use e.g. 45m or 1h30m)`}, nil},
		{"too short", "snooze = \"500ms\"\n",
			[]string{`config.toml:1: snooze: "500ms" is out of range (use between 1s and 24h)`}, nil},
		{"not a string", "sitting_limit = 45\n",
			[]string{`config.toml:1: sitting_limit: must be a quoted duration (use e.g. 45m or 1h30m)`}, nil},
		{"natural break not shorter than limit", "sitting_limit = \"20m\"\nnatural_break = \"20m\"\n",
			[]string{`config.toml:2: natural_break: natural_break (20m) must be shorter than sitting_limit (20m)`},
			func(c Config) bool { return c.SittingLimit == 45*time.Minute && c.NaturalBreak == 5*time.Minute }},
		{"limit below default natural break", "sitting_limit = \"3m\"\n",
			[]string{`config.toml:1: sitting_limit: natural_break (5m) must be shorter than sitting_limit (3m)`}, nil},
		{"count out of range", "max_reminders = 0\n",
			[]string{`config.toml:1: max_reminders: 0 is out of range (use a whole number from 1 to 100)`}, nil},
		{"count wrong type", "snooze_limit = \"three\"\n",
			[]string{`config.toml:1: snooze_limit: must be a whole number (use e.g. 3)`}, nil},
		{"bool wrong type", "prompt_instead = \"yes\"\n",
			[]string{`config.toml:1: prompt_instead: must be true or false`}, nil},
		{"dnd", "dnd = \"maybe\"\n",
			[]string{`config.toml:1: dnd: "maybe" is not a DND mode (use "hold" or "ignore")`}, nil},
		{"meetings", "\nmeetings = \"skip\"\n",
			[]string{`config.toml:2: meetings: "skip" is not a meetings mode (use "hold" or "ignore")`}, nil},
		{"posture after break", "posture_after_break = \"standing\"\n",
			[]string{`config.toml:1: posture_after_break: "standing" is not a posture (use "sitting" or "keep")`},
			func(c Config) bool { return c.PostureAfterBreak == AfterBreakSitting }},
		{"lull not a duration", "lull = 3\n",
			[]string{`config.toml:1: lull: must be a quoted duration (use e.g. 45m or 1h30m)`}, nil},
		{"lull off is not allowed", "lull_wait = \"off\"\n",
			[]string{`config.toml:1: lull_wait: "off" is not a duration (use e.g. 45m or 1h30m)`},
			func(c Config) bool { return c.LullWait == 2*time.Minute }},
		{"max hold too long", "max_hold = \"25h\"\n",
			[]string{`config.toml:1: max_hold: "25h" is out of range (use between 1s and 24h)`}, nil},
		{"standing limit off", "standing_limit = \"off\"\n", nil,
			func(c Config) bool { return c.StandingLimit == 0 }},
		{"standing limit bad", "standing_limit = \"never\"\n",
			[]string{`config.toml:1: standing_limit: "never" is not a duration (use e.g. 45m or 1h30m, or "off")`},
			func(c Config) bool { return c.StandingLimit == 0 }},
		{"standing limit zero", "standing_limit = \"0s\"\n",
			[]string{`config.toml:1: standing_limit: "0s" must be positive (use e.g. 45m or 1h30m, or "off")`}, nil},
		{"suggest empty", "suggest = \" \"\n",
			[]string{`config.toml:1: suggest: is empty (use "rotate" or a routine ID)`}, nil},
		{"idle source", "idle_source = \"hyprland\"\n",
			[]string{`config.toml:1: idle_source: "hyprland" is not an idle source (use one of auto, x11, mutter, wayland, screensaver, windows, macos, none)`}, nil},
		{"unknown key", "sitting_limt = \"45m\"\n",
			[]string{`config.toml:1: sitting_limt: unknown key (known keys: sitting_limit, natural_break, remind_again, max_reminders, snooze, snooze_limit, dnd, meetings, max_hold, lull, lull_wait, standing_limit, posture_after_break, suggest, notification_buttons, prompt_instead, sounds, idle_source, [schedule])`}, nil},
		{"bad range", "[schedule]\nmonday = [\"09:00-12:00\", \"25:00-26:00\"]\n",
			[]string{`config.toml:2: schedule.monday: "25:00-26:00": "25:00" is not a time of day (use HH:MM-HH:MM, 24-hour clock, e.g. "09:00-12:30" or "22:00-02:00")`},
			func(c Config) bool { _, set := c.Schedule.Day(time.Monday); return !set }},
		{"range without dash", "[schedule]\ntuesday = [\"9-5\"]\n",
			[]string{`config.toml:2: schedule.tuesday: "9-5": "9" is not HH:MM (use HH:MM-HH:MM, 24-hour clock, e.g. "09:00-12:30" or "22:00-02:00")`}, nil},
		{"empty range", "[schedule]\nfriday = [\"09:00-09:00\"]\n",
			[]string{`config.toml:2: schedule.friday: "09:00-09:00" starts and ends at the same time (use HH:MM-HH:MM, 24-hour clock, e.g. "09:00-12:30" or "22:00-02:00")`}, nil},
		{"unknown weekday", "[schedule]\n\nmonday = []\nfunday = [\"09:00-10:00\"]\n",
			[]string{`config.toml:4: schedule.funday: unknown weekday (use monday … sunday in lower case)`},
			func(c Config) bool { _, set := c.Schedule.Day(time.Monday); return set }},
		{"weekday not a list", "[schedule]\nmonday = \"09:00-17:00\"\n",
			[]string{`config.toml:2: schedule.monday: must be a list of time ranges (use e.g. monday = ["09:00-12:30", "13:30-18:00"]; [] is off all day)`}, nil},
		{"schedule not a table", "schedule = 3\n",
			[]string{`config.toml:1: schedule: must be a table ([schedule], use e.g. monday = ["09:00-12:30", "13:30-18:00"])`}, nil},
		{"syntax error", "sitting_limit = \"45m\"\nnatural_break = \n",
			[]string{`config.toml:2: TOML syntax error: expected value but found '\n' instead`}, nil},
		{"several errors keep the good keys", "sitting_limit = \"banana\"\nsnooze = \"20m\"\nmax_reminders = -1\n",
			[]string{
				`config.toml:1: sitting_limit: "banana" is not a duration (use e.g. 45m or 1h30m)`,
				`config.toml:3: max_reminders: -1 is out of range (use a whole number from 1 to 100)`,
			},
			func(c Config) bool { return c.Snooze == 20*time.Minute && c.MaxReminders == 3 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, errs := LoadConfig(writeConfig(t, tc.src))
			var got []string
			for _, e := range errs {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("errors\n got %q\nwant %q", got, tc.want)
			}
			if tc.check != nil && !tc.check(cfg) {
				t.Errorf("config after errors: %+v", cfg)
			}
			if v := cfg.Validate(); len(v) != 0 {
				t.Errorf("LoadConfig returned an invalid config: %v", v)
			}
		})
	}
}

func TestLoadConfigNeverWrites(t *testing.T) {
	src := "sitting_limit = \"banana\"\n"
	path := writeConfig(t, src)
	LoadConfig(path)
	if b, _ := os.ReadFile(path); string(b) != src {
		t.Fatalf("config file changed to %q", b)
	}
}

func TestValidateOverrides(t *testing.T) {
	c := DefaultConfig()
	if errs := c.Validate(); len(errs) != 0 {
		t.Fatalf("defaults invalid: %v", errs)
	}
	c.SittingLimit = 4 * time.Minute // --sitting-limit 4m with natural_break 5m
	c.IdleSource = "bogus"
	var got []string
	for _, e := range c.Validate() {
		got = append(got, e.Error())
	}
	want := []string{
		"natural_break: natural_break (5m) must be shorter than sitting_limit (4m)",
		`idle_source: "bogus" is not an idle source (use one of auto, x11, mutter, wayland, screensaver, windows, macos, none)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestConfigDocsCoverEveryKey checks that ConfigKeys, and so ConfigDocs,
// covers every Config field exactly once, that the loader accepts exactly
// the documented keys, and that the documented defaults are the values
// DefaultConfig uses.
func TestConfigDocsCoverEveryKey(t *testing.T) {
	def := DefaultConfig()
	owner := map[string]string{} // Config field -> key
	for _, k := range ConfigKeys() {
		c := def
		if k.Kind == KindTable {
			c.Schedule.SetDay(time.Monday)
		} else if err := k.SetText(&c, otherValue(t, k, def)); err != nil {
			t.Fatalf("%s: %v", k.Name, err)
		}
		changed := changedFields(def, c)
		if len(changed) != 1 {
			t.Errorf("key %s sets fields %v, want exactly one", k.Name, changed)
			continue
		}
		if prev, dup := owner[changed[0]]; dup {
			t.Errorf("keys %s and %s both set Config.%s", prev, k.Name, changed[0])
		}
		owner[changed[0]] = k.Name
	}
	fields := reflect.TypeFor[Config]()
	for i := range fields.NumField() {
		if _, ok := owner[fields.Field(i).Name]; !ok {
			t.Errorf("Config.%s has no config key", fields.Field(i).Name)
		}
	}

	// Every documented default, written out, loads as DefaultConfig.
	var src strings.Builder
	for _, d := range ConfigDocs() {
		if d.Key == "[schedule]" {
			if d.Default != "always on" || !def.Schedule.AlwaysOn() {
				t.Errorf("[schedule] default %q, DefaultConfig schedule %+v", d.Default, def.Schedule)
			}
			src.WriteString("[schedule]\n")
			continue
		}
		src.WriteString(d.Key + " = " + d.Default + "\n")
	}
	cfg, errs := LoadConfig(writeConfig(t, src.String()))
	if len(errs) != 0 {
		t.Fatalf("documented defaults do not load cleanly: %v", errs)
	}
	if !reflect.DeepEqual(cfg, def) {
		t.Errorf("documented defaults load as %+v\nDefaultConfig is %+v", cfg, def)
	}

	// The loader knows the documented keys and no others.
	for _, k := range ConfigKeys() {
		_, errs := LoadConfig(writeConfig(t, k.Name+" = 1\n"))
		for _, e := range errs {
			if strings.Contains(e.Msg, "unknown key") {
				t.Errorf("loader does not know documented key %s: %v", k.Name, e)
			}
		}
	}
	_, errs = LoadConfig(writeConfig(t, "undocumented = 1\n"))
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "unknown key") {
		t.Errorf("undocumented key: %v", errs)
	}
}

// otherValue is a value of k's kind that differs from its default.
func otherValue(t *testing.T, k ConfigKey, def Config) string {
	t.Helper()
	switch k.Kind {
	case KindDuration:
		return "17s"
	case KindCount:
		return "7"
	case KindBool:
		return strconv.FormatBool(k.Text(def) != "true")
	case KindChoice:
		for _, c := range k.Choices {
			if c != k.Text(def) {
				return c
			}
		}
	case KindText:
		return "another-" + k.Text(def)
	}
	t.Fatalf("%s: no other value", k.Name)
	return ""
}

// changedFields names the fields of Config that differ between a and b.
func changedFields(a, b Config) []string {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	var out []string
	for i := range va.NumField() {
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			out = append(out, va.Type().Field(i).Name)
		}
	}
	return out
}

// TestReadmeConfigTable checks that the README's configuration table is
// ConfigDocs, row by row.
func TestReadmeConfigTable(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n## Configuration\n")
	if !ok {
		t.Fatal("README has no Configuration section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var rows []string
	for _, line := range strings.Split(section, "\n") {
		if strings.HasPrefix(line, "| `") {
			rows = append(rows, line)
		}
	}
	var want []string
	for _, d := range ConfigDocs() {
		want = append(want, fmt.Sprintf("| `%s` | %s | %s |", d.Key, d.Default, d.Doc))
	}
	if got := strings.Join(rows, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("README configuration table:\n%s\nwant (from ConfigKeys):\n%s", got, strings.Join(want, "\n"))
	}
}
