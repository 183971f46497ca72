# Two commands on a fresh machine (Python 3.10+ and make): `make report`, `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARTICLE ?= data/articles/newsweek-2024-10-28-russia-responds-trump-moscow.txt
REPORT ?= reports/newsweek-2024-10-28-russia-responds-trump-moscow.html

.PHONY: setup report test lint lab bench clean

# The package and what the report needs; the test, lint and Dask extras on top for `make test`.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(BIN)/.installed-dev: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	touch $@

setup: $(BIN)/.installed-dev

report: $(BIN)/.installed
	$(BIN)/mediakit report $(ARTICLE) -o $(REPORT)

lint: $(BIN)/.installed-dev
	$(BIN)/ruff check mediakit tests $(wildcard benchmarks) $(wildcard tools)
	$(BIN)/mypy mediakit

test: lint
	$(BIN)/python -m pytest -q

# The venv's own kernel before any user-level one, so the notebooks import this checkout's mediakit.
lab: $(BIN)/.installed
	JUPYTER_PREFER_ENV_PATH=1 $(BIN)/jupyter lab notebooks/

bench: $(BIN)/.installed
	for f in benchmarks/*.py; do $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) reports .pytest_cache .mypy_cache .ruff_cache
