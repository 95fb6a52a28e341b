# The two commands: `make run` (demo app on SQLite) and `make test` (every check).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
# Python may keep compiled modules (__pycache__, ignored by git) even where the environment
# says not to: otherwise every test process compiles the project and rewrites the tests'
# asserts again, about 5 s of a core each (9 s to collect the suite instead of 4.5 s).
unexport PYTHONDONTWRITEBYTECODE
# Another interpreter gets its own environment: make test PYTHON=python3.13 VENV=.venv-3.13
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# The test suite must pass on PostgreSQL; DATABASE_URL overrides this default.
TEST_DATABASE_URL := $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/hipplan)
SQLITE_TEST_URL := sqlite:///$(CURDIR)/var/test.sqlite3
RUN_DATABASE_URL := sqlite:///$(CURDIR)/var/db.sqlite3
PYTEST := $(BIN)/pytest
# One test process per core (pytest-xdist), each with its own test database; an idle one
# takes tests queued for the other (worksteal), so no long test waits at the end of a queue.
PARALLEL := -n auto --dist worksteal
# `make test` runs the SQLite tests beside the browser tests, in one process: the browser
# tests spend most of their time waiting on the browser (about a third of two cores busy),
# so the SQLite run uses the other core instead of waiting for them to end.
SQLITE_PARALLEL ?= $(PARALLEL)

.PHONY: help run run-deps bench-deps test checks lint typecheck migrations-check test-postgres test-sqlite test-e2e bench deps system-deps lock clean

help:
	@echo "make run    start the app with demo data on http://127.0.0.1:8000 (SQLite in var/)"
	@echo "make test   lint, types, migrations check, tests on PostgreSQL and SQLite, browser tests"
	@echo "make bench  benchmarks (tests/bench)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Each environment installs one hashed lock (requirements/*.txt, made by `make lock`):
# runtime for `make run`, e2e (runtime + tests + browser) for `make test`, bench for
# `make bench`. The stamp file names the lock it was installed from. uv installs it, checking
# every hash as pip would: 9 s for the e2e lock instead of pip's 28 s.
UV_VERSION := 0.13.10
$(BIN)/uv: | $(BIN)/python
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)

$(VENV)/.installed-%: requirements/%.txt | $(BIN)/uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes -r $<
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(VENV)/.installed-e2e node_modules/.installed
run-deps: $(VENV)/.installed-runtime node_modules/.installed
bench-deps: $(VENV)/.installed-bench node_modules/.installed

system-deps:
	@scripts/ensure-system-deps

run: run-deps
	@mkdir -p var
	@DJANGO_DEBUG=true DATABASE_URL=$(RUN_DATABASE_URL) $(MANAGE) migrate --noinput -v0
	@DJANGO_DEBUG=true DATABASE_URL=$(RUN_DATABASE_URL) $(MANAGE) load_demo
	@echo "Serving on http://127.0.0.1:8000 with the task worker (stop both with Ctrl+C)"
	@DJANGO_DEBUG=true DATABASE_URL=$(RUN_DATABASE_URL) PYTHON_BIN=$(BIN)/python scripts/run-dev 127.0.0.1:8000

lint: deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: deps
	DJANGO_DEBUG=true $(BIN)/mypy .

migrations-check: deps
	@mkdir -p var
	DJANGO_DEBUG=true DATABASE_URL=$(SQLITE_TEST_URL) $(MANAGE) makemigrations --check --dry-run

test-postgres: deps system-deps
	@DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python scripts/check_postgres.py
	DATABASE_URL=$(TEST_DATABASE_URL) $(PYTEST) $(PARALLEL) -m "not e2e"

test-sqlite: deps system-deps
	@mkdir -p var
	HIPPLAN_DATABASE_TESTS_ONLY=1 DATABASE_URL=$(SQLITE_TEST_URL) $(PYTEST) $(SQLITE_PARALLEL) -m "not e2e"

test-e2e: deps system-deps
	@DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python scripts/check_postgres.py
	DATABASE_URL=$(TEST_DATABASE_URL) $(PYTEST) $(PARALLEL) -m e2e tests/e2e

# The static checks run side by side (mypy keeps one core busy, ruff and the migrations
# check take the other).
checks:
	@$(MAKE) --no-print-directory --output-sync=target -j3 lint typecheck migrations-check

# The static checks run beside the PostgreSQL tests (about 18 s of one core), then the
# SQLite tests beside the browser tests.
test: deps system-deps
	@$(MAKE) --no-print-directory --output-sync=target -j4 lint typecheck migrations-check test-postgres
	@$(MAKE) --no-print-directory --output-sync=target -j2 test-e2e test-sqlite SQLITE_PARALLEL="-p no:xdist"
	@echo "All checks passed."

bench: bench-deps system-deps
	@DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/python scripts/check_postgres.py
	HIPPLAN_BENCH=1 DATABASE_URL=$(TEST_DATABASE_URL) $(PYTEST) tests/bench -s

# Refresh the hashed locks after changing pyproject.toml: every lock resolves for Python
# 3.11 to 3.13 at once (uv's universal resolution), preferring the versions pinned now.
UV_COMPILE = $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 \
	--generate-hashes --no-strip-extras --no-header --quiet
lock: $(BIN)/uv
	$(UV_COMPILE) -o requirements/runtime.txt
	$(UV_COMPILE) --extra redis -o requirements/runtime-redis.txt
	$(UV_COMPILE) --extra dev -o requirements/dev.txt
	$(UV_COMPILE) --extra e2e -o requirements/e2e.txt
	$(UV_COMPILE) --extra bench -o requirements/bench.txt

clean:
	rm -rf $(VENV) node_modules var .mypy_cache .ruff_cache
