package reminders

import (
	"strings"
	"testing"
)

// deepSeeds are nestings that once cost gigabytes or a stack overflow in
// the TOML parser; the fuzzer mutates them (see tomlpos.CheckDepth).
func deepSeeds() []string {
	return []string{
		"x = " + strings.Repeat("{a = ", 200) + "1" + strings.Repeat("}", 200),
		"x = " + strings.Repeat("[", 500) + strings.Repeat("]", 500),
		"[a" + strings.Repeat(".a", 300) + "]\nb = 1",
		"x = [\n" + strings.Repeat("[\n", 40) + strings.Repeat("]\n", 41),
		"x = {a" + strings.Repeat(".a", 40) + " = 1}",
		"x = \"\"\"\n" + strings.Repeat("[{", 100) + "\n\"\"\"\nsnooze = \"5m\"",
	}
}

// FuzzLoadConfig feeds arbitrary text to the config loader. It must never
// panic, every error must be on a line of the file (or 0 when there is no
// line), and the config it returns must pass Validate.
func FuzzLoadConfig(f *testing.F) {
	f.Add("sitting_limit = \"45m\"\nnatural_break = \"5m\"\n[schedule]\nmonday = [\"09:00-12:30\"]\n")
	f.Add("sitting_limit = 30m\n[schedule\nmonday = []\n")
	f.Add("a.b.c.d = 1\nsuggest = \"rotate\"\nsnooze = \"9999999999999h\"\n")
	for _, s := range deepSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Count(src, "\n") + 1
		cfg, errs := parseConfig("config.toml", src, func(id string) bool { return id == "neck" })
		for _, e := range errs {
			if e.Line < 0 || e.Line > lines || e.Msg == "" {
				t.Errorf("bad error %#v for a %d-line file", e, lines)
			}
		}
		if bad := cfg.Validate(); len(bad) > 0 {
			t.Errorf("loaded config fails Validate: %v", bad)
		}
	})
}
