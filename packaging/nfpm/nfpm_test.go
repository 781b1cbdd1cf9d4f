package main

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestPackageVersion(t *testing.T) {
	tests := []struct {
		describe, newest, want, err string
	}{
		{"v0.1.0", "0.1.0", "0.1.0", ""},
		{"0.1.0", "0.1.0", "0.1.0", ""},
		{"v0.1.0-3-gabc1234", "0.1.0", "0.1.0+3.gabc1234", ""},
		{"v0.1.0-3-gabc1234-dirty", "0.1.0", "0.1.0+3.gabc1234.dirty", ""},
		{"v0.1.0-dirty", "0.1.0", "0.1.0+dirty", ""},
		{"c07bd85", "0.1.0", "0.1.0~git.c07bd85", ""},
		{"c07bd85-dirty", "0.1.0", "0.1.0~git.c07bd85.dirty", ""},
		{"dev", "0.1.0", "0.1.0~git.dev", ""},
		{"7ddc0f9", "0.1.0", "0.1.0~git.7ddc0f9", ""},
		{"1234567-dirty", "0.1.0", "0.1.0~git.1234567.dirty", ""},
		{"v1.2", "1.2", "1.2", ""},
		{"v0.2.0", "0.1.0", "", "no <release"},
		{"abc", "", "", "no release"},
	}
	for _, tt := range tests {
		got, err := packageVersion(tt.describe, tt.newest)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("packageVersion(%q, %q) = %q, %v; want an error with %q", tt.describe, tt.newest, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("packageVersion(%q, %q) = %q, %v; want %q", tt.describe, tt.newest, got, err, tt.want)
		}
	}
}

func TestDepends(t *testing.T) {
	l := linkage{needed: []string{"libGL.so.1", "libX11.so.6", "libm.so.6", "libc.so.6"}, glibc: "2.34"}
	tests := []struct {
		format string
		want   []string
	}{
		{"deb", []string{"libc6 (>= 2.34)", "libgl1", "libx11-6"}},
		{"rpm", []string{"glibc >= 2.34", "libX11", "libglvnd-glx"}},
	}
	for _, tt := range tests {
		got, err := l.depends(tt.format)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("depends(%q) = %q, %v; want %q", tt.format, got, err, tt.want)
		}
	}
	unversioned, err := linkage{needed: []string{"libc.so.6"}}.depends("deb")
	if err != nil || !slices.Equal(unversioned, []string{"libc6"}) {
		t.Errorf("without glibc symbol versions: %q, %v; want [libc6]", unversioned, err)
	}
	if _, err := (linkage{needed: []string{"libc.so.6", "libfoo.so.3"}}).depends("deb"); err == nil || !strings.Contains(err.Error(), "libfoo.so.3") {
		t.Errorf("an unknown library gave %v, want an error naming it", err)
	}
	for _, so := range dlopened {
		if _, ok := libraries[so]; !ok {
			t.Errorf("recommended %s has no package in the libraries table", so)
		}
	}
}

func TestVersionLess(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"", "2.2.5", true},
		{"2.2.5", "", false},
		{"2.4", "2.34", true},
		{"2.34", "2.4", false},
		{"2.3.4", "2.34", true},
		{"2.34", "2.34", false},
		{"2.34", "PRIVATE", false},
	}
	for _, tt := range tests {
		if got := versionLess(tt.a, tt.b); got != tt.want {
			t.Errorf("versionLess(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestReadLinkage reads a dynamically linked program of this machine:
// it must need the C library, with a glibc symbol version.
func TestReadLinkage(t *testing.T) {
	const prog = "/bin/sh"
	if _, err := os.Stat(prog); err != nil {
		t.Skip(err)
	}
	l, err := readLinkage(prog)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(l.needed, "libc.so.6") {
		t.Skipf("%s needs %q: not a glibc system", prog, l.needed)
	}
	if !strings.HasPrefix(l.glibc, "2.") {
		t.Errorf("glibc version %q, want 2.x", l.glibc)
	}
	if _, err := readLinkage("nfpm_test.go"); err == nil {
		t.Error("a text file was read as ELF")
	}
}

func repoMetainfo(t *testing.T) metainfo {
	t.Helper()
	m, err := readMetainfo(filepath.Join("..", "io.github.limber_app.limber.metainfo.xml"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMetainfo(t *testing.T) {
	m := repoMetainfo(t)
	if m.ID != "io.github.limber_app.limber" || m.License != "MIT" || m.homepage() != "https://github.com/limber-app/limber" {
		t.Errorf("id %q, licence %q, homepage %q", m.ID, m.License, m.homepage())
	}
	for i, line := range strings.Split(m.longDescription(), "\n") {
		if len(line) > 72 || line != strings.TrimSpace(line) || strings.HasPrefix(line, "-") {
			t.Errorf("description line %d %q: over 72 columns, padded, or a list dash lintian rejects", i+1, line)
		}
	}
}

func gunzip(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(text)
}

func TestDebianChangelog(t *testing.T) {
	m := repoMetainfo(t)
	built := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	const who = "A Maintainer <a@example.org>"
	release, err := debianChangelog(m, m.newest(), "1", who, built)
	if err != nil {
		t.Fatal(err)
	}
	text := gunzip(t, release)
	if !strings.HasPrefix(text, "limber ("+m.newest()+"-1) unstable; urgency=medium\n\n  * ") {
		t.Errorf("a release's changelog starts\n%s", text)
	}
	if strings.Count(text, "\n -- "+who+"  ") != len(m.Releases) {
		t.Errorf("want one trailer per release:\n%s", text)
	}
	snapshot, err := debianChangelog(m, m.newest()+"~git.abc", "1", who, built)
	if err != nil {
		t.Fatal(err)
	}
	text = gunzip(t, snapshot)
	if !strings.HasPrefix(text, "limber ("+m.newest()+"~git.abc-1) unstable; urgency=medium\n\n  * Development snapshot after release "+m.newest()+".\n\n -- "+who+"  Tue, 01 Dec 2026 10:00:00 +0000\n") {
		t.Errorf("a snapshot's changelog starts\n%s", text)
	}
}

func TestDebianCopyright(t *testing.T) {
	license, err := os.ReadFile(filepath.Join("..", "..", "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := debianCopyright(string(license), "MIT", "https://example.org")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n",
		"\nFiles: *\nCopyright: 2026 The Limber developers\nLicense: MIT\n Permission is hereby granted", "\n .\n THE SOFTWARE IS PROVIDED"} {
		if !strings.Contains(got, want) {
			t.Errorf("copyright lacks %q:\n%s", want, got)
		}
	}
	if _, err := debianCopyright("no notice here", "MIT", ""); err == nil {
		t.Error("a licence without a copyright line was accepted")
	}
}

// TestWrite builds both packages from a small tree laid out as the Fyne
// CLI does (usr/local) and checks where its files would go.
func TestWrite(t *testing.T) {
	tree := t.TempDir()
	put := func(rel string, data []byte, mode os.FileMode) {
		path := filepath.Join(tree, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, mode); err != nil {
			t.Fatal(err)
		}
	}
	read := func(path string) []byte {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Skip(err)
		}
		return data
	}
	put("usr/local/bin/limber", read("/bin/sh"), 0o755)
	put("usr/local/share/metainfo/io.github.limber_app.limber.metainfo.xml", read("../io.github.limber_app.limber.metainfo.xml"), 0o644)
	put("usr/local/share/man/man1/limber.1.gz", []byte("page"), 0o644)
	put("LICENSE", read("../../LICENSE"), 0o644)
	put("install.sh", []byte("#!/bin/sh\n"), 0o755)

	s, err := loadSource(tree)
	if err != nil {
		t.Fatal(err)
	}
	var dsts []string
	for _, c := range s.contents() {
		dsts = append(dsts, c.Destination)
	}
	slices.Sort(dsts)
	want := []string{"/usr/bin/limber", "/usr/share/man/man1/limber.1.gz", "/usr/share/metainfo/io.github.limber_app.limber.metainfo.xml"}
	if !slices.Equal(dsts, want) {
		t.Errorf("contents %q, want %q (nothing in /usr/local, nothing from outside usr)", dsts, want)
	}
	out := t.TempDir()
	spec := packageSpec{version: "0.1.0~git.abc", maintainer: "A <a@example.org>", built: time.Unix(1700000000, 0)}
	for format, suffix := range map[string]string{"deb": "_0.1.0~git.abc-1_" + s.arch + ".deb", "rpm": "-0.1.0~git.abc-1."} {
		path, err := s.write(format, spec, out)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if fi, err := os.Stat(path); err != nil || fi.Size() == 0 || !strings.Contains(filepath.Base(path), "limber"+suffix) {
			t.Errorf("%s: wrote %s (%v), want a file named limber%s…", format, path, err, suffix)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(out, "*.tmp")); len(left) > 0 {
		t.Errorf("left behind %q", left)
	}
}

// TestMetainfoEnglishSummary: with translated summaries beside it (as
// packaging/l10n writes them), the package takes the English one.
func TestMetainfoEnglishSummary(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "io.github.limber_app.limber.metainfo.xml"))
	if err != nil {
		t.Fatal(err)
	}
	english := repoMetainfo(t).Summary
	localized := strings.Replace(string(data), "<summary>"+english+"</summary>",
		"<summary>"+english+"</summary>\n  <summary xml:lang=\"de\">Erinnert dich</summary>", 1)
	path := filepath.Join(t.TempDir(), "meta.xml")
	if err := os.WriteFile(path, []byte(localized), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := readMetainfo(path)
	if err != nil || m.Summary != english {
		t.Errorf("summary = %q (%v), want the English %q", m.Summary, err, english)
	}
}
