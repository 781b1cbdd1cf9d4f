package reminders

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// saveAndLoad writes initial (unless it is "-": no file), saves cfg over it
// and returns the new text, failing unless LoadConfig gives cfg back.
func saveAndLoad(t *testing.T, initial string, cfg Config) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "limber", "config.toml")
	if initial != "-" {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(initial), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := SaveConfig(path, cfg); err != nil {
		t.Fatalf("SaveConfig: %v", err)
	}
	got, errs := LoadConfig(path)
	for _, e := range errs {
		if !strings.Contains(e.Msg, "unknown") {
			t.Errorf("load after save: %v", e)
		}
	}
	if !reflect.DeepEqual(got, cfg) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, cfg)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func withSchedule(c Config, days map[time.Weekday][]string) Config {
	for d, list := range days {
		var rs []Range
		for _, s := range list {
			r, err := ParseRange(s)
			if err != nil {
				panic(err)
			}
			rs = append(rs, r)
		}
		c.Schedule.SetDay(d, rs...)
	}
	return c
}

func TestSaveConfig(t *testing.T) {
	def := DefaultConfig()
	mod := func(f func(*Config)) Config { c := DefaultConfig(); f(&c); return c }
	userFile := `# My Limber settings
sitting_limit = "50m"   # a bit longer than the default
future_option = "keep me"  # from a newer Limber

# nested table from a plug-in
[plugin]
colour = "teal"
`
	tests := []struct {
		name    string
		initial string // "-": no file
		cfg     Config
		want    string // exact new text, or "" to skip
		has     []string
		hasNot  []string
	}{
		{name: "new file with defaults", initial: "-", cfg: def,
			want: "# Limber settings. Keys left out use their defaults; see the README.\n"},
		{name: "new file with changes", initial: "-",
			cfg: mod(func(c *Config) { c.SittingLimit = 90 * time.Minute; c.PromptInstead = true }),
			has: []string{`sitting_limit = "1h30m"`, "prompt_instead = true"}, hasNot: []string{"snooze"}},
		{name: "unchanged file is byte for byte the same", initial: userFile,
			cfg: mod(func(c *Config) { c.SittingLimit = 50 * time.Minute }), want: userFile},
		{name: "value edited in place, comment kept", initial: userFile,
			cfg:  mod(func(c *Config) { c.SittingLimit = time.Hour }),
			want: strings.Replace(userFile, `"50m"`, `"1h"`, 1)},
		{name: "missing key appended after the last top-level key", initial: userFile,
			cfg:  mod(func(c *Config) { c.SittingLimit = 50 * time.Minute; c.Snooze = 15 * time.Minute; c.DND = DNDIgnore }),
			want: strings.Replace(userFile, "from a newer Limber\n", "from a newer Limber\nsnooze = \"15m\"\ndnd = \"ignore\"\n", 1)},
		{name: "equal value keeps the user's spelling", initial: "remind_again = \"300s\"\n",
			cfg: def, want: "remind_again = \"300s\"\n"},
		{name: "key back at its default is kept explicit", initial: "snooze_limit = 7\n",
			cfg: def, want: "snooze_limit = 3\n"},
		{name: "invalid value replaced", initial: "max_reminders = \"lots\" # eh\nidle_source = \"telepathy\"\n",
			cfg: mod(func(c *Config) { c.MaxReminders = 5 }), want: "max_reminders = 5 # eh\nidle_source = \"auto\"\n"},
		{name: "keys before the first table when there are no top-level keys", initial: "# intro\n\n# plug-in\n[plugin]\nx = 1\n",
			cfg:  mod(func(c *Config) { c.Suggest = "neck-reset" }),
			want: "# intro\n\nsuggest = \"neck-reset\"\n\n# plug-in\n[plugin]\nx = 1\n"},
		{name: "file without final newline", initial: `natural_break = "3m"`,
			cfg:  mod(func(c *Config) { c.NaturalBreak = 3 * time.Minute; c.NotificationButtons = false }),
			want: "natural_break = \"3m\"\nnotification_buttons = false\n"},
		{name: "strings quoted for TOML", initial: "-",
			cfg: mod(func(c *Config) { c.Suggest = `we"ird\id` + "\t" }), has: []string{`suggest = "we\"ird\\id\u0009"`}},
		{name: "hash inside a string is not a comment", initial: "suggest = \"a#b\" # note\n",
			cfg: mod(func(c *Config) { c.Suggest = "c#d" }), want: "suggest = \"c#d\" # note\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := saveAndLoad(t, tt.initial, tt.cfg)
			if tt.want != "" && got != tt.want {
				t.Errorf("text:\n%s\nwant:\n%s", got, tt.want)
			}
			for _, s := range tt.has {
				if !strings.Contains(got, s) {
					t.Errorf("missing %q in:\n%s", s, got)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(got, s) {
					t.Errorf("unexpected %q in:\n%s", s, got)
				}
			}
		})
	}
}

func TestSaveConfigSchedule(t *testing.T) {
	def := DefaultConfig()
	table := `sitting_limit = "45m"

[schedule]
# weekdays
monday = ["09:00-12:30", "13:30-18:00"]  # lunch break
tuesday = [
  "09:00-17:00", # short day
]
sunday = []
`
	tests := []struct {
		name    string
		initial string
		cfg     Config
		want    string
	}{
		{"new table with midnight crossing and an off day", "-",
			withSchedule(def, map[time.Weekday][]string{time.Friday: {"22:00-02:00"}, time.Saturday: {}, time.Monday: {"08:00-24:00"}}),
			"# Limber settings. Keys left out use their defaults; see the README.\n\n[schedule]\nmonday = [\"08:00-24:00\"]\nfriday = [\"22:00-02:00\"]\nsaturday = []\n"},
		{"table unchanged", table,
			withSchedule(def, map[time.Weekday][]string{time.Monday: {"09:00-12:30", "13:30-18:00"}, time.Tuesday: {"09:00-17:00"}, time.Sunday: {}}),
			table},
		{"day edited, day removed, day added", table,
			withSchedule(def, map[time.Weekday][]string{time.Monday: {"10:00-16:00"}, time.Sunday: {}, time.Wednesday: {"23:00-01:00"}}),
			"sitting_limit = \"45m\"\n\n[schedule]\n# weekdays\nmonday = [\"10:00-16:00\"]  # lunch break\nsunday = []\nwednesday = [\"23:00-01:00\"]\n"},
		{"multi-line array replaced", table,
			withSchedule(def, map[time.Weekday][]string{time.Monday: {"09:00-12:30", "13:30-18:00"}, time.Tuesday: {}, time.Sunday: {}}),
			strings.Replace(table, "[\n  \"09:00-17:00\", # short day\n]", "[]", 1)},
		{"always on empties the table", table, def,
			"sitting_limit = \"45m\"\n\n[schedule]\n# weekdays\n"},
		{"top-level key added before the table", table,
			withSchedule(func() Config { c := def; c.Snooze = 5 * time.Minute; return c }(),
				map[time.Weekday][]string{time.Monday: {"09:00-12:30", "13:30-18:00"}, time.Tuesday: {"09:00-17:00"}, time.Sunday: {}}),
			strings.Replace(table, "\"45m\"\n", "\"45m\"\nsnooze = \"5m\"\n", 1)},
		{"inline table rewritten as a table", "schedule = { monday = [\"09:00-17:00\"] }\nx = 1\n",
			withSchedule(def, map[time.Weekday][]string{time.Monday: {"08:00-16:00"}}),
			"x = 1\n\n[schedule]\nmonday = [\"08:00-16:00\"]\n"},
		{"invalid day fixed", "[schedule]\nmonday = [\"9-5\"]\n",
			withSchedule(def, map[time.Weekday][]string{time.Monday: {"09:00-17:00"}}),
			"[schedule]\nmonday = [\"09:00-17:00\"]\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := saveAndLoad(t, tt.initial, tt.cfg); got != tt.want {
				t.Errorf("text:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestSaveConfigKeepsUnknownKeysOnFallback(t *testing.T) {
	// A layout the in-place editor does not handle: the schedule as dotted
	// keys inside another table is not possible, but an inline table that
	// spans lines is; whichever path is taken, unknown keys survive.
	initial := "alpha = 1\nschedule = {\n monday = [\"09:00-17:00\"] }\n[plugin]\nbeta = \"b\"\n"
	cfg := withSchedule(DefaultConfig(), map[time.Weekday][]string{time.Monday: {"10:00-11:00"}})
	got := saveAndLoad(t, initial, cfg)
	for _, s := range []string{"alpha = 1", "[plugin]", `beta = "b"`} {
		if !strings.Contains(got, s) {
			t.Errorf("lost %q:\n%s", s, got)
		}
	}
}

func TestSaveConfigFileMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte("snooze = \"5m\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Snooze = 20 * time.Minute
	if err := SaveConfig(path, cfg); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", fi.Mode().Perm())
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
	fresh := filepath.Join(dir, "new", "config.toml")
	if err := SaveConfig(fresh, cfg); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("new file: %v, %v; want 0644", fi.Mode(), err)
	}
}

func TestSaveConfigFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "dotfiles-config.toml")
	link := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(real, []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symlinks:", err)
	}
	cfg := DefaultConfig()
	cfg.MaxReminders = 9
	if err := SaveConfig(link, cfg); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("symlink replaced: %v %v", fi.Mode(), err)
	}
	data, _ := os.ReadFile(real)
	if string(data) != "# mine\nmax_reminders = 9\n" {
		t.Errorf("target = %q", data)
	}
}

func TestSaveConfigBrokenFileBackedUp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	broken := "sitting_limit = \"45m\nthis is not toml\n"
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.SittingLimit = time.Hour
	if err := SaveConfig(path, cfg); err != nil {
		t.Fatal(err)
	}
	if bak, err := os.ReadFile(path + ".bak"); err != nil || string(bak) != broken {
		t.Errorf("backup = %q, %v", bak, err)
	}
	if got, errs := LoadConfig(path); len(errs) > 0 || !reflect.DeepEqual(got, cfg) {
		t.Errorf("load = %+v, %v", got, errs)
	}
}

func TestSaveConfigRefusesInvalid(t *testing.T) {
	bad := []func(*Config){
		func(c *Config) { c.SittingLimit = 0 },
		func(c *Config) { c.NaturalBreak = c.SittingLimit },
		func(c *Config) { c.MaxReminders = 0 },
		func(c *Config) { c.DND = "sometimes" },
		func(c *Config) { c.IdleSource = "psychic" },
		func(c *Config) { c.Schedule.SetDay(time.Monday, Range{Start: 600, End: 600}) },
		func(c *Config) { c.Schedule.SetDay(time.Monday, Range{Start: -5, End: 600}) },
	}
	for i, f := range bad {
		path := filepath.Join(t.TempDir(), "config.toml")
		cfg := DefaultConfig()
		f(&cfg)
		if err := SaveConfig(path, cfg); err == nil {
			t.Errorf("case %d: saved an invalid config", i)
		}
		if _, err := os.Stat(path); err == nil {
			t.Errorf("case %d: file written", i)
		}
	}
}

// TestSaveConfigRoundTripRandom saves random configurations over a few
// starting files, one after another, checking every round trip.
func TestSaveConfigRoundTripRandom(t *testing.T) {
	starts := []string{"-", "", "# only a comment\n", "unknown = [1, 2]\n[plugin]\nk = 'v'\n",
		"[schedule]\nmonday = []\n", "sitting_limit = \"30m\" # c\n\n[schedule] # hours\nfriday = [\n\"08:00-12:00\",\n]\n"}
	rng := rand.New(rand.NewPCG(1, 2))
	durs := []time.Duration{time.Second, 90 * time.Second, 5 * time.Minute, 45 * time.Minute, 90 * time.Minute, 24 * time.Hour}
	for i, start := range starts {
		path := filepath.Join(t.TempDir(), "config.toml")
		if start != "-" {
			if err := os.WriteFile(path, []byte(start), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for round := range 25 {
			cfg := DefaultConfig()
			cfg.SittingLimit = durs[1+rng.IntN(len(durs)-1)]
			cfg.NaturalBreak = durs[rng.IntN(len(durs))]
			if cfg.NaturalBreak >= cfg.SittingLimit {
				cfg.NaturalBreak = time.Second
			}
			cfg.RemindAgain = durs[rng.IntN(len(durs))]
			cfg.Snooze = durs[rng.IntN(len(durs))]
			cfg.MaxReminders = 1 + rng.IntN(100)
			cfg.SnoozeLimit = 1 + rng.IntN(100)
			cfg.DND = []DNDMode{DNDHold, DNDIgnore}[rng.IntN(2)]
			cfg.Suggest = []string{SuggestRotate, "neck-reset", "desk-quick"}[rng.IntN(3)]
			cfg.NotificationButtons = rng.IntN(2) == 0
			cfg.PromptInstead = rng.IntN(2) == 0
			cfg.IdleSource = IdleSources()[rng.IntN(len(IdleSources()))]
			for d := time.Sunday; d <= time.Saturday; d++ {
				switch rng.IntN(3) {
				case 1:
					cfg.Schedule.SetDay(d)
				case 2:
					var rs []Range
					for range 1 + rng.IntN(3) {
						s := rng.IntN(1440)
						e := rng.IntN(1441)
						if e == s {
							e = (s + 1) % 1440
						}
						rs = append(rs, Range{Start: s, End: e})
					}
					cfg.Schedule.SetDay(d, rs...)
				}
			}
			if err := SaveConfig(path, cfg); err != nil {
				t.Fatalf("start %d round %d: %v", i, round, err)
			}
			got, errs := LoadConfig(path)
			for _, e := range errs {
				if !strings.Contains(e.Msg, "unknown") {
					t.Fatalf("start %d round %d: %v", i, round, e)
				}
			}
			if !reflect.DeepEqual(got, cfg) {
				data, _ := os.ReadFile(path)
				t.Fatalf("start %d round %d: got %+v want %+v\n%s", i, round, got, cfg, data)
			}
		}
		if strings.Contains(start, "unknown") {
			data, _ := os.ReadFile(path)
			if !strings.Contains(string(data), "unknown = [1, 2]") || !strings.Contains(string(data), "k = 'v'") {
				t.Errorf("unknown keys lost:\n%s", data)
			}
		}
	}
}
