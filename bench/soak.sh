#!/usr/bin/env bash
# Soak test of the sio4j bench server: sustained mixed load, then everything disconnects, and the server must come
# back to its baseline: no EngineSession/Socket/Client left, no extra timer tasks, heap after a full GC close to
# the heap after a full GC before the load. Not part of `mvn verify`. See "Soak" in bench/README.md.
#
#   bench/soak.sh              full run: 5,000 idle WebSocket + 500 polling clients (+ echo and churn) for 10 minutes
#   bench/soak.sh --short      quick run: 1,000 WebSocket + 50 polling clients for 2 minutes
#   bench/soak.sh --ws 2000 --polling 200 --minutes 5 --container tomcat --no-build
#
# Options: --ws N (idle WebSocket clients answering pings), --polling N (long-polling echo clients), --echo N (WebSocket
#          echo clients, 4 acked emits in flight each), --churn N (clients of each connect/disconnect cycle),
#          --minutes M, --container jetty|tomcat, --port P, --max-growth-mb MB (allowed heap growth after GC, default
#          16 on Jetty, 32 on Tomcat), --no-build, --short.
# Env: SOAK_JAVA_OPTS (server JVM options, default -Xmx1g), LOADGEN_JAVA_OPTS.
# Exit status 0 when the server came back to its baseline, 1 when something leaked, 2 on a setup error.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
LOADGEN_SRC="${LOADGEN_SRC:-$BENCH_DIR/loadgen/LoadGen.java}"
OUT="$BENCH_DIR/target/soak"
WS=5000 POLLING=500 ECHO=50 CHURN=200 MINUTES=10 CONTAINER=jetty PORT=3211 MAX_GROWTH_MB="" BUILD=1
DRAIN_TIMEOUT=120 # s: sessions whose client vanished without a word end by the heartbeat (25 s + 20 s by default)

while [ $# -gt 0 ]; do
  case "$1" in
    --ws) WS="$2"; shift ;;
    --polling) POLLING="$2"; shift ;;
    --echo) ECHO="$2"; shift ;;
    --churn) CHURN="$2"; shift ;;
    --minutes) MINUTES="$2"; shift ;;
    --container) CONTAINER="$2"; shift ;;
    --port) PORT="$2"; shift ;;
    --max-growth-mb) MAX_GROWTH_MB="$2"; shift ;;
    --no-build) BUILD=0 ;;
    --short) WS=1000 POLLING=50 ECHO=20 CHURN=100 MINUTES=2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
# Allowed growth of the heap after GC: the container's bounded caches filled by the load. Tomcat keeps up to 200
# recycled request processors (with their 8 KiB byte and char buffers) and the threads its pool grew to: ~20 MB
# after 2 minutes and after 5 alike. Jetty's caches stay under 3 MB.
if [ -z "$MAX_GROWTH_MB" ]; then
  if [ "$CONTAINER" = tomcat ]; then MAX_GROWTH_MB=32; else MAX_GROWTH_MB=16; fi
fi
SECONDS_TOTAL=$(awk "BEGIN { printf \"%d\", $MINUTES * 60 }")

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

if [ "$BUILD" = 1 ]; then build_java; fi
require_built "$BENCH_DIR/target/bench-server.jar" "$BENCH_DIR/target/loadgen/LoadGen.class"
rm -rf "$OUT"; mkdir -p "$OUT"

# ---------------------------------------------------------------- server
SERVER_PID=""
LOAD_PIDS=()
cleanup() {
  for p in "${LOAD_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

# shellcheck disable=SC2086
java ${SOAK_JAVA_OPTS:--Xmx1g} -jar "$BENCH_DIR/target/bench-server.jar" --port "$PORT" --container "$CONTAINER" \
  > "$OUT/server.log" 2>&1 &
SERVER_PID=$!
await_listening "$SERVER_PID" "$OUT/server.log" "$PORT" || exit 2
URL="http://127.0.0.1:$PORT"

# ---------------------------------------------------------------- measurements
# Live instances after a full GC (GC.class_histogram collects first) of the classes a leak would show up in.
CLASSES=(
  dev.sio4j.engine.EngineSession
  dev.sio4j.engine.Heartbeat
  dev.sio4j.socket.Client
  dev.sio4j.socket.Socket
  'java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask'
  java.util.concurrent.CompletableFuture
)
histogram() { jcmd "$SERVER_PID" GC.class_histogram > "$OUT/histo-$1.txt"; }
count() { # count <label> <class>
  awk -v c="$2" '$4 == c { print $2; found = 1 } END { if (!found) print 0 }' "$OUT/histo-$1.txt"
}
heap_used_kb() { # used heap after a full GC, in KB
  jcmd "$SERVER_PID" GC.run > /dev/null
  jcmd "$SERVER_PID" GC.heap_info | tee "$OUT/heap-$1.txt" | awk '/used/ { for (i = 1; i <= NF; i++)
    if ($i == "used") { v = $(i + 1); gsub(/[^0-9]/, "", v); print v; exit } }'
}

sleep 2 # let the server finish its start-up allocations
log "baseline"
BASE_HEAP=$(heap_used_kb base)
histogram base

# ---------------------------------------------------------------- load
LG=(java ${LOADGEN_JAVA_OPTS:-} -cp "$BENCH_DIR/target/loadgen" LoadGen)
log "load for ${MINUTES} min: $WS idle WebSocket, $POLLING polling, $ECHO echo clients, churn of $CHURN"
"${LG[@]}" connect --url "$URL" --clients "$WS" --idle "$SECONDS_TOTAL" --timeout 120 --tag soak-ws \
  > "$OUT/ws.log" 2>&1 &
LOAD_PIDS+=($!)
"${LG[@]}" polling --url "$URL" --clients "$POLLING" --duration "$SECONDS_TOTAL" --warmup 0 --timeout 120 \
  --tag soak-polling > "$OUT/polling.log" 2>&1 &
LOAD_PIDS+=($!)
"${LG[@]}" echo --url "$URL" --clients "$ECHO" --inflight 4 --duration "$SECONDS_TOTAL" --warmup 0 --timeout 120 \
  --tag soak-echo > "$OUT/echo.log" 2>&1 &
LOAD_PIDS+=($!)
(
  end=$((SECONDS + SECONDS_TOTAL))
  cycles=0
  while [ $SECONDS -lt $end ]; do # sessions opened and dropped over and over
    "${LG[@]}" connect --url "$URL" --clients "$CHURN" --idle 1 --timeout 60 --quiet >> "$OUT/churn.log" 2>&1 || true
    cycles=$((cycles + 1))
  done
  echo "churn cycles=$cycles" >> "$OUT/churn.log"
) &
LOAD_PIDS+=($!)

PEAK_SESSIONS=0
while :; do
  running=0
  for p in "${LOAD_PIDS[@]}"; do kill -0 "$p" 2>/dev/null && running=1; done
  [ "$running" = 0 ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died" >&2; exit 1; }
  sleep 15
  histogram load
  s=$(count load dev.sio4j.engine.EngineSession)
  [ "$s" -gt "$PEAK_SESSIONS" ] && PEAK_SESSIONS=$s
  log "  sessions live: $s"
done
LOAD_PIDS=()
log "load done; waiting up to ${DRAIN_TIMEOUT}s for every session to end"

# ---------------------------------------------------------------- after
DRAINED=0
for _ in $(seq 1 $((DRAIN_TIMEOUT / 5))); do
  histogram after
  if [ "$(count after dev.sio4j.engine.EngineSession)" = 0 ]; then DRAINED=1; break; fi
  sleep 5
done
AFTER_HEAP=$(heap_used_kb after)
histogram after

GROWTH_KB=$((AFTER_HEAP - BASE_HEAP))
STATUS=PASS
{
  echo "soak $(date -u +%Y-%m-%dT%H:%MZ) container=$CONTAINER minutes=$MINUTES ws=$WS polling=$POLLING echo=$ECHO churn=$CHURN"
  echo "peak live EngineSessions (sampled every 15 s): $PEAK_SESSIONS"
  for f in ws polling echo; do
    printf '%-8s %s\n' "$f" "$(grep '^RESULT' "$OUT/$f.log" | tail -1 || echo 'no RESULT line')"
  done
  printf '%-8s %s\n' churn "$(tail -1 "$OUT/churn.log")"
  printf '%-70s %10s %10s\n' class baseline after
  for c in "${CLASSES[@]}"; do
    printf '%-70s %10s %10s\n' "$c" "$(count base "$c")" "$(count after "$c")"
  done
  echo "heap used after full GC: baseline ${BASE_HEAP} KB, after ${AFTER_HEAP} KB, growth ${GROWTH_KB} KB"
} | tee "$OUT/summary.txt"

for c in dev.sio4j.engine.EngineSession dev.sio4j.engine.Heartbeat dev.sio4j.socket.Client dev.sio4j.socket.Socket; do
  [ "$(count after "$c")" = 0 ] || { echo "LEAK: $c instances left" | tee -a "$OUT/summary.txt"; STATUS=FAIL; }
done
timers_base=$(count base 'java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask')
timers_after=$(count after 'java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask')
[ "$timers_after" -le $((timers_base + 5)) ] || { echo "LEAK: timer tasks $timers_base -> $timers_after" \
  | tee -a "$OUT/summary.txt"; STATUS=FAIL; }
[ "$DRAINED" = 1 ] || { echo "sessions did not drain within ${DRAIN_TIMEOUT}s" | tee -a "$OUT/summary.txt"; STATUS=FAIL; }
[ "$GROWTH_KB" -le $((MAX_GROWTH_MB * 1024)) ] || { echo "heap grew by more than ${MAX_GROWTH_MB} MB" \
  | tee -a "$OUT/summary.txt"; STATUS=FAIL; }
echo "soak: $STATUS" | tee -a "$OUT/summary.txt"
[ "$STATUS" = PASS ]
