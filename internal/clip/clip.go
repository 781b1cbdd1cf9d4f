// Package clip shortens values a user wrote before an error message echoes
// them, so that a 5,000-character id or key does not flood a notification,
// a log line or `limber check-routine`.
package clip

import "unicode/utf8"

// Max is how many characters of a value a message shows.
const Max = 40

// String returns s, or its first Max characters followed by "…" when it is
// longer. Invalid UTF-8 is counted byte by byte.
func String(s string) string {
	if utf8.RuneCountInString(s) <= Max {
		return s
	}
	n := 0
	for i := range s {
		if n == Max {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
