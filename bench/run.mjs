#!/usr/bin/env node
// `npm run bench`: the performance figures that exist so far, each next to its goal, written to
// bench/report.json. Benchmarks measure; they never fail a test run.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { measure } from '../scripts/size.mjs';
import { paneMemory } from './pane-memory.mjs';

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

async function loadCore() {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-'));
  const outfile = join(dir, 'core.mjs');
  await build({
    entryPoints: ['packages/core/src/index.ts'],
    bundle: true,
    format: 'esm',
    platform: 'node',
    conditions: ['source'],
    outfile,
    logLevel: 'silent',
  });
  const core = await import(pathToFileURL(outfile).href);
  rmSync(dir, { recursive: true, force: true });
  return core;
}

/** P3: domain events reduced per second through the store, a signed-in agent changing states. */
function storeThroughput(core) {
  const store = new core.Store();
  const at = () => 0;
  store.dispatch({
    type: 'profile.loaded',
    profile: { id: 'a', name: 'A', roles: ['agent'], teams: [] },
    tenant: core.DEFAULT_TENANT,
    at: at(),
  });
  store.dispatch({ type: 'session.signedIn', session: { role: 'agent', station: { kind: 'desktop' }, signedInAt: 0 }, at: at() });
  const subscription = store.select((s) => s.media.voice?.status).subscribe();
  const statuses = ['ready', 'notReady'];
  const events = core.MEDIA.flatMap((media, i) =>
    statuses.map((status, j) => ({ type: 'media.stateChanged', media, status, at: i * 10 + j })),
  );
  const run = (n) => {
    for (let i = 0; i < n; i++) store.dispatch(events[i % events.length]);
  };
  run(50_000); // warm-up
  const n = 500_000;
  const start = performance.now();
  run(n);
  const seconds = (performance.now() - start) / 1000;
  subscription.unsubscribe();
  return Math.round(n / seconds);
}

const core = await loadCore();
const throughput = storeThroughput(core);
const initial = await measure('packages/widgets/src/cc-all.ts');
const email = await measure('packages/widgets/src/cc-email-composer.ts');
const editorChunk = email.lazy.filter((l) => l.from.includes('prosemirror'));
// `npm run bench -- 300 5` runs a shorter pane run and soak (the full ones take several minutes).
const paneTasks = Number(process.argv[2] ?? 3000);
console.log(`running ${paneTasks.toLocaleString('en')} digital tasks through <cc-task-pane> in Chromium…`);
const pane = await paneMemory({ tasks: paneTasks });
// F1: failover soak on the Finesse adapter (emulator + Prosody), in its own process (TypeScript via tsx).
const soakRounds = Number(process.argv[3] ?? 20);
console.log(`running ${soakRounds} failovers on the Finesse adapter…`);
const soakRun = spawnSync('npx', ['tsx', '--conditions=source', 'bench/finesse-soak.ts', String(soakRounds)], { encoding: 'utf8' });
const soakLine = soakRun.stdout.trim().split('\n').at(-1) ?? '';
const soak = soakLine.startsWith('{')
  ? JSON.parse(soakLine)
  : { rounds: 0, reconnectMs: { median: 0, p95: 0, max: 0 }, lost: [soakRun.stderr.trim()] };
const report = {
  date: new Date().toISOString(),
  node: process.version,
  results: [
    {
      id: 'P1',
      name: 'initial JS gzip: core + every widget (cc-all)',
      value: kb(initial.initialGzip),
      unit: 'KB',
      goal: '≤ 60 KB (with one protocol adapter)',
    },
    ...initial.lazy.map((l) => ({ id: 'P1', name: `lazy chunk: ${l.from}`, value: kb(l.gzip), unit: 'KB', goal: 'loaded on first use' })),
    { id: 'P3', name: 'store throughput: domain events reduced per second', value: throughput, unit: 'events/s', goal: '≥ 250,000/s' },
    {
      id: 'D1',
      name: `retained heap growth over ${pane.tasks.toLocaleString('en')} digital tasks through <cc-task-pane>`,
      value: kb(pane.heapGrowthBytes),
      unit: 'KB',
      goal: '≤ 2,048 KB',
    },
    {
      id: 'F1',
      name: `failover soak: ${soak.rounds} mid-call failovers, reconnect time median / p95`,
      value: `${soak.reconnectMs.median} / ${soak.reconnectMs.p95}`,
      unit: 'ms',
      goal: 'nothing lost (state, task, timer, reason)',
    },
    { id: 'F1', name: 'failover soak: things lost', value: soak.lost.length, unit: '', goal: '0', details: soak.lost },
    ...editorChunk.map((l) => ({
      id: 'D2',
      name: `lazy email editor chunk: ${l.from}`,
      value: kb(l.gzip),
      unit: 'KB',
      goal: 'loaded on first use',
    })),
  ],
};
writeFileSync('bench/report.json', JSON.stringify(report, null, 2) + '\n');
for (const r of report.results) console.log(`${r.id}  ${r.name}: ${r.value.toLocaleString('en')} ${r.unit} (goal ${r.goal})`);
console.log('report: bench/report.json');
