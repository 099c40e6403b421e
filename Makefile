# The two commands of the README: `make demo` and `make test`.
# Both create a virtual environment in .venv and install the core and every plugin
# into it (editable); the install is redone only when a pyproject.toml changes.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PLUGINS := $(wildcard plugins/augkit_*)
STAMP  := $(VENV)/.installed

.PHONY: demo test install lint bench clean test-integration docs

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
	$(BIN)/ruff check augkit plugins tests benchmarks docs
	$(BIN)/lint-imports
	$(BIN)/mypy

test: install lint
	$(BIN)/python -m pytest
	$(MAKE) docs

# The documentation site, into site/: mkdocs --strict (broken links, missing references
# and griffe warnings fail), no network. The augmenter pages and their pictures are
# generated from the registry by docs/hooks.py (about 20 s on 2 cores).
DOCS_STAMP := $(VENV)/.docs-installed

$(DOCS_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[docs]"
	touch $(DOCS_STAMP)

docs: $(DOCS_STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

# Tests marked `integration` (real PyTorch DataLoader workers, HF datasets, ...) in their
# own venv, so that `make test` stays lean. Add packages to INTEGRATION_PACKAGES only.
INTEGRATION_VENV     ?= .venv-integration
INTEGRATION_PACKAGES := torch datasets "dask[distributed]" "ray[data]" fsspec pycocotools ultralytics
INTEGRATION_STAMP    := $(INTEGRATION_VENV)/.installed

$(INTEGRATION_STAMP): pyproject.toml $(foreach p,$(PLUGINS),$(p)/pyproject.toml) Makefile
	$(PYTHON) -m venv $(INTEGRATION_VENV)
	$(INTEGRATION_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(INTEGRATION_VENV)/bin/python -m pip install --quiet -e ".[test,bench]" \
		$(foreach p,$(PLUGINS),-e $(p)) $(INTEGRATION_PACKAGES)
	touch $(INTEGRATION_STAMP)

test-integration: $(INTEGRATION_STAMP)
	$(INTEGRATION_VENV)/bin/python -m pytest -m integration tests

bench: install
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) $(INTEGRATION_VENV) build site *.egg-info plugins/*/*.egg-info
