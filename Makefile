# Two commands on a fresh machine: `make run` and `make test` (see README.md).
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test fuzz lint format bench schema clean

run:
	@scripts/setup.sh venv requirements.txt
	$(PY) -m streamlit run serve.py --server.port $(PORT) --client.showErrorDetails=none

test:
	@scripts/setup.sh venv requirements-dev.txt
	@scripts/setup.sh test-tools
	$(MAKE) --no-print-directory lint
	$(PY) -m pytest

# The parsers' fuzz tests with fresh examples, many more than `make test` runs (minutes).
fuzz:
	@scripts/setup.sh venv requirements-dev.txt
	FUZZ_PROFILE=long $(PY) -m pytest -q -p no:cacheprovider --timeout=0 tests/fuzz

lint:
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format:
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

bench:
	@scripts/setup.sh venv requirements-dev.txt
	$(PY) -m bench

schema:
	$(PY) -m assessment schema --write

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
