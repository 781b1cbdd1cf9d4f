package tomlpos

import (
	"regexp"
	"strconv"
	"strings"
)

// LineAt returns the 1-based line holding the byte at offset, or 0 when
// offset is outside src. The TOML parser reports an error found at a line
// end on the next line ("[schedule" then a newline); its byte offset is
// right.
func LineAt(src string, offset int) int {
	if offset < 0 || offset > len(src) {
		return 0
	}
	return 1 + strings.Count(src[:offset], "\n")
}

var bareDuration = regexp.MustCompile(`^\s*[A-Za-z0-9_."'-]+\s*=\s*([0-9]+(\.[0-9]*)?(ns|us|µs|ms|s|m|h))+\s*(#.*)?$`)

// SyntaxHint returns a hint for a common mistake on the given line of src,
// as " (…)" to append to the parser's message, or "" for none. Today it
// knows one: a duration written without quotes, sitting_limit = 30m.
func SyntaxHint(src string, line int) string {
	lines := strings.Split(src, "\n")
	if line < 1 || line > len(lines) {
		return ""
	}
	m := bareDuration.FindStringSubmatch(strings.TrimRight(lines[line-1], "\r"))
	if m == nil {
		return ""
	}
	val := strings.TrimSpace(strings.SplitN(m[0], "=", 2)[1])
	if i := strings.IndexByte(val, '#'); i >= 0 {
		val = strings.TrimSpace(val[:i])
	}
	return " (durations are quoted: " + strconv.Quote(val) + ")"
}
