// node summarize-events.mjs events-*.jsonl -> markdown table of medians (and min-max) per client of the events benchmark
import { readFileSync } from 'node:fs';

const rows = process.argv.slice(2).flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
const groups = new Map();
for (const r of rows) groups.set(r.client, [...(groups.get(r.client) ?? []), r]);
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const col = (g, f) => g.map((r) => r[f]).filter((v) => v !== undefined);
const fmt = (v, d = 0) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(d));
const range = (xs, d = 0) => (xs.length ? `${fmt(med(xs), d)} (${fmt(Math.min(...xs), d)}-${fmt(Math.max(...xs), d)})` : '-');
console.log('| client | streams | events per run | n | events/s median (min-max) | client CPU % | client CPU µs/event (min-max) | gateway CPU % | gateway CPU µs/event | client max RSS MB | errors |');
console.log('|---|---:|---:|---:|---|---:|---|---:|---:|---:|---:|');
for (const g of groups.values()) {
  console.log(`| ${g[0].client} | ${g[0].streams} | ${2 * g[0].chunks + 3} | ${g.length} | ${range(col(g, 'eventsPerSec'))} | ` +
    `${fmt(med(col(g, 'cpuPct')))} | ${range(col(g, 'cpuUsPerEvent'), 2)} | ${fmt(med(col(g, 'gwCpuPct')))} | ` +
    `${fmt(med(col(g, 'gwUsPerEvent')), 2)} | ${fmt(med(col(g, 'maxRssKb')) / 1024)} | ${col(g, 'errors').reduce((a, b) => a + b, 0)} |`);
}
