#!/usr/bin/env bash
# Vets every package of the module for other systems, without a C
# cross-compiler: for each GOOS/GOARCH given (default windows/amd64,
# darwin/arm64 and darwin/amd64) it runs `go vet` with CGO_ENABLED=0 on each
# package whose build (tests included) does not need cgo there, and lists
# the ones it leaves out.
#
# "Needs cgo" is computed, not listed by hand: a package needs it when it,
# or anything it or its tests import, outside the standard library, has cgo
# files for that target (GLFW and OpenGL everywhere; on macOS also the
# systray and parts of Fyne). The standard library has pure-Go fallbacks.
# The end-to-end tests (e2e/...) drive the Linux binary under Xvfb and are
# Linux-only by design; they are left out too.
#
# Usage: packaging/cross-vet.sh [GOOS/GOARCH ...]
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(windows/amd64 darwin/arm64 darwin/amd64)

for target in "${targets[@]}"; do
	goos=${target%/*} goarch=${target#*/}
	# Third-party packages with cgo files in the target's build.
	cgo=$(GOOS=$goos GOARCH=$goarch CGO_ENABLED=1 "$GO" list -e -test -deps \
		-f '{{if and .CgoFiles (not .Standard)}}{{.ImportPath}}{{end}}' ./... | sort -u)
	# One line per package (and per test variant): its path, then every
	# package it imports, directly or not.
	needs=$(GOOS=$goos GOARCH=$goarch CGO_ENABLED=1 "$GO" list -e -test \
		-f '{{.ImportPath}} {{.ImportPath}} {{join .Deps " "}}' ./... |
		awk -v cgo="$cgo" '
			BEGIN { n = split(cgo, c, "\n"); for (i = 1; i <= n; i++) if (c[i] != "") bad[c[i]] = 1 }
			{
				p = $1; sub(/ \[.*$/, "", p); sub(/\.test$/, "", p); sub(/_test$/, "", p)
				for (i = 2; i <= NF; i++) if ($i in bad) { print p; next }
			}' | sort -u)
	mod=$("$GO" list -m)
	pkgs=()
	skipped=()
	while read -r p; do
		rel=${p#"$mod"}
		rel=${rel#/}
		if [[ $rel == e2e || $rel == e2e/* ]]; then
			continue
		elif grep -qxF "$p" <<<"$needs"; then
			skipped+=("${rel:-.}")
		else
			pkgs+=("$p")
		fi
	done < <(GOOS=$goos GOARCH=$goarch CGO_ENABLED=1 "$GO" list -e ./...)
	if [ ${#pkgs[@]} -eq 0 ]; then
		echo "cross-vet $target: every package needs cgo; nothing vetted" >&2
		exit 1
	fi
	echo "cross-vet $target: vetting ${#pkgs[@]} packages; need cgo, not vetted here: ${skipped[*]:-none}"
	GOOS=$goos GOARCH=$goarch CGO_ENABLED=0 "$GO" vet "${pkgs[@]}"
done
