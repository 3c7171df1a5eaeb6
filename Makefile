# kubelab: `make run` sets up and starts the shell; `make test` runs the whole suite.
SWIFT ?= swift

.PHONY: setup build run test bench clean

setup:
	@./scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product kubelab

run: build
	@./.build/release/kubelab

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build
	@./scripts/bench.sh

clean:
	rm -rf .build
