# The README's two commands: `go run . report` runs the main job on the embedded
# corpus; `make test` runs vet and every test with the race detector.
GO ?= go

.PHONY: build test report check fuzz bench update

build:
	$(GO) build -o bin/compare .

test:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

report:
	$(GO) run . report

# check adds static analysis and a tidy go.mod to the tests.
check: test
	$(GO) run honnef.co/go/tools/cmd/staticcheck@2025.1.1 ./...
	$(GO) mod tidy -diff

# fuzz runs each fuzz target for a short while.
fuzz:
	$(GO) test ./facts -run '^$$' -fuzz FuzzParseDate -fuzztime 20s
	$(GO) test ./facts -run '^$$' -fuzz FuzzParseQuantity -fuzztime 20s
	$(GO) test ./facts -run '^$$' -fuzz FuzzSegment -fuzztime 20s
	$(GO) test ./facts -run '^$$' -fuzz FuzzExtract -fuzztime 20s

bench:
	$(GO) test ./... -run '^$$' -bench . -benchmem

# update regenerates the golden files after a deliberate change of output.
update:
	$(GO) test ./... -run 'Golden|Script' -update
