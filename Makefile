# PAHT Console: `make run` starts the console on the embedded demo; `make test` runs the suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test check lint format bench screenshot system-deps bundle clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed")'
	$(PYTHON) -m venv $(VENV) || { [ "$$(id -u)" = 0 ] && apt-get update -qq \
	  && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null \
	  && rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps:
	@bash scripts/system-deps.sh

run: $(STAMP) system-deps
	@bash scripts/run.sh

screenshot: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/paht-console --demo --screenshot docs/screenshot.png

check: $(STAMP)
	$(BIN)/ruff check console widgets tests benchmarks reliability
	$(BIN)/ruff format --check console widgets tests benchmarks reliability
	$(BIN)/mypy console
	$(BIN)/lint-imports

test: $(STAMP) system-deps check
	$(BIN)/python -m pytest -q tests

format: $(STAMP)
	$(BIN)/ruff format console widgets tests benchmarks reliability
	$(BIN)/ruff check --fix console widgets tests benchmarks reliability

bench: $(STAMP)
	$(BIN)/python -m benchmarks all

# dist/paht-console/: the console frozen with PyInstaller (one folder; runs without Python).
bundle: $(STAMP) system-deps
	$(BIN)/python -m pip install --quiet -e '.[test,bundle]'
	$(BIN)/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller \
	  packaging/pyinstaller/paht-console.spec
	@du -sh dist/paht-console

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
