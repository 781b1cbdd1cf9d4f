package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"time"
)

// debianChangelog writes /usr/share/doc/limber/changelog.Debian.gz, which
// Debian policy asks of every package: one entry per metainfo release,
// newest first, plus an entry for a snapshot when the package's version
// is not a release.
func debianChangelog(m metainfo, version, revision, maintainer string, built time.Time) ([]byte, error) {
	var b strings.Builder
	entry := func(v string, notes []string, date time.Time) {
		fmt.Fprintf(&b, "limber (%s-%s) unstable; urgency=medium\n\n", v, revision)
		for _, n := range notes {
			b.WriteString("  * " + strings.ReplaceAll(wrap(n, 72), "\n", "\n    ") + "\n")
		}
		fmt.Fprintf(&b, "\n -- %s  %s\n\n", maintainer, date.UTC().Format(time.RFC1123Z))
	}
	if version != m.newest() {
		entry(version, []string{"Development snapshot after release " + m.newest() + "."}, built)
	}
	for _, r := range m.Releases {
		date, err := time.Parse(time.DateOnly, r.Date)
		if err != nil {
			return nil, fmt.Errorf("release %s: %w", r.Version, err)
		}
		var notes []string
		for _, n := range r.Notes {
			notes = append(notes, n.Text)
		}
		if len(notes) == 0 {
			notes = []string{"Release " + r.Version + "."}
		}
		entry(r.Version, notes, date)
	}
	return gzipped(strings.TrimSuffix(b.String(), "\n"))
}

// debianCopyright writes /usr/share/doc/limber/copyright in Debian's
// machine-readable format around the project's LICENSE text.
func debianCopyright(license, spdx, homepage string) (string, error) {
	holder := ""
	for line := range strings.SplitSeq(license, "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "Copyright (c) "); ok {
			holder = rest
			break
		}
	}
	if holder == "" {
		return "", fmt.Errorf("LICENSE has no \"Copyright (c) …\" line")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n")
	fmt.Fprintf(&b, "Upstream-Name: limber\nSource: %s\n\nFiles: *\nCopyright: %s\nLicense: %s\n", homepage, holder, spdx)
	// The licence text below its name, each line indented, blank lines as " .".
	started := false
	for line := range strings.SplitSeq(strings.TrimSpace(license), "\n") {
		line = strings.TrimSpace(line)
		if !started {
			// Skip the title and copyright line: they are the fields above.
			if line == "" || strings.HasPrefix(line, "Copyright") || strings.EqualFold(line, spdx+" License") {
				continue
			}
			started = true
		}
		if line == "" {
			line = "."
		}
		b.WriteString(" " + line + "\n")
	}
	return b.String(), nil
}

// gzipped compresses like gzip -9n: no name, no time stamp.
func gzipped(s string) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write([]byte(s)); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
