# The two set-up commands of the README: `make demo` and `make test`.
# Both build .venv from scratch with nothing but Python 3.11 and the package registries.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP) $@

demo: $(STAMP)
	$(BIN)/eventwire code examples/articles/articles.jsonl --format table

test: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks fuzz
	$(BIN)/python -m pytest -q

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks fuzz

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
