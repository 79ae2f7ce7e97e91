// Runs the Finesse-style emulator from a shell (for the demo and by hand):
//   npx tsx packages/adapters/finesse/emulator/cli.ts [--scenario liveTraffic] [--port 8445] [--seed 1] [--auth-mode NON_SSO]
// Prints one JSON line with both nodes' URLs and every user's credentials, then runs until
// SIGINT or SIGTERM, when it stops both nodes and their Prosody (nothing is left running).

import { parseArgs } from 'node:util';
import { isScenarioName, SCENARIO_NAMES } from '@cc-elements/adapter-sim';
import type { SystemAuthMode } from './options.js';
import { startFinesseEmulator } from './server.js';

const USAGE = `Usage: cli.ts [--scenario <name>] [--port <primary REST port; the secondary takes the next>] [--seed <n>]
              [--auth-mode NON_SSO|SSO|HYBRID] [--single] [--queue-stats-ms <n>]
Scenarios: ${SCENARIO_NAMES.join(', ')}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'liveTraffic' },
      port: { type: 'string' },
      seed: { type: 'string' },
      'auth-mode': { type: 'string', default: 'NON_SSO' },
      single: { type: 'boolean', default: false },
      'queue-stats-ms': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const scenario = values.scenario;
  if (!isScenarioName(scenario)) throw new Error(`Unknown scenario "${scenario}".\n${USAGE}`);
  const port = values.port === undefined ? undefined : whole(values.port, '--port');
  const authMode = values['auth-mode'];
  if (authMode !== 'NON_SSO' && authMode !== 'SSO' && authMode !== 'HYBRID')
    throw new Error(`--auth-mode is NON_SSO, SSO or HYBRID.\n${USAGE}`);
  const nodeCount = values.single ? 1 : 2;

  const emulator = await startFinesseEmulator({
    scenario,
    ...(values.seed === undefined ? {} : { engineOptions: { seed: whole(values.seed, '--seed') } }),
    nodes: Array.from({ length: nodeCount }, (_, i) => (port === undefined ? {} : { restPort: port + i })),
    systemAuthMode: authMode satisfies SystemAuthMode,
    ...(values['queue-stats-ms'] === undefined ? {} : { queueStatsIntervalMs: whole(values['queue-stats-ms'], '--queue-stats-ms') }),
  });

  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    emulator.stop().then(
      () => process.exit(code),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  process.on('uncaughtException', (error) => {
    process.stderr.write(`${error.stack ?? String(error)}\n`);
    stop(1);
  });

  const nodes = emulator.nodes.map(({ name, domain, pubsubDomain, restUrl, xmppUrl, boshUrl }) => ({
    name,
    domain,
    pubsubDomain,
    restUrl,
    xmppUrl,
    boshUrl,
  }));
  const users = emulator.users.map(({ id, name, roles, password, token, extension }) => ({ id, name, roles, password, token, extension }));
  process.stdout.write(
    `${JSON.stringify({ scenario, systemAuthMode: authMode, nodes, users, control: `${nodes[0]!.restUrl}/emulator` })}\n`,
  );
}

function whole(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} takes a whole number, not "${text}".`);
  return value;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
