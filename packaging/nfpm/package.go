package main

import (
	"debug/elf"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/goreleaser/nfpm/v2"
	_ "github.com/goreleaser/nfpm/v2/deb" // registers the deb packager
	"github.com/goreleaser/nfpm/v2/files"
	_ "github.com/goreleaser/nfpm/v2/rpm" // registers the rpm packager
)

// dlopened are libraries GLFW opens at run time rather than links: the
// windows start without them, but lose cursor shapes, monitor layout or
// input details. The packages recommend them.
var dlopened = []string{"libXcursor.so.1", "libXi.so.6", "libXinerama.so.1", "libXrandr.so.2", "libXxf86vm.so.1"}

// source is the unpacked tarball tree and what the packages take from it.
type source struct {
	usr     string // the tree's usr/local or usr
	meta    metainfo
	license string // the text of the tree's LICENSE
	link    linkage
	arch    string // GOARCH of the binary
	files   []string
}

// packageSpec is what differs from one build of the packages to the next.
type packageSpec struct {
	version    string
	maintainer string
	built      time.Time
}

func loadSource(tree string) (source, error) {
	usr, err := usrDir(tree)
	if err != nil {
		return source{}, err
	}
	s := source{usr: usr}
	if s.meta, err = readMetainfo(filepath.Join(usr, "share", "metainfo", "io.github.limber_app.limber.metainfo.xml")); err != nil {
		return source{}, err
	}
	license, err := os.ReadFile(filepath.Join(tree, "LICENSE"))
	if err != nil {
		return source{}, fmt.Errorf("the tree has no LICENSE: %w", err)
	}
	s.license = string(license)
	binary := filepath.Join(usr, "bin", "limber")
	if s.link, err = readLinkage(binary); err != nil {
		return source{}, err
	}
	if s.arch, err = goarch(binary); err != nil {
		return source{}, err
	}
	err = filepath.WalkDir(usr, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s is not a regular file", path)
		}
		rel, err := filepath.Rel(usr, path)
		if err != nil {
			return err
		}
		s.files = append(s.files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return source{}, fmt.Errorf("list the tree: %w", err)
	}
	return s, nil
}

// goarch names the binary's architecture as Go and nFPM do.
func goarch(binary string) (string, error) {
	f, err := elf.Open(binary)
	if err != nil {
		return "", err
	}
	defer f.Close()
	switch f.Machine {
	case elf.EM_X86_64:
		return "amd64", nil
	case elf.EM_AARCH64:
		return "arm64", nil
	case elf.EM_386:
		return "386", nil
	case elf.EM_RISCV:
		return "riscv64", nil
	}
	return "", fmt.Errorf("%s: no package architecture for ELF machine %v", binary, f.Machine)
}

// write builds the package of one format ("deb" or "rpm") into out and
// returns its path.
func (s source) write(format string, spec packageSpec, out string) (string, error) {
	info, cleanup, err := s.info(format, spec)
	defer cleanup()
	if err != nil {
		return "", err
	}
	packager, err := nfpm.Get(format)
	if err != nil {
		return "", err
	}
	info = nfpm.WithDefaults(info)
	if err := nfpm.PrepareForPackager(info, format); err != nil {
		return "", err
	}
	path := filepath.Join(out, packager.ConventionalFileName(info))
	f, err := os.Create(path + ".tmp")
	if err != nil {
		return "", err
	}
	defer os.Remove(path + ".tmp")
	if err := packager.Package(info, f); err != nil {
		f.Close()
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", err
	}
	return path, os.Rename(path+".tmp", path)
}

// cjkFonts are the fonts a package suggests, per format: Fyne's bundled
// font has no Chinese, Japanese or Korean characters, and Limber draws
// them with a system font (see app/i18n). Desktops in those languages
// have one already, so it is a suggestion, not a dependency.
func cjkFonts(format string) []string {
	if format == "rpm" {
		return []string{"google-noto-sans-cjk-fonts"}
	}
	return []string{"fonts-noto-cjk | fonts-wqy-microhei"}
}

// info describes the package of one format. cleanup removes the generated
// files it refers to once the package is written.
func (s source) info(format string, spec packageSpec) (*nfpm.Info, func(), error) {
	cleanup := func() {}
	depends, err := s.link.depends(format)
	if err != nil {
		return nil, cleanup, err
	}
	recommends, err := linkage{needed: dlopened}.depends(format)
	if err != nil {
		return nil, cleanup, err
	}
	recommends = slices.DeleteFunc(recommends, func(r string) bool { return slices.Contains(depends, r) })
	contents := s.contents()
	tmp, err := os.MkdirTemp("", "limber-nfpm-")
	if err != nil {
		return nil, cleanup, err
	}
	cleanup = func() { os.RemoveAll(tmp) }
	extra, err := s.formatFiles(format, spec, tmp)
	if err != nil {
		return nil, cleanup, err
	}
	// A .deb's description starts with its summary line; an rpm has a
	// Summary of its own.
	description := s.meta.Summary + "\n" + s.meta.longDescription()
	if format == "rpm" {
		description = s.meta.longDescription()
	}
	info := &nfpm.Info{
		Name:          "limber",
		Arch:          s.arch,
		Platform:      "linux",
		Version:       spec.version,
		VersionSchema: "none",
		Release:       "1",
		Section:       "utils",
		Priority:      "optional",
		Maintainer:    spec.maintainer,
		Description:   description,
		Homepage:      s.meta.homepage(),
		License:       s.meta.License,
		MTime:         spec.built,
		Overridables: nfpm.Overridables{
			Depends:    depends,
			Recommends: recommends,
			Suggests:   cjkFonts(format),
			Contents:   append(contents, extra...),
			RPM: nfpm.RPM{
				Summary:   s.meta.Summary,
				Group:     "Applications/Productivity",
				Packager:  spec.maintainer,
				BuildHost: "localhost",
			},
		},
	}
	return info, cleanup, nil
}

// contents maps the tree's usr/local or usr to /usr: the binary
// executable, everything else readable.
func (s source) contents() files.Contents {
	var out files.Contents
	for _, rel := range s.files {
		mode := os.FileMode(0o644)
		if rel == "bin/limber" {
			mode = 0o755
		}
		out = append(out, &files.Content{
			Source:      filepath.Join(s.usr, rel),
			Destination: "/usr/" + rel,
			FileInfo:    &files.ContentFileInfo{Mode: mode, Owner: "root", Group: "root"},
		})
	}
	return out
}

// formatFiles writes into tmp what one format wants besides the tree:
// Debian's copyright and changelog, or the licence an rpm marks as such.
func (s source) formatFiles(format string, spec packageSpec, tmp string) (files.Contents, error) {
	file := func(name, dst string, data []byte, typ string) (*files.Content, error) {
		src := filepath.Join(tmp, name)
		if err := os.WriteFile(src, data, 0o644); err != nil {
			return nil, err
		}
		return &files.Content{Source: src, Destination: dst, Type: typ, Packager: format,
			FileInfo: &files.ContentFileInfo{Mode: 0o644, Owner: "root", Group: "root"}}, nil
	}
	switch format {
	case "deb":
		copyright, err := debianCopyright(s.license, s.meta.License, s.meta.homepage())
		if err != nil {
			return nil, err
		}
		changelog, err := debianChangelog(s.meta, spec.version, "1", spec.maintainer, spec.built)
		if err != nil {
			return nil, err
		}
		c1, err := file("copyright", "/usr/share/doc/limber/copyright", []byte(copyright), "")
		if err != nil {
			return nil, err
		}
		c2, err := file("changelog.Debian.gz", "/usr/share/doc/limber/changelog.Debian.gz", changelog, "")
		if err != nil {
			return nil, err
		}
		return files.Contents{c1, c2}, nil
	case "rpm":
		c, err := file("LICENSE", "/usr/share/licenses/limber/LICENSE", []byte(s.license), files.TypeRPMLicense)
		if err != nil {
			return nil, err
		}
		return files.Contents{c}, nil
	}
	return nil, fmt.Errorf("unknown package format %q", format)
}
