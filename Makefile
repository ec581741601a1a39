# fanarchive — developer entry points. `make serve` and `make test` work on a fresh clone.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install serve test lint format clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# The archive on http://127.0.0.1:8000 (SQLite under var/ unless DATABASE_URL is set).
serve: install
	$(BIN)/fanarchive-manage migrate --noinput
	$(BIN)/fanarchive-manage seed_tags
	$(BIN)/fanarchive-manage import_samples --accept-suggestions
	$(BIN)/fanarchive-manage runserver --insecure 127.0.0.1:8000

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

format: install
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

# Whole suite on SQLite; then, when CI provides PostgreSQL, the database tests again on it.
# One pytest-xdist worker per core, at most eight (TEST_WORKERS=0 runs in one process); a test
# file stays on one worker, so its module fixtures (an analysed sample, a seeded archive) are
# built once.
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); [ $$n -gt 8 ] && echo 8 || echo $$n)
PYTEST := $(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

test: install
	$(BIN)/ruff check src tests benchmarks
	env -u DATABASE_URL $(PYTEST)
	if [ -n "$$FANARCHIVE_TEST_POSTGRES_URL" ]; then \
		DATABASE_URL="$$FANARCHIVE_TEST_POSTGRES_URL" $(PYTEST) -q -m "database and not browser"; \
	fi

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info src/*.egg-info
