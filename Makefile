# Two commands on a fresh machine: `make run` and `make test`. Everything else is installed here.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := .make
PORT ?= 3978
AZURITE_PORT ?= 10002
PLAYGROUND_PORT ?= 56150

.PHONY: setup run test lint format clean package screenshots bench

setup: $(STAMP)/pip $(STAMP)/npm $(STAMP)/chromium

$(STAMP)/pip: requirements.txt requirements-dev.txt
	@mkdir -p $(STAMP)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

$(STAMP)/npm: package.json package-lock.json
	@mkdir -p $(STAMP)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Debian's Chromium renders cards and the playground page headless (never a downloaded browser);
# the emoji font draws the cards' icons (office, home, permanence) instead of empty boxes.
$(STAMP)/chromium:
	@mkdir -p $(STAMP)
	command -v chromium >/dev/null && dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	  --no-install-recommends chromium fonts-noto-color-emoji; }
	@touch $@

test: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest -q

# Azurite keeps its data in .azurite/ so bookings survive a restart; the Agents Playground is a
# local Teams client at http://localhost:$(PLAYGROUND_PORT). Ctrl-C stops all three.
run: setup
	@mkdir -p .azurite
	@set -m; trap 'kill 0' EXIT INT TERM; \
	node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort $(AZURITE_PORT) \
	  --location .azurite --disableTelemetry --silent & \
	PORT=$(PORT) $(PY) app.py & \
	APPLICATION_INSIGHTS_NO_STATSBEAT=true TEAMSAPPTESTER_BROWSER=none \
	  node_modules/.bin/agentsplayground -e http://127.0.0.1:$(PORT)/api/messages -c msteams \
	  -p $(PLAYGROUND_PORT) --disable-telemetry & \
	wait

# The Teams app package, with the bot's app id (MicrosoftAppId) filled in: build/werkplek-teams.zip
package: setup
	$(PY) manifest/package.py

# PNGs of every card, rendered by the Adaptive Cards library in headless Chromium: docs/cards/
screenshots: setup
	$(PY) -m cards.gallery --write build/cards.json
	node tools/cards/screenshots.mjs build/cards.json docs/cards

# Benchmarks (not part of `make test`), about 7 minutes: every main turn against a stock
# echo bot on a 2,000-person organisation, then the reminder fan-out through the connector
# stand-in with Teams' rate limits (USERS=10000 for the full fan-out: six minutes more).
# Results: bench/results/ (tables and plot).
bench: setup $(STAMP)/bench
	$(PY) -m bench.turns
	$(PY) -m bench.reminders --users $${USERS:-2000}

$(STAMP)/bench: requirements-bench.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	@touch $@

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format:
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) node_modules $(STAMP)
