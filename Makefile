# The README's two commands: `make run` and `make test` (Python 3.11+, Java 17+ and Maven required).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_DATA ?= $(CURDIR)/.tiesgraph-test/neo4j

.PHONY: help venv run test test-unit lint typecheck accuracy bench reliability stop clean distclean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

venv: $(STAMP)  ## create .venv and install the project with its dev tools

# Redone only when pyproject.toml changes (or the venv is missing).
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11+ is required ($(PYTHON) is $$($(PYTHON) -V 2>&1))" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

run: venv  ## local Neo4j up, schema applied, bundled articles loaded, API serving
	$(BIN)/tiesgraph neo4j start
	$(BIN)/tiesgraph schema apply
	$(BIN)/tiesgraph load data/articles
	$(BIN)/tiesgraph serve

test: venv  ## lint, types and the whole test suite against a Neo4j it starts itself
	bash scripts/install-chromium.sh || echo "chromium unavailable: the browser tests will be skipped"
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

test-unit: venv  ## the unit tests only: no database, no browser, no slow test (seconds)
	$(BIN)/pytest tests/unit -m "not integration and not browser and not slow"

lint: venv  ## ruff and mypy only
	$(BIN)/ruff check .
	$(BIN)/mypy

typecheck: venv
	$(BIN)/mypy

accuracy: venv  ## score the extractor on the dev corpus in ../shared and regenerate docs/accuracy.md (not in `make test`)
	$(BIN)/python scripts/accuracy_report.py --corpus ../shared/corpus/dev --doc docs/accuracy.md

# The benchmarks' own Neo4j (emptied by every run): never the `make run` or test instance.
BENCH_DATA ?= $(CURDIR)/.tiesgraph-bench/neo4j
BENCH_BOLT_PORT ?= $(or $(TIESGRAPH_BENCH_BOLT_PORT),57787)
BENCH_HTTP_PORT ?= $(or $(TIESGRAPH_BENCH_HTTP_PORT),57574)
BENCH_ENV = TIESGRAPH_NEO4J_DATA=$(BENCH_DATA) TIESGRAPH_NEO4J_BOLT_PORT=$(BENCH_BOLT_PORT) \
	TIESGRAPH_NEO4J_HTTP_PORT=$(BENCH_HTTP_PORT) PYTHONPATH=$(CURDIR)

bench: venv  ## every benchmark in one run: benchmarks/results/latest.json, docs/benchmarks.md, plots (BENCH_FULL=1: +100k)
	$(BENCH_ENV) $(BIN)/tiesgraph neo4j start
	$(BENCH_ENV) $(BIN)/tiesgraph schema apply
	$(BENCH_ENV) $(BIN)/python -m benchmarks.run $(BENCH_ARGS)
	$(BENCH_ENV) $(BIN)/tiesgraph neo4j stop  # its data is emptied by the next run: nothing to serve

RELIABILITY := $(CURDIR)/test-artifacts/reliability
reliability: venv  ## the long probes (20 SIGKILLs, 8 loaders, injection, bounds, >= 1,000 schemathesis cases) -> docs/reliability.md
	rm -rf $(RELIABILITY) && mkdir -p $(RELIABILITY)
	TIESGRAPH_RELIABILITY_REPORT=$(RELIABILITY)/results.jsonl TIESGRAPH_SCHEMATHESIS_LOG=$(RELIABILITY)/schemathesis.log \
	TIESGRAPH_KILLS=20 TIESGRAPH_LOADERS=8 TIESGRAPH_SCHEMATHESIS_EXAMPLES=60 TIESGRAPH_HYPOTHESIS_EXAMPLES=2000 \
		$(BIN)/pytest -q tests/reliability tests/integration/test_load_faults.py tests/integration/test_api_attacks.py \
		tests/integration/test_api_schemathesis.py tests/unit/test_properties.py
	$(BIN)/python scripts/reliability.py $(RELIABILITY)/results.jsonl $(RELIABILITY)/schemathesis.log docs/reliability.md

stop: venv  ## stop the local Neo4j (`make run`'s)
	$(BIN)/tiesgraph neo4j stop

clean:  ## remove caches, build output and the test Neo4j instance (keeps .venv and your data)
	-test -x $(BIN)/tiesgraph && TIESGRAPH_NEO4J_DATA=$(TEST_DATA) $(BIN)/tiesgraph neo4j stop
	rm -rf .mypy_cache .ruff_cache .pytest_cache build dist *.egg-info test-artifacts .tiesgraph-test
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +

distclean: clean  ## also remove .venv
	rm -rf $(VENV)
