"""The ceiling bench/load.sh measures the cached home page against: bare Django serving the same bytes.

No app, no middleware, no database, no cache: one URL (bench/bare_urls.py) answering the body and headers
of the portal's home page that load.sh saved (BARE_PAGE, the output of `curl -D`). Run under the same
gunicorn settings as the portal (gunicorn.conf.py), as `django.core.wsgi:get_wsgi_application()`.
"""

import os

SECRET_KEY = "bench-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.bare_urls"
INSTALLED_APPS = []
MIDDLEWARE = []
DATABASES = {}
USE_TZ = True
BARE_PAGE = os.environ.get("BARE_PAGE", "var/bench-load/home.http")
