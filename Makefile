# NewsKB: the two set-up commands are `make demo` and `make test`.
SWIFT ?= swift
APT_PACKAGES := libicu-dev libxml2-dev libsqlite3-dev pkg-config zlib1g-dev
DEMO_DIR := out
BIN_RELEASE := .build/release/newskb

PREFIX ?= /usr/local
.PHONY: deps build release demo test bench spark-test fuzz install clean report datasette datasette-check

## deps: install the system libraries when missing (apt-get as root; otherwise print the command)
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "installing:$$missing"; apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	  else \
	    echo "NewsKB needs:$$missing"; echo "run: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "swift not found: install Swift 6 (https://www.swift.org/install/linux/)"; exit 1; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## demo: build, ingest fixtures/news into a knowledge base, export JSONL, print a summary
demo: release
	@mkdir -p $(DEMO_DIR) && rm -f $(DEMO_DIR)/demo.sqlite $(DEMO_DIR)/demo.sqlite-wal $(DEMO_DIR)/demo.sqlite-shm
	$(BIN_RELEASE) ingest --kb $(DEMO_DIR)/demo.sqlite --published 2025-02-27 fixtures/news
	$(BIN_RELEASE) export --kb $(DEMO_DIR)/demo.sqlite --output $(DEMO_DIR)/demo.jsonl
	$(BIN_RELEASE) stats --kb $(DEMO_DIR)/demo.sqlite
	@echo; echo "knowledge base: $(DEMO_DIR)/demo.sqlite   export: $(DEMO_DIR)/demo.jsonl ($$(wc -l < $(DEMO_DIR)/demo.jsonl) records)"
	@if [ -f ../shared/eval/score.py ]; then \
	  echo; echo "seed article (../shared) scored:"; \
	  $(BIN_RELEASE) extract --published 2024-06-20 ../shared/corpus/seed/hk-innotech-2024.txt > $(DEMO_DIR)/seed.jsonl && \
	  python3 ../shared/eval/score.py --gold ../shared/eval/gold --pred $(DEMO_DIR)/seed.jsonl | tail -6; \
	fi

## test: build (the end-to-end tests run the built binary) and run every test
test: deps
	$(SWIFT) build
	$(SWIFT) test

## bench: release build, a generated corpus (BENCH_MB, default 20), per-stage and end-to-end figures
bench: release
	scripts/bench.sh

## install: a release binary with the Swift runtime linked in, in $(PREFIX)/bin, and the
## pipelines in $(PREFIX)/share/newskb/pipelines, where the binary finds them
install: deps
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/newskb
	install -m 755 .build-static/release/newskb $(DESTDIR)$(PREFIX)/bin/newskb
	rm -rf $(DESTDIR)$(PREFIX)/share/newskb/pipelines
	cp -R pipelines $(DESTDIR)$(PREFIX)/share/newskb/pipelines
	@echo "installed $(DESTDIR)$(PREFIX)/bin/newskb and $(DESTDIR)$(PREFIX)/share/newskb/pipelines"

## spark-test: run the Spark job in local[2] and check it against a single-process ingest
spark-test: deps
	scripts/spark-test.sh

## report: the demo knowledge base as a static HTML report in out/report, and PNGs of its
## index and its first programme page rendered by headless Chromium in out/report-png
report: demo
	$(BIN_RELEASE) report --kb $(DEMO_DIR)/demo.sqlite --output $(DEMO_DIR)/report
	@if command -v chromium >/dev/null; then scripts/report-screenshot.sh $(DEMO_DIR)/report $(DEMO_DIR)/report-png; \
	 else echo "chromium not found: open $(DEMO_DIR)/report/index.html, or apt-get install chromium fonts-noto-cjk for the PNGs"; fi

## datasette: open the demo knowledge base in Datasette (installed into .build-datasette when missing)
DATASETTE_VENV := .build-datasette/venv
$(DATASETTE_VENV)/bin/datasette:
	@if command -v datasette >/dev/null; then mkdir -p $(DATASETTE_VENV)/bin && ln -sf "$$(command -v datasette)" $@; \
	 else python3 -m venv $(DATASETTE_VENV) && $(DATASETTE_VENV)/bin/pip install -q datasette; fi

datasette: demo $(DATASETTE_VENV)/bin/datasette
	PATH="$(CURDIR)/$(DATASETTE_VENV)/bin:$$PATH" scripts/datasette/serve.sh $(DEMO_DIR)/demo.sqlite

## datasette-check: serve a knowledge base of the fixtures on loopback and check that the search
## box folds either script, every canned query answers and mentions link to their entities
datasette-check: build $(DATASETTE_VENV)/bin/datasette
	@rm -rf .build-datasette/check && mkdir -p .build-datasette/check
	.build/debug/newskb ingest --kb .build-datasette/check/kb.sqlite --published 2025-02-27 fixtures/news 2>/dev/null
	PATH="$(CURDIR)/$(DATASETTE_VENV)/bin:$$PATH" python3 scripts/datasette/check.py .build-datasette/check/kb.sqlite

clean:
	rm -rf .build $(DEMO_DIR) bench-out

## fuzz: libFuzzer over decoders, readers, recognisers, the store and the export for FUZZ_SECONDS
## (default 60), inputs up to FUZZ_MAX_LEN bytes (default 4 MiB)
FUZZ_SECONDS ?= 60
FUZZ_MAX_LEN ?= 4194304
# e.g. FUZZ_ARGS=-len_control=0 to try large inputs from the start
FUZZ_ARGS ?=
fuzz: deps
	swift build --scratch-path .build-fuzz --product NewsKBFuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
	mkdir -p out/fuzz-corpus && cp -n fixtures/fuzz-corpus/* out/fuzz-corpus/ 2>/dev/null || true
	.build-fuzz/debug/NewsKBFuzz out/fuzz-corpus -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) -rss_limit_mb=4096 -timeout=60 $(FUZZ_ARGS)
