package tomlpos

import (
	"fmt"
	"strings"
)

// MaxDepth bounds how deeply a document may nest arrays and inline tables,
// and how many dotted parts a key or table header may have. The TOML
// parser uses memory and stack in proportion to both (a 600 KB file of
// nested inline tables grew a process to gigabytes), while Limber's files
// need three or four levels.
const MaxDepth = 32

// DepthError says where a document first nests too deeply.
type DepthError struct {
	Line int // 1-based
	Msg  string
}

func (e *DepthError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// CheckDepth scans src once, in linear time and constant memory, and
// reports the first place where arrays and inline tables nest more than
// max levels, or a key or table header has more than max dotted parts. It
// skips strings and comments. It is meant to run before the TOML parser;
// on malformed input it may miss a problem the parser then reports.
func CheckDepth(src string, max int) *DepthError {
	d := depthScan{src: src, max: max, line: 1, stmtStart: true}
	return d.run()
}

type depthScan struct {
	src       string
	max       int
	line      int
	stack     []byte // open '[' and '{' of values; never longer than max
	stmtStart bool   // at the start of a top-level statement
	inKey     bool   // reading a key (before '=') or a header name
	header    bool   // the key is a table header
	parts     int    // dotted parts of the current key
}

func (d *depthScan) run() *DepthError {
	s := d.src
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\n':
			d.line++
			if len(d.stack) == 0 {
				d.stmtStart, d.inKey, d.header = true, false, false
			}
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '#':
			i = endOfLine(s, i) - 1 // stop on the newline, counted above
			if i < 0 || s[i] != '\n' {
				return nil
			}
			continue
		}
		if d.stmtStart {
			d.stmtStart, d.inKey, d.parts = false, true, 1
			if c == '[' {
				d.header = true
				i++
				if i < len(s) && s[i] == '[' {
					i++
				}
				continue
			}
		}
		next, err := d.token(i)
		if err != nil {
			return err
		}
		i = next
	}
	return nil
}

// token handles the byte at i outside blanks and comments and returns the
// offset after it: strings are skipped whole, every other byte may change
// the key or the nesting.
func (d *depthScan) token(i int) (int, *DepthError) {
	s := d.src
	switch {
	case hasTripleQuote(s, i):
		j := endOfMultiline(s, i)
		d.line += strings.Count(s[i:j], "\n")
		return j, nil
	case s[i] == '"' || s[i] == '\'':
		return endOfString(s, i), nil
	case d.header:
		return i + 1, d.headerByte(s[i])
	case d.inKey && s[i] == '.':
		return i + 1, d.dot()
	case d.inKey && s[i] == '=':
		d.inKey = false
		return i + 1, nil
	}
	return i + 1, d.valueByte(s[i])
}

// headerByte follows a byte of a table header: dots add parts, ']' ends it.
func (d *depthScan) headerByte(c byte) *DepthError {
	switch c {
	case '.':
		return d.dot()
	case ']':
		d.inKey, d.header = false, false
	}
	return nil
}

// dot counts one more dotted part of the current key.
func (d *depthScan) dot() *DepthError {
	d.parts++
	if d.parts > d.max {
		return &DepthError{Line: d.line, Msg: fmt.Sprintf("a key has more than %d dotted parts", d.max)}
	}
	return nil
}

// valueByte follows a byte of a value: brackets and braces nest, and a
// comma inside an inline table starts its next key.
func (d *depthScan) valueByte(c byte) *DepthError {
	switch {
	case c == '[' || c == '{':
		if len(d.stack) >= d.max {
			return &DepthError{Line: d.line, Msg: fmt.Sprintf("arrays and inline tables are nested more than %d levels deep", d.max)}
		}
		d.stack = append(d.stack, c)
		if c == '{' {
			d.inKey, d.parts = true, 1
		}
	case c == ']' || c == '}':
		if len(d.stack) > 0 {
			d.stack = d.stack[:len(d.stack)-1]
		}
		d.inKey = false
	case c == ',' && len(d.stack) > 0 && d.stack[len(d.stack)-1] == '{':
		d.inKey, d.parts = true, 1
	}
	return nil
}

func hasTripleQuote(s string, i int) bool {
	return i+3 <= len(s) && (s[i:i+3] == `"""` || s[i:i+3] == `'''`)
}
