#!/usr/bin/env bash
# Installs Limber from an unpacked package tree, or removes it again.
#
#   install.sh [--prefix DIR] [--destdir DIR] [--from TREE]   install
#   install.sh --uninstall [--prefix DIR] [--destdir DIR]     remove
#
# PREFIX (default /usr/local) is where Limber runs from; DESTDIR, for
# distribution packagers, is prepended to every path written but never
# written into a file. Both may also come from the environment. TREE is the
# unpacked package (the folder holding usr/), by default this script's
# folder, as it ships at the top of the tarball.
#
# Installed, relative to PREFIX: bin/limber, the desktop entry in
# share/applications, the AppStream metainfo in share/metainfo, hicolor
# icons in share/icons, and the man page in share/man/man1. The desktop entry's Exec= is rewritten to the
# absolute PREFIX/bin/limber, so a prefix that is not on the session's PATH
# (like ~/.local) still starts. Uninstall removes exactly those files, the
# folders it leaves empty below PREFIX, and the calling user's autostart
# entry if it starts this installation's binary.
set -euo pipefail

readonly id=io.github.limber_app.limber
readonly sizes=(16 22 24 32 48 64 128 256 512)

prefix=${PREFIX:-/usr/local}
destdir=${DESTDIR:-}
from=$(dirname "$0")
mode=install

usage() {
	sed -n '4,5s/^# //p' "$0" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case $1 in
	--prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
	--prefix=*) prefix=${1#*=}; shift ;;
	--destdir) destdir=${2?--destdir needs a folder}; shift 2 ;;
	--destdir=*) destdir=${1#*=}; shift ;;
	--from) from=${2:?--from needs a folder}; shift 2 ;;
	--from=*) from=${1#*=}; shift ;;
	--uninstall) mode=uninstall; shift ;;
	-h | --help) usage ;;
	*) echo "install.sh: unknown argument $1" >&2; usage ;;
	esac
done

case $prefix in
/*) ;;
*) echo "install.sh: PREFIX must be an absolute path, not $prefix" >&2; exit 2 ;;
esac
# The prefix ends up unquoted in the desktop entry's Exec=; refuse what
# would need quoting there rather than write an entry that cannot start.
if ! [[ $prefix =~ ^[A-Za-z0-9_./+,:@=-]+$ ]]; then
	echo "install.sh: PREFIX $prefix has characters a desktop entry's Exec= cannot take unquoted; choose another" >&2
	exit 2
fi
prefix=${prefix%/}
root=$destdir$prefix

# Every file, relative to PREFIX.
files=(bin/limber "share/applications/$id.desktop" "share/metainfo/$id.metainfo.xml"
	"share/icons/hicolor/scalable/apps/$id.svg" share/man/man1/limber.1.gz)
for s in "${sizes[@]}"; do
	files+=("share/icons/hicolor/${s}x${s}/apps/$id.png")
done

if [ "$mode" = uninstall ]; then
	for f in "${files[@]}"; do
		rm -f "$root/$f"
	done
	# Folders left empty, deepest first, never PREFIX itself or above it.
	for f in "${files[@]}"; do
		d=$(dirname "$f")
		while [ "$d" != . ] && rmdir "$root/$d" 2>/dev/null; do
			d=$(dirname "$d")
		done
	done
	# An autostart entry that starts the binary just removed would fail at
	# every login; only the caller's own entry is touched.
	if [ -z "$destdir" ]; then
		config=${XDG_CONFIG_HOME:-${HOME:-}/.config}
		entry=$config/autostart/$id.desktop
		if [ -f "$entry" ] && grep -qxF "Exec=$prefix/bin/limber" "$entry"; then
			rm -f "$entry"
			echo "Removed $entry (start at login)"
		fi
	fi
	echo "Removed Limber from $root"
	exit 0
fi

# The Fyne CLI lays the tree out under usr/local when the building machine
# has a /usr/local, else under usr.
src=
for cand in "$from/usr/local" "$from/usr"; do
	if [ -x "$cand/bin/limber" ]; then
		src=$cand
		break
	fi
done
if [ -z "$src" ]; then
	echo "install.sh: no usr/local/bin/limber or usr/bin/limber under $from; is it an unpacked Limber package?" >&2
	exit 1
fi
for f in "${files[@]}"; do
	if [ ! -f "$src/$f" ]; then
		echo "install.sh: $src/$f is missing; the package is incomplete" >&2
		exit 1
	fi
done

for f in "${files[@]}"; do
	mode_bits=0644
	[ "$f" = bin/limber ] && mode_bits=0755
	install -Dm "$mode_bits" "$src/$f" "$root/$f"
done
desktop=$root/share/applications/$id.desktop
sed -i -e "s|^Exec=limber\\b|Exec=$prefix/bin/limber|" "$desktop"
if ! grep -qxF "Exec=$prefix/bin/limber" "$desktop"; then
	echo "install.sh: could not point $desktop at $prefix/bin/limber" >&2
	exit 1
fi
echo "Installed Limber to $root (run $prefix/bin/limber)"
