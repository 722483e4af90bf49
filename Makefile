# The README's two commands: `go run . report` runs the main job on the embedded
# corpus; `make test` runs vet and every test with the race detector.
GO ?= go

.PHONY: build test report check fuzz bench bench-corpus bench-scale pgo update

build:
	$(GO) build -o bin/compare .

test:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

report:
	$(GO) run . report

# check adds static analysis and a tidy go.mod to the tests; staticcheck is pinned
# by go.mod's tool directive (go get -tool ...@version moves it).
check: test
	$(GO) tool staticcheck ./...
	$(GO) mod tidy -diff

# fuzz runs each fuzz target for a short while.
fuzz:
	$(GO) test ./facts -run '^$$' -fuzz '^FuzzParseDate$$' -fuzztime 20s
	$(GO) test ./facts -run '^$$' -fuzz '^FuzzParseQuantity$$' -fuzztime 20s
	$(GO) test ./facts -run '^$$' -fuzz '^FuzzSegment$$' -fuzztime 20s
	$(GO) test ./facts -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime 20s
	$(GO) test ./facts -run '^$$' -fuzz '^FuzzSegmentQuickPaths$$' -fuzztime 20s
	$(GO) test ./facts -run '^$$' -fuzz '^FuzzTypos$$' -fuzztime 10s
	$(GO) test ./facts -run '^$$' -fuzz '^FuzzWordCounts$$' -fuzztime 10s
	$(GO) test ./facts -run '^$$' -fuzz '^FuzzNextAcronym$$' -fuzztime 10s
	$(GO) test ./facts -run '^$$' -fuzz '^FuzzTitleLen$$' -fuzztime 10s
	$(GO) test ./facts -run '^$$' -fuzz '^FuzzBacktracker$$' -fuzztime 20s
	$(GO) test ./facts -run '^$$' -fuzz '^FuzzCompileProg$$' -fuzztime 10s
	$(GO) test ./facts -run '^$$' -fuzz '^FuzzSharedNames$$' -fuzztime 30s
	$(GO) test ./facts -run '^$$' -fuzz '^FuzzFastYAML$$' -fuzztime 30s
	$(GO) test ./report -run '^$$' -fuzz '^FuzzConflictWritten$$' -fuzztime 10s

# Benchmarks read generated corpora (internal/gencorpus, deterministic from seed 1):
# bench-corpus writes 10, 100, 1,000 and 10,000 sources (about 0.5 MB to 500 MB)
# under $(BENCH_DIR); without them the benchmarks generate what they need.
BENCH_DIR ?= testdata/bench
BENCH_SIZES ?= 10 100 1000 10000

bench-corpus:
	@for n in $(BENCH_SIZES); do \
		if [ -f $(BENCH_DIR)/$$n/compare.yaml ]; then echo "$(BENCH_DIR)/$$n: already there"; \
		else $(GO) run ./tools/gencorpus -sources $$n -seed 1 -out $(BENCH_DIR)/$$n || exit 1; fi; \
	done

# bench runs every benchmark (per stage and end to end, on the 100-source corpus
# unless COMPARE_BENCH_SOURCES says otherwise) and writes the table to
# $(BENCH_DIR)/results.md. One package at a time, each built before its
# benchmarks start: "go test ./... -bench" runs a package's benchmarks while it
# still compiles and links the packages after it, on the cores being measured.
bench:
	@mkdir -p $(BENCH_DIR)
	@: > $(BENCH_DIR)/bench.txt
	@for p in $$($(GO) list ./...); do \
		$(GO) test $$p -run '^$$' -bench . -benchmem > $(BENCH_DIR)/bench.part || { cat $(BENCH_DIR)/bench.part; exit 1; }; \
		cat $(BENCH_DIR)/bench.part; cat $(BENCH_DIR)/bench.part >> $(BENCH_DIR)/bench.txt; \
	done; rm -f $(BENCH_DIR)/bench.part
	$(GO) run ./tools/benchtable < $(BENCH_DIR)/bench.txt | tee $(BENCH_DIR)/results.md

# bench-scale measures time and peak memory from 10 to 10,000 sources, and the
# check after adding one source with a warm cache; the table goes to
# $(BENCH_DIR)/scale.md.
bench-scale: build bench-corpus
	$(GO) run ./tools/benchscale -compare bin/compare $(addprefix $(BENCH_DIR)/,$(BENCH_SIZES)) | tee $(BENCH_DIR)/scale.md

# pgo writes default.pgo, the CPU profile the go command builds the tool with
# (profile-guided optimization, on by default for the main package): "compare
# report" end to end on the 1,000-source corpus, cold, on one core and on all, and
# the warm extraction "compare check" does. Run it again after a large change to
# the code; a profile a little behind the code still serves.
PGO_DIR ?= $(BENCH_DIR)/pgo
pgo:
	$(MAKE) bench-corpus BENCH_SIZES=1000
	@mkdir -p $(PGO_DIR)
	COMPARE_BENCH_SOURCES=1000 $(GO) test . -run '^$$' -bench '^BenchmarkEndToEnd$$' -benchtime 5x \
		-cpuprofile $(PGO_DIR)/report.prof -o $(PGO_DIR)/compare.test
	COMPARE_BENCH_SOURCES=1000 $(GO) test ./facts -run '^$$' -bench '^BenchmarkExtractWarmCache$$' -benchtime 20x \
		-cpuprofile $(PGO_DIR)/check.prof -o $(PGO_DIR)/facts.test
	$(GO) tool pprof -proto $(PGO_DIR)/report.prof $(PGO_DIR)/check.prof > default.pgo

# update regenerates the golden files after a deliberate change of output.
update:
	$(GO) test ./... -run 'Golden|Script' -update
