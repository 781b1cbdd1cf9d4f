package main

import (
	"fmt"
	"regexp"
	"strings"
)

// entry is one line of the usage text: a command or flags, and what it does.
type entry struct {
	terms []string // "limber status [--json]", or several flags on one line
	desc  string   // empty when the usage gives none
}

// section is a heading of the usage text ("Usage:", "Daemon flags (…):")
// and the lines indented below it.
type section struct {
	heading string
	entries []entry
}

// gap separates a usage line's parts: a command from its description, or
// flags listed on one line.
var gap = regexp.MustCompile(` {2,}`)

// parseUsage reads the usage text `limber --help` prints: headings flush
// left ending in a colon, entries indented by two spaces whose term and
// description are separated by two or more spaces, and description
// continuations indented further.
func parseUsage(usage string) ([]section, error) {
	var out []section
	for n, line := range strings.Split(usage, "\n") {
		switch {
		case strings.TrimSpace(line) == "":
		case !strings.HasPrefix(line, " "):
			if !strings.HasSuffix(line, ":") {
				return nil, fmt.Errorf("usage line %d: %q is neither a heading (ending in ':') nor indented", n+1, line)
			}
			out = append(out, section{heading: strings.TrimSuffix(line, ":")})
		case len(out) == 0:
			return nil, fmt.Errorf("usage line %d: %q comes before any heading", n+1, line)
		case strings.HasPrefix(line, "   "):
			s := &out[len(out)-1]
			if len(s.entries) == 0 || s.entries[len(s.entries)-1].desc == "" {
				return nil, fmt.Errorf("usage line %d: %q continues no description", n+1, line)
			}
			s.entries[len(s.entries)-1].desc += " " + strings.TrimSpace(line)
		default:
			s := &out[len(out)-1]
			s.entries = append(s.entries, parseEntry(strings.TrimSpace(line)))
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("usage text has no heading")
	}
	return out, nil
}

// parseEntry splits "limber skip      skip the break" into term and
// description, and "--config PATH  --sitting-limit 45m" into two terms.
func parseEntry(line string) entry {
	parts := gap.Split(line, -1)
	e := entry{terms: parts[:1]}
	for i, p := range parts[1:] {
		if strings.HasPrefix(p, "-") {
			e.terms = append(e.terms, p)
			continue
		}
		e.desc = strings.Join(parts[i+1:], " ")
		break
	}
	return e
}

// escape makes text safe as roff input: backslashes and hyphens (which
// roff would otherwise render as typographic hyphens, breaking
// copy-and-paste of options) are escaped, and a leading control character
// is neutralised.
func escape(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// placeholder is a word the user replaces (ID, FILE, PATH), set in italics.
var placeholder = regexp.MustCompile(`\b[A-Z]{2,}\b`)

// term renders a command or flag in bold with its placeholders in italics.
func term(s string) string {
	return `\fB` + placeholder.ReplaceAllStringFunc(escape(s), func(w string) string {
		return `\fI` + w + `\fB`
	}) + `\fR`
}
