// Events consumer rate of the official client (@openclaw/gateway-client): STREAMS runs in flight on one connection,
// each making fakegw emit 2*CHUNKS+3 agent/chat events; onEvent counts them, and a run's chat final (its last event)
// starts the next run. The same loop and messages as the Java side (io.camelopenclaw.benchmark.peer.EventsBench).
//   node bench-events-official.mjs STREAMS RUNS   env: GW_URL, TOKEN, GW_PID, CHUNKS (the fakegw's), WARMUP (RUNS/10)
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { require, GW_URL, TOKEN, CONNECT_PARAMS } from './bench-common.mjs';

const { GatewayClient } = await import(pathToFileURL(require.resolve('@openclaw/gateway-client')).href);

const STREAMS = Number(process.argv[2] ?? 4), RUNS = Number(process.argv[3] ?? 5000);
const CHUNKS = Number(process.env.CHUNKS ?? 10), EVENTS_PER_RUN = 2 * CHUNKS + 3;
const WARMUP = Number(process.env.WARMUP ?? Math.ceil(RUNS / 10));
const GW_PID = process.env.GW_PID;
const TAIL = 'lorem ipsum dolor sit amet '.repeat(6);
const message = (s, i) => `events bench stream ${s}, run ${i}: ${TAIL}`;
const procCpuMs = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (+f[11] + +f[12]) * 10; };

let phase; // { runs, started, ended, events, failed, done }
const send = (run) => client.request('chat.send', { sessionKey: `agent:main:events-${run % STREAMS}`,
  message: message(run % STREAMS, run), idempotencyKey: randomUUID() })
  .catch((e) => { if (++phase.failed <= 5) console.error(`chat.send failed: ${e}`); runEnded(); });
const startNext = () => { if (phase.started < phase.runs) send(phase.started++); };
const runEnded = () => { if (++phase.ended === phase.runs) phase.done(); else startNext(); };
const runPhase = (runs) => new Promise((done) => {
  phase = { runs, started: 0, ended: 0, events: 0, failed: 0, done };
  for (let i = 0; i < Math.min(STREAMS, runs); i++) startNext();
});

let hello;
const ready = new Promise((resolve, reject) => { hello = { resolve, reject }; });
const client = new GatewayClient({
  url: GW_URL, token: TOKEN, minProtocol: 4, maxProtocol: 4,
  clientName: 'gateway-client', mode: 'backend', scopes: CONNECT_PARAMS.scopes,
  onHelloOk: () => hello.resolve(),
  onConnectError: (e) => hello.reject(e),
  onEvent: (evt) => {
    if (evt.event !== 'agent' && evt.event !== 'chat') return;
    phase.events++;
    if (evt.event === 'chat' && evt.payload.state === 'final') runEnded();
  },
});
client.start();
await ready;

if (WARMUP > 0) await runPhase(WARMUP);
const gw0 = GW_PID && procCpuMs(GW_PID), cpu0 = process.cpuUsage(), t0 = performance.now();
await runPhase(RUNS);
const wallMs = performance.now() - t0, cpu = process.cpuUsage(cpu0), gwMs = GW_PID && procCpuMs(GW_PID) - gw0;
const events = phase.events, perEvent = Math.max(1, events), cpuUs = cpu.user + cpu.system;
const expected = (RUNS - phase.failed) * EVENTS_PER_RUN;
console.log(JSON.stringify({ client: 'official', streams: STREAMS, chunks: CHUNKS, runs: RUNS, events,
  eventsPerSec: Math.round((events / wallMs) * 1000), wallMs: Math.round(wallMs),
  cpuPct: Math.round((cpuUs / 1000 / wallMs) * 100), cpuUsPerEvent: +(cpuUs / perEvent).toFixed(2),
  ...(GW_PID && { gwCpuPct: Math.round((gwMs / wallMs) * 100), gwUsPerEvent: +((gwMs * 1000) / perEvent).toFixed(2) }),
  errors: Math.abs(expected - events) + phase.failed }));
client.stop();
