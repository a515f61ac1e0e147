"""Settings for bench/load.sh: the demo settings plus a constant 35 KB page at /bench/constant/.

The page goes through the same middleware as any public page; it exists only in this URLconf, never in
production's.
"""

from config.settings.dev import *  # noqa: F403

ROOT_URLCONF = "bench.constant_urls"
