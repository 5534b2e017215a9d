#!/usr/bin/env bash
# Many idle WebSocket connections held by one sio4j bench server with heartbeats running: opens N connections (spread
# over several loopback source addresses: one address pair has only ~28k ephemeral ports), keeps them idle for a
# while (every client answers the server's pings), then reports how many are still open, the pings answered, and the
# server's heap after a full GC and RSS per connection. Not part of `mvn verify`. See "Idle connections" in
# bench/README.md.
#
#   bench/idle.sh                          50,000 connections, 60 s idle (needs an open-files limit above 50,000)
#   bench/idle.sh --clients 19000 --idle 70 --no-build
#
# Options: --clients N, --idle S (seconds idle; the default pingInterval is 25 s), --port P, --no-build.
# Env: IDLE_JAVA_OPTS (server JVM options, default -Xmx3g), LOADGEN_JAVA_OPTS.
# Exit status 0 when every connection was opened and stayed open, 1 otherwise, 2 on a setup error.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
LOADGEN_SRC="${LOADGEN_SRC:-$BENCH_DIR/loadgen/LoadGen.java}"
OUT="$BENCH_DIR/target/idle"
CLIENTS=50000 IDLE=60 PORT=3221 BUILD=1

while [ $# -gt 0 ]; do
  case "$1" in
    --clients) CLIENTS="$2"; shift ;;
    --idle) IDLE="$2"; shift ;;
    --port) PORT="$2"; shift ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

# Both the server and the load generator hold one descriptor per connection.
need=$((CLIENTS + 1000))
ulimit -n "$need" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
  echo "open-files limit $(ulimit -n) (hard $(ulimit -Hn)) is below $need for $CLIENTS connections;" \
    "raise it (e.g. ulimit -Hn as root, or LimitNOFILE) or use --clients $(( $(ulimit -Hn) - 1000 ))" >&2
  exit 2
fi

if [ "$BUILD" = 1 ]; then build_java; fi
require_built "$BENCH_DIR/target/bench-server.jar" "$BENCH_DIR/target/loadgen/LoadGen.class"
rm -rf "$OUT"; mkdir -p "$OUT"

SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
# shellcheck disable=SC2086
java ${IDLE_JAVA_OPTS:--Xmx3g} -jar "$BENCH_DIR/target/bench-server.jar" --port "$PORT" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
await_listening "$SERVER_PID" "$OUT/server.log" "$PORT" || exit 2

heap0=$(heap_after_gc_kb "$SERVER_PID")
# Source addresses: one per 20,000 connections, 127.0.0.2 upwards.
ips=$(awk -v n="$CLIENTS" 'BEGIN { k = int((n + 19999) / 20000); if (k < 2) k = 2;
  for (i = 0; i < k; i++) printf "%s127.0.0.%d", (i ? "," : ""), i + 2 }')
log "opening $CLIENTS WebSocket connections from $ips, then $IDLE s idle"
# shellcheck disable=SC2086
java ${LOADGEN_JAVA_OPTS:-} -cp "$BENCH_DIR/target/loadgen" LoadGen connect --url "http://127.0.0.1:$PORT" \
  --clients "$CLIENTS" --idle "$IDLE" --concurrency 100 --timeout 300 --source-ips "$ips" --pid "$SERVER_PID" \
  --tag idle >"$OUT/loadgen.out" 2>&1 &
lg=$!
for _ in $(seq 1 6000); do grep -q 'idling' "$OUT/loadgen.out" 2>/dev/null && break; kill -0 $lg 2>/dev/null || break; sleep 0.1; done
connected=$(sed -n 's/^connected \([0-9]*\)\/.*/\1/p' "$OUT/loadgen.out" | head -1)
heap1=$(heap_after_gc_kb "$SERVER_PID")
wait $lg || true

result=$(grep '^RESULT' "$OUT/loadgen.out" | tail -1)
[ -n "$result" ] || { log "no RESULT line:"; tail -5 "$OUT/loadgen.out" >&2; exit 1; }
field() { echo "$result" | tr ' ' '\n' | sed -n "s/^$1=//p" | head -1; }
still_open=$(field still_open)
summary=$(printf 'idle %s clients=%s connected=%s still_open=%s pings_answered=%s closes=%s idle_s=%s conn_per_s=%s heap_before_kb=%s heap_idle_kb=%s heap_per_conn_kb=%s rss_per_conn_kb=%s' \
  "$(date -u +%Y-%m-%dT%H:%MZ)" "$CLIENTS" "${connected:-0}" "$still_open" "$(field pings_answered)" "$(field closes)" \
  "$IDLE" "$(field rate)" "$heap0" "$heap1" \
  "$(awk -v a="$heap0" -v b="$heap1" -v n="${connected:-0}" 'BEGIN { if (n > 0) printf "%.2f", (b - a) / n }')" \
  "$(field rss_per_conn_kb)")
echo "$summary" | tee "$OUT/summary.txt"
[ "${connected:-0}" = "$CLIENTS" ] && [ "$still_open" = "$CLIENTS" ]
