# Limber: `make run` to try it, `make test` to check it. See README.md.

GO        ?= go
BIN       := bin/limber
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT    ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
DATE      ?= $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS   := -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)
export LANG := en_US.UTF-8

.PHONY: all build run test unit e2e bench fuzz lint deps-build deps-test clean

all: build

deps-build:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

build: deps-build
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) .

run: build
	./$(BIN)

lint:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

# Every layer: unit (engine, routines, files), Fyne widget tests (no GL)
# and end-to-end tests of the real binary under Xvfb and a private D-Bus.
test: deps-test build lint
	LIMBER_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 -timeout 15m ./...

# The fast layers only: no display, no binary.
unit:
	$(GO) test -short ./...

e2e: deps-test build
	LIMBER_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 -v ./e2e/...

# Idle footprint and click-to-window latency of the real daemon.
bench: deps-test build
	LIMBER_BIN=$(CURDIR)/$(BIN) $(GO) test -count=1 -run '^$$' -bench . -benchtime 1x ./e2e/

FUZZTIME ?= 30s
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) ./routines/
	$(GO) test -run '^$$' -fuzz FuzzEngine -fuzztime $(FUZZTIME) ./reminders/

clean:
	rm -rf bin
