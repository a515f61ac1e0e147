#!/usr/bin/env bash
# Throughput of the cached home page next to a constant 35 KB Django response, with wrk on loopback.
#
#   bench/load.sh     (DURATION=10s ROUNDS=3 CONNECTIONS=20 PORT=8765 REDIS_URL=redis://127.0.0.1:6379/7)
#
# Two gunicorns as `make run` starts them (2 workers each, gunicorn.conf.py), on the demo portal in its own
# var/bench-load/, the cache in Redis: on PORT the page cache is off (PAGE_CACHE_SECONDS=0) and serves the
# constant response (bench/constant_urls.py, only in this URLconf) and the uncached home page; on PORT+1 it
# is on and serves the cached home page. wrk alternates constant and cached home ROUNDS times (one server
# busy at a time), then runs the uncached home once. Prints the median req/s of each and the ratio cached
# home / constant (target ≥ 70 %).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-20}
PORT=${PORT:-8765}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/7}
export CACHE_KEY_PREFIX=bench-load
export PORTAL_VAR_DIR=$PWD/var/bench-load
export DJANGO_SETTINGS_MODULE=bench.constant_settings
export DJANGO_DEBUG=0
export GUNICORN_MAX_REQUESTS=0  # no worker recycling in the middle of a run
BIN=.venv/bin
LOG=$PORTAL_VAR_DIR/gunicorn.log

command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$PORTAL_VAR_DIR"
$BIN/python manage.py migrate --noinput -v0
$BIN/python manage.py collectstatic --noinput -v0
[ -f "$PORTAL_VAR_DIR/.demo-loaded" ] || { $BIN/python manage.py load_demo_portal >/dev/null && touch "$PORTAL_VAR_DIR/.demo-loaded"; }

SERVERS=()
stop() { for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done; SERVERS=(); }
trap stop EXIT

start() {  # $1: port, $2: PAGE_CACHE_SECONDS
    PAGE_CACHE_SECONDS=$2 $BIN/gunicorn config.wsgi --bind 127.0.0.1:$1 --workers 2 --no-control-socket \
        >>"$LOG" 2>&1 &
    SERVERS+=($!)
    for _ in $(seq 100); do curl -fso /dev/null "http://127.0.0.1:$1/healthz" && return; sleep 0.2; done
    echo "gunicorn did not start, see $LOG" >&2; exit 1
}

rate() {  # req/s of wrk on $1, after a few warm-up requests
    for _ in 1 2 3 4 5; do curl -fso /dev/null "$1"; done
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$1" | awk '/Requests\/sec/ {print $2}'
}

median() { tr ' ' '\n' | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

OFF=http://127.0.0.1:$PORT
ON=http://127.0.0.1:$((PORT + 1))
start "$PORT" 0
start "$((PORT + 1))" 600
curl -fso /dev/null "$ON/"
hit=$(curl -fsI "$ON/" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache" {print $2}')
# Alternate the two, so that whatever else the machine does weighs on both alike; report the medians.
constants=() cached=()
for round in $(seq "$ROUNDS"); do
    constants+=("$(rate "$OFF/bench/constant/")")
    cached+=("$(rate "$ON/")")
    echo "round $round: constant ${constants[-1]} req/s, cached home ${cached[-1]} req/s"
done
uncached=$(rate "$OFF/")
stop
constant=$(echo "${constants[*]}" | median)
cache=$(echo "${cached[*]}" | median)

printf "wrk %s × %s rounds, %s connections, 2 gunicorn workers each, loopback (medians)\n" \
    "$DURATION" "$ROUNDS" "$CONNECTIONS"
printf "constant 35 KB response : %8.1f req/s\n" "$constant"
printf "home page, cached (%s) : %8.1f req/s\n" "${hit:-MISS}" "$cache"
printf "home page, uncached     : %8.1f req/s\n" "$uncached"
awk -v c="$cache" -v k="$constant" 'BEGIN {printf "cached home / constant  : %8.1f %% (target ≥ 70 %%)\n", 100 * c / k}'
