# graphbuild: two commands on a fresh clone.
#   make run    set up .venv and build the seed graph into output/
#   make test   set up .venv with the test extras (and Chromium) and run every test
#   make notebook  install Jupyter (the notebook extra) and execute notebooks/explore.ipynb
#   make mutate    apply the small breakages of benchmarks/mutations.json to a copy and list the survivors

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
INSTALL_INPUTS := setup.cfg pyproject.toml constraints.txt

.PHONY: run test install install-test notebook benchmark mutate clean

run: $(VENV)/.installed
	$(BIN)/graphbuild build seeds --out output

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed (python3.11 or python3 on PATH)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python $(INSTALL_INPUTS)
	$(PIP) install --quiet -c constraints.txt -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -c constraints.txt -e '.[test]'
	bash .ci/install-system-deps.sh
	@touch $@

# Executes the notebook into build/notebooks/ (open it with .venv/bin/jupyter lab). Two
# notes that are not about the notebook are switched off: the debugger's on frozen
# modules, and the kernel's on talking to nbconvert over local TCP without encryption.
notebook: $(VENV)/.installed-notebook
	PYDEVD_DISABLE_FILE_VALIDATION=1 $(BIN)/jupyter nbconvert --to notebook --execute notebooks/explore.ipynb \
		--ExecutePreprocessor.extra_arguments=--IPKernelApp.log_level=ERROR --output-dir build/notebooks --log-level WARN
	@echo "executed: build/notebooks/explore.ipynb"

$(VENV)/.installed-notebook: $(VENV)/.installed
	$(PIP) install --quiet -c constraints.txt -e '.[notebook]'
	@touch $@

benchmark: $(VENV)/.installed
	$(BIN)/python benchmarks/build_speed.py

mutate: $(VENV)/.installed-test
	$(BIN)/python benchmarks/mutate.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
