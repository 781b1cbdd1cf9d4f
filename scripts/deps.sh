#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Limber needs, only those missing.
# Usage: scripts/deps.sh build|test|dist|cross
# As root it runs apt-get; with sudo available it uses sudo; otherwise it
# prints the exact command and fails, so nothing half-works silently.
set -euo pipefail

build_pkgs=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
	libxinerama-dev libxi-dev libxxf86vm-dev)
test_pkgs=(xvfb xauth dbus dbus-daemon xdotool imagemagick libgl1-mesa-dri x11-utils mutter sway wtype dunst pulseaudio pulseaudio-utils
	fonts-wqy-microhei waybar)
# make package / install / dist-check: icon sizes, .tar.xz, validators, and
# the .deb and .rpm checks (lintian, rpm -qp, man to render the man page).
dist_pkgs=(imagemagick xz-utils binutils appstream desktop-file-utils lintian rpm man-db)
# make cross: the MinGW C compiler for the Windows cgo build.
cross_pkgs=(gcc-mingw-w64-x86-64)

case "${1:-}" in
build) want=("${build_pkgs[@]}") ;;
test) want=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
dist) want=("${dist_pkgs[@]}") ;;
cross) want=("${cross_pkgs[@]}") ;;
*)
	echo "usage: $0 build|test|dist|cross" >&2
	exit 2
	;;
esac

if ! command -v go >/dev/null; then
	echo "Go is not installed: get Go 1.26 or newer from https://go.dev/dl/ and put it on PATH." >&2
	exit 1
fi

if ! command -v dpkg-query >/dev/null; then
	echo "Not a Debian/Ubuntu system: install the equivalents of: ${want[*]}" >&2
	exit 0
fi

missing=()
for p in "${want[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing+=("$p")
	fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
echo "Installing missing packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
	sh -c "$cmd"
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
	sudo sh -c "$cmd"
else
	echo "Run this as root, then try again:" >&2
	echo "  sudo sh -c '$cmd'" >&2
	exit 1
fi
