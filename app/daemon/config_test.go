package daemon

import (
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/reminders"
)

func TestApplyOverrides(t *testing.T) {
	def := reminders.DefaultConfig()
	file := def // as if config.toml said sitting_limit = "30m"
	file.SittingLimit = 30 * time.Minute
	fileBreak := def // as if config.toml said natural_break = "10m"
	fileBreak.NaturalBreak = 10 * time.Minute
	tests := []struct {
		name                  string
		cfg                   reminders.Config
		opts                  Options
		sitting, naturalBreak time.Duration
		msg                   []string // the one message must contain these; none when empty
	}{
		{"none", def, Options{}, def.SittingLimit, def.NaturalBreak, nil},
		{"sitting limit", def, Options{SittingLimit: 20 * time.Minute}, 20 * time.Minute, def.NaturalBreak, nil},
		{"both", def, Options{SittingLimit: time.Hour, NaturalBreak: 3 * time.Minute}, time.Hour, 3 * time.Minute, nil},
		// The flag wins over the file's 30m and the default natural break,
		// which is lowered for this run.
		{"short limit, default break", file, Options{SittingLimit: 20 * time.Second}, 20 * time.Second, 10 * time.Second,
			[]string{"--sitting-limit 20s", "natural_break 5m (default)", "10s for this run"}},
		{"short limit, break from the file", fileBreak, Options{SittingLimit: 8 * time.Minute}, 8 * time.Minute, 4 * time.Minute,
			[]string{"--sitting-limit 8m", "natural_break 10m (config file)", "4m for this run"}},
		{"long break flag", file, Options{NaturalBreak: 40 * time.Minute}, 80 * time.Minute, 40 * time.Minute,
			[]string{"--natural-break 40m", "sitting_limit 30m (config file)", "1h20m for this run"}},
		{"both flags conflict", def, Options{SittingLimit: 10 * time.Minute, NaturalBreak: 20 * time.Minute}, 10 * time.Minute, 5 * time.Minute,
			[]string{"--natural-break 20m", "--sitting-limit 10m", "5m for this run"}},
	}
	for _, tt := range tests {
		cfg, errs := applyOverrides(tt.cfg, nil, tt.opts)
		if cfg.SittingLimit != tt.sitting || cfg.NaturalBreak != tt.naturalBreak {
			t.Errorf("%s: sitting %v, break %v; want %v, %v", tt.name, cfg.SittingLimit, cfg.NaturalBreak, tt.sitting, tt.naturalBreak)
		}
		if len(tt.msg) == 0 {
			if len(errs) != 0 {
				t.Errorf("%s: messages %v, want none", tt.name, errs)
			}
			continue
		}
		if len(errs) != 1 {
			t.Errorf("%s: %d messages %v, want one", tt.name, len(errs), errs)
			continue
		}
		for _, want := range tt.msg {
			if !strings.Contains(errs[0].Error(), want) {
				t.Errorf("%s: message %q lacks %q", tt.name, errs[0].Error(), want)
			}
		}
	}
}
