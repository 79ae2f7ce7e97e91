#!/usr/bin/env node
// `npm run demo:finesse`: the widgets on the Finesse-style adapter against the emulator. Starts the
// emulator (two nodes, each with its own Prosody; scenario liveTraffic) as a child process, then
// Vite serving demo/ with what the pages need from it, and prints the two pages' URLs:
//   /finesse/                 a standalone agent desktop on createFinesseAdapter (brief §11.3)
//   /gadget/container.html    a Finesse-style desktop hosting demo/gadget/cc-elements.xml (PL-7)
// Ctrl+C (or SIGTERM) stops Vite and the emulator, which stops both Prosody servers.
//
// The pages learn the emulator's URLs and the demo users' credentials from /__finesse/env.json,
// served from memory by this script (never written to disk). The same helpers start the servers
// for demo/finesse.e2e.test.mjs.
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = 'packages/adapters/finesse/emulator/cli.ts';
const ENV_PATH = '/__finesse/env.json';
/** Where a real Finesse serves uploaded gadget files, and where the demo's are. */
const GADGET_FILES = '/3rdpartygadget/files/cc-elements/';

/**
 * Starts the emulator CLI (`node --import tsx`, one process: signals reach it directly) and
 * resolves with the JSON line it prints (nodes, users, control URL) and a `stop()` that ends it
 * and waits until it has stopped its Prosody servers.
 */
export function startEmulator({ scenario = 'liveTraffic', args = [], timeoutMs = 30_000 } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--scenario', scenario, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  // Should this process end without stopping it (an uncaught error, process.exit), the emulator ends too.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  exited.then(() => process.off('exit', killOnExit));
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    process.stderr.write(chunk);
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // The CLI stops its Prosody servers and exits; should it hang, KILL it (Prosody's watchdog then exits by itself).
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };

  const ready = new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(new Error(`The Finesse emulator did not start within ${timeoutMs / 1000} s.`)), timeoutMs);
    const fail = (error) => {
      clearTimeout(timer);
      stop().then(() => reject(error), reject);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      try {
        resolve({ env: JSON.parse(stdout.slice(0, newline)), stop, exited });
      } catch (error) {
        fail(new Error(`The Finesse emulator printed something other than JSON: ${stdout.slice(0, 200)}`, { cause: error }));
      }
    });
    child.once('error', fail);
    exited.then(({ code, signal }) =>
      fail(new Error(`The Finesse emulator exited (${signal ?? `code ${code}`}) before it was ready.\n${stderr.trim()}`)),
    );
  });
  return ready;
}

/**
 * What Vite needs to serve the Finesse pages: the emulator's description at /__finesse/env.json
 * (for loopback pages only), the gadget's files where a Finesse server would have them
 * (/3rdpartygadget/files/cc-elements/ → demo/gadget/, gadget.js being gadget.ts), and the
 * primary node's REST API on the page's own origin (/finesse/api, as a Finesse node serves its
 * desktop, gadgets and API on one origin).
 */
export function finesseDemoConfig(env) {
  const plugin = {
    name: 'cc-elements-finesse-demo',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        if (path === ENV_PATH) {
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify(env));
          return;
        }
        if (path.startsWith(GADGET_FILES)) {
          const file = path.slice(GADGET_FILES.length);
          req.url = `/gadget/${file === 'gadget.js' ? 'gadget.ts' : file}`;
        }
        next();
      });
    },
  };
  return {
    plugins: [plugin],
    server: { proxy: { '/finesse/api': { target: env.nodes[0].restUrl } } },
    // The gadget's script is loaded by the gadget XML, not by a page: let Vite find its imports up front.
    optimizeDeps: { entries: ['index.html', 'finesse/index.html', 'gadget/container.html', 'gadget/gadget.ts'] },
  };
}

/** Vite on demo/ (the project's vite.config.ts) with the Finesse pages wired to `env`. */
export async function startDemoServer(env, { port = 0, open = false, logLevel = 'info' } = {}) {
  const extra = finesseDemoConfig(env);
  const server = await createServer({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    ...extra,
    server: { ...extra.server, host: '127.0.0.1', port, strictPort: false, ...(open ? { open: '/finesse/' } : {}) },
    logLevel,
  });
  await server.listen();
  const { port: actual } = server.httpServer.address();
  return { server, base: `http://127.0.0.1:${actual}/` };
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5173' },
      open: { type: 'boolean', default: false },
      scenario: { type: 'string', default: 'liveTraffic' },
    },
  });
  let emulator;
  let vite;
  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Vite and the Finesse emulator …');
    await vite?.server.close().catch(() => undefined);
    await emulator?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  process.on('SIGHUP', () => void stopAll(0));

  try {
    console.log('Starting the Finesse emulator (two nodes, each with its own Prosody) …');
    emulator = await startEmulator({ scenario: values.scenario });
    emulator.exited.then(({ code, signal }) => {
      if (stopping) return;
      console.error(`The Finesse emulator stopped (${signal ?? `code ${code}`}).`);
      void stopAll(1);
    });
    vite = await startDemoServer(emulator.env, { port: Number(values.port), open: values.open, logLevel: 'warn' });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stopAll(1);
    return;
  }
  const { env } = emulator;
  const lines = [
    '',
    'cc-elements on the Finesse-style emulator',
    `  Agent desktop (standalone): ${vite.base}finesse/`,
    `  Finesse desktop + gadget:   ${vite.base}gadget/container.html`,
    '',
    ...env.nodes.map((n) => `  ${n.name.padEnd(9)} REST ${n.restUrl}   XMPP ${n.xmppUrl}`),
    `  control   ${env.control}`,
    `  users     ${env.users.map((u) => `${u.id} (ext. ${u.extension ?? '–'})`).join(', ')}; password "${env.users[0]?.password}"`,
    '',
    'Press Ctrl+C to stop everything.',
  ];
  console.log(lines.join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
