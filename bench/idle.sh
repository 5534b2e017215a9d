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
LOADGEN_SRC="${LOADGEN_SRC:-$ROOT/../shared/bench/LoadGen.java}"
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

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Both the server and the load generator hold one descriptor per connection.
need=$((CLIENTS + 1000))
ulimit -n "$need" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$need" ]; then
  echo "open-files limit $(ulimit -n) (hard $(ulimit -Hn)) is below $need for $CLIENTS connections;" \
    "raise it (e.g. ulimit -Hn as root, or LimitNOFILE) or use --clients $(( $(ulimit -Hn) - 1000 ))" >&2
  exit 2
fi

if [ "$BUILD" = 1 ]; then
  log "building bench-server.jar"
  (cd "$ROOT" && mvn -B -q -pl bench -am package -DskipTests)
  mkdir -p "$BENCH_DIR/target/loadgen"
  javac -d "$BENCH_DIR/target/loadgen" "$LOADGEN_SRC"
fi
for f in "$BENCH_DIR/target/bench-server.jar" "$BENCH_DIR/target/loadgen/LoadGen.class"; do
  [ -e "$f" ] || { echo "missing $f: run without --no-build" >&2; exit 2; }
done
rm -rf "$OUT"; mkdir -p "$OUT"

SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
# shellcheck disable=SC2086
java ${IDLE_JAVA_OPTS:--Xmx3g} -jar "$BENCH_DIR/target/bench-server.jar" --port "$PORT" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do
  grep -q "listening on" "$OUT/server.log" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$OUT/server.log" >&2; exit 2; }
  sleep 0.1
done

heap_used_kb() {  # after a full GC: used heap (KB), from jstat -gc
  jcmd "$SERVER_PID" GC.run >/dev/null 2>&1 || true
  jstat -gc "$SERVER_PID" | awk 'NR==1 { for (i = 1; i <= NF; i++) h[i] = $i }
    NR==2 { s = 0; for (i = 1; i <= NF; i++) if (h[i] ~ /^(S0U|S1U|EU|OU)$/) s += $i; printf "%.0f", s }'
}

heap0=$(heap_used_kb)
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
heap1=$(heap_used_kb)
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
