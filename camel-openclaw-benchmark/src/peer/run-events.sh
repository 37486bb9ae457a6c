#!/usr/bin/env bash
# The events benchmark, in the style of run-all.sh: every client REPS times, each against a fresh fakegw emitting
# 2*CHUNKS+3 events per run; appends JSON lines to $OUT, then prints the median table. Lives beside a copy of
# ../shared/peer-bench (it uses its fakegw.mjs and bench-common.mjs). Env: NODE_BIN_DIR, PORT, REPS (3),
# CLIENTS ("official java-camel java-client"; java-*: $JAVA_EVENTS_CMD is run with args STREAMS RUNS and env GW_URL,
# TOKEN, GW_PID, CHUNKS, MODE=camel|client), CHUNKS (100), STREAMS (4), RUNS (10000), OUT
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
export PATH="${NODE_BIN_DIR:?}:$PATH"
export PORT="${PORT:?}" CHUNKS="${CHUNKS:-100}" GW_URL="ws://127.0.0.1:$PORT"
REPS="${REPS:-3}"; CLIENTS="${CLIENTS:-official java-camel java-client}"; STREAMS="${STREAMS:-4}"; RUNS="${RUNS:-10000}"
OUT="${OUT:-$HERE/results/events-$(date -u +%Y%m%d-%H%M%S).jsonl}"; mkdir -p "$(dirname "$OUT")"
LOG="$(mktemp -d)"

GW=""
stop_gw() { if [ -n "$GW" ]; then kill "$GW" 2>/dev/null || true; wait "$GW" 2>/dev/null || true; GW=""; fi; }
trap stop_gw EXIT

for rep in $(seq 1 "$REPS"); do
  for client in $CLIENTS; do
    node "$HERE/fakegw.mjs" "$PORT" >"$LOG/gw.out" 2>&1 & GW=$!
    for _ in $(seq 1 50); do grep -q listening "$LOG/gw.out" && break; sleep 0.1; done
    case "$client" in
      java-*) read -r -a cmd <<<"${JAVA_EVENTS_CMD:?}"; export MODE="${client#java-}";;
      official) cmd=(node "$HERE/bench-events-official.mjs");;
      *) echo "unknown events client $client" >&2; exit 2;;
    esac
    GW_PID=$GW /usr/bin/time -f '{"timeUser":%U,"timeSys":%S,"timeWall":%e,"maxRssKb":%M}' -o "$LOG/time.json" \
      "${cmd[@]}" "$STREAMS" "$RUNS" >"$LOG/bench.out" 2>"$LOG/bench.err" || { cat "$LOG/bench.err" >&2; }
    stop_gw
    line="$(tail -1 "$LOG/bench.out")"
    node -e 'const [a,b,rep]=process.argv.slice(1); console.log(JSON.stringify({...JSON.parse(a),...JSON.parse(b),rep:+rep}))' \
      "$line" "$(cat "$LOG/time.json")" "$rep" | tee -a "$OUT"
  done
done
rm -rf "$LOG"
node "$HERE/summarize-events.mjs" "$OUT"
