# Broadsheet: `make demo` serves the demo publication; `make test` checks everything.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PATH := $(CURDIR)/$(BIN):$(PATH)

.DEFAULT_GOAL := help

.PHONY: help
help: ## List every target
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: install python3.11 and try again." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

.PHONY: install
install: $(VENV)/.installed ## Create .venv and install Broadsheet with its development tools

.PHONY: system-deps
system-deps: ## Install Debian's ffmpeg (video durations) when missing
	@bash scripts/system-deps.sh ffmpeg

.PHONY: test-deps
test-deps: install system-deps ## Install what the tests need: Debian's chromium and Varnish, axe-core and lighthouse from npm
	@bash scripts/system-deps.sh chromium varnish
	@test -f node_modules/axe-core/axe.min.js -a -x node_modules/.bin/lighthouse || npm install --no-audit --no-fund --silent

.PHONY: lint
lint: install ## ruff, mypy, import-linter and the migrations check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

.PHONY: format
format: install ## Fix what ruff can fix and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

.PHONY: test
test: test-deps lint pytest ## Install what the tests need, lint, run the whole suite

.PHONY: pytest
pytest: ## Run the suite only (DATABASE_URL picks SQLite or PostgreSQL)
	$(BIN)/pytest

.PHONY: demo
demo: install system-deps ## Set up and serve the demo publication with a task worker
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo
	@bash scripts/serve-demo.sh $(PORT)

.PHONY: bench
bench: install system-deps ## Article, front and concept pages served five ways, origin to nginx (ARGS=--record)
	@bash scripts/system-deps.sh wrk nginx varnish
	$(BIN)/python bench/pages.py $(ARGS)

.PHONY: bench-article
bench-article: install system-deps ## One article: origin render vs nginx, with its SQL query count (ARGS=--record)
	@bash scripts/system-deps.sh wrk nginx
	$(BIN)/python bench/article_page.py $(ARGS)

.PHONY: bench-load
bench-load: install system-deps ## 60 s through Varnish at twice the origin's rate, then the app stopped (ARGS=--record)
	@bash scripts/system-deps.sh wrk varnish
	$(BIN)/python bench/load.py $(ARGS)

.PHONY: bench-lighthouse
bench-lighthouse: install system-deps ## Lighthouse (mobile) on the front, article and concept pages (ARGS=--record)
	@bash scripts/system-deps.sh chromium
	@test -x node_modules/.bin/lighthouse || npm install --no-audit --no-fund --silent
	$(BIN)/python bench/lighthouse.py $(ARGS)

.PHONY: bench-render
bench-render: install ## Article page rendered in process (test client, app cache off): median ms and SQL queries (ARGS=--instructions counts CPU instructions, needs valgrind)
	$(BIN)/python bench/render_article.py $(ARGS)

.PHONY: fonts
fonts: install ## Cut static/fonts/broadsheet-headline-700.woff2 from the full Source Serif 4 Bold in assets/fonts
	$(BIN)/python scripts/subset_fonts.py

.PHONY: clean
clean: ## Remove the demo database, media and caches
	rm -rf var/ .mypy_cache .ruff_cache test-artifacts

.PHONY: eval-annotator
eval-annotator: install ## Precision, recall and F1 of the annotator on the gold set
	$(BIN)/python -m annotator.eval --split dev
	$(BIN)/python -m annotator.eval --split test

.PHONY: bench-alerts
bench-alerts: install ## Time enqueueing the alerts of one article followed by 100,000 readers (on DATABASE_URL)
	$(BIN)/python bench/alerts_enqueue.py $(ARGS)

bench-annotator: install ## Annotator build, throughput and 1 MB timing on 100,000 generated concepts
	$(BIN)/python bench/annotator_bench.py

.PHONY: bench-feed
bench-feed: install ## My feed query vs a naive join-and-sort on PostgreSQL (ARGS="--scale 0.01" smoke, --record)
	$(BIN)/python bench/feed_bench.py $(ARGS)
