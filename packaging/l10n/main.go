// Command l10n writes the translations of Limber's desktop entry
// (GenericName, Comment, Keywords) and AppStream summary into those files,
// in place. The texts come from the app's own translation files
// (app/i18n, keys app.generic-name, app.comment, app.keywords and
// app.summary), so a translator translates them with every other string
// and launchers and software centres show Limber in the user's language.
//
//	go run ./packaging/l10n [-desktop FILE] [-metainfo FILE]
//
// Running it again replaces what it wrote before. packaging/package.sh
// runs it on the tree it lays out; the Flatpak's desktop entry in
// packaging/flatpak is kept in step by a test.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/limber-app/limber/internal/atomicfile"
)

func main() {
	desktopFile := flag.String("desktop", "", "desktop entry to localize, in place")
	metainfoFile := flag.String("metainfo", "", "AppStream metainfo to localize, in place")
	flag.Parse()
	if flag.NArg() > 0 || (*desktopFile == "" && *metainfoFile == "") {
		fmt.Fprintln(os.Stderr, "usage: l10n [-desktop FILE] [-metainfo FILE]")
		os.Exit(2)
	}
	for _, job := range []struct {
		path string
		edit func(string) (string, error)
	}{{*desktopFile, localizeDesktop}, {*metainfoFile, localizeMetainfo}} {
		if job.path == "" {
			continue
		}
		if err := rewrite(job.path, job.edit); err != nil {
			fmt.Fprintln(os.Stderr, "l10n:", err)
			os.Exit(1)
		}
	}
}

func rewrite(path string, edit func(string) (string, error)) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := edit(string(data))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return atomicfile.Write(path, []byte(out), 0o644)
}
