// A real Prosody XMPP server for one emulator node: a fresh temporary run folder, free loopback
// ports, the accounts the node needs (agents and the `finesse` publisher, which is admin) and
// a pubsub component. The config follows ../shared/tooling/prosody.cfg.lua; nothing listens
// beyond 127.0.0.1, and no Prosody outlives the Node process that started it.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One XMPP account: the username (a JID localpart, lower case) and every secret that signs it in. */
export interface ProsodyAccount {
  readonly username: string;
  /** A password, and optionally SSO-style tokens: each one is accepted by SASL PLAIN. */
  readonly secrets: readonly string[];
}

export interface ProsodyOptions {
  /** The XMPP domain (VirtualHost); the pubsub service is `pubsub.<domain>`. */
  readonly domain: string;
  readonly accounts: readonly ProsodyAccount[];
  /** Bare JIDs that are Prosody admins (they create pubsub nodes and subscribe others). */
  readonly admins: readonly string[];
  /** Ports to use (e.g. to come back on the same ports after a stop); free ones when omitted. */
  readonly httpPort?: number;
  readonly c2sPort?: number;
  /** Prosody's log level on its console (collected for error messages). `warn` when omitted. */
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** How long to wait for the ports to accept connections (ms). 10 000 when omitted. */
  readonly startTimeoutMs?: number;
}

/** A running Prosody. */
export interface ProsodyServer {
  readonly domain: string;
  readonly pubsubDomain: string;
  readonly httpPort: number;
  readonly c2sPort: number;
  /** XMPP over WebSocket, e.g. `ws://127.0.0.1:40123/xmpp-websocket`. */
  readonly websocketUrl: string;
  /** BOSH, e.g. `http://127.0.0.1:40123/http-bind`. */
  readonly boshUrl: string;
  readonly pid: number;
  /** The temporary folder of this run (config, data); removed by `stop()`. */
  readonly runDir: string;
  /** The last lines Prosody wrote (for error messages). */
  output(): string;
  /**
   * Stops Prosody and removes its run folder; safe to call twice. Graceful (the default) sends
   * TERM, so connected clients get a `system-shutdown` stream error; otherwise KILL, like a crash.
   */
  stop(options?: { readonly graceful?: boolean }): Promise<void>;
}

/** The command that installs Prosody on Debian, named in the error when it is missing. */
export const PROSODY_INSTALL_COMMAND = 'apt-get install -y prosody';

const PLUGINS = ['mod_auth_emulator.lua', 'mod_emulator_watchdog.lua'] as const;
const PLUGIN_DIR = fileURLToPath(new URL('./prosody-plugins/', import.meta.url));
const OUTPUT_KEPT = 8_000;

/** Every Prosody started by this process, killed synchronously when the process exits. */
const running = new Map<number, { child: ChildProcess; runDir: string }>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const { child, runDir } of running.values()) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
      rmSync(runDir, { recursive: true, force: true });
    }
  });
}

/**
 * Finds `prosody`, installing it with apt when missing and running as root; otherwise throws an
 * error naming the install command.
 */
export function ensureProsody(): string {
  const found = findOnPath('prosody');
  if (found) return found;
  if (process.getuid?.() === 0) {
    // RUNLEVEL=1 keeps the package's own system service from starting (it would listen on every interface).
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' };
    const install = () => spawnSync('apt-get', ['install', '-y', 'prosody'], { stdio: 'pipe', env });
    let result = install();
    if (result.status !== 0) {
      spawnSync('apt-get', ['update'], { stdio: 'pipe' });
      result = install();
    }
    const installed = findOnPath('prosody');
    if (installed) return installed;
    throw new Error(`Prosody is not installed and "${PROSODY_INSTALL_COMMAND}" failed: ${String(result.stderr ?? '').slice(-500)}`);
  }
  throw new Error(`Prosody is not installed. Install it with: ${PROSODY_INSTALL_COMMAND} (as root).`);
}

function findOnPath(command: string): string | undefined {
  const dirs = (process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(delimiter);
  for (const dir of [...dirs, '/usr/bin', '/usr/sbin']) {
    const candidate = join(dir, command);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('No free port.'))));
    });
  });
}

/** Starts Prosody and resolves once both ports accept connections. */
export async function startProsody(options: ProsodyOptions): Promise<ProsodyServer> {
  const binary = ensureProsody();
  installExitHook();
  const runDir = mkdtempSync(join(tmpdir(), 'cc-finesse-prosody-'));
  let child: ChildProcess | undefined;
  try {
    const httpPort = options.httpPort ?? (await freePort());
    const c2sPort = options.c2sPort ?? (await freePort());
    await mkdir(join(runDir, 'data'));
    await mkdir(join(runDir, 'certs'));
    await mkdir(join(runDir, 'plugins'));
    for (const plugin of PLUGINS) await copyFile(join(PLUGIN_DIR, plugin), join(runDir, 'plugins', plugin));
    const configPath = join(runDir, 'prosody.cfg.lua');
    await writeFile(configPath, prosodyConfig({ ...options, runDir, httpPort, c2sPort }));

    let output = '';
    const spawned = spawn(binary, ['--config', configPath, '-F'], { cwd: runDir, stdio: ['ignore', 'pipe', 'pipe'] });
    child = spawned;
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
    };
    spawned.stdout?.on('data', collect);
    spawned.stderr?.on('data', collect);
    if (spawned.pid === undefined) throw new Error(`Prosody did not start: ${binary}`);
    const pid = spawned.pid;
    running.set(pid, { child: spawned, runDir });
    const exited = new Promise<void>((resolve) => spawned.once('exit', () => resolve()));
    spawned.once('exit', () => running.delete(pid));

    const deadline = Date.now() + (options.startTimeoutMs ?? 10_000);
    for (const port of [httpPort, c2sPort]) {
      await waitForPort(
        port,
        deadline,
        () => spawned.exitCode !== null || spawned.signalCode !== null,
        () => output,
      );
    }

    let stopped: Promise<void> | undefined;
    const stop = (stopOptions: { readonly graceful?: boolean } = {}): Promise<void> => {
      stopped ??= (async () => {
        if (spawned.exitCode === null && spawned.signalCode === null) {
          spawned.kill(stopOptions.graceful === false ? 'SIGKILL' : 'SIGTERM');
          const killer = setTimeout(() => spawned.kill('SIGKILL'), 2_000);
          await exited;
          clearTimeout(killer);
        }
        running.delete(pid);
        rmSync(runDir, { recursive: true, force: true });
      })();
      return stopped;
    };

    return {
      domain: options.domain,
      pubsubDomain: `pubsub.${options.domain}`,
      httpPort,
      c2sPort,
      websocketUrl: `ws://127.0.0.1:${httpPort}/xmpp-websocket`,
      boshUrl: `http://127.0.0.1:${httpPort}/http-bind`,
      pid,
      runDir,
      output: () => output,
      stop,
    };
  } catch (error) {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (child?.pid !== undefined) running.delete(child.pid);
    rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
}

async function waitForPort(port: number, deadline: number, died: () => boolean, output: () => string): Promise<void> {
  for (;;) {
    if (died()) throw new Error(`Prosody exited before listening on ${port}:\n${output()}`);
    if (await accepts(port)) return;
    if (Date.now() > deadline) throw new Error(`Prosody did not listen on 127.0.0.1:${port} in time:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The Prosody config: the shared tooling config with this run's folder, ports, accounts and admins. */
export function prosodyConfig(options: ProsodyOptions & { runDir: string; httpPort: number; c2sPort: number }): string {
  const accounts = options.accounts
    .map((account) => `  [${lua(account.username.toLowerCase())}] = { ${account.secrets.map(lua).join(', ')} };`)
    .join('\n');
  const runAsRoot = process.getuid?.() === 0;
  return `-- Written by the cc-elements Finesse-style emulator for one run (loopback only).
${runAsRoot ? 'run_as_root = true\n' : ''}admins = { ${options.admins.map(lua).join(', ')} }
pidfile = ${lua(join(options.runDir, 'prosody.pid'))}
data_path = ${lua(join(options.runDir, 'data'))}
plugin_paths = { ${lua(join(options.runDir, 'plugins'))} }
log = { { levels = { min = ${lua(options.logLevel ?? 'warn')} }, to = "console" } }
interfaces = { "127.0.0.1" }
local_interfaces = { "127.0.0.1" }
c2s_interfaces = { "127.0.0.1" }
c2s_ports = { ${options.c2sPort} }
http_ports = { ${options.httpPort} }
http_interfaces = { "127.0.0.1" }
https_ports = { }
modules_enabled = { "roster", "saslauth", "disco", "ping", "bosh", "websocket", "http", "emulator_watchdog" }
modules_disabled = { "s2s", "tls", "offline" }
storage = "memory"
authentication = "emulator"
emulator_accounts = {
${accounts}
}
emulator_parent_pid = ${process.pid}
emulator_run_dir = ${lua(options.runDir)}
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
consider_websocket_secure = true
consider_bosh_secure = true
cross_domain_websocket = true
cross_domain_bosh = true

VirtualHost ${lua(options.domain)}
Component ${lua(`pubsub.${options.domain}`)} "pubsub"
`;
}

/** A Lua string literal: printable ASCII as is, every other byte as a decimal escape. */
function lua(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    const printable = byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c;
    out += printable ? String.fromCharCode(byte) : `\\${byte.toString().padStart(3, '0')}`;
  }
  return `${out}"`;
}
