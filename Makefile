# VisitCoach: two commands do everything on a fresh machine.
#   make run   installs what is missing, builds, and starts practice on the default scenario
#   make test  installs what is missing, builds, and runs the whole suite
SWIFT ?= swift
APT_PACKAGES := libreadline-dev libsqlite3-dev zlib1g-dev
BIN := .build/debug/visitcoach

FUZZ_SECONDS ?= 60
FUZZ_BIN := .build-fuzz/debug/VisitCoachFuzz
FUZZ_FLAGS := -Xswiftc -sanitize=fuzzer -Xlinker --allow-multiple-definition -Xlinker --export-dynamic

.PHONY: run test build deps bench format lint clean fuzz release install learn

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

# `visitcoach` on the PATH: a link in ~/.local/bin (PREFIX=/usr/local for everyone) to this
# checkout's build, which also finds this checkout's scenarios.
PREFIX ?= $(HOME)/.local
install: build
	@mkdir -p $(PREFIX)/bin
	@ln -sf $(CURDIR)/$(BIN) $(PREFIX)/bin/visitcoach
	@echo "linked $(PREFIX)/bin/visitcoach -> $(CURDIR)/$(BIN)"
	@case ":$$PATH:" in *":$(PREFIX)/bin:"*) ;; *) echo "add $(PREFIX)/bin to PATH to run 'visitcoach' anywhere";; esac

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(BIN) check scenarios
	$(BIN) test scenarios/tests
	$(BIN) learn --check scenarios/evaluation/dev
	$(BIN) evaluate scenarios/evaluation/test --disagreements 0
	.build/debug/VisitCoachFuzz Fuzz/corpus/loader scenarios
	VISITCOACH_FUZZ=script .build/debug/VisitCoachFuzz Fuzz/corpus/script scenarios/samples

# A self-contained release binary (Swift runtime linked in): the fastest start (first prompt
# ~23 ms against ~35 ms for the dynamic build), at the cost of a 75 MB file and ~2 minutes.
release: deps
	$(SWIFT) build -c release --product visitcoach --static-swift-stdlib --scratch-path .build-static
	@echo "built .build-static/release/visitcoach"

# Learn the fault models in scenarios/learned/ from the development split (never the test split).
learn: build
	$(BIN) learn scenarios/evaluation/dev

bench: deps
	$(SWIFT) build -c release --product Benchmarks
	$(SWIFT) build -c release --product visitcoach
	.build/release/Benchmarks

# libFuzzer on the scenario loader, then on transcripts through the engine and the scorer, for
# FUZZ_SECONDS each. The corpus starts from Fuzz/corpus and the shipped files; crashes are saved
# as Fuzz/crashes/<mode>-crash-*. See docs/Fuzzing.md.
fuzz: deps
	$(SWIFT) build --product VisitCoachFuzz --scratch-path .build-fuzz $(FUZZ_FLAGS)
	@mkdir -p Fuzz/crashes
	@for mode in loader script; do \
	  work=$$(mktemp -d); \
	  cp Fuzz/corpus/$$mode/* $$work/; \
	  if [ $$mode = loader ]; then cp scenarios/*.yaml $$work/; else cp scenarios/samples/*.txt $$work/; fi; \
	  echo "fuzzing the $$mode for $(FUZZ_SECONDS) s"; \
	  VISITCOACH_FUZZ=$$mode SWIFT_BACKTRACE=enable=no $(FUZZ_BIN) -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
	    -artifact_prefix=Fuzz/crashes/$$mode- $$work 2>&1 | grep -E "^(Done|stat::number_of_executed_units|==|SUMMARY)|invariant|Fatal" || true; \
	  rm -rf $$work; \
	done
	@if ls Fuzz/crashes/*-crash-* >/dev/null 2>&1; then echo "crashes found:"; ls Fuzz/crashes; exit 1; fi

format:
	$(SWIFT) format --in-place --recursive --configuration .swift-format Sources Tests Package.swift

lint:
	$(SWIFT) format lint --recursive --configuration .swift-format Sources Tests Package.swift

clean:
	rm -rf .build
