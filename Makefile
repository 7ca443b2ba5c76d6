# unres — two commands on a fresh machine: `make run` and `make test`.
# Each installs what it needs (uv, bootstrapped with pip when missing; then the
# locked environment with `uv sync --frozen`, compiled to bytecode once: with
# PYTHONDONTWRITEBYTECODE set, as on our machines, every start would otherwise
# recompile Prefect from source and take twice as long).

SHELL := /bin/bash
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := $(PYTHON) -m uv
endif
RUN := $(UV) run --frozen
N ?= 20000

.PHONY: setup browser run test test-slow test-crash serve lint eval eval-bulk bench clean

.venv/.synced: pyproject.toml uv.lock
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check uv \
	  || $(PYTHON) -m pip install --quiet --disable-pip-version-check --user --break-system-packages uv
	$(UV) sync --frozen --compile-bytecode
	@touch $@

setup: .venv/.synced  ## install the locked environment into .venv

browser:  ## Debian's chromium for the browser check of report.html (installed when root)
	@scripts/ensure-chromium

run: setup  ## build a release from raw/ into output/ (unres build's defaults)
	$(RUN) unres build

test: setup browser  ## the test suite (unit tests, seeds, end-to-end flow, report in a browser)
	$(RUN) pytest -m "not slow"

test-slow: setup  ## slow tests: crash-kill, scheduled server, 1,000-example property tests, fuzz campaign (100,000 mutated real texts)
	$(RUN) pytest -m slow
	HYPOTHESIS_PROFILE=thorough $(RUN) pytest tests/test_properties.py

test-crash: setup  ## kill -9 a real build 20 times; every release must stay whole (minutes)
	$(RUN) pytest -m slow tests/test_crash.py

serve: setup  ## scheduled builds: a local Prefect server on 127.0.0.1:4200, build at 03:00 daily
	$(RUN) unres serve

lint: setup  ## ruff and mypy
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy

eval: setup  ## per-field accuracy on the labelled evaluation set
	$(RUN) python -m tests.eval.evaluate

# The real bulk corpus (../shared/bulk, see its SOURCES.md) and the modules that score it.
BULK ?=
EVAL_BULK_MODULES := tests.eval.eval_bulk tests.eval.pdf_twins

eval-bulk: setup  ## weak-truth checks per folder of the bulk corpus (BULK=DIR, default ../shared/bulk)
	@for module in $(EVAL_BULK_MODULES); do \
	  $(RUN) python -m $$module $(if $(BULK),--bulk $(BULK)) || exit 1; \
	done

bench: setup  ## throughput and memory on a generated corpus (N=20000 documents)
	$(RUN) python -m benchmarks.bench --n $(N)

clean:
	rm -rf output/releases output/latest .venv
