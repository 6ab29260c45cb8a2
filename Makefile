# Two entry points a new user needs: `make site` and `make test`.
# Both create the project's own virtual environment in .venv/ on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve clean golden bench

# The browser tests drive Debian's Chromium. Missing: installed here when we are root with
# apt-get (a fresh container, CI); otherwise the one command to run, and stop.
CHROMIUM := /usr/bin/chromium
INSTALL_CHROMIUM := apt-get update && apt-get install -y chromium

site: $(VENV)/.installed
	$(BIN)/mkdocs build

test: $(VENV)/.installed $(CHROMIUM)
	$(BIN)/ruff check --quiet .
	$(BIN)/python -m pytest

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve

# After an intended change to extraction or templates: rewrite the golden files, then
# review `git diff tests/golden` before committing.
golden: $(VENV)/.installed
	$(BIN)/python -m pytest tests/test_golden.py --update-golden

# Speed and memory at 10, 100 and 1,000 briefs (minutes on a small machine); prints a table.
bench: $(VENV)/.installed
	$(BIN)/python bench/benchmark.py

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "== $(CHROMIUM) is missing: installing Debian's chromium for the browser tests"; \
		DEBIAN_FRONTEND=noninteractive sh -c "$(INSTALL_CHROMIUM)"; \
	else \
		echo "$(CHROMIUM) is missing; the browser tests need it. Run:" >&2; \
		echo "    sudo sh -c '$(INSTALL_CHROMIUM)'" >&2; \
		exit 1; \
	fi

clean:
	rm -rf site $(VENV)
