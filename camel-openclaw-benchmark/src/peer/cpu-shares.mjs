// node cpu-shares.mjs profile.collapsed [top]  -> where the CPU samples of a profiled peer went (markdown tables).
// Input: async-profiler collapsed stacks with the thread as the first frame (PeerBench with PROFILE=<file>).
// A sample belongs to the innermost frame of a known layer, walking from the leaf to the root: JSON (Jackson and the
// client's JsonScanner and LazyJsonObject), socket
// and WebSocket framing (Java-WebSocket, NIO), thread hand-offs (park/unpark), the gateway client, the Camel component,
// Camel core, the harness; samples with none of them go by their thread (GC, JIT, other JVM/JDK work).
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
const TOP = Number(topArg ?? 25);
const LAYERS = [
  ['JSON (Jackson, JsonScanner)', /^(com[./]fasterxml[./]jackson|io[./]camelopenclaw[./]client[./]json[./](JsonScanner|LazyJsonObject))/],
  ['socket + WebSocket framing (Java-WebSocket, NIO)', /^(org[./]java_websocket|sun[./]nio|java[./]nio[./]channels)/],
  ['thread hand-offs (park/unpark, queues)', /^(jdk[./]internal[./]misc[./]Unsafe[./](park|unpark)|java[./]util[./]concurrent[./]locks[./]LockSupport|java[./]util[./]concurrent[./](LinkedBlockingQueue|ArrayBlockingQueue|ThreadPoolExecutor[./]getTask))/],
  ['gateway client (io.camelopenclaw.client)', /^io[./]camelopenclaw[./]client/],
  ['Camel component (io.camelopenclaw.component)', /^io[./]camelopenclaw[./]component/],
  ['Camel core (org.apache.camel)', /^org[./]apache[./]camel/],
  ['harness (io.camelopenclaw.benchmark)', /^io[./]camelopenclaw[./]benchmark/],
];
const byThread = (thread) => (/GC Thread|G1 |GC/.test(thread) ? 'GC' : /Compiler/.test(thread) ? 'JIT compiler'
  : 'other JVM/JDK (no layer frame)');

const layers = new Map(), threads = new Map(), self = new Map(), cells = new Map();
let total = 0;
const add = (m, k, n) => m.set(k, (m.get(k) ?? 0) + n);
for (const line of readFileSync(file, 'utf8').split('\n')) {
  const cut = line.lastIndexOf(' ');
  if (cut < 0) continue;
  const n = Number(line.slice(cut + 1)), frames = line.slice(0, cut).split(';');
  const thread = frames[0].startsWith('[') ? frames.shift().replace(/^\[|( tid=\d+)?\]$/g, '') : '?';
  total += n;
  add(threads, thread.replace(/\d+/g, '#'), n);
  let layer;
  for (let i = frames.length - 1; i >= 0 && !layer; i--) layer = LAYERS.find(([, re]) => re.test(frames[i]))?.[0];
  add(layers, layer ?? byThread(thread), n);
  add(cells, `${thread.replace(/\d+/g, '#')}\t${layer ?? byThread(thread)}`, n);
  add(self, frames[frames.length - 1], n);
}
const pct = (n) => ((n / total) * 100).toFixed(1);
const table = (title, m, limit = Infinity) => {
  console.log(`\n| ${title} | samples | share |\n|---|---:|---:|`);
  [...m].sort((a, b) => b[1] - a[1]).slice(0, limit).forEach(([k, n]) => console.log(`| ${k.replace(/\|/g, '\\|')} | ${n} | ${pct(n)} % |`));
};
console.log(`${file}: ${total} samples`);
table('layer (innermost known frame)', layers);
table('thread', threads, 12);
table(`top ${TOP} leaf frames (self time)`, self, TOP);

// thread x layer, in % of all samples, for the threads with at least 1 % of them
const cols = [...layers].sort((a, b) => b[1] - a[1]).map(([k]) => k);
console.log(`\n| thread \\ layer | ${cols.map((c) => c.replace(/ \(.*\)$/, '')).join(' | ')} |\n|---|${cols.map(() => '---:').join('|')}|`);
[...threads].sort((a, b) => b[1] - a[1]).filter(([, n]) => n / total >= 0.01).forEach(([t]) =>
  console.log(`| ${t} | ${cols.map((c) => { const n = cells.get(`${t}\t${c}`) ?? 0; return n ? pct(n) : ''; }).join(' | ')} |`));
