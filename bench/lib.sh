# Shared by bench/run.sh, bench/soak.sh and bench/idle.sh (sourced, not run). Expects BENCH_DIR, ROOT and LOADGEN_SRC.

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# build_java: the bench server jar and the load generator's classes.
build_java() {
  log "building bench-server.jar"
  (cd "$ROOT" && mvn -B -q -pl bench -am package -DskipTests)
  log "compiling LoadGen"
  mkdir -p "$BENCH_DIR/target/loadgen"
  javac -d "$BENCH_DIR/target/loadgen" "$LOADGEN_SRC"
}

# require_built <file>...: exits 2 when something the run needs was not built.
require_built() {
  local f
  for f in "$@"; do
    [ -e "$f" ] || { echo "missing $f: run without --no-build" >&2; exit 2; }
  done
}

# await_listening <pid> <log> <port>: waits (up to 30 s) for the server's "listening on" line; 1 if it never came.
await_listening() {
  local pid="$1" logf="$2" port="$3"
  for _ in $(seq 1 300); do
    grep -q "^listening on http://127.0.0.1:$port\$" "$logf" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  log "server did not start; tail of $logf:"; tail -5 "$logf" >&2
  return 1
}

# heap_after_gc_kb <pid>: heap used by the JVM right after a full GC (KB; S0U+S1U+EU+OU from jstat -gc).
heap_after_gc_kb() {
  jcmd "$1" GC.run >/dev/null 2>&1 || true
  jstat -gc "$1" 2>/dev/null | awk 'NR==1 { for (i = 1; i <= NF; i++) h[i] = $i }
    NR==2 { s = 0; for (i = 1; i <= NF; i++) if (h[i] ~ /^(S0U|S1U|EU|OU)$/) s += $i; printf "%.0f", s }'
}
