#!/usr/bin/env bash
# Tests Limber's .deb and .rpm as a Debian/Ubuntu or Fedora user gets them:
#
#   packaging/native-check.sh DEB RPM
#
# - both hold exactly the expected files at their FHS places (nothing in
#   /usr/local), and depend on the packages of the libraries the binary
#   links (libc6/glibc with a version, libgl1/libglvnd-glx, libx11-6/libX11);
# - lintian finds no error in the .deb (its warnings are printed);
# - the .deb installs with dpkg -i (as root into this machine, after
#   purging an earlier install so that the check can run again; otherwise
#   into a staging root made with dpkg --root), `dpkg -L` lists every
#   file, the installed `limber version` and `limber check-routine` work,
#   `man` finds limber(1), and the man page is the one packaging/manpage
#   makes from the installed binary's help (the page cannot drift from
#   `limber --help`);
# - dpkg -r removes every file again;
# - rpm -qpl and rpm -qpR show the expected files and requirements.
#
# EXPECT_VERSION and EXPECT_PKG_VERSION, when set, are what `limber version`
# and the packages' version must be (the Makefile passes them).
set -euo pipefail

if [ $# -ne 2 ] || [ ! -f "$1" ] || [ ! -f "$2" ]; then
	echo "usage: $0 DEB RPM" >&2
	exit 2
fi
deb=$(realpath "$1")
rpm=$(realpath "$2")
repo=$(realpath "$(dirname "$0")/..")
readonly id=io.github.limber_app.limber
readonly sizes=(16 22 24 32 48 64 128 256 512)
GO=${GO:-go}

# shellcheck source=packaging/checklib.sh
. "$repo/packaging/checklib.sh"
for tool in dpkg-deb lintian rpm man; do
	command -v "$tool" >/dev/null || {
		echo "native-check.sh: $tool is missing (scripts/deps.sh dist installs it)" >&2
		exit 1
	}
done

# The files both packages share, then each one's own.
common() {
	echo /usr/bin/limber
	echo "/usr/share/applications/$id.desktop"
	for s in "${sizes[@]}"; do echo "/usr/share/icons/hicolor/${s}x${s}/apps/$id.png"; done
	echo "/usr/share/icons/hicolor/scalable/apps/$id.svg"
	echo /usr/share/man/man1/limber.1.gz
	echo "/usr/share/metainfo/$id.metainfo.xml"
}
{
	common
	echo /usr/share/doc/limber/changelog.Debian.gz
	echo /usr/share/doc/limber/copyright
} | LC_ALL=C sort >"$work/want-deb"
{
	common
	echo /usr/share/licenses/limber/LICENSE
} | LC_ALL=C sort >"$work/want-rpm"

# 1. The .deb's contents and metadata.
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {sub(/^\./, "", $6); print $6}' | LC_ALL=C sort >"$work/got-deb"
check ".deb holds exactly the expected files" diff -u "$work/want-deb" "$work/got-deb"
check ".deb puts nothing in /usr/local" test -z "$(dpkg-deb -c "$deb" | grep -F ./usr/local || true)"
field() { dpkg-deb -f "$deb" "$1"; }
check ".deb Package: limber" test "$(field Package)" = limber
if [ -n "${EXPECT_PKG_VERSION:-}" ]; then
	check ".deb Version: $EXPECT_PKG_VERSION-1" test "$(field Version)" = "$EXPECT_PKG_VERSION-1"
fi
depends=$(field Depends)
for want in 'libc6 (>= 2.' libgl1 libx11-6; do
	check ".deb Depends has $want ($depends)" grep -qF "$want" <<<"$depends"
done
check ".deb Suggests a CJK font ($(field Suggests))" grep -qF fonts-noto-cjk <<<"$(field Suggests)"
check ".deb Homepage" test "$(field Homepage)" = https://github.com/limber-app/limber

# 2. lintian: errors fail, warnings are listed.
lintian_out=$(LC_ALL=C.UTF-8 lintian --fail-on error "$deb" 2>&1) && lintian_rc=0 || lintian_rc=$?
if [ "$lintian_rc" -eq 0 ]; then
	ok "lintian: no errors"
else
	fail "lintian found errors"
fi
printf '%s\n' "$lintian_out" | grep -v -e '^$' -e 'running with root privileges' | sed 's/^/    lintian: /' || true

# 3. Install, use, remove.
sample=$work/sample.toml
cat >"$sample" <<'TOML'
id = "dist-check"
name = "Dist check"

[[step]]
stretch = "shoulder-rolls"
TOML
home=$work/home
mkdir -p "$home"
runenv=(env -i PATH="/usr/bin:/bin" HOME="$home" XDG_CONFIG_HOME="$home/config" LANG=en_US.UTF-8)

if [ "$(id -u)" -eq 0 ] && [ -z "${LIMBER_STAGED_DPKG:-}" ]; then
	root=
	dpkg_=(dpkg)
	if dpkg-query -W -f='${Status}' limber 2>/dev/null | grep -q 'installed\|config-files'; then
		echo "Purging the limber package installed before this check"
		dpkg -P limber >/dev/null
	fi
	install=(dpkg -i "$deb")
else
	# Not root: a private dpkg database in a staging root. Dependencies
	# are this machine's, which that database does not know.
	root=$work/root
	mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
	touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
	dpkg_=(dpkg --root="$root" --force-not-root --force-depends --log=/dev/null)
	install=("${dpkg_[@]}" -i "$deb")
	echo "Not root: installing into a staging root with dpkg --root (as root, this check installs into the system)"
fi
check "dpkg -i $(basename "$deb")" "${install[@]}"
"${dpkg_[@]}" -L limber | while read -r f; do [ -d "$root$f" ] || echo "$f"; done | LC_ALL=C sort >"$work/listed"
check "dpkg -L lists every file" diff -u "$work/want-deb" "$work/listed"
missing=$(while read -r f; do [ -e "$root$f" ] || echo "$f"; done <"$work/want-deb")
check "every file is installed" test -z "$missing"

version_out=$("${runenv[@]}" "$root/usr/bin/limber" version 2>&1) || true
re='^limber ([^ ]+) \(commit [^ ]+, built [^ ]+, linux/[a-z0-9]+\)$'
if [[ $version_out =~ $re ]] && [ "${BASH_REMATCH[1]}" = "${EXPECT_VERSION:-${BASH_REMATCH[1]/#dev/}}" ]; then
	ok "installed limber version: $version_out"
else
	fail "installed limber version printed '$version_out' (want version ${EXPECT_VERSION:-other than dev})"
fi
check "installed limber check-routine accepts a sample routine" "${runenv[@]}" "$root/usr/bin/limber" check-routine "$sample"
printf 'id = "Bad ID"\n' >"$work/bad.toml"
code=0
"${runenv[@]}" "$root/usr/bin/limber" check-routine "$work/bad.toml" >/dev/null 2>&1 || code=$?
check "installed limber check-routine rejects a bad one (exit 6, got $code)" test "$code" -eq 6
if [ -z "$root" ]; then
	check "man -w limber finds the installed page" test "$(LC_ALL=C.UTF-8 man -w limber)" = /usr/share/man/man1/limber.1.gz
fi
check "man renders limber(1) without warnings" sh -c "! LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l '$root/usr/share/man/man1/limber.1.gz' 2>&1 >/dev/null | grep ."
(cd "$repo" && "$GO" run ./packaging/manpage -o "$work/regenerated.1.gz" "$root/usr/bin/limber")
check "installed man page is the one made from the installed limber's help" cmp "$work/regenerated.1.gz" "$root/usr/share/man/man1/limber.1.gz"

check "dpkg -r limber" "${dpkg_[@]}" -r limber
left=$(while read -r f; do [ ! -e "$root$f" ] || echo "$f"; done <"$work/want-deb")
check "dpkg -r removed every file" test -z "$left"
check "dpkg -P limber" "${dpkg_[@]}" -P limber
check "limber is no longer known to dpkg" sh -c "! ${dpkg_[*]} -s limber >/dev/null 2>&1"

# 4. The .rpm, queried without installing.
rpm -qpl "$rpm" 2>/dev/null | LC_ALL=C sort >"$work/got-rpm"
check "rpm -qpl lists exactly the expected files" diff -u "$work/want-rpm" "$work/got-rpm"
requires=$(rpm -qpR "$rpm" 2>/dev/null)
for want in 'glibc >= 2.' libglvnd-glx libX11; do
	check "rpm -qpR has $want" grep -qF "$want" <<<"$requires"
done
check "rpm -qpR needs no /usr/local path" test -z "$(grep /usr/local <<<"$requires" || true)"
if [ -n "${EXPECT_PKG_VERSION:-}" ]; then
	check ".rpm version $EXPECT_PKG_VERSION-1" test "$(rpm -qp --qf '%{VERSION}-%{RELEASE}' "$rpm" 2>/dev/null)" = "$EXPECT_PKG_VERSION-1"
fi
check ".rpm licence MIT" test "$(rpm -qp --qf '%{LICENSE}' "$rpm" 2>/dev/null)" = MIT
check ".rpm marks LICENSE as the licence" sh -c "rpm -qpL '$rpm' 2>/dev/null | grep -qx /usr/share/licenses/limber/LICENSE"

echo "native-check: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
