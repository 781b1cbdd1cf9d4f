package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// englishUsage is the usage `limber --help` prints in English: the
// "cli.usage" message of app/i18n/translations/en.json, which app/cli's
// tests keep equal to its usage constant.
func englishUsage(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "app", "i18n", "translations", "en.json"))
	if err != nil {
		t.Fatal(err)
	}
	var messages map[string]any
	if err := json.Unmarshal(data, &messages); err != nil {
		t.Fatalf("en.json: %v", err)
	}
	usage, ok := messages["cli.usage"].(string)
	if !ok {
		t.Fatal(`en.json has no string "cli.usage"`)
	}
	return usage
}

// TestPageListsEveryUsageLine is the drift test between `limber --help`
// and limber(1): every command, flag and description of the usage text must
// be in the page, and a line of the usage the parser does not understand
// fails here rather than going missing from the page.
func TestPageListsEveryUsageLine(t *testing.T) {
	usage := englishUsage(t)
	text, err := page{usage: usage, version: "v1.2.3", date: "2026-11-25"}.roff()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, `.TH LIMBER 1 "2026-11-25" "limber 1.2.3" "User Commands"`) {
		t.Errorf("no .TH line with version and date in\n%s", text)
	}
	commands, flags := 0, 0
	for line := range strings.SplitSeq(usage, "\n") {
		trimmed := strings.TrimSpace(line)
		if !strings.HasPrefix(line, "  ") || trimmed == "" {
			continue
		}
		for _, part := range gap.Split(trimmed, -1) {
			switch {
			case strings.HasPrefix(part, "limber"):
				commands++
				want := term(part)
				if !strings.Contains(text, "\n"+want) {
					t.Errorf("command %q (%q) is not in the page", part, want)
				}
			case strings.HasPrefix(part, "-"):
				flags++
				if !strings.Contains(text, term(part)) {
					t.Errorf("flag %q is not in the page", part)
				}
			default: // a description or a part of one
				if !strings.Contains(strings.ReplaceAll(text, "\n", " "), escape(part)) {
					t.Errorf("description %q is not in the page", part)
				}
			}
		}
	}
	if commands < 10 || flags < 4 {
		t.Errorf("the usage text has %d commands and %d flags; is en.json's cli.usage still the usage?", commands, flags)
	}
}

// TestExitStatusMatchesCLI keeps the page's EXIT STATUS equal to the exit
// codes app/cli defines, read from its source.
func TestExitStatusMatchesCLI(t *testing.T) {
	file, err := parser.ParseFile(token.NewFileSet(), filepath.Join("..", "..", "app", "cli", "cli.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var want []int
	ast.Inspect(file, func(n ast.Node) bool {
		spec, ok := n.(*ast.ValueSpec)
		if !ok || len(spec.Names) != 1 || !strings.HasPrefix(spec.Names[0].Name, "Exit") || len(spec.Values) != 1 {
			return true
		}
		if lit, ok := spec.Values[0].(*ast.BasicLit); ok && lit.Kind == token.INT {
			v, _ := strconv.Atoi(lit.Value)
			want = append(want, v)
		}
		return true
	})
	var got []int
	for _, m := range regexp.MustCompile(`(?m)^\.TP\n\.B (\d+)$`).FindAllStringSubmatch(exitStatus, -1) {
		v, _ := strconv.Atoi(m[1])
		got = append(got, v)
	}
	slices.Sort(want)
	if len(want) < 7 || !slices.Equal(got, want) {
		t.Errorf("EXIT STATUS lists %v, app/cli defines %v", got, want)
	}
}

// TestGroffAcceptsThePage formats the page with all of groff's warnings
// on: a roff mistake (an unknown macro, a bad escape) fails here, not in a
// user's terminal.
func TestGroffAcceptsThePage(t *testing.T) {
	groff, err := exec.LookPath("groff")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("groff is required on CI (scripts/deps.sh dist installs man-db, which brings it)")
		}
		t.Skip("groff is not installed (scripts/deps.sh dist installs man-db, which brings it)")
	}
	text, err := page{usage: englishUsage(t), version: "v1.2.3", date: "2026-11-25"}.roff()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(groff, "-man", "-ww", "-Tutf8", "-rLL=80n")
	cmd.Stdin = strings.NewReader(text)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("groff: %v\n%s", err, stderr.String())
	}
	rendered := regexp.MustCompile(`.\x08`).ReplaceAllString(string(out), "")
	for _, want := range []string{"limber check-routine FILE", "--idle-source auto|x11|mutter|wayland|screensaver|windows|macos|none", "EXIT STATUS"} {
		if !strings.Contains(rendered, want) {
			t.Errorf("the formatted page lacks %q:\n%s", want, rendered)
		}
	}
}

func TestParseUsageErrors(t *testing.T) {
	tests := []struct {
		name, usage, want string
	}{
		{"no heading", "  limber quit\n", "before any heading"},
		{"text flush left", "Usage:\nlimber quit\n", "neither a heading"},
		{"continuation of nothing", "Usage:\n  limber quit\n      more\n", "continues no description"},
		{"empty", "\n", "no heading"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseUsage(tt.usage)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("parseUsage(%q) = %v, want an error with %q", tt.usage, err, tt.want)
			}
		})
	}
}

func TestParseEntry(t *testing.T) {
	tests := []struct {
		line  string
		terms []string
		desc  string
	}{
		{"limber skip                skip the break", []string{"limber skip"}, "skip the break"},
		{"limber resume", []string{"limber resume"}, ""},
		{"--config PATH  --sitting-limit 45m", []string{"--config PATH", "--sitting-limit 45m"}, ""},
		{"limber autostart on|off|status   start at login  (XDG)", []string{"limber autostart on|off|status"}, "start at login (XDG)"},
	}
	for _, tt := range tests {
		e := parseEntry(tt.line)
		if !slices.Equal(e.terms, tt.terms) || e.desc != tt.desc {
			t.Errorf("parseEntry(%q) = %q, %q; want %q, %q", tt.line, e.terms, e.desc, tt.terms, tt.desc)
		}
	}
}

func TestEscape(t *testing.T) {
	tests := map[string]string{
		"--json":       `\-\-json`,
		`a\b`:          `a\eb`,
		".hidden":      `\&.hidden`,
		"'quoted":      `\&'quoted`,
		"plain words":  "plain words",
		"limber FILE":  "limber FILE",
		"x-y.z ok-ish": `x\-y.z ok\-ish`,
	}
	for in, want := range tests {
		if got := escape(in); got != want {
			t.Errorf("escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRunFromBinary runs the generator on a stand-in for limber and checks
// the compressed output is reproducible and carries its version and date.
func TestRunFromBinary(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "limber")
	script := "#!/bin/sh\ncase $1 in\nhelp) printf 'Usage:\\n  limber quit    stop it\\n' ;;\n" +
		"version) echo 'limber v9.8.7 (commit abc1234, built 2026-01-02T03:04:05Z, linux/amd64)' ;;\nesac\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	var pages [][]byte
	for i := range 2 {
		out := filepath.Join(dir, strconv.Itoa(i)+".1.gz")
		if err := run(fake, out); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, data)
	}
	if !bytes.Equal(pages[0], pages[1]) {
		t.Error("two runs on the same binary gave different bytes")
	}
	zr, err := gzip.NewReader(bytes.NewReader(pages[0]))
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`.TH LIMBER 1 "2026-01-02" "limber 9.8.7"`, "\\fBlimber quit\\fR\nstop it\n"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("page lacks %q:\n%s", want, text)
		}
	}

	if err := os.WriteFile(fake, []byte("#!/bin/sh\necho nonsense\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := run(fake, filepath.Join(dir, "bad.1")); err == nil {
		t.Error("a binary whose version line is not limber's was accepted")
	}
}
