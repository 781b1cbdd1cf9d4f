// Package durtext writes durations the way people write them in Limber's
// files and messages: 45m, 1h30m, 90s rather than Go's 45m0s. The config
// loader, the routine file checker and the Settings window share it so that
// one duration reads the same everywhere.
package durtext

import (
	"errors"
	"regexp"
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

// ErrOutOfRange is returned by Parse for a duration written correctly but
// too long for a time.Duration (about 292 years), e.g. "9999999999999h".
var ErrOutOfRange = errors.New("out of range")

var durationSyntax = regexp.MustCompile(`^[+-]?(0|(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$`)

// Parse is time.ParseDuration, except that a well-formed duration too long
// to represent gives ErrOutOfRange, so that a message can say "out of
// range" rather than "not a duration".
func Parse(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil && durationSyntax.MatchString(s) {
		return 0, ErrOutOfRange
	}
	return d, err
}
