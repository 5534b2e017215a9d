#!/usr/bin/env bash
# sio4j (embedded Jetty 12) vs the Node.js socket.io 4.8 reference server, driven by bench/loadgen/LoadGen.java.
# Servers are started and killed here, on 127.0.0.1 only, one at a time, interleaved A,B,A,B per scenario.
# See bench/README.md for what each number means.
#
#   bench/run.sh                      3 rounds, 10 s measured windows (about 12 minutes)
#   bench/run.sh --short              1 round, 4 s windows, connect idles 2 s (about 3 minutes)
#   bench/run.sh --rounds 5 --only echo8,broadcast --no-build --no-readme
#
# Options: --rounds R, --duration S, --warmup S, --short, --only a,b (echo8 echo1 broadcast connect polling),
#          --container jetty|tomcat|standalone (sio4j's and the bare ceilings' runtime), --no-build,
#          --no-readme (do not rewrite the results section of bench/README.md),
#          --jfr (a JFR recording of each Java server run: bench/target/run/<scenario>-<server>-<round>.jfr).
# Env: SIO4J_JAVA_OPTS (JVM options of the sio4j server, default none), LOADGEN_JAVA_OPTS.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
LOADGEN_SRC="${LOADGEN_SRC:-$BENCH_DIR/loadgen/LoadGen.java}"
OUT="$BENCH_DIR/target/run"
ROUNDS=3 DURATION=10 WARMUP=3 IDLE=5 BCAST_ROUNDS=3 CONNECT_CLIENTS=10000
ONLY="echo8,echo1,broadcast,connect,polling" CONTAINER=jetty BUILD=1 README=1 JFR=0
PORT_SIO4J=3201 PORT_NODE=3202 PORT_BARE=3203 PORT_NSIO=3204

while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift ;;
    --duration) DURATION="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --short) ROUNDS=1 DURATION=4 WARMUP=2 IDLE=2 BCAST_ROUNDS=2 ;;
    --only) ONLY="$2"; shift ;;
    --container) CONTAINER="$2"; shift ;;
    --no-build) BUILD=0 ;;
    --no-readme) README=0 ;;
    --jfr) JFR=1 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

# what the bare ceilings are on this runtime, for the result labels
if [ "$CONTAINER" = standalone ]; then
  BARE_WS="bare Netty server" BARE_POLL="bare Netty server" RUNTIME="Netty 4.2.18"
else
  BARE_WS="bare JSR-356 endpoint" BARE_POLL="bare servlet" RUNTIME="Jetty 12.1.8 / Tomcat 10.1.59"
fi

# shellcheck source=bench/lib.sh
. "$BENCH_DIR/lib.sh"

# ---------------------------------------------------------------- build
if [ "$BUILD" = 1 ]; then
  build_java
  log "npm ci in bench/node"
  (cd "$BENCH_DIR/node" && npm ci --no-audit --no-fund --silent)
  log "building netty-socketio-server.jar (separate build: Netty 4.1)"
  mvn -B -q -f "$BENCH_DIR/netty-socketio/pom.xml" package
fi
require_built "$BENCH_DIR/target/bench-server.jar" "$BENCH_DIR/target/loadgen/LoadGen.class" \
  "$BENCH_DIR/node/node_modules/socket.io"
rm -rf "$OUT"; mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"   # scenario <TAB> server <TAB> round <TAB> metric <TAB> value
: > "$RESULTS"

# ---------------------------------------------------------------- servers
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

# start_server sio4j|node|bare <log>: sets SERVER_PID and PORT once "listening on" was printed.
start_server() {
  local kind="$1" logf="$2" jfr=""
  if [ "$JFR" = 1 ]; then jfr="-XX:StartFlightRecording=filename=${logf%.server.log}.jfr,settings=profile"; fi
  case "$kind" in
    sio4j) PORT=$PORT_SIO4J
      # shellcheck disable=SC2086
      java ${SIO4J_JAVA_OPTS:-} $jfr -jar "$BENCH_DIR/target/bench-server.jar" --port "$PORT" --container "$CONTAINER" >"$logf" 2>&1 &
      ;;
    bare) PORT=$PORT_BARE
      # shellcheck disable=SC2086
      java ${SIO4J_JAVA_OPTS:-} $jfr -jar "$BENCH_DIR/target/bench-server.jar" --port "$PORT" --bare --container "$CONTAINER" >"$logf" 2>&1 &
      ;;
    nsio) PORT=$PORT_NSIO   # netty-socketio 2.0.13, same JVM options as sio4j
      # shellcheck disable=SC2086
      java ${SIO4J_JAVA_OPTS:-} $jfr -jar "$BENCH_DIR/netty-socketio/target/netty-socketio-server.jar" --port "$PORT" >"$logf" 2>&1 &
      ;;
    node) PORT=$PORT_NODE
      node "$BENCH_DIR/node/server.js" --port "$PORT" >"$logf" 2>&1 &
      ;;
  esac
  SERVER_PID=$!
  await_listening "$SERVER_PID" "$logf" "$PORT" && return 0
  log "($kind did not start)"
  stop_server
  return 1
}

# ---------------------------------------------------------------- load
loadgen() {  # loadgen <out file> <scenario> [options...]; bounded by the duration/timeout options plus a margin
  local outf="$1"; shift
  # shellcheck disable=SC2086
  timeout 300 java ${LOADGEN_JAVA_OPTS:-} -cp "$BENCH_DIR/target/loadgen" LoadGen "$@" --url "http://127.0.0.1:$PORT" \
    --pid "$SERVER_PID" >"$outf" 2>&1 || true
}

field() {  # field <key> <file>: the value of key=... in the file's RESULT line ("" if absent)
  grep '^RESULT' "$2" | tail -1 | tr ' ' '\n' | sed -n "s/^$1=//p" | head -1
}

record() {  # record <scenario> <server> <round> <metric> <value>
  [ -n "$5" ] && printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >>"$RESULTS"
  return 0
}


run_one() {  # run_one <scenario> <server> <round>
  local scen="$1" srv="$2" r="$3" base="$OUT/$1-$2-$3"
  start_server "$srv" "$base.server.log" || return 0
  log "$scen round $r: $srv (pid $SERVER_PID)"
  case "$scen" in
    echo8|echo1)
      local inflight=8; [ "$scen" = echo1 ] && inflight=1
      loadgen "$base.out" echo --clients 50 --inflight "$inflight" --size 32 --duration "$DURATION" --warmup "$WARMUP" --tag "$srv"
      record "$scen" "$srv" "$r" rate "$(field rate "$base.out")"
      record "$scen" "$srv" "$r" p50_us "$(field p50_us "$base.out")"
      record "$scen" "$srv" "$r" p99_us "$(field p99_us "$base.out")"
      record "$scen" "$srv" "$r" us_per_op "$(field srv_us_per_op "$base.out")"
      record "$scen" "$srv" "$r" errors "$(field errors "$base.out")"
      ;;
    broadcast)
      loadgen "$base.out" broadcast --clients 1000 --n 100 --size 32 --warmup 1 --rounds "$BCAST_ROUNDS" --timeout 30 --tag "$srv"
      record "$scen" "$srv" "$r" rate "$(field rate_median "$base.out")"
      if [ "$BCAST_ROUNDS" -le 1 ]; then record "$scen" "$srv" "$r" rate "$(field rate "$base.out")"; fi
      record "$scen" "$srv" "$r" us_per_op "$(field srv_us_per_op "$base.out")"
      record "$scen" "$srv" "$r" all_received "$( [ "$(field all_received "$base.out")" = true ] && echo 1 || echo 0)"
      ;;
    connect)
      local heap0=""
      if [ "$srv" != node ]; then heap0=$(heap_after_gc_kb "$SERVER_PID"); fi
      loadgen "$base.out" connect --clients "$CONNECT_CLIENTS" --idle "$IDLE" --concurrency 100 --timeout 60 \
        --source-ips 127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5 --tag "$srv" &
      local lg=$!
      if [ "$srv" != node ]; then
        # heap per connection: full GC before connecting and while all sessions idle
        for _ in $(seq 1 1200); do grep -q 'idling' "$base.out" 2>/dev/null && break; kill -0 $lg 2>/dev/null || break; sleep 0.1; done
        local connected heap1
        connected=$(sed -n 's/^connected \([0-9]*\)\/.*/\1/p' "$base.out" | head -1)
        heap1=$(heap_after_gc_kb "$SERVER_PID")
        if [ -n "$heap0" ] && [ -n "$heap1" ] && [ "${connected:-0}" -gt 0 ]; then
          record "$scen" "$srv" "$r" heap_per_conn_kb "$(awk -v a="$heap0" -v b="$heap1" -v n="$connected" 'BEGIN { printf "%.2f", (b - a) / n }')"
        fi
      fi
      wait $lg || true
      record "$scen" "$srv" "$r" rate "$(field rate "$base.out")"
      record "$scen" "$srv" "$r" rss_per_conn_kb "$(field rss_per_conn_kb "$base.out")"
      record "$scen" "$srv" "$r" connected "$(field connected "$base.out")"
      ;;
    polling)
      loadgen "$base.out" polling --clients 50 --size 32 --duration "$DURATION" --warmup "$WARMUP" --tag "$srv"
      record "$scen" "$srv" "$r" rate "$(field rate "$base.out")"
      record "$scen" "$srv" "$r" p99_us "$(field p99_us "$base.out")"
      record "$scen" "$srv" "$r" us_per_op "$(field srv_us_per_op "$base.out")"
      ;;
  esac
  grep '^RESULT' "$base.out" >&2 || { log "no RESULT line; tail of $base.out:"; tail -5 "$base.out" >&2; }
  stop_server
}

# ---------------------------------------------------------------- rounds (A,B,A,B per scenario)
IFS=',' read -r -a SCENARIOS <<<"$ONLY"
for scen in "${SCENARIOS[@]}"; do
  for r in $(seq 1 "$ROUNDS"); do
    run_one "$scen" sio4j "$r"
    run_one "$scen" node "$r"
    run_one "$scen" nsio "$r"
    case "$scen" in echo8|connect|polling) run_one "$scen" bare "$r" ;; esac
  done
done

# ---------------------------------------------------------------- table
median() {  # median <scenario> <server> <metric>
  awk -F'\t' -v s="$1" -v v="$2" -v m="$3" '$1 == s && $2 == v && $4 == m { print $5 }' "$RESULTS" | sort -g |
    awk '{ a[NR] = $1 } END { if (NR == 0) exit; print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}
fmt() {  # fmt <value> [decimals]
  [ -z "$1" ] && { echo "–"; return; }
  awk -v x="$1" -v d="${2:-0}" 'BEGIN { if (x >= 10000 && d == 0) printf "%.1fk", x / 1000; else printf "%.*f", d, x }'
}
ratio() { { [ -z "$1" ] || [ -z "$2" ]; } && { echo "–"; return; }; awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "–"; else printf "%.2f", a / b }'; }
row() {  # row <label> <scenario> <metric> <decimals> [target]
  local a b; a=$(median "$2" sio4j "$3"); b=$(median "$2" node "$3")
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$(fmt "$a" "$4")" "$(fmt "$b" "$4")" "$(ratio "$a" "$b")" "${5:-}"
}
allrecv() { awk -F'\t' -v s="$1" '$1 == "broadcast" && $2 == s && $4 == "all_received" { n++; t += $5 } END { printf "%d/%d", t, n }' "$RESULTS"; }

SIO4J_REV=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
SIO_VERSION=$(node -p 'require(process.argv[1]).version' "$BENCH_DIR/node/node_modules/socket.io/package.json")
JAVA_V=$(java -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/')
TABLE="$OUT/table.md"
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -m)): sio4j $SIO4J_REV on $CONTAINER ($RUNTIME), Java $JAVA_V${SIO4J_JAVA_OPTS:+ ($SIO4J_JAVA_OPTS)}, vs Node $(node --version) socket.io $SIO_VERSION."
  echo "Medians of $ROUNDS interleaved round(s), ${DURATION} s measured windows (${WARMUP} s warm-up); load generator on the same machine."
  echo
  echo "| scenario | sio4j | Node | sio4j/Node | target |"
  echo "|---|---|---|---|---|"
  row "echo 8 in flight: acks/s" echo8 rate 0 "≥ 2.00"
  row "echo 8 in flight: server CPU µs/ack" echo8 us_per_op 2 "≤ 0.60"
  row "echo 8 in flight: p99 µs" echo8 p99_us 0
  row "echo 1 in flight: acks/s" echo1 rate 0
  row "echo 1 in flight: p50 µs" echo1 p50_us 0
  row "echo 1 in flight: p99 µs" echo1 p99_us 0
  row "echo 1 in flight: server CPU µs/ack" echo1 us_per_op 2
  row "broadcast 1000 × 100: deliveries/s" broadcast rate 0 "≥ 3.00"
  row "broadcast: server CPU µs/delivery" broadcast us_per_op 2
  printf '| broadcast: rounds with every tick delivered | %s | %s | | all |\n' "$(allrecv sio4j)" "$(allrecv node)"
  row "connect $CONNECT_CLIENTS WS: conn/s" connect rate 0
  row "connect: RSS KB per connection" connect rss_per_conn_kb 1
  hs=$(median connect sio4j heap_per_conn_kb); hb=$(median connect bare heap_per_conn_kb)
  printf '| connect: heap KB per idle connection (after GC) | %s | – | | ≤ 5 |\n' "$(fmt "$hs" 2)"
  printf '| connect: same, '"$BARE_WS"' on '"$CONTAINER"' (the container'"'"'s share) | %s | | | |\n' "$(fmt "$hb" 2)"
  printf '| connect: sio4j'"'"'s own heap KB per connection (sio4j − bare) | %s | | | ≤ 5 |\n' \
    "$( { [ -n "$hs" ] && [ -n "$hb" ]; } && awk -v a="$hs" -v b="$hb" 'BEGIN { printf "%.2f", a - b }' || echo –)"
  printf '| connect: '"$BARE_WS"' conn/s, RSS KB/conn | %s, %s | | | |\n' "$(fmt "$(median connect bare rate)")" "$(fmt "$(median connect bare rss_per_conn_kb)" 1)"
  row "polling 50 clients echo: acks/s" polling rate 0 "≥ 1.50"
  row "polling: p99 µs" polling p99_us 0
  row "polling: server CPU µs/ack" polling us_per_op 2
  for m in "echo8 rate 0 echo 8 in flight: acks/s" "echo1 rate 0 echo 1 in flight: acks/s" "echo1 p99_us 0 echo 1 in flight: p99 µs" \
           "broadcast rate 0 broadcast: deliveries/s" "connect rate 0 connect: conn/s" "connect heap_per_conn_kb 2 connect: heap KB/conn" \
           "connect rss_per_conn_kb 1 connect: RSS KB/conn" "polling rate 0 polling: acks/s"; do
    set -- $m; sc=$1 me=$2 d=$3; shift 3
    a=$(median "$sc" sio4j "$me"); b=$(median "$sc" nsio "$me")
    printf '| netty-socketio 2.0.13 %s | %s | | sio4j/netty-socketio %s | |\n' "$*" "$(fmt "$b" "$d")" "$(ratio "$a" "$b")"
  done
  b=$(median echo8 bare rate); a=$(median echo8 sio4j rate)
  printf '| echo 8 in flight: '"$BARE_WS"' on '"$CONTAINER"' (ceiling) acks/s | %s (sio4j/bare %s) | | | sio4j/bare ≥ 0.80 |\n' "$(fmt "$b")" "$(ratio "$a" "$b")"
  printf '| bare ceiling: server CPU µs/ack | %s | | | |\n' "$(fmt "$(median echo8 bare us_per_op)" 2)"
  b=$(median polling bare rate); a=$(median polling sio4j rate); n=$(median polling node rate)
  printf '| polling: '"$BARE_POLL"' on '"$CONTAINER"' (ceiling) acks/s | %s (sio4j/bare %s) | | %s (bare/Node) | |\n' "$(fmt "$b")" "$(ratio "$a" "$b")" "$(ratio "$b" "$n")"
  printf '| bare polling ceiling: server CPU µs/ack | %s | | | |\n' "$(fmt "$(median polling bare us_per_op)" 2)"
} >"$TABLE"
echo
cat "$TABLE"

if [ "$README" = 1 ] && grep -q '<!-- results:start -->' "$BENCH_DIR/README.md"; then
  awk -v table="$TABLE" '
    /<!-- results:start -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /<!-- results:end -->/ { skip = 0 }
    !skip { print }' "$BENCH_DIR/README.md" >"$OUT/README.md.new" && mv "$OUT/README.md.new" "$BENCH_DIR/README.md"
  log "results written to bench/README.md (raw: $RESULTS, logs: $OUT)"
fi
