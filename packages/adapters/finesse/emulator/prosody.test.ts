// A Prosody of the emulator's own: it starts on free loopback ports with the given accounts, and
// stopping it leaves no process and no run folder behind.

import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import { prosodyConfig, startProsody } from './prosody.js';

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startProsody', () => {
  it('serves WebSocket and BOSH on 127.0.0.1 only, and stop() leaves no process and no folder', async () => {
    const server = await startProsody({
      domain: 'node-test.localhost',
      accounts: [{ username: 'finesse', secrets: ['pw'] }],
      admins: ['finesse@node-test.localhost'],
    });
    const { runDir } = server;
    try {
      expect(server.websocketUrl).toBe(`ws://127.0.0.1:${server.httpPort}/xmpp-websocket`);
      expect(await listening(server.httpPort)).toBe(true);
      expect(await listening(server.c2sPort)).toBe(true);
      expect(existsSync(runDir)).toBe(true);
    } finally {
      await server.stop({ graceful: false });
    }
    expect(alive(server.pid)).toBe(false);
    expect(existsSync(runDir)).toBe(false);
    expect(await listening(server.httpPort)).toBe(false);
  });

  it('writes a loopback-only config with its accounts quoted safely', () => {
    const config = prosodyConfig({
      domain: 'a.localhost',
      accounts: [{ username: 'Ana', secrets: ['p"w\\\n'] }],
      admins: ['finesse@a.localhost'],
      runDir: '/tmp/x',
      httpPort: 1,
      c2sPort: 2,
    });
    expect(config).toContain('interfaces = { "127.0.0.1" }');
    expect(config).toContain('http_interfaces = { "127.0.0.1" }');
    expect(config).toContain('["ana"] = { "p\\034w\\092\\010" };');
    expect(config).not.toMatch(/s2s_ports|"\*"|0\.0\.0\.0/);
  });
});
