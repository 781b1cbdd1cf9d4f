// Command manpage writes Limber's man page, limber(1), from what a built
// binary prints: the commands and flags from `limber help` (the usage text
// `limber --help` prints too, so the page cannot list other commands than
// the help does) and the version and build date from `limber version`.
//
//	go run ./packaging/manpage [-o FILE] BINARY
//
// FILE ending in .gz is written gzip-compressed, byte for byte the same for
// the same binary; without -o the page goes to stdout.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
)

func main() {
	out := flag.String("o", "", "write the page to `FILE` (gzip-compressed if it ends in .gz)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: manpage [-o FILE] BINARY")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out); err != nil {
		fmt.Fprintf(os.Stderr, "manpage: %v\n", err)
		os.Exit(1)
	}
}

func run(binary, out string) error {
	p, err := fromBinary(binary)
	if err != nil {
		return err
	}
	text, err := p.roff()
	if err != nil {
		return fmt.Errorf("%s help: %w", binary, err)
	}
	if out == "" {
		_, err = io.WriteString(os.Stdout, text)
		return err
	}
	data := []byte(text)
	if strings.HasSuffix(out, ".gz") {
		if data, err = compress(data); err != nil {
			return err
		}
	}
	return os.WriteFile(out, data, 0o644)
}

// versionLine is what `limber version` prints.
var versionLine = regexp.MustCompile(`^limber (\S+) \(commit \S+, built (\S+), `)

// fromBinary asks the binary for its usage and version in English.
func fromBinary(binary string) (page, error) {
	usage, err := output(binary, "help")
	if err != nil {
		return page{}, err
	}
	version, err := output(binary, "version")
	if err != nil {
		return page{}, err
	}
	m := versionLine.FindStringSubmatch(version)
	if m == nil {
		return page{}, fmt.Errorf("%s version printed %q, not \"limber VERSION (commit …, built …, …)\"", binary, version)
	}
	p := page{usage: usage, version: m[1]}
	if len(m[2]) >= len("2006-01-02") && m[2] != "unknown" {
		p.date = m[2][:len("2006-01-02")]
	}
	return p, nil
}

// output runs the binary with one argument in the C locale, which Limber
// shows in English, and returns its stdout.
func output(binary, arg string) (string, error) {
	cmd := exec.Command(binary, arg)
	cmd.Env = append(os.Environ(), "LC_ALL=C", "LC_MESSAGES=C", "LANG=C", "LANGUAGE=")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s %s: %w: %s", binary, arg, err, bytes.TrimSpace(stderr.Bytes()))
	}
	return string(out), nil
}

// compress gzips without a file name or time stamp, so that the same page
// gives the same bytes (Debian policy wants man pages compressed with
// gzip -9n).
func compress(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(data); err != nil {
		return nil, fmt.Errorf("compress the page: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress the page: %w", err)
	}
	return buf.Bytes(), nil
}
