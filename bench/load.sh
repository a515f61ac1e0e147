#!/usr/bin/env bash
# Throughput of the cached home page next to bare Django serving the same bytes, with wrk on loopback.
#
#   bench/load.sh     (DURATION=10s ROUNDS=3 CONNECTIONS=20 PORT=8765 REDIS_URL=redis://127.0.0.1:6379/7)
#
# Three gunicorns, each as `make run` starts them (gunicorn.conf.py, 2 sync workers, no worker recycling):
# on PORT the portal with its page cache off (PAGE_CACHE_SECONDS=0), on PORT+1 the portal with it on, both
# on the demo portal in var/bench-load/ with the cache in Redis; on PORT+2 the ceiling: bare Django
# (bench/bare_settings.py: no app, no middleware) answering the body and headers of the cached home page
# that PORT+1 served, saved once at start. wrk alternates bare and cached home ROUNDS times (one server busy
# at a time, so that whatever else the machine does weighs on both alike), then runs the uncached home once.
# Prints each round, the median req/s of each and the ratio cached home / bare (target ≥ 0.70).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-20}
PORT=${PORT:-8765}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/7}
export CACHE_KEY_PREFIX=bench-load
export PORTAL_VAR_DIR=$PWD/var/bench-load
export DJANGO_SETTINGS_MODULE=config.settings.dev
export DJANGO_DEBUG=0
export GUNICORN_MAX_REQUESTS=0  # no worker recycling in the middle of a run
BIN=.venv/bin
LOG=$PORTAL_VAR_DIR/gunicorn.log
SAVED=$PORTAL_VAR_DIR/home.http

command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$PORTAL_VAR_DIR"
$BIN/python manage.py migrate --noinput -v0
$BIN/python manage.py collectstatic --noinput -v0
[ -f "$PORTAL_VAR_DIR/.demo-loaded" ] || { $BIN/python manage.py load_demo_portal >/dev/null && touch "$PORTAL_VAR_DIR/.demo-loaded"; }

SERVERS=()
stop() { for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done; SERVERS=(); }
trap stop EXIT

wait_for() {  # $1: URL that answers once the server is up
    for _ in $(seq 100); do curl -fso /dev/null "$1" && return; sleep 0.2; done
    echo "gunicorn did not start, see $LOG" >&2; exit 1
}

start() {  # $1: port, $2: PAGE_CACHE_SECONDS
    PAGE_CACHE_SECONDS=$2 $BIN/gunicorn config.wsgi --bind 127.0.0.1:$1 --workers 2 --no-control-socket \
        >>"$LOG" 2>&1 &
    SERVERS+=($!)
    wait_for "http://127.0.0.1:$1/healthz"
}

start_bare() {  # $1: port; the same gunicorn settings, bare Django
    DJANGO_SETTINGS_MODULE=bench.bare_settings BARE_PAGE=$SAVED \
        $BIN/gunicorn 'django.core.wsgi:get_wsgi_application()' --bind 127.0.0.1:$1 --workers 2 \
        --no-control-socket >>"$LOG" 2>&1 &
    SERVERS+=($!)
    wait_for "http://127.0.0.1:$1/"
}

rate() {  # req/s of wrk on $1, after a few warm-up requests
    for _ in 1 2 3 4 5; do curl -fso /dev/null "$1"; done
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "$1" | awk '/Requests\/sec/ {print $2}'
}

median() { tr ' ' '\n' | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

OFF=http://127.0.0.1:$PORT
ON=http://127.0.0.1:$((PORT + 1))
BARE=http://127.0.0.1:$((PORT + 2))
start "$PORT" 0
start "$((PORT + 1))" 600
curl -fso /dev/null "$ON/"
curl -fsi "$ON/" >"$SAVED"
hit=$(tr -d '\r' <"$SAVED" | awk -F': ' 'tolower($1)=="x-cache" {print $2; exit}')
start_bare "$((PORT + 2))"
if ! cmp -s <(curl -fs "$ON/") <(curl -fs "$BARE/"); then
    echo "warning: the bare app's body differs from the cached home page's" >&2
fi
bytes=$(curl -fs "$BARE/" | wc -c)

bares=() cached=()
for round in $(seq "$ROUNDS"); do
    bares+=("$(rate "$BARE/")")
    cached+=("$(rate "$ON/")")
    echo "round $round: bare Django ${bares[-1]} req/s, cached home ${cached[-1]} req/s"
done
uncached=$(rate "$OFF/")
stop
bare=$(echo "${bares[*]}" | median)
cache=$(echo "${cached[*]}" | median)

printf "wrk %s × %s rounds, %s connections, 2 gunicorn workers each, loopback (medians)\n" \
    "$DURATION" "$ROUNDS" "$CONNECTIONS"
printf "bare Django, same %s bytes : %8.1f req/s\n" "$bytes" "$bare"
printf "home page, cached (%s)     : %8.1f req/s\n" "${hit:-MISS}" "$cache"
printf "home page, uncached         : %8.1f req/s\n" "$uncached"
awk -v c="$cache" -v k="$bare" 'BEGIN {printf "cached home / bare Django   : %8.2f × (target ≥ 0.70)\n", c / k}'
