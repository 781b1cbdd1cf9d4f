package main

import (
	"debug/elf"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// distroPackage names the package that ships a shared library on Debian
// (and Ubuntu) and on Fedora.
type distroPackage struct{ deb, rpm string }

// libraries maps every shared library Limber's binary may link (cgo:
// GLFW, OpenGL and X11 for the windows; the C library) to its package.
// A library missing here fails the build, so that a new link dependency
// cannot ship as a package that installs but does not start.
var libraries = map[string]distroPackage{
	"libc.so.6":         {"libc6", "glibc"},
	"libm.so.6":         {"libc6", "glibc"},
	"libdl.so.2":        {"libc6", "glibc"},
	"libpthread.so.0":   {"libc6", "glibc"},
	"librt.so.1":        {"libc6", "glibc"},
	"libGL.so.1":        {"libgl1", "libglvnd-glx"},
	"libEGL.so.1":       {"libegl1", "libglvnd-egl"},
	"libX11.so.6":       {"libx11-6", "libX11"},
	"libXcursor.so.1":   {"libxcursor1", "libXcursor"},
	"libXext.so.6":      {"libxext6", "libXext"},
	"libXi.so.6":        {"libxi6", "libXi"},
	"libXinerama.so.1":  {"libxinerama1", "libXinerama"},
	"libXrandr.so.2":    {"libxrandr2", "libXrandr"},
	"libXrender.so.1":   {"libxrender1", "libXrender"},
	"libXxf86vm.so.1":   {"libxxf86vm1", "libXxf86vm"},
	"libxcb.so.1":       {"libxcb1", "libxcb"},
	"libxkbcommon.so.0": {"libxkbcommon0", "libxkbcommon"},
	"libwayland-client.so.0": {
		"libwayland-client0", "libwayland-client",
	},
}

// linkage is what the dynamic linker needs to start a binary.
type linkage struct {
	needed []string // DT_NEEDED sonames, in the binary's order
	glibc  string   // newest GLIBC_x.y symbol version used, "" if none
}

// readLinkage reads the NEEDED entries and the glibc symbol versions of
// an ELF binary.
func readLinkage(path string) (linkage, error) {
	f, err := elf.Open(path)
	if err != nil {
		return linkage{}, fmt.Errorf("read %s as ELF: %w", path, err)
	}
	defer f.Close()
	needed, err := f.ImportedLibraries()
	if err != nil {
		return linkage{}, fmt.Errorf("read the NEEDED entries of %s: %w", path, err)
	}
	syms, err := f.ImportedSymbols()
	if err != nil && len(needed) > 0 {
		return linkage{}, fmt.Errorf("read the imported symbols of %s: %w", path, err)
	}
	l := linkage{needed: needed}
	for _, s := range syms {
		if v, ok := strings.CutPrefix(s.Version, "GLIBC_"); ok && versionLess(l.glibc, v) {
			l.glibc = v
		}
	}
	return l, nil
}

// versionLess compares dotted numeric versions ("2.34" < "2.4" is false).
// Anything after the numbers (GLIBC_PRIVATE) sorts as zero; "" is least.
func versionLess(a, b string) bool {
	if a == "" {
		return b != ""
	}
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := range max(len(as), len(bs)) {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			return x < y
		}
	}
	return false
}

// depends turns a binary's linkage into the Depends of a .deb ("deb") or
// the Requires of an .rpm ("rpm"): one package per library package, sorted,
// the C library with the newest glibc version the binary uses, as
// dpkg-shlibdeps would write it.
func (l linkage) depends(format string) ([]string, error) {
	var out []string
	var unknown []string
	for _, so := range l.needed {
		p, ok := libraries[so]
		if !ok {
			unknown = append(unknown, so)
			continue
		}
		name := p.deb
		if format == "rpm" {
			name = p.rpm
		}
		if (name == "libc6" || name == "glibc") && l.glibc != "" {
			if format == "deb" {
				name += " (>= " + l.glibc + ")"
			} else {
				name += " >= " + l.glibc
			}
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("no package known for %s: add it to the libraries table in packaging/nfpm/deps.go", strings.Join(unknown, ", "))
	}
	slices.Sort(out)
	return out, nil
}
