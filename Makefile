# Parallax: `make run` (set up + serve with demo data) and `make test` (set up + all checks).
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Dev server only: DEBUG on, a throwaway key. Production sets its own environment.
RUN_ENV := DEBUG=1

.PHONY: setup run serve test lint format test-fast bench models clean

setup: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt .python-version
	@test -x $(PY) || "$$(scripts/find-python.sh)" -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(STAMP)

run: setup
	$(RUN_ENV) $(PY) manage.py migrate --noinput -v0
	$(RUN_ENV) $(PY) manage.py load_demo
	$(RUN_ENV) $(PY) manage.py upgrade_analyses  # events analysed by an older engine: queued
	@echo ""
	@echo "  Parallax is at http://$(HOST):$(PORT)/"
	@echo "  Log in as demo@parallax.example with password parallax-demo"
	@echo ""
	@$(RUN_ENV) $(PY) manage.py run_worker --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(RUN_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

# Production-style: gunicorn + WhiteNoise and WORKERS task workers. Needs the production
# environment (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL...; see deploy/env.example).
WORKERS ?= 1
serve: setup
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py upgrade_analyses  # events analysed by an older engine: queued
	$(PY) manage.py collect_static  # only when static/ or the installed bundles changed
	@pids=""; for i in $$(seq 1 $(WORKERS)); do $(PY) manage.py run_worker --interval 1 & pids="$$pids $$!"; done; \
	trap 'kill $$pids 2>/dev/null' EXIT INT TERM; \
	HOST=$(HOST) PORT=$(PORT) $(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py parallax.wsgi

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: setup lint
	$(PY) manage.py makemigrations --check --dry-run --settings=parallax.settings_test -v0
	$(PY) scripts/browser_status.py
	$(PY) -m pytest -n auto -q --hypothesis-profile=ci

models: setup
	$(PY) framing/eval/train_credit_detector.py
	$(PY) framing/eval/train_relay_linker.py
	$(PY) -m framing.engine.training

bench: setup
	for f in bench/bench_*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

clean:
	rm -rf $(VENV) var
