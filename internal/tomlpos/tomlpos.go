// Package tomlpos finds where things are in the text of a TOML document:
// the byte range and line of every statement and value, and the line of
// every key path. BurntSushi/toml keeps key positions private, so the
// config loader (for error lines), the config saver (to edit values in
// place) and the routine file checker (for error lines) share this small
// scanner instead.
//
// It knows just enough TOML (basic, literal and multi-line strings,
// arrays, inline tables, comments, table headers) to tell where each
// statement begins and ends. It is meant for documents the TOML parser has
// already accepted; on anything else it still returns, but the positions
// are a best effort.
package tomlpos

import (
	"fmt"
	"strconv"
	"strings"
)

// Kind is the kind of a statement.
type Kind int

const (
	Blank    Kind = iota // an empty line
	Comment              // a line holding only a comment (or nothing TOML would accept)
	Header               // [table] or [[array]]
	KeyValue             // key = value, possibly over several lines
)

// Stmt is one statement of a document as the user laid it out.
type Stmt struct {
	Kind Kind
	// Table is, for a Header, the table it opens, and for a KeyValue the
	// table it is in ("" at the top level). The tables of an array of
	// tables are numbered from 1: the second [[step]] is "step[2]".
	Table string
	// Key is a KeyValue's dotted key, its parts unquoted.
	Key string
	// Array marks the Header of an array of tables, [[name]].
	Array bool
	// Line is the 1-based line the statement starts on.
	Line int
	// Start and End are the byte range of the statement's whole lines; End
	// is after the newline.
	Start, End int
	// ValStart and ValEnd are a KeyValue's value, without blanks or a
	// trailing comment.
	ValStart, ValEnd int
}

// Path is the full key path of a Header or KeyValue: "schedule",
// "schedule.monday", "step[2].hold".
func (s Stmt) Path() string {
	if s.Kind != KeyValue || s.Table == "" {
		return s.Table + s.Key
	}
	return s.Table + "." + s.Key
}

// Scan splits src into statements, in order; together they cover src.
func Scan(src string) []Stmt {
	var out []Stmt
	table := ""
	counts := map[string]int{} // [[array]] headers seen per name
	line := 1
	for i := 0; i < len(src); {
		j := skipBlank(src, i)
		s := Stmt{Start: i, Table: table, Line: line}
		switch {
		case j >= len(src) || src[j] == '\n' || src[j] == '\r':
			s.Kind = Blank
			s.End = endOfLine(src, j)
		case src[j] == '#':
			s.Kind = Comment
			s.End = endOfLine(src, j)
		case src[j] == '[':
			var after int
			table, s.Array, after = header(src, j, counts)
			s.Kind, s.Table = Header, table
			s.End = endOfLine(src, after)
		default:
			s = keyValue(src, j, s)
		}
		out = append(out, s)
		line += strings.Count(src[s.Start:s.End], "\n")
		i = s.End
	}
	return out
}

// header reads the table header at j, returning the table's path, whether
// it is an array of tables, and the offset after its name.
func header(src string, j int, counts map[string]int) (string, bool, int) {
	k := j + 1
	array := k < len(src) && src[k] == '['
	if array {
		k++
	}
	name, after := readKey(src, k, ']')
	if !array {
		return name, false, after
	}
	counts[name]++
	return fmt.Sprintf("%s[%d]", name, counts[name]), true, after
}

// keyValue fills in s for the key-value whose key starts at j.
func keyValue(src string, j int, s Stmt) Stmt {
	key, eq := readKey(src, j, '=')
	if eq >= len(src) || src[eq] != '=' { // not a key-value: keep the line as it is
		s.Kind = Comment
		s.End = endOfLine(src, eq)
		return s
	}
	s.Kind, s.Key = KeyValue, key
	s.ValStart = skipBlank(src, eq+1)
	s.ValEnd = scanValue(src, s.ValStart)
	s.End = endOfLine(src, s.ValEnd)
	return s
}

func skipBlank(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// endOfLine returns the offset after the newline ending the line holding i.
func endOfLine(s string, i int) int {
	if n := strings.IndexByte(s[min(i, len(s)):], '\n'); n >= 0 {
		return i + n + 1
	}
	return len(s)
}

// readKey reads a possibly dotted and quoted key up to stop, returning the
// key with its parts unquoted and joined by dots, and the offset of stop
// (or of the line end when stop is missing).
func readKey(s string, i int, stop byte) (string, int) {
	var parts []string
	var cur strings.Builder
	for i < len(s) && s[i] != stop && s[i] != '\n' {
		switch c := s[i]; c {
		case '"', '\'':
			j := endOfString(s, i)
			cur.WriteString(unquote(s[i:min(j, len(s))]))
			i = j
		case '.':
			parts = append(parts, strings.TrimSpace(cur.String()))
			cur.Reset()
			i++
		default:
			cur.WriteByte(c)
			i++
		}
	}
	parts = append(parts, strings.TrimSpace(cur.String()))
	return strings.Join(parts, "."), min(i, len(s))
}

// endOfString returns the offset after the one-line string that starts
// with the quote at i (or the line end when it is not closed).
func endOfString(s string, i int) int {
	c := s[i]
	j := i + 1
	for j < len(s) && s[j] != c && s[j] != '\n' {
		if c == '"' && s[j] == '\\' {
			j++
		}
		j++
	}
	return min(j+1, len(s))
}

// unquote returns the text of a quoted key part.
func unquote(raw string) string {
	if strings.HasPrefix(raw, `"`) {
		if u, err := strconv.Unquote(raw); err == nil {
			return u
		}
		return raw
	}
	return strings.Trim(raw, "'")
}

// endOfMultiline returns the offset after the multi-line string that
// starts with the three quotes at i.
func endOfMultiline(s string, i int) int {
	q := s[i : i+3]
	j := i + 3
	for j < len(s) && !strings.HasPrefix(s[j:], q) {
		if q == `"""` && s[j] == '\\' {
			j++
		}
		j++
	}
	j += 3
	for k := 0; k < 2 && j < len(s) && s[j] == q[0]; k++ { // """a""""" ends with quotes
		j++
	}
	return min(j, len(s))
}

// scanValue returns the end of the value starting at i: the first line
// end or comment outside strings and brackets, less trailing blanks.
func scanValue(s string, i int) int {
	depth := 0
	start := i
	for i < len(s) {
		switch c := s[i]; {
		case strings.HasPrefix(s[i:], `"""`), strings.HasPrefix(s[i:], `'''`):
			i = endOfMultiline(s, i)
		case c == '"' || c == '\'':
			i = endOfString(s, i)
		case c == '[' || c == '{':
			depth++
			i++
		case c == ']' || c == '}':
			depth--
			i++
		case (c == '#' || c == '\n') && depth <= 0:
			return trimEnd(s, start, i)
		case c == '#':
			i = endOfLine(s, i)
		default:
			i++
		}
	}
	return trimEnd(s, start, len(s))
}

func trimEnd(s string, start, i int) int {
	for i > start && (s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == '\r') {
		i--
	}
	return i
}

// Lines maps the key paths of a document (Stmt.Path) to the line they are
// first written on.
type Lines map[string]int

// Index returns the lines of every header and key-value of src. The name
// of an array of tables ("step" for [[step]]) is on its first header.
func Index(src string) Lines {
	lines := Lines{}
	for _, s := range Scan(src) {
		if s.Kind != Header && s.Kind != KeyValue {
			continue
		}
		lines.add(s.Path(), s.Line)
		if s.Array {
			lines.add(s.Table[:strings.LastIndexByte(s.Table, '[')], s.Line)
		}
	}
	return lines
}

func (l Lines) add(path string, line int) {
	if _, seen := l[path]; !seen {
		l[path] = line
	}
}

// Line returns the line of path or, when path itself is not written in the
// document, of the first key written under it (a.b.c = 1 defines table
// "a") or else of its nearest enclosing key or table (a value inside an
// inline table, say); 0 when none is.
func (l Lines) Line(path string) int {
	if n, ok := l[path]; ok {
		return n
	}
	first := 0
	for k, n := range l {
		if strings.HasPrefix(k, path) && len(k) > len(path) && (k[len(path)] == '.' || k[len(path)] == '[') && (first == 0 || n < first) {
			first = n
		}
	}
	if first > 0 {
		return first
	}
	for path != "" {
		if n, ok := l[path]; ok {
			return n
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 0
}
