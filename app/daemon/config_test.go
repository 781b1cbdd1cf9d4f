package daemon

import (
	"strings"
	"testing"
	"time"

	"github.com/limber-app/limber/reminders"
)

func TestApplyOverrides(t *testing.T) {
	def := reminders.DefaultConfig()
	tests := []struct {
		name                  string
		opts                  Options
		sitting, naturalBreak time.Duration
		errs                  int
	}{
		{"none", Options{}, def.SittingLimit, def.NaturalBreak, 0},
		{"sitting limit", Options{SittingLimit: 20 * time.Minute}, 20 * time.Minute, def.NaturalBreak, 0},
		{"both", Options{SittingLimit: time.Hour, NaturalBreak: 3 * time.Minute}, time.Hour, 3 * time.Minute, 0},
		{"break longer than the limit", Options{SittingLimit: 10 * time.Minute, NaturalBreak: 20 * time.Minute}, def.SittingLimit, def.NaturalBreak, 1},
	}
	for _, tt := range tests {
		cfg, errs := applyOverrides(def, nil, tt.opts)
		if cfg.SittingLimit != tt.sitting || cfg.NaturalBreak != tt.naturalBreak || len(errs) < tt.errs || (tt.errs == 0 && len(errs) > 0) {
			t.Errorf("%s: sitting %v, break %v, errors %v; want %v, %v, %d error(s)", tt.name, cfg.SittingLimit, cfg.NaturalBreak, errs, tt.sitting, tt.naturalBreak, tt.errs)
		}
		for _, e := range errs {
			if !strings.HasSuffix(e.Msg, "(from the command line)") {
				t.Errorf("%s: error %q does not say it came from the command line", tt.name, e.Msg)
			}
		}
	}
}
