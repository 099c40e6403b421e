# The two commands of the README: `make demo` and `make test`.
# Both create a virtual environment in .venv and install the core and every plugin
# into it (editable); the install is redone only when a pyproject.toml changes.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PLUGINS := $(wildcard plugins/augkit_*)
STAMP  := $(VENV)/.installed

.PHONY: demo test install lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml $(foreach p,$(PLUGINS),$(p)/pyproject.toml)
	$(BIN)/python -m pip install --quiet -e ".[test]" $(foreach p,$(PLUGINS),-e $(p))
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/augkit demo

# ruff; the import contracts of .importlinter (the core's layers, plugins on the
# extension surface); mypy over the public API (mypy.ini)
lint: install
	$(BIN)/ruff check augkit plugins tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/mypy

test: install lint
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) build *.egg-info plugins/*/*.egg-info
