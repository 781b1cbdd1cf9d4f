// Command nfpm builds Limber's .deb and .rpm with nFPM, used as a library,
// from the unpacked tarball tree that packaging/package.sh makes (so every
// package holds the same files):
//
//	go -C packaging/nfpm run . -tree dist/limber -version "$(git describe --tags --always --dirty)" -out dist
//
// The tree's usr/local (or usr) goes to /usr; nothing lands in /usr/local.
// The packages' dependencies are the shared libraries the binary links
// (its ELF NEEDED entries), mapped to Debian and Fedora package names.
// It prints the path of each package written, one a line; with
// -print-version it only prints the version the packages would get.
//
// It is a module of its own (packaging/nfpm/go.mod): nFPM brings about 45
// modules (go-git, crypto, compression) that the app must not build with.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// options are the command line.
type options struct {
	tree       string
	version    string
	out        string
	maintainer string
	formats    []string
}

func main() {
	var o options
	printVersion := false
	flag.StringVar(&o.tree, "tree", "", "the unpacked package `folder` made by packaging/package.sh (holding usr/)")
	flag.StringVar(&o.version, "version", "", "the build's `git describe --tags --always --dirty`")
	flag.StringVar(&o.out, "out", "", "write the packages into `folder`")
	flag.StringVar(&o.maintainer, "maintainer", "The Limber developers <dev@limber.invalid>", "the packages' maintainer, `name <email>`")
	flag.BoolVar(&printVersion, "print-version", false, "only print the packages' version")
	flag.Parse()
	o.formats = []string{"deb", "rpm"}
	if o.tree == "" || o.version == "" || (o.out == "" && !printVersion) || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: nfpm -tree DIR -version VERSION (-out DIR | -print-version)")
		flag.PrintDefaults()
		os.Exit(2)
	}
	if err := run(o, printVersion); err != nil {
		fmt.Fprintf(os.Stderr, "nfpm: %v\n", err)
		os.Exit(1)
	}
}

func run(o options, printVersion bool) error {
	s, err := loadSource(o.tree)
	if err != nil {
		return err
	}
	version, err := packageVersion(o.version, s.meta.newest())
	if err != nil {
		return err
	}
	if printVersion {
		fmt.Println(version)
		return nil
	}
	built, err := buildTime()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	for _, format := range o.formats {
		path, err := s.write(format, packageSpec{version: version, maintainer: o.maintainer, built: built}, o.out)
		if err != nil {
			return fmt.Errorf("%s: %w", format, err)
		}
		fmt.Println(path)
	}
	return nil
}

// buildTime is SOURCE_DATE_EPOCH (reproducible builds set it to the
// commit's time), else now: the packages' file times and changelog date.
func buildTime() (time.Time, error) {
	epoch := os.Getenv("SOURCE_DATE_EPOCH")
	if epoch == "" {
		return time.Now().UTC().Truncate(time.Second), nil
	}
	secs, err := strconv.ParseInt(epoch, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", epoch)
	}
	return time.Unix(secs, 0).UTC(), nil
}

// usrDir is the tree's usr/local or usr: the Fyne CLI lays the tree out
// under usr/local when the building machine has one.
func usrDir(tree string) (string, error) {
	for _, dir := range []string{"usr/local", "usr"} {
		if fi, err := os.Stat(filepath.Join(tree, dir, "bin", "limber")); err == nil && fi.Mode().IsRegular() {
			return filepath.Join(tree, dir), nil
		}
	}
	return "", fmt.Errorf("no usr/local/bin/limber or usr/bin/limber under %s; run packaging/package.sh first", tree)
}
