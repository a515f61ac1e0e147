"""`make run`, the README's first command: it serves the demo portal, and running it again adds nothing."""

import os
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The test run's own settings and database must not leak into the demo it starts.
NOT_INHERITED = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_DEBUG"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ipv6_loopback():
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


def start(var_dir, port, log):
    env = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    env["PORTAL_VAR_DIR"] = str(var_dir)
    process = subprocess.Popen(
        ["make", "run", f"PORT={port}"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 600  # a loaded 2-core CI machine; about 1 min when idle
    while time.monotonic() < deadline:
        assert process.poll() is None, Path(log.name).read_text()[-3000:]
        try:
            return process, fetch(f"http://127.0.0.1:{port}/")
        except OSError:
            time.sleep(1)
    stop(process)
    raise AssertionError("make run did not serve the portal within 10 minutes")


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=60)


def page_count(var_dir):
    with sqlite3.connect(var_dir / "db.sqlite3") as database:
        return database.execute("SELECT COUNT(*) FROM wagtailcore_page").fetchone()[0]


def test_make_run_serves_the_demo_portal_and_can_run_again(tmp_path):
    port = free_port()
    with open(tmp_path / "make-run.log", "w") as log:
        process, (status, html) = start(tmp_path, port, log)
        try:
            assert status == 200 and '<html lang="vi"' in html
            assert "Sở Kế hoạch và Đầu tư tỉnh An Khánh" in html.split("<footer", 1)[1]
            if ipv6_loopback():
                assert fetch(f"http://[::1]:{port}/")[0] == 200
        finally:
            stop(process)
        first_count = page_count(tmp_path)
        process, (status, _) = start(tmp_path, port, log)
        stop(process)
    output = (tmp_path / "make-run.log").read_text()
    assert status == 200 and page_count(tmp_path) == first_count
    assert output.count("quantri") >= 2  # the demo accounts are printed on every run
