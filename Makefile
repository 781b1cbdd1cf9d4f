# Limber: `make run` to try it, `make test` to check it. See README.md.

GO        ?= go
BIN       := bin/limber
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT    ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
DATE      ?= $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS   := -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)
export LANG := en_US.UTF-8

.PHONY: all build run test unit e2e e2e-race bench fuzz lint deps-build deps-test clean \
	deps-dist deps-cross package release install uninstall dist-check cross cross-vet cross-check

all: build

deps-build:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

deps-dist:
	@scripts/deps.sh dist

deps-cross:
	@scripts/deps.sh cross

build: deps-build
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) .

run: build
	./$(BIN)

# Linters at pinned versions, installed on first use into bin/tools/NAME-VERSION
# (a new version is a new folder, so bumping one here reinstalls it).
TOOLS               := $(CURDIR)/bin/tools
STATICCHECK_VERSION := v0.8.2
DEADCODE_VERSION    := v0.52.0
GOCYCLO_VERSION     := v0.6.0
STATICCHECK := $(TOOLS)/staticcheck-$(STATICCHECK_VERSION)/staticcheck
DEADCODE    := $(TOOLS)/deadcode-$(DEADCODE_VERSION)/deadcode
GOCYCLO     := $(TOOLS)/gocyclo-$(GOCYCLO_VERSION)/gocyclo

$(STATICCHECK):
	GOBIN=$(@D) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
$(DEADCODE):
	GOBIN=$(@D) $(GO) install golang.org/x/tools/cmd/deadcode@$(DEADCODE_VERSION)
$(GOCYCLO):
	GOBIN=$(@D) $(GO) install github.com/fzipp/gocyclo/cmd/gocyclo@$(GOCYCLO_VERSION)

# gofmt, go vet, staticcheck, no code unreachable from main or a test
# (deadcode), and no production function more complex than 15 (gocyclo;
# tests are tables and sequences of checks, so they are not held to it;
# third_party/ is a patched copy of a library, kept as upstream wrote it).
lint: $(STATICCHECK) $(DEADCODE) $(GOCYCLO)
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(STATICCHECK) ./...
	@out="$$($(DEADCODE) -test ./...)" && test -z "$$out" || { echo "unreachable code:"; echo "$$out"; exit 1; }
	$(GOCYCLO) -over 15 -ignore '_test\.go$$|^third_party/' .

# Every layer: unit (engine, routines, files), Fyne widget tests (no GL),
# end-to-end tests of the real binary under Xvfb and a private D-Bus, the
# Linux package and its install, and the Windows/macOS cross-checks.
test: deps-test build lint dist-check cross-check
	LIMBER_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 -timeout 15m ./... fyne.io/systray

# The fast layers only: no display, no binary.
unit:
	$(GO) test -short ./... fyne.io/systray

e2e: deps-test build
	LIMBER_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 -v ./e2e/...

# Idle footprint and click-to-window latency of the real daemon.
bench: deps-test build
	LIMBER_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 -run '^$$' -bench . -benchtime 1x ./e2e/

# The end-to-end suite against a -race build of the daemon and windows: a
# data race makes a process exit 66, which the tests report.
e2e-race: deps-test
	$(GO) build -race -o bin/limber-race .
	LIMBER_BIN=$(CURDIR)/bin/limber-race $(GO) test -count=1 ./e2e/...

FUZZTIME ?= 30s
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) ./routines/
	$(GO) test -run '^$$' -fuzz FuzzEngine -fuzztime $(FUZZTIME) ./reminders/
	$(GO) test -run '^$$' -fuzz FuzzLoadConfig -fuzztime $(FUZZTIME) ./reminders/
	$(GO) test -run '^$$' -fuzz FuzzParseMessage -fuzztime $(FUZZTIME) ./reminders/idle/wayland/

# The Linux packages. The tarball, made with the Fyne CLI from FyneApp.toml
# plus hicolor icons, AppStream metainfo, the man page and an installer:
# dist/limber-VERSION-linux-ARCH.tar.xz (and the unpacked tree dist/limber,
# whose Makefile installs it too). From that tree, the .deb and .rpm
# (packaging/nfpm, a Go program of its own module using nFPM as a library),
# versioned from `git describe` and dated by the last commit.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
NFPM := SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) $(GO) -C packaging/nfpm run . -tree $(CURDIR)/dist/limber -version $(VERSION)
package: deps-dist build
	packaging/package.sh $(BIN) dist
	$(NFPM) -out $(CURDIR)/dist

# Everything a release publishes, into dist/, named with the version from
# `git describe` (tag v0.2.0 gives 0.2.0; see packaging/nfpm/version.go):
# limber-V-linux-ARCH.tar.xz, limber_V-1_ARCH.deb, limber-V-1.ARCH.rpm,
# limber-V-windows-amd64.exe (cross-built) and SHA256SUMS of those four.
# Release from a clean checkout of the tag; anything else is a snapshot.
release: package cross
	@v=$$($(NFPM) -print-version) && arch=$$($(GO) env GOARCH) && cd dist && \
	tarball=$$(ls -t limber-*-linux-$$arch.tar.xz | head -n1) && \
	{ [ "$$tarball" = "limber-$$v-linux-$$arch.tar.xz" ] || mv "$$tarball" "limber-$$v-linux-$$arch.tar.xz"; } && \
	cp ../$(BIN).exe "limber-$$v-windows-amd64.exe" && \
	files="limber-$$v-linux-$$arch.tar.xz $$(ls limber_$$v-1_*.deb limber-$$v-1.*.rpm) limber-$$v-windows-amd64.exe" && \
	sha256sum $$files >SHA256SUMS && cat SHA256SUMS && \
	case "$$v" in *[+~]*) echo "release: $$v is a snapshot, not a tagged release (git describe: $(VERSION))" >&2 ;; esac

# make install PREFIX=~/.local (no root), or system-wide without building as
# root: make package && sudo make -C dist/limber install
PREFIX  ?= /usr/local
DESTDIR ?=
install: deps-dist build
	packaging/package.sh --no-tar $(BIN) dist
	packaging/install.sh --from dist/limber --prefix "$(PREFIX)" --destdir "$(DESTDIR)"

uninstall:
	packaging/install.sh --uninstall --prefix "$(PREFIX)" --destdir "$(DESTDIR)"

# The tarball's contents, install and uninstall into a temporary prefix,
# desktop-file-validate, appstreamcli validate, `limber version` and
# `limber autostart` of the installed binary (packaging/dist-check.sh); the
# tests of the man page, .deb/.rpm and Flatpak manifest code; then the .deb
# installed with dpkg -i, used, checked by lintian and removed again, and
# the .rpm queried (packaging/native-check.sh).
dist-check: deps-dist build
	mkdir -p dist && packaging/package.sh $(BIN) dist >dist/package.out
	EXPECT_VERSION=$(VERSION) EXPECT_COMMIT=$(COMMIT) packaging/dist-check.sh "$$(tail -n1 dist/package.out)"
	$(GO) test ./packaging/...
	$(GO) -C packaging/nfpm vet ./...
	$(GO) -C packaging/nfpm test ./...
	$(NFPM) -out $(CURDIR)/dist >dist/nfpm.out
	EXPECT_VERSION=$(VERSION) EXPECT_PKG_VERSION=$$($(NFPM) -print-version) \
		packaging/native-check.sh $$(grep '\.deb$$' dist/nfpm.out) $$(grep '\.rpm$$' dist/nfpm.out)

# go vet for Windows and macOS of every package that does not need cgo (cheap).
cross-vet:
	packaging/cross-vet.sh

# The Windows binary, cross-compiled with MinGW (cgo: GLFW and OpenGL).
# Cold, compiling GLFW and go-gl for Windows takes about 6 minutes here;
# warm, seconds. `make test` builds it only when CI=true.
WIN_CC  ?= x86_64-w64-mingw32-gcc
cross: deps-cross cross-vet
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$(WIN_CC) \
		$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN).exe .

ifeq ($(CI),true)
cross-check: cross
else
cross-check: cross-vet
endif

clean:
	rm -rf bin dist
