"""The portal next to wagtail/bakerydemo on the same machine, Wagtail and Django: home and article pages, cold
(every cache cleared before the request) and warm. Prints the median milliseconds of each and the ratios.

    .venv/bin/python bench/bakerydemo.py [--rounds 15] [--bakerydemo /tmp/bakerydemo]
        [--source /work/.mirror/wagtail+bakerydemo/repo] [--redis redis://127.0.0.1:6379] [--db 12]

Setup, done once and skipped when already done: bakerydemo is cloned from --source (a git URL or a local
clone, e.g. https://github.com/wagtail/bakerydemo) to --bakerydemo, outside this repository, with its own
venv holding this repository's Django and Wagtail pins (requirements.txt) instead of its own, its other
requirements, gunicorn and redis; it runs on SQLite with its demo data (`manage.py load_initial_data`).
The portal runs on its demo data (`load_demo_portal`) in var/bench-bakerydemo/.

Both run under gunicorn with gunicorn.conf.py, one sync worker each, DEBUG off, their default cache in
Redis (database --db for the portal, --db + 1 for bakerydemo). A round measures, for each of the four
pages in turn: cold, after FLUSHDB of that server's Redis database (Wagtail's site root paths, rendition
and fragment caches; the portal's page cache, menus and content generation, and with the generation what
each process keeps in memory for it), then warm, the same request again. Compiled templates and imported
code stay, as in any running server. Each request goes through a new HTTP/1.1 connection on loopback,
timed from connect to the last byte. Warm for the portal is a page cache hit; bakerydemo has no page cache.
"""

import argparse
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parent.parent
PORTAL_VAR = ROOT / "var" / "bench-bakerydemo"
SETTINGS = '''"""Written by the portal's bench/bakerydemo.py: bakerydemo as in production, on SQLite and
Redis."""
import os

from .base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["BENCH_REDIS_URL"],
        "KEY_PREFIX": "bakerydemo",
    }
}
'''


def run(command, **kwargs):
    print("$", " ".join(map(str, command)), file=sys.stderr)
    subprocess.run(command, check=True, **kwargs)


def pins():
    """This repository's pins of Django, Wagtail, gunicorn and redis (the client)."""
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    return [line for line in lines if re.match(r"(?i)^(django|wagtail|gunicorn|redis)==", line)]


def requirements(path):
    """The requirement lines of a pip requirements file, without comments, options and blank lines."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text().splitlines())
    return [line for line in lines if line and not line.startswith("-")]


def setup_bakerydemo(directory, source, redis_url):
    python = directory / ".venv" / "bin" / "python"
    if not directory.exists():
        run(["git", "clone", "-q", source, directory])
    if not python.exists():
        run([sys.executable, "-m", "venv", directory / ".venv"])
        own = requirements(directory / "requirements" / "base.txt")
        others = [line for line in own if not re.match(r"(?i)^(django|wagtail)\s*[<>=~!]", line)]
        run([python, "-m", "pip", "install", "-q", *pins(), *others])
    (directory / "bakerydemo" / "settings" / "bench_portal.py").write_text(SETTINGS)
    if not (directory / ".bench-loaded").exists():
        env = bakerydemo_env(directory, redis_url)
        run([python, "manage.py", "migrate", "--noinput", "-v0"], cwd=directory, env=env)
        run([python, "manage.py", "load_initial_data"], cwd=directory, env=env)
        run([python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=directory, env=env)
        (directory / ".bench-loaded").touch()
    return python


def bakerydemo_env(directory, redis_url):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="bakerydemo.settings.bench_portal",
        BENCH_REDIS_URL=redis_url,
        GUNICORN_MAX_REQUESTS="0",
    )
    return env


def portal_env(redis_url):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DJANGO_DEBUG="0",
        PORTAL_VAR_DIR=str(PORTAL_VAR),
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX="bench-bakerydemo",
        GUNICORN_MAX_REQUESTS="0",
    )
    env.pop("DATABASE_URL", None)
    return env


def setup_portal(env):
    python = ROOT / ".venv" / "bin" / "python"
    PORTAL_VAR.mkdir(parents=True, exist_ok=True)
    run([python, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env)
    if not (PORTAL_VAR / ".demo-loaded").exists():
        run([python, "manage.py", "load_demo_portal"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        (PORTAL_VAR / ".demo-loaded").touch()
    run([python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env)


def shell(python, directory, env, code):
    """The last line printed by `manage.py shell -c code`."""
    command = [python, "manage.py", "shell", "-c", code]
    out = subprocess.run(command, cwd=directory, env=env, check=True, capture_output=True, text=True).stdout
    return out.strip().splitlines()[-1]


def start(python, directory, env, port, log):
    gunicorn = Path(python).parent / "gunicorn"
    app = "config.wsgi" if directory == ROOT else "bakerydemo.wsgi"
    process = subprocess.Popen(
        [gunicorn, app, "-c", ROOT / "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=directory,
        env=env,
        stdout=log,
        stderr=log,
        start_new_session=True,
    )
    for _ in range(300):
        try:
            get(port, "/")
            return process
        except OSError:
            time.sleep(0.2)
    os.killpg(process.pid, signal.SIGTERM)
    process.wait()
    raise SystemExit(f"gunicorn on {port} did not start, see {log.name}")


def get(port, path):
    """(milliseconds from connect to the last byte, status, body length, X-Cache)."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": "localhost"})  # both serve their default site
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    connection.close()
    return elapsed, response.status, len(body), response.getheader("X-Cache", "")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--bakerydemo", type=Path, default=Path("/tmp/bakerydemo"))
    parser.add_argument("--source", default="/work/.mirror/wagtail+bakerydemo/repo")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379")
    parser.add_argument("--db", type=int, default=12)
    parser.add_argument("--port", type=int, default=8775)
    args = parser.parse_args()

    portal_redis, bakery_redis = f"{args.redis}/{args.db}", f"{args.redis}/{args.db + 1}"
    bakery_python = setup_bakerydemo(args.bakerydemo, args.source, bakery_redis)
    penv, benv = portal_env(portal_redis), bakerydemo_env(args.bakerydemo, bakery_redis)
    setup_portal(penv)
    portal_python = ROOT / ".venv" / "bin" / "python"
    first_url = "from {0} import {1}; print({1}.objects.live().first().get_url_parts()[2])"  # the path
    article = shell(portal_python, ROOT, penv, first_url.format("news.models", "ArticlePage"))
    blog = shell(bakery_python, args.bakerydemo, benv, first_url.format("bakerydemo.blog.models", "BlogPage"))
    versions = "import django, wagtail; print(django.get_version(), wagtail.__version__)"
    versions = shell(bakery_python, args.bakerydemo, benv, versions)

    flush = {args.port: redis.Redis.from_url(portal_redis), args.port + 1: redis.Redis.from_url(bakery_redis)}
    targets = [
        ("portal home", args.port, "/"),
        ("bakerydemo home", args.port + 1, "/"),
        ("portal article", args.port, article),
        ("bakerydemo blog page", args.port + 1, blog),
    ]
    load = os.getloadavg()[0]
    times = {(name, state): [] for name, _, _ in targets for state in ("cold", "warm")}
    hits = dict.fromkeys(times, 0)  # responses with X-Cache: HIT (the portal's page cache)
    with open(PORTAL_VAR / "bakerydemo-bench.log", "a") as log:
        servers = []
        try:
            servers.append(start(portal_python, ROOT, penv, args.port, log))
            servers.append(start(bakery_python, args.bakerydemo, benv, args.port + 1, log))
            for _, port, path in targets:  # once, so that lazily imported code is loaded in both
                get(port, path)
                get(port, path)
            for round_number in range(args.rounds):
                for index in range(len(targets)):
                    name, port, path = targets[(index + round_number) % len(targets)]
                    flush[port].flushdb()
                    for state in ("cold", "warm"):
                        elapsed, status, _, cached = get(port, path)
                        if status != 200:
                            raise SystemExit(f"{name} {path}: HTTP {status}")
                        times[name, state].append(elapsed)
                        hits[name, state] += cached == "HIT"
        finally:
            for server in servers:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait()

    median = {key: statistics.median(values) for key, values in times.items()}
    print(f"Django/Wagtail {versions}; {args.rounds} rounds; median ms (cold: Redis flushed just before)")
    print(f"  load average (1 min) {load:.2f} before, {os.getloadavg()[0]:.2f} after, {os.cpu_count()} CPUs")
    print(f"  portal article: {article}   bakerydemo blog page: {blog}")
    for name, _, _ in targets:
        print(
            f"  {name:<22} cold {median[name, 'cold']:7.1f}   warm {median[name, 'warm']:7.1f}"
            f"  X-Cache HIT: cold {hits[name, 'cold']}/{args.rounds}, warm {hits[name, 'warm']}/{args.rounds}"
        )
    for ours, theirs, target in (
        ("portal home", "bakerydemo home", 0.35),
        ("portal article", "bakerydemo blog page", 0.5),
    ):
        for state in ("cold", "warm"):
            ratio = median[ours, state] / median[theirs, state]
            goal = f" (target ≤ {target})" if state == "cold" else ""
            print(f"  {ours} / {theirs}, {state}: {ratio:.2f}{goal}")


if __name__ == "__main__":
    main()
