"""Local and demo settings: the embedded SQLite database, no services needed."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

# A fixed key is acceptable only here: dev never holds real data.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-c0ng-th0ng-tin-dien-tu")
DEBUG = env_bool("DJANGO_DEBUG", True)
ALLOWED_HOSTS = ["localhost", ".localhost", "127.0.0.1", "[::1]", *env_list("ALLOWED_HOSTS")]
SERVE_MEDIA = True
# The demo's leaders sign in with a password alone; PORTAL_REQUIRE_2FA=1 shows the production flow.
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", False)
