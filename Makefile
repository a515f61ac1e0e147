# The two commands: `make run` (demo portal on SQLite) and `make test` (whole suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Bind the IPv6 loopback too where the machine has one.
BIND6 := $(shell $(PYTHON) -c "import socket; socket.socket(socket.AF_INET6).bind(('::1', 0)); print('--bind [::1]:$(PORT)')" 2>/dev/null)

.PHONY: run test lint browser axe clean messages
AXE := node_modules/axe-core/axe.min.js

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python manage.py load_demo_portal
	@echo "Cổng demo: http://127.0.0.1:$(PORT)/  ·  Quản trị: http://127.0.0.1:$(PORT)/admin/"
	DJANGO_SETTINGS_MODULE=config.settings.dev DJANGO_DEBUG=$${DJANGO_DEBUG:-0} \
		$(BIN)/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) $(BIND6) --workers 2 \
		--no-control-socket --access-logfile -

browser:
	@scripts/ensure-chromium

# axe-core (npm, pinned in package-lock.json) is injected into chromium by the accessibility tests.
# npm stamps files with a 1985 date: touch, or make would reinstall on every run.
$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

axe: $(AXE)

# Two pytest-xdist workers (this machine's two cores), each with its own test database and media
# directories; a module marked xdist_group runs on one worker. `make test TEST_WORKERS=0`: one process.
TEST_WORKERS ?= 2

test: $(VENV)/.installed-dev browser $(AXE)
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# The project's Vietnamese catalogue (locale/vi): compile after editing a .po (the .mo files are committed).
messages: $(VENV)/.installed-dev
	$(BIN)/python scripts/compile-messages

clean:
	rm -rf $(VENV) var node_modules
