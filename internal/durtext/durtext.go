// Package durtext writes durations the way people write them in Limber's
// files and messages: 45m, 1h30m, 90s rather than Go's 45m0s. The config
// loader, the routine file checker and the Settings window share it so that
// one duration reads the same everywhere.
package durtext

import (
	"strings"
	"time"
)

// Format prints d without Go's trailing zero units: 45m, 1h30m, 2h, 1m30s,
// 500ms. time.ParseDuration reads every result back to d.
func Format(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
