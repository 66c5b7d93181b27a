# VisitCoach: two commands do everything on a fresh machine.
#   make run   installs what is missing, builds, and starts practice on the default scenario
#   make test  installs what is missing, builds, and runs the whole suite
SWIFT ?= swift
APT_PACKAGES := libreadline-dev libsqlite3-dev
BIN := .build/debug/visitcoach

.PHONY: run test build deps bench format lint clean

deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build --product visitcoach

run: build
	@$(BIN) practice

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(BIN) check scenarios
	$(BIN) test scenarios/tests

bench: deps
	$(SWIFT) build -c release --product Benchmarks
	$(SWIFT) build -c release --product visitcoach
	.build/release/Benchmarks

format:
	$(SWIFT) format --in-place --recursive --configuration .swift-format Sources Tests Package.swift

lint:
	$(SWIFT) format lint --recursive --configuration .swift-format Sources Tests Package.swift

clean:
	rm -rf .build
