# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := var/tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PORT ?= 8000
# Admin emails and the demo site's full URLs point where `make run` serves.
export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run test serve worker install migrate demo lint check pytest clean backup restore

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# Re-sync whenever the lock file changes; --frozen installs exactly what uv.lock says.
$(VENV)/.synced: uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

install: $(VENV)/.synced

# The database cache's tables too (core/page_cache.py): nothing to do with Redis.
migrate: install
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable

demo: migrate
	$(MANAGE) load_demo

run: demo
	$(MANAGE) collectstatic --noinput --verbosity 0
	@echo
	@echo "  The campaign hub is at http://127.0.0.1:$(PORT)/ and its admin at http://127.0.0.1:$(PORT)/admin/"
	@echo "  (the demo logins are printed above). Scheduled jobs log to var/scheduler.log."
	@echo
	@trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) run_scheduler > var/scheduler.log 2>&1 & scheduler=$$!; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint
	$(VENV)/bin/djlint templates --check

check: install
	DJANGO_SETTINGS_MODULE=hub.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=hub.settings.test $(MANAGE) makemigrations --check --dry-run

# The browser tests' tools: Debian's Chromium, installed with apt when it is missing, and
# the npm packages of package-lock.json (axe-core and vnu-jar for the tests, lighthouse
# for `make audit`), reinstalled when the lock file changes.
# No install scripts: vnu-jar's would fetch a Java the machine already has.
CHROMIUM := /usr/bin/chromium
APT := $(shell [ "$$(id -u)" = 0 ] || echo sudo) env DEBIAN_FRONTEND=noninteractive apt-get

$(CHROMIUM):
	$(APT) install -y chromium || { $(APT) update && $(APT) install -y chromium; }

node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

browser-deps: $(CHROMIUM) node_modules/.installed

.PHONY: browser-deps

# pytest exits 5 when it collects nothing: say so plainly instead of passing quietly.
pytest: install browser-deps
	@$(VENV)/bin/pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: that is a failure here."; fi; \
	exit $$status

test: lint check pytest

# Hashed and compressed static files, collected again only when the site's own static
# files or the installed packages change (compressing the admin's takes a while).
STATIC_STAMP := staticfiles/.collected
$(STATIC_STAMP): $(VENV)/.synced $(shell find static -type f)
	DJANGO_SETTINGS_MODULE=hub.settings.production $(MANAGE) collectstatic --noinput --verbosity 0
	touch $@

# Production-like: gunicorn, production settings, hashed and compressed static files.
serve: install
	@test -n "$$SECRET_KEY" || { echo "make serve: SECRET_KEY is not set. Production settings need it, for example:"; echo "  SECRET_KEY=\$$(openssl rand -base64 48) make serve"; exit 2; }
	@$(MAKE) --no-print-directory $(STATIC_STAMP)
	DJANGO_SETTINGS_MODULE=hub.settings.production $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=hub.settings.production $(MANAGE) createcachetable
	HTTPS=$${HTTPS:-false} SERVE_MEDIA=$${SERVE_MEDIA:-true} DJANGO_SETTINGS_MODULE=hub.settings.production $(VENV)/bin/gunicorn hub.wsgi \
		--bind 127.0.0.1:$(PORT) --workers $${WEB_CONCURRENCY:-2} --access-logfile -

# The production task worker: runs the background tasks the web processes queue.
worker: install
	DJANGO_SETTINGS_MODULE=hub.settings.production $(MANAGE) db_worker

# A timestamped archive of the database and the media files in var/backups/.
backup: install
	$(MANAGE) backup_site

# Into a freshly created, empty database: make restore FILE=var/backups/hub-backup-….tar.gz
restore: install
	@test -n "$(FILE)" || { echo "make restore: say which backup, for example:"; echo "  make restore FILE=var/backups/hub-backup-20261123-105635.tar.gz"; exit 2; }
	$(MANAGE) restore_site "$(FILE)" $(if $(FORCE),--force)

clean:
	rm -rf $(VENV) staticfiles var/tools

# Requests per second of every page type under `make serve`, cached and not, on SQLite
# and PostgreSQL, with the demo and the scale data, against the targets (README.md,
# "Benchmarks"). About 33 minutes; BENCH_SECONDS, BENCH_DATABASES, BENCH_PAGES narrow it.
bench: install
	$(PY) benchmarks/pages.py

# Lighthouse, mobile and desktop presets, on the main public pages under `make serve`
# (README.md, "Lighthouse audit"). Installs Debian's Chromium and the npm packages if
# they are missing.
audit: install
	$(PY) benchmarks/audit.py

.PHONY: bench audit
