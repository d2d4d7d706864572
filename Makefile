# Every target builds .venv by itself on a fresh clone that has only Python.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared

.PHONY: run test bench score install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/facts extract seeds/ --format table

test: $(STAMP)
	$(BIN)/python -m pytest -q

score: $(STAMP)
	$(BIN)/facts extract seeds/ --format jsonl > $(VENV)/seeds.jsonl
	$(BIN)/python $(SHARED)/score.py --gold $(SHARED)/gold/seeds.json --docs seeds --pred $(VENV)/seeds.jsonl

bench: $(STAMP)
	$(BIN)/python -m lituania_facts.bench

clean:
	rm -rf $(VENV) build *.egg-info
