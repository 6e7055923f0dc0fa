# The two-command quick start: `make run` and `make test`. Both depend on `make setup`, which installs
# only what is missing (Debian packages, npm packages) and rebuilds only what changed.
.PHONY: setup run test build clean

setup:
	@bash scripts/setup.sh

build: setup

run: setup
	@node packages/server/dist/main.js

test: setup
	@bash scripts/test.sh

clean:
	rm -rf node_modules packages/*/dist packages/*/node_modules packages/*/*.tsbuildinfo .parley-build-stamp
