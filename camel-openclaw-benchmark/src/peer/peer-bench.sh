#!/usr/bin/env bash
# The peer bench and the events benchmark (docs/benchmarks.md), run by
#   mvn -B -pl camel-openclaw-benchmark -am -DskipTests verify -Ppeer-bench
# which passes the Java peer's classpath as "-classpath <cp>" and the settings below from the pom's peer.* properties:
#   PEER_JAVA, PEER_JVM_ARGS, PEER_SHARED (the shared folder holding peer-bench/ and protocol/), PEER_TARGET (the
#   module's target/), PEER_OPENCLAW_VERSION (the cached release whose Node is used), PEER_PARTS ("runs events"),
#   PEER_CLIENTS, PEER_CS, PEER_REPS (run-all.sh's CLIENTS, CS, REPS), EVENTS_CLIENTS, EVENTS_REPS, EVENTS_CHUNKS,
#   EVENTS_STREAMS, EVENTS_RUNS (run-events.sh's CLIENTS, REPS, CHUNKS, STREAMS, RUNS), PROFILE_MODE, PROFILE_CS,
#   PROFILE_RUNS, PROFILE_EVENT (part "profile": async-profiler on the Java peer's measured window, one run per C),
#   PEER_WARMUP (warm-up runs of every client and part; empty: R/10, the peer bench's default),
#   PEER_WORKER_POOL_SIZE (the java-camel peer's workerPoolSize; empty: the component's default).
# The shared folder is only read: peer-bench/ is copied to target/peer/peer-bench and npm installs there.
set -euo pipefail

# all in one function, parsed before it runs: editing this file during a run does not change the run
main() {
  HERE="$(cd "$(dirname "$0")" && pwd)"
  [ "${1:-}" = -classpath ] && [ -n "${2:-}" ] || { echo "usage: $0 -classpath <java peer classpath>" >&2; exit 2; }
  CP="$2"
  case "$CP" in *[[:space:]]*) echo "the classpath holds whitespace, which JAVA_BENCH_CMD cannot carry: $CP" >&2; exit 2;; esac
  JAVA="${PEER_JAVA:-java}"
  SHARED="$(cd "${PEER_SHARED:?}" && pwd)"
  TARGET="$(cd "${PEER_TARGET:?}" && pwd)"
  WORK="$TARGET/peer"; BENCH="$WORK/peer-bench"; STAMP="$(date -u +%Y%m%d-%H%M%S)"

  echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; other builds show here)"

  echo "== Node 24 from the build's cache folder"
  NODE_BIN_DIR="$("$JAVA" -cp "$CP" io.camelopenclaw.benchmark.peer.PeerNode "${PEER_OPENCLAW_VERSION:?}" | tail -1)"
  export NODE_BIN_DIR PATH="$NODE_BIN_DIR:$PATH"
  echo "node $(node --version) in $NODE_BIN_DIR"

  echo "== $SHARED/peer-bench copied to $BENCH; npm install there"
  mkdir -p "$BENCH" "$TARGET/shared/protocol/transcripts"
  cp -R "$SHARED/peer-bench/." "$BENCH/"
  cp "$HERE/bench-events-official.mjs" "$HERE/summarize-events.mjs" "$HERE/run-events.sh" "$HERE/cpu-shares.mjs" \
    "$BENCH/"
  # fakegw.mjs sends the real recorded hello-ok, read from ../../shared/protocol/transcripts relative to itself
  cp "$SHARED/protocol/transcripts/chat-send.jsonl" "$TARGET/shared/protocol/transcripts/"
  (cd "$BENCH" && npm install --no-audit --no-fund --no-update-notifier >"$WORK/npm-install.log" 2>&1) \
    || { cat "$WORK/npm-install.log" >&2; exit 1; }
  (cd "$BENCH" && npm ls --all) || true

  # one free port for every fakegw of the run (they run one after the other)
  PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  export PORT
  PEER="$JAVA ${PEER_JVM_ARGS:-} -cp $CP io.camelopenclaw.benchmark.peer"
  # warm-up runs of every client (bench-common.mjs and the Java peers read WARMUP); unset: R/10 each
  if [ -n "${PEER_WARMUP:-}" ]; then export WARMUP="$PEER_WARMUP"; else unset WARMUP; fi
  if [ -n "${PEER_WORKER_POOL_SIZE:-}" ]; then export WORKER_POOL_SIZE="$PEER_WORKER_POOL_SIZE"; else unset WORKER_POOL_SIZE; fi
  GW=""
  stop_gw() { if [ -n "$GW" ]; then kill "$GW" 2>/dev/null || true; wait "$GW" 2>/dev/null || true; GW=""; fi; }
  trap stop_gw EXIT

  for part in ${PEER_PARTS:-runs events}; do
    case "$part" in
      runs)
        echo "== peer bench: CLIENTS=\"${PEER_CLIENTS:?}\" CS=\"${PEER_CS:?}\" REPS=${PEER_REPS:?}, fakegw on port $PORT"
        CLIENTS="$PEER_CLIENTS" CS="$PEER_CS" REPS="$PEER_REPS" OUT="$WORK/results/runs-$STAMP.jsonl" \
          JAVA_BENCH_CMD="$PEER.PeerBench" bash "$BENCH/run-all.sh"
        echo "(JSON lines: $WORK/results/runs-$STAMP.jsonl)";;
      events)
        echo "== events: CLIENTS=\"${EVENTS_CLIENTS:?}\" STREAMS=${EVENTS_STREAMS:?} RUNS=${EVENTS_RUNS:?}" \
             "CHUNKS=${EVENTS_CHUNKS:?} REPS=${EVENTS_REPS:?}, fakegw on port $PORT"
        CLIENTS="$EVENTS_CLIENTS" REPS="$EVENTS_REPS" CHUNKS="$EVENTS_CHUNKS" STREAMS="$EVENTS_STREAMS" \
          RUNS="$EVENTS_RUNS" OUT="$WORK/results/events-$STAMP.jsonl" JAVA_EVENTS_CMD="$PEER.EventsBench" \
          bash "$BENCH/run-events.sh"
        echo "(JSON lines: $WORK/results/events-$STAMP.jsonl)";;
      profile)
        mkdir -p "$WORK/profile"
        for c in ${PROFILE_CS:?}; do
          out="$WORK/profile/java-${PROFILE_MODE:?}-c$c-$STAMP.collapsed"
          echo "== profile: java-$PROFILE_MODE at C=$c, R=${PROFILE_RUNS:?}, measured window sampled into $out"
          node "$BENCH/fakegw.mjs" "$PORT" >"$WORK/profile/fakegw.out" 2>&1 & GW=$!
          for _ in $(seq 1 50); do grep -q listening "$WORK/profile/fakegw.out" && break; sleep 0.1; done
          MODE="$PROFILE_MODE" GW_URL="ws://127.0.0.1:$PORT" GW_PID=$GW PROFILE="$out" PROFILE_EVENT="${PROFILE_EVENT:-cpu}" \
            $JAVA ${PEER_JVM_ARGS:-} -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -cp "$CP" \
            io.camelopenclaw.benchmark.peer.PeerBench "$c" "$PROFILE_RUNS" 2>"$WORK/profile/peer.err" \
            || { cat "$WORK/profile/peer.err" >&2; exit 1; }
          stop_gw
          node "$BENCH/cpu-shares.mjs" "$out"
        done;;
      *) echo "unknown part '$part' (runs, events, profile)" >&2; exit 2;;
    esac
  done
  echo "== machine load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}
main "$@"; exit
