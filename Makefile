# kubelab: `make run` sets up and starts the shell; `make test` runs the whole suite.
SWIFT ?= swift

.PHONY: setup build run test bench bench-instructions fuzz clean

setup:
	@./scripts/setup.sh

# The shell runs from the debug build: it shares the test build's cache and starts in seconds.
build: setup
	$(SWIFT) build --product kubelab

run: build
	@./.build/debug/kubelab

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Benchmarks measure the optimised build.
bench: setup
	$(SWIFT) build -c release --product kubelab
	@./scripts/bench.sh

# Instructions per CronJob Job under callgrind: steadier than wall time for judging engine changes.
bench-instructions: setup
	$(SWIFT) build -c release --product kubelab
	@./scripts/bench-instructions.sh

# Seeded fuzzing of every input surface against the optimised build (FUZZ_SECONDS per run).
FUZZ_SECONDS ?= 60
fuzz: setup
	$(SWIFT) build -c release --product kubelab
	@./scripts/fuzz.sh --seconds $(FUZZ_SECONDS)

clean:
	rm -rf .build
