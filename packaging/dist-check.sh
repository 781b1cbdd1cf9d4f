#!/usr/bin/env bash
# Tests Limber's Linux package as a user gets it:
#
#   packaging/dist-check.sh TARBALL
#
# - the tarball unpacks to exactly the expected files, with the desktop
#   entry's keys taken from FyneApp.toml, every hicolor icon of its size,
#   metainfo whose release matches FyneApp.toml's version, LICENSE and the
#   man page;
# - desktop-file-validate and appstreamcli validate --no-net --pedantic
#   accept the desktop entry and the metainfo;
# - the package's `make install PREFIX=…` installs into a temporary prefix,
#   the installed binary runs `limber version` (stamped, not "dev"), the
#   installed man page is the one packaging/manpage makes from its help, its
#   desktop entry starts PREFIX/bin/limber, and `limber autostart on|status|off`
#   writes an entry pointing at the installed binary and removes it;
# - a DESTDIR install writes PREFIX, not DESTDIR, into the desktop entry;
# - uninstall leaves no file behind and removes an autostart entry of the
#   uninstalled binary.
#
# EXPECT_VERSION and EXPECT_COMMIT, when set, are what `limber version`
# must print (the Makefile passes what it stamped); unset, any version but
# the unstamped "dev" and "unknown" will do.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
	echo "usage: $0 TARBALL" >&2
	exit 2
fi
tarball=$(realpath "$1")
repo=$(realpath "$(dirname "$0")/..")
readonly id=io.github.limber_app.limber
readonly sizes=(16 22 24 32 48 64 128 256 512)

# shellcheck source=packaging/checklib.sh
. "$repo/packaging/checklib.sh"

toml() { # toml KEY: a string value of FyneApp.toml
	sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\(.*\)\"/\1/p" "$repo/FyneApp.toml"
}
toml_list() { # toml_list KEY: a string list of FyneApp.toml as a desktop-entry list
	sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\[\(.*\)\]/\1/p" "$repo/FyneApp.toml" |
		sed -e 's/"[[:space:]]*,[[:space:]]*"/;/g' -e 's/^[[:space:]]*"//' -e 's/"[[:space:]]*$/;/'
}
desktop_key() { # desktop_key FILE KEY
	sed -n "s/^$2=//p" "$1" | head -n1
}
# files_under DIR: every file and symlink, relative, sorted.
files_under() {
	(cd "$1" && find . \( -type f -o -type l \) | sed 's|^\./||' | LC_ALL=C sort)
}

# 1. Contents.
mkdir "$work/unpacked"
tar -xJf "$tarball" -C "$work/unpacked"
pkg=$work/unpacked/limber
usr=usr/local
[ -d "$pkg/$usr" ] || usr=usr
{
	echo LICENSE
	echo Makefile
	echo install.sh
	echo "$usr/bin/limber"
	echo "$usr/share/applications/$id.desktop"
	for s in "${sizes[@]}"; do echo "$usr/share/icons/hicolor/${s}x${s}/apps/$id.png"; done
	echo "$usr/share/icons/hicolor/scalable/apps/$id.svg"
	echo "$usr/share/metainfo/$id.metainfo.xml"
	echo "$usr/share/man/man1/limber.1.gz"
} | LC_ALL=C sort >"$work/want"
files_under "$pkg" >"$work/got"
check "package holds exactly the expected files" diff -u "$work/want" "$work/got"
check "binary and install.sh are executable" test -x "$pkg/$usr/bin/limber" -a -x "$pkg/install.sh"

desktop=$pkg/$usr/share/applications/$id.desktop
for pair in "Type=Application" "Exec=limber" "Icon=$id" "Name=$(toml Name)" \
	"GenericName=$(toml GenericName)" "Comment=$(toml Comment)" \
	"Categories=$(toml_list Categories)" "Keywords=$(toml_list Keywords)"; do
	key=${pair%%=*}
	check "desktop entry $pair" test "$(desktop_key "$desktop" "$key")" = "${pair#*=}"
done
check "the Flatpak's desktop entry is this one" cmp "$repo/packaging/flatpak/$id.desktop" "$desktop"
if command -v desktop-file-validate >/dev/null; then
	check "desktop-file-validate" desktop-file-validate "$desktop"
else
	fail "desktop-file-validate is not installed (scripts/deps.sh dist installs it)"
fi

for s in "${sizes[@]}"; do
	icon=$pkg/$usr/share/icons/hicolor/${s}x${s}/apps/$id.png
	check "icon ${s}x${s} is a ${s}x${s} PNG" test "$(identify -format '%m %wx%h' "$icon" 2>&1)" = "PNG ${s}x${s}"
done

metainfo=$pkg/$usr/share/metainfo/$id.metainfo.xml
check "appstreamcli validate --no-net --pedantic" appstreamcli validate --no-net --pedantic "$metainfo"
release=$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' "$metainfo" | head -n1)
check "metainfo's newest release is FyneApp.toml's version $(toml Version)" test "$release" = "$(toml Version)"
check "metainfo id and launchable match the desktop entry" \
	grep -qF "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo"

# 2. Install into a temporary prefix with the package's own Makefile.
prefix=$work/prefix
home=$work/home
mkdir -p "$home"
# TMPDIR: `limber autostart on` refuses a binary in the temporary folder,
# and this prefix is in the real one.
mkdir -p "$work/tmp"
runenv=(env -i PATH="$PATH" HOME="$home" XDG_CONFIG_HOME="$home/config" TMPDIR="$work/tmp" LANG=en_US.UTF-8)
check "make install PREFIX=…" "${runenv[@]}" make -C "$pkg" install PREFIX="$prefix"
version_out=$("${runenv[@]}" "$prefix/bin/limber" version 2>&1) || true
re='^limber ([^ ]+) \(commit ([^ ]+), built ([^ ]+), linux/[a-z0-9]+\)$'
if [[ $version_out =~ $re ]] &&
	[ "${BASH_REMATCH[1]}" = "${EXPECT_VERSION:-${BASH_REMATCH[1]/#dev/}}" ] &&
	[ "${BASH_REMATCH[2]}" = "${EXPECT_COMMIT:-${BASH_REMATCH[2]/#unknown/}}" ] &&
	[ "${BASH_REMATCH[3]}" != unknown ]; then
	ok "installed limber version: $version_out"
else
	fail "installed limber version printed '$version_out' (want version ${EXPECT_VERSION:-other than dev}, commit ${EXPECT_COMMIT:-other than unknown} and a build date)"
fi
idesktop=$prefix/share/applications/$id.desktop
check "installed desktop entry starts the installed binary" test "$(desktop_key "$idesktop" Exec)" = "$prefix/bin/limber"
if command -v desktop-file-validate >/dev/null; then
	check "desktop-file-validate (installed)" desktop-file-validate "$idesktop"
fi
check "appstreamcli validate (installed)" appstreamcli validate --no-net --pedantic "$prefix/share/metainfo/$id.metainfo.xml"
(cd "$repo" && "${GO:-go}" run ./packaging/manpage -o "$work/limber.1.gz" "$prefix/bin/limber")
check "installed man page is the one made from the installed limber's help" cmp "$work/limber.1.gz" "$prefix/share/man/man1/limber.1.gz"
check "metainfo names the licence in LICENSE" grep -qx '  <project_license>MIT</project_license>' "$metainfo"
check "LICENSE is the MIT licence" grep -qx 'MIT License' "$pkg/LICENSE"

# 3. Start at login, from the installed binary.
entry=$home/config/autostart/$id.desktop
check "limber autostart status: off" test "$("${runenv[@]}" "$prefix/bin/limber" autostart status | head -n1)" = off
check "limber autostart on" "${runenv[@]}" "$prefix/bin/limber" autostart on
check "autostart entry starts the installed binary" test "$(desktop_key "$entry" Exec)" = "$prefix/bin/limber"
if command -v desktop-file-validate >/dev/null; then
	check "desktop-file-validate (autostart entry)" desktop-file-validate "$entry"
fi
check "limber autostart status: on" test "$("${runenv[@]}" "$prefix/bin/limber" autostart status | head -n1)" = "on: $entry starts $prefix/bin/limber"
check "limber autostart off" "${runenv[@]}" "$prefix/bin/limber" autostart off
check "autostart entry removed" test ! -e "$entry"

# 4. Uninstall: nothing left, and an autostart entry of this binary goes too.
check "limber autostart on (before uninstall)" "${runenv[@]}" "$prefix/bin/limber" autostart on
check "make uninstall PREFIX=…" "${runenv[@]}" make -C "$pkg" uninstall PREFIX="$prefix"
check "uninstall leaves no file in the prefix" test -z "$(find "$prefix" -mindepth 1 -not -type d)"
check "uninstall leaves no empty folder below the prefix" test -z "$(find "$prefix" -mindepth 1)"
check "uninstall removed the autostart entry" test ! -e "$entry"

# 5. DESTDIR: staged for a distribution package, paths inside name PREFIX.
stage=$work/stage
check "install.sh --destdir" "$pkg/install.sh" --prefix /usr --destdir "$stage"
check "DESTDIR install's desktop entry names PREFIX" test "$(desktop_key "$stage/usr/share/applications/$id.desktop" Exec)" = /usr/bin/limber
check "install.sh --uninstall --destdir" "$pkg/install.sh" --uninstall --prefix /usr --destdir "$stage"
check "DESTDIR uninstall leaves nothing" test -z "$(find "$stage" -mindepth 1 -not -type d)"
if "$pkg/install.sh" --prefix relative/path >/dev/null 2>&1; then
	fail "install.sh accepted a relative PREFIX"
else
	ok "install.sh refuses a relative PREFIX"
fi

echo "dist-check: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
