#!/usr/bin/env bash
# Hottest frames of JFR recordings (jdk.ExecutionSample): top self frames, then the sio4j frames that appear anywhere
# on sampled stacks (inclusive). Usage: bench/jfr-top.sh file.jfr [more.jfr...] [--top N]
set -euo pipefail
TOP=25 FILES=()
while [ $# -gt 0 ]; do
  case "$1" in --top) TOP="$2"; shift ;; *) FILES+=("$1") ;; esac
  shift
done
[ ${#FILES[@]} -gt 0 ] || { echo "usage: $0 file.jfr [...] [--top N]" >&2; exit 2; }
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
for f in "${FILES[@]}"; do jfr print --events jdk.ExecutionSample --stack-depth 64 "$f"; done >"$tmp"
# Stacks look like: "stackTrace = [", frames "    pkg.Class.method(...) line: N", "]" ... one event per block.
awk -v top="$TOP" '
  /stackTrace = \[/ { in_st = 1; first = 1; n++; delete seen; next }
  in_st && /^[[:space:]]*\]/ { in_st = 0; next }
  in_st {
    f = $0; sub(/^[[:space:]]+/, "", f); sub(/[[:space:]]+line:.*/, "", f); sub(/\(.*$/, "", f)
    if (f == "..." || f == "") next
    if (first) { self[f]++; first = 0 }
    if (f ~ /^dev\.sio4j\./ && !(f in seen)) { seen[f] = 1; incl[f]++ }
  }
  END {
    printf "%d samples\n\n-- top self frames --\n", n
    for (k in self) printf "%6.2f%%  %s\n", 100 * self[k] / n, k | "sort -rn | head -" top
    close("sort -rn | head -" top)
    printf "\n-- sio4j frames, inclusive --\n"
    for (k in incl) printf "%6.2f%%  %s\n", 100 * incl[k] / n, k | "sort -rn | head -" top
  }' "$tmp"
