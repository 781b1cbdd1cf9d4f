package routines

import (
	"fmt"
	"strconv"
	"strings"
)

// keyLines maps the key paths of a TOML document to the 1-based line they are
// written on, so semantic errors can point at a line. Paths look like "id",
// "step[2]" (the second [[step]] header) and "step[2].hold".
//
// BurntSushi/toml keeps key positions private, so this is a small scanner
// over a document the TOML parser has already accepted. It follows strings
// (including multi-line ones), comments and brackets well enough to tell a
// key at the start of a line from text inside a value.
type keyLines map[string]int

func indexKeyLines(src string) keyLines {
	lines := keyLines{}
	counts := map[string]int{}
	prefix := ""
	var sc valueScanner
	for i, line := range strings.Split(src, "\n") {
		n := i + 1
		if sc.open() {
			sc.scan(line)
			continue
		}
		t := strings.TrimLeft(line, " \t")
		switch {
		case strings.HasPrefix(t, "[["):
			name, _, _ := parseKey(t[2:])
			counts[name]++
			path := fmt.Sprintf("%s[%d]", name, counts[name])
			lines.add(path, n)
			prefix = path + "."
		case strings.HasPrefix(t, "["):
			name, _, _ := parseKey(t[1:])
			lines.add(name, n)
			prefix = name + "."
		default:
			key, rest, ok := parseKey(t)
			if ok && strings.HasPrefix(rest, "=") {
				lines.add(prefix+key, n)
				sc.scan(rest[1:])
			}
		}
	}
	return lines
}

func (k keyLines) add(path string, line int) {
	if _, seen := k[path]; !seen {
		k[path] = line
	}
}

// line returns the line of path, or of its nearest enclosing key when the
// path itself was not found (a value inside an inline table, say), or 1.
func (k keyLines) line(path string) int {
	for path != "" {
		if n, ok := k[path]; ok {
			return n
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 1
}

// parseKey reads a possibly dotted, possibly quoted TOML key at the start of
// s and returns it with the dots kept, the rest of s after the key and its
// trailing blanks, and whether a key was found.
func parseKey(s string) (key, rest string, ok bool) {
	var parts []string
	for {
		s = strings.TrimLeft(s, " \t")
		var part string
		switch {
		case strings.HasPrefix(s, `"`):
			end := closingQuote(s, '"')
			if end < 0 {
				return "", s, false
			}
			part = s[:end+1]
			if u, err := strconv.Unquote(part); err == nil {
				part = u
			} else {
				part = part[1:end]
			}
			s = s[end+1:]
		case strings.HasPrefix(s, "'"):
			end := strings.IndexByte(s[1:], '\'')
			if end < 0 {
				return "", s, false
			}
			part, s = s[1:end+1], s[end+2:]
		default:
			end := strings.IndexFunc(s, func(r rune) bool {
				return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
			})
			if end < 0 {
				end = len(s)
			}
			if end == 0 {
				return "", s, false
			}
			part, s = s[:end], s[end:]
		}
		parts = append(parts, part)
		s = strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(s, ".") {
			return strings.Join(parts, "."), s, true
		}
		s = s[1:]
	}
}

// closingQuote returns the index of the quote ending the basic string that
// starts at s[0], honouring backslash escapes, or -1.
func closingQuote(s string, q byte) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case q:
			return i
		}
	}
	return -1
}

// valueScanner follows a TOML value across lines: it knows when a line is
// still inside a multi-line string or an unclosed array.
type valueScanner struct {
	multi string // `"""` or `'''` while inside a multi-line string
	depth int    // open [ and { brackets
}

func (v *valueScanner) open() bool { return v.multi != "" || v.depth > 0 }

func (v *valueScanner) scan(s string) {
	for i := 0; i < len(s); i++ {
		if v.multi != "" {
			if v.multi == `"""` && s[i] == '\\' {
				i++
				continue
			}
			if strings.HasPrefix(s[i:], v.multi) {
				i += len(v.multi) - 1
				v.multi = ""
			}
			continue
		}
		switch c := s[i]; c {
		case '#':
			return
		case '"', '\'':
			if strings.HasPrefix(s[i:], strings.Repeat(string(c), 3)) {
				v.multi = strings.Repeat(string(c), 3)
				i += 2
				continue
			}
			var end int
			if c == '"' {
				end = closingQuote(s[i:], '"')
			} else {
				end = strings.IndexByte(s[i+1:], '\'') + 1
			}
			if end <= 0 {
				return // unterminated; the parser would have refused it
			}
			i += end
		case '[', '{':
			v.depth++
		case ']', '}':
			if v.depth > 0 {
				v.depth--
			}
		}
	}
}
