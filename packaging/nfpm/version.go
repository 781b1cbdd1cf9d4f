package main

import (
	"fmt"
	"regexp"
	"strings"
)

// describeForm is `git describe --tags --always --dirty` on a tagged
// history: the tag, commits since it and their hash, and whether the work
// tree had changes.
// The tag must be a dotted version (v1.2, v1.2.3, v1.2.3.rc1): a commit
// hash without a tag may start with a digit too.
var describeForm = regexp.MustCompile(`^v?([0-9]+\.[0-9]+[0-9A-Za-z.]*)(?:-([0-9]+)-g([0-9a-f]+))?(-dirty)?$`)

// packageVersion turns the build's `git describe` into a version both
// dpkg and rpm order correctly:
//
//	v0.2.0                    0.2.0
//	v0.2.0-3-gabc1234         0.2.0+3.gabc1234  (after 0.2.0)
//	v0.2.0-dirty              0.2.0+dirty
//	c07bd85 (no tag yet)      0.1.0~git.c07bd85 (before 0.1.0, the newest release)
//
// newest is the newest release in the AppStream metainfo. A tag without
// a release there is refused: software centres would show stale notes.
func packageVersion(describe, newest string) (string, error) {
	m := describeForm.FindStringSubmatch(describe)
	if m == nil {
		if newest == "" {
			return "", fmt.Errorf("version %q is not a tag and the metainfo has no release", describe)
		}
		snapshot := strings.Map(func(r rune) rune {
			switch {
			case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.':
				return r
			}
			return '.'
		}, describe)
		return newest + "~git." + snapshot, nil
	}
	base, commits, hash, dirty := m[1], m[2], m[3], m[4] != ""
	if base != newest {
		return "", fmt.Errorf("tag %s has no <release version=%q> in the metainfo (its newest is %q): add one to packaging/io.github.limber_app.limber.metainfo.xml", describe, base, newest)
	}
	var local []string
	if commits != "" {
		local = append(local, commits, "g"+hash)
	}
	if dirty {
		local = append(local, "dirty")
	}
	if len(local) == 0 {
		return base, nil
	}
	return base + "+" + strings.Join(local, "."), nil
}
