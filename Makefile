# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint train setup setup-test clean bench bench-review bench-serve screenshots screenshots-serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamp files re-install when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

# Checks the bundled samples; some are flawed on purpose, so findings (exit 1) are expected.
demo: setup
	$(BIN)/qa-checker check samples/ || test $$? -eq 1

test: setup-test
	$(BIN)/python -m pytest -q

# ruff (a short selection, see pyproject.toml) and mypy (stricter on the core contract modules).
lint: setup-test
	$(BIN)/ruff check qa_checker tests bench
	$(BIN)/mypy

# The open-class word list (TextBlob's lexicon) and the trained decision in models/judge/ (fixed
# seed: the same bytes on a rerun on one machine, the same weights to float rounding on another;
# tests/test_judge.py checks the shipped model is what this makes).
train: setup-test
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python models/make_subjective.py
	$(BIN)/python models/train_judge.py

bench: setup-test
	$(BIN)/python bench/bench_check.py

# The README's screenshots (docs/*.png); needs LibreOffice, Xvfb, ImageMagick, poppler-utils, Chromium.
screenshots: setup-test
	$(BIN)/python docs/screenshots.py
	$(BIN)/python docs/serve_screenshots.py

# The web page's screenshots only (docs/serve-*.png); needs Chromium.
screenshots-serve: setup-test
	$(BIN)/python docs/serve_screenshots.py

# 300 generated recordings (made once, in bench/out/): review with 1 and 2 workers, and with --history.
bench-review: setup-test
	$(BIN)/python bench/bench_review.py

# `qa-checker serve`: latency of POST /api/check on a warm server, then 8 clients for 60 s.
bench-serve: setup-test
	$(BIN)/python bench/bench_serve.py

clean:
	rm -rf $(VENV) build *.egg-info
