#!/usr/bin/env bash
# Builds Limber's Linux package from an already built binary.
#
#   packaging/package.sh [--no-tar] BINARY OUTDIR
#
# The Fyne CLI (fyne.io/tools v1.7.4, installed into GOBIN or GOPATH/bin on
# first use and reused after) lays out the binary, the desktop entry made
# from FyneApp.toml (name, generic name, comment, categories, keywords,
# icon) and the icon. In that tree this puts hicolor icons in the usual
# sizes (ImageMagick), the scalable SVG icon, the AppStream metainfo,
# install.sh, and a Makefile that calls it; packaging/l10n adds the
# translations of the desktop entry and the AppStream summary. The tree is
# left unpacked in OUTDIR/limber (what `make install` installs from) and,
# unless --no-tar, packed as OUTDIR/limber-VERSION-linux-ARCH.tar.xz, whose
# path is the last line printed.
set -euo pipefail

readonly id=io.github.limber_app.limber
readonly fyne_module=fyne.io/tools/cmd/fyne
readonly fyne_version=v1.7.4
readonly sizes=(16 22 24 32 48 64 128 256 512)

tar=1
if [ "${1:-}" = --no-tar ]; then
	tar=0
	shift
fi
if [ $# -ne 2 ]; then
	sed -n '4s/^# //p' "$0" >&2
	exit 2
fi
bin=$(realpath "$1")
mkdir -p "$2"
out=$(realpath "$2")
repo=$(realpath "$(dirname "$0")/..")
GO=${GO:-go}

if [ "$(basename "$bin")" != limber ] || [ ! -x "$bin" ]; then
	echo "package.sh: $1 is not an executable named limber" >&2
	exit 2
fi
for tool in convert tar xz strip; do
	command -v "$tool" >/dev/null || {
		echo "package.sh: $tool is missing (make deps-dist installs it)" >&2
		exit 1
	}
done

# The Fyne CLI: a `go install`ed binary, skipped when the right version is
# already there. (A `tool` line in go.mod would pull in another Fyne.)
gobin=$("$GO" env GOBIN)
[ -n "$gobin" ] || gobin=$("$GO" env GOPATH | cut -d: -f1)/bin
fyne=$gobin/fyne
have=$("$fyne" version 2>/dev/null || true)
if [[ $have != *"cli version: $fyne_version"* ]]; then
	echo "Installing the Fyne CLI ($fyne_module@$fyne_version) into $gobin" >&2
	"$GO" install "$fyne_module@$fyne_version"
fi

version=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' "$repo/FyneApp.toml")
[ -n "$version" ] || {
	echo "package.sh: no Version in FyneApp.toml" >&2
	exit 1
}
arch=$("$GO" env GOARCH)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# fyne package writes its tarball next to FyneApp.toml and then bumps the
# Build number in it: give it a private copy so that the work tree stays
# untouched. It also insists on finding Go code there, although --exe means
# it builds nothing.
mkdir -p "$work/src/assets"
cp "$repo/FyneApp.toml" "$work/src/"
cp "$repo/assets/icon.png" "$work/src/assets/"
echo 'package main' >"$work/src/main.go"
(cd "$work/src" && "$fyne" package --target linux --exe "$bin" --release >&2)

rm -rf "$out/limber"
tar -xJf "$work/src/Limber.tar.xz" -C "$out"
tree=$out/limber
share=$tree/usr/local/share
[ -d "$share" ] || share=$tree/usr/share

# Symbols only serve a debugger: stripped, the binary is a third smaller
# (and lintian insists on it for the .deb). Stack traces keep their names.
strip --strip-unneeded "$share/../bin/limber"

# hicolor replaces the legacy pixmaps icon the Fyne CLI adds.
rm -rf "$share/pixmaps"
for s in "${sizes[@]}"; do
	dir=$share/icons/hicolor/${s}x${s}/apps
	mkdir -p "$dir"
	convert "$repo/assets/icon.png" -resize "${s}x${s}" -strip "png:$dir/$id.png"
done
install -Dm0644 "$repo/assets/icon.svg" "$share/icons/hicolor/scalable/apps/$id.svg"
install -Dm0644 "$repo/packaging/$id.metainfo.xml" "$share/metainfo/$id.metainfo.xml"
# Launchers and software centres show the generic name, comment, keywords
# and summary in the user's language, from the app's translation files.
(cd "$repo" && "$GO" run ./packaging/l10n -desktop "$share/applications/$id.desktop" -metainfo "$share/metainfo/$id.metainfo.xml")
mkdir -p "$share/man/man1"
(cd "$repo" && "$GO" run ./packaging/manpage -o "$share/man/man1/limber.1.gz" "$bin")
install -m0644 "$repo/LICENSE" "$tree/LICENSE"
install -m0755 "$repo/packaging/install.sh" "$tree/install.sh"
install -m0644 "$repo/packaging/tarball.mk" "$tree/Makefile"

if [ "$tar" = 1 ]; then
	tarball=$out/limber-$version-linux-$arch.tar.xz
	tar -C "$out" --owner=0 --group=0 --numeric-owner -cf - limber | xz -T0 >"$tarball.tmp"
	mv "$tarball.tmp" "$tarball"
	echo "$tarball"
fi
