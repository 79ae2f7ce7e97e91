// The Finesse-style emulator: two nodes (primary and secondary, each with its own SystemInfo,
// HTTP server and Prosody) over ONE simulated contact center, like a real two-node cluster in
// front of one ACD. Tests and the demo start it with `startFinesseEmulator`, take a node out of
// service and back with `setStatus`, and inject calls and contacts through `engine`.

import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Subscription } from 'rxjs';
import { SimContactCenter } from '@cc-elements/adapter-sim';
import { SYSTEM_REASONS } from '@cc-elements/core';
import { Authenticator } from './auth.js';
import { createNodeServer } from './http.js';
import type { NodeAddress, SystemInfoModel } from './models.js';
import { NODES, Notifier } from './notifier.js';
import { DEFAULT_NODE_HOSTS, resolveSettings, type EmulatorSettings, type FinesseEmulatorOptions } from './options.js';
import { startProsody, type ProsodyServer } from './prosody.js';
import { Publisher } from './publisher.js';
import { FinesseWorld } from './world.js';

export type NodeStatus = 'IN_SERVICE' | 'OUT_OF_SERVICE';

/** One node as a client sees it. */
export interface FinesseEmulatorNode {
  readonly index: number;
  /** `primary` or `secondary` (further nodes: `node3`, …). */
  readonly name: string;
  /** The node's host name: SystemInfo `xmppDomain`, JIDs `{id}@{domain}`. */
  readonly domain: string;
  readonly pubsubDomain: string;
  /** e.g. `http://127.0.0.1:41234` (paths start `/finesse/api/`). */
  readonly restUrl: string;
  /** e.g. `ws://127.0.0.1:40123/xmpp-websocket` (Prosody's port; the same after a restart). */
  readonly xmppUrl: string;
  readonly boshUrl: string;
  readonly status: NodeStatus;
}

/** A user of the scenario with what signs them in. */
export interface FinesseEmulatorUser {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly password: string;
  /** The Bearer token (accepted when `systemAuthMode` is SSO or HYBRID, and by XMPP always). */
  readonly token: string;
  /** A registered extension no one else is given, for signing in. */
  readonly extension: string | undefined;
}

export interface SetStatusOptions {
  /** Drop the node's XMPP too (stop its Prosody; back on the same port when in service again). `true` when omitted. */
  readonly dropXmpp?: boolean;
  /** Stop Prosody like a crash (KILL) rather than a shutdown (TERM, clients get `system-shutdown`). */
  readonly crash?: boolean;
  /** SystemInfo `statusReason` while out of service. */
  readonly reason?: string;
}

export interface FinesseEmulator {
  /** The ACD behind every node: inject calls (`injectCall`) and contacts, hang up, set traffic. */
  readonly engine: SimContactCenter;
  readonly nodes: readonly FinesseEmulatorNode[];
  readonly users: readonly FinesseEmulatorUser[];
  readonly settings: EmulatorSettings;
  /** Takes a node out of service (SystemInfo OUT_OF_SERVICE, REST 503, XMPP dropped) or brings it back. */
  setStatus(node: number | string, status: NodeStatus, options?: SetStatusOptions): Promise<void>;
  /** The dialog id of an agent's call or contact (the simulator's task id), once it reached them. */
  dialogIdOf(agentId: string, taskId: string): string | undefined;
  /** Publishes changed queue statistics now instead of at the next tick. */
  publishQueueStats(): void;
  /** Resolves once every notification so far has been handed to Prosody. */
  drain(): Promise<void>;
  /** Stops every server and Prosody, and the engine when the emulator created it. */
  stop(): Promise<void>;
}

const PUBLISHER = 'finesse';

class NodeRuntime {
  readonly index: number;
  readonly host: string;
  readonly name: string;
  readonly #publisherPassword = randomBytes(12).toString('hex');
  http: Server | undefined;
  restPort = 0;
  prosody: ProsodyServer | undefined;
  publisher: Publisher | undefined;
  httpPort: number | undefined;
  c2sPort: number | undefined;
  status: NodeStatus = 'OUT_OF_SERVICE';
  statusReason = 'Starting';
  /** setStatus calls run one after the other. */
  chain: Promise<unknown> = Promise.resolve();

  constructor(index: number, host: string) {
    this.index = index;
    this.host = host;
    this.name = index === 0 ? 'primary' : index === 1 ? 'secondary' : `node${index + 1}`;
  }

  get publisherPassword(): string {
    return this.#publisherPassword;
  }

  view(): FinesseEmulatorNode {
    const xmppPort = this.httpPort ?? 0;
    return {
      index: this.index,
      name: this.name,
      domain: this.host,
      pubsubDomain: `pubsub.${this.host}`,
      restUrl: `http://127.0.0.1:${this.restPort}`,
      xmppUrl: `ws://127.0.0.1:${xmppPort}/xmpp-websocket`,
      boshUrl: `http://127.0.0.1:${xmppPort}/http-bind`,
      status: this.status,
    };
  }

  address(): NodeAddress {
    return { host: this.host, restPort: this.restPort, xmppPort: this.httpPort ?? 0 };
  }
}

/** Starts both nodes' Prosody and HTTP servers over one engine; resolves once both are in service. */
export async function startFinesseEmulator(options: FinesseEmulatorOptions = {}): Promise<FinesseEmulator> {
  const settings = resolveSettings(options);
  const engine = options.engine ?? new SimContactCenter({ ...options.engineOptions, scenario: options.scenario ?? 'default' });
  const ownsEngine = options.engine === undefined;
  const world = new FinesseWorld(engine, settings);
  const { scenario } = world;

  const users: FinesseEmulatorUser[] = scenario.agents.map((profile, i) => ({
    id: profile.id,
    name: profile.name,
    roles: profile.roles,
    password: settings.passwords[profile.id] ?? settings.defaultPassword,
    token: settings.tokens?.[profile.id] ?? `sso-${randomBytes(16).toString('hex')}`,
    extension: scenario.extensions[i],
  }));
  for (const user of users) {
    if (user.id !== user.id.toLowerCase() || !/^[a-z0-9._-]+$/.test(user.id)) {
      throw new RangeError(`User id "${user.id}" cannot be a JID localpart here (lower-case letters, digits, . _ - only).`);
    }
  }
  const auth = new Authenticator(settings, new Map(users.map((u) => [u.id, u.password])), new Map(users.map((u) => [u.id, u.token])));
  const hosts = (options.nodes ?? [{}, {}]).map((node, i) => node.host ?? DEFAULT_NODE_HOSTS[i] ?? `finesse-${i + 1}.localhost`);
  const runtimes = hosts.map((host, i) => new NodeRuntime(i, host));
  let stopped = false;

  const publishEverywhere = (node: string, update: Parameters<Publisher['publish']>[1]) => {
    for (const runtime of runtimes) runtime.publisher?.publish(node, update);
  };
  const notifier = new Notifier(world, settings, publishEverywhere);

  const systemInfo = (runtime: NodeRuntime): SystemInfoModel => ({
    status: runtime.status,
    statusReason: runtime.status === 'IN_SERVICE' ? '' : runtime.statusReason,
    deploymentType: settings.deploymentType,
    xmppDomain: runtime.host,
    xmppPubSubDomain: `pubsub.${runtime.host}`,
    primaryNode: runtimes[0]!.address(),
    secondaryNode: runtimes[1]?.address(),
    systemAuthMode: settings.systemAuthModeText,
    timezoneOffset: settings.timezoneOffset,
    currentTimestamp: Date.now(),
  });

  const allNodes = [
    NODES.systemInfo(),
    ...world.userIds.flatMap((id) => [NODES.user(id), NODES.dialogs(id), NODES.media(id), NODES.mediaDialogs(id), NODES.queues(id)]),
    ...scenario.queues.map((q) => NODES.queue(q.id)),
    ...world.teams().map((t) => NODES.teamUsers(t.id)),
  ];

  const startXmpp = async (runtime: NodeRuntime) => {
    const prosody = await startProsody({
      domain: runtime.host,
      accounts: [
        { username: PUBLISHER, secrets: [runtime.publisherPassword] },
        ...users.map((u) => ({ username: u.id, secrets: [u.password, u.token] })),
      ],
      admins: [`${PUBLISHER}@${runtime.host}`],
      logLevel: settings.prosodyLogLevel,
      ...(runtime.httpPort === undefined ? {} : { httpPort: runtime.httpPort }),
      ...(runtime.c2sPort === undefined ? {} : { c2sPort: runtime.c2sPort }),
    });
    runtime.prosody = prosody;
    runtime.httpPort = prosody.httpPort;
    runtime.c2sPort = prosody.c2sPort;
    const publisher = new Publisher({
      websocketUrl: prosody.websocketUrl,
      domain: runtime.host,
      pubsubDomain: prosody.pubsubDomain,
      username: PUBLISHER,
      password: runtime.publisherPassword,
      notificationNamespace: settings.notificationNamespace,
    });
    try {
      await publisher.start();
      await publisher.createNodes(allNodes);
      if (settings.autoSubscribe) {
        await Promise.all(
          world.userIds.map((id) =>
            publisher.subscribe(`${id}@${runtime.host}`, [
              NODES.user(id),
              NODES.dialogs(id),
              NODES.media(id),
              NODES.mediaDialogs(id),
              NODES.systemInfo(),
            ]),
          ),
        );
      }
    } catch (error) {
      await publisher.stop();
      throw new Error(`The emulator could not set up pubsub on ${runtime.host}: ${String(error)}\n${prosody.output()}`);
    }
    runtime.publisher = publisher;
  };

  const stopXmpp = async (runtime: NodeRuntime, crash: boolean) => {
    const { publisher, prosody } = runtime;
    runtime.publisher = undefined;
    runtime.prosody = undefined;
    await publisher?.stop();
    await prosody?.stop({ graceful: !crash });
  };

  const runtimeOf = (node: number | string): NodeRuntime => {
    const runtime = typeof node === 'number' ? runtimes[node] : runtimes.find((r) => r.name === node || r.host === node);
    if (!runtime) throw new RangeError(`No emulator node "${node}".`);
    return runtime;
  };

  const setStatus = (node: number | string, status: NodeStatus, statusOptions: SetStatusOptions = {}): Promise<void> => {
    const runtime = runtimeOf(node);
    const next = runtime.chain.then(async () => {
      if (stopped) return;
      if (status === 'OUT_OF_SERVICE') {
        runtime.status = 'OUT_OF_SERVICE';
        runtime.statusReason = statusOptions.reason ?? 'Taken out of service';
        runtime.publisher?.publish(NODES.systemInfo(), notifier.systemInfoUpdate(systemInfo(runtime)));
        await runtime.publisher?.drain();
        if (statusOptions.dropXmpp ?? true) await stopXmpp(runtime, statusOptions.crash ?? false);
        return;
      }
      if (!runtime.publisher?.online) {
        // Down, or its Prosody died on its own: start it again on the same ports.
        await stopXmpp(runtime, true);
        await startXmpp(runtime);
      }
      runtime.status = 'IN_SERVICE';
      runtime.publisher?.publish(NODES.systemInfo(), notifier.systemInfoUpdate(systemInfo(runtime)));
    });
    runtime.chain = next.catch(() => undefined);
    return next;
  };

  const control = async (action: string, body: Record<string, unknown>, nodeIndex: number): Promise<unknown> => {
    const text = (name: string): string | undefined => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
    switch (action) {
      case 'info':
        return info();
      case 'status': {
        const status = text('status');
        if (status !== 'IN_SERVICE' && status !== 'OUT_OF_SERVICE') throw new Error('status is IN_SERVICE or OUT_OF_SERVICE.');
        const node = typeof body.node === 'number' || typeof body.node === 'string' ? body.node : nodeIndex;
        await setStatus(node, status, {
          ...(typeof body.dropXmpp === 'boolean' ? { dropXmpp: body.dropXmpp } : {}),
          ...(body.crash === true ? { crash: true } : {}),
        });
        return info();
      }
      case 'calls': {
        const queueId = text('queueId') ?? scenario.queues.find((q) => q.media === 'voice')?.id;
        if (queueId === undefined) throw new Error('queueId is required.');
        const from = text('from');
        const customerName = text('customerName');
        const taskId = engine.injectCall({
          queueId,
          ...(from === undefined ? {} : { from }),
          ...(customerName === undefined ? {} : { customerName }),
        });
        return { taskId };
      }
      case 'contacts': {
        const queueId = text('queueId');
        if (queueId === undefined) throw new Error('queueId is required.');
        const fields = ['from', 'customerName', 'text', 'subject'] as const;
        const given = Object.fromEntries(fields.flatMap((f) => (text(f) === undefined ? [] : [[f, text(f)!]])));
        return { taskId: engine.injectContact({ queueId, ...given }) };
      }
      case 'hangup': {
        const taskId = text('taskId');
        if (taskId === undefined) throw new Error('taskId is required.');
        engine.hangUp(taskId);
        return { taskId };
      }
      case 'traffic':
        engine.setTraffic(body.on === true);
        return { traffic: engine.traffic };
      default:
        throw new Error(`Unknown control action "${action}".`);
    }
  };

  const info = () => ({
    nodes: runtimes.map((r) => r.view()),
    users: users.map(({ id, name, roles, password, token, extension }) => ({ id, name, roles, password, token, extension })),
    scenario: scenario.title,
  });

  // Every change of the world: compare that user's resources; wrap-ups close at their deadline.
  const wrapUpTimers = new Map<string, Subscription>();
  const subscription = engine.changes$.subscribe(({ agentId, event }) => {
    notifier.touch(agentId);
    const key = (taskId: string) => `${agentId}\u0000${taskId}`;
    if (event.type === 'task.updated') {
      const { task } = event;
      const expiresAt = task.wrapUp?.expiresAt;
      if (task.status === 'wrapUp' && expiresAt !== undefined && settings.closeWrapUpAtDeadline && !wrapUpTimers.has(key(task.id))) {
        wrapUpTimers.set(
          key(task.id),
          engine.scheduler.schedule(
            () => {
              wrapUpTimers.delete(key(task.id));
              const current = engine.tasks(agentId).find((t) => t.id === task.id);
              if (current?.status !== 'wrapUp') return;
              const label = world.taskRecord(agentId, current).wrapUpLabel;
              const reasonId = label === undefined ? undefined : world.directory.wrapUpReasonByLabel(label)?.simId;
              try {
                engine.apply(agentId, { type: 'task.close', taskId: task.id, ...(reasonId === undefined ? {} : { reasonId }) });
              } catch {
                // The simulator's own safety net closes it a little later.
              }
            },
            Math.max(0, expiresAt - engine.scheduler.now()),
          ),
        );
      }
    } else if (event.type === 'task.removed') {
      wrapUpTimers.get(key(event.taskId))?.unsubscribe();
      wrapUpTimers.delete(key(event.taskId));
    } else if (
      event.type === 'media.stateChanged' &&
      settings.ronaState === 'READY' &&
      (event.reasonId === SYSTEM_REASONS.rona || event.reasonId === SYSTEM_REASONS.missed)
    ) {
      queueMicrotask(() => {
        try {
          engine.apply(agentId, { type: 'media.setState', media: [event.media], status: 'ready' });
        } catch {
          // Signed out meanwhile: nothing to make Ready.
        }
      });
    }
  });
  const queueTimer = setInterval(() => notifier.publishQueues(), settings.queueStatsIntervalMs);
  queueTimer.unref();

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    clearInterval(queueTimer);
    subscription.unsubscribe();
    for (const timer of wrapUpTimers.values()) timer.unsubscribe();
    notifier.close();
    await Promise.all(
      runtimes.map(async (runtime) => {
        await runtime.chain;
        const http = runtime.http;
        runtime.http = undefined;
        if (http) {
          http.closeAllConnections();
          await new Promise<void>((resolve) => http.close(() => resolve()));
        }
        await stopXmpp(runtime, true);
      }),
    );
    if (ownsEngine) engine.dispose();
  };

  try {
    await Promise.all(
      runtimes.map(async (runtime, i) => {
        const server = createNodeServer({
          index: i,
          world,
          notifier,
          settings,
          auth,
          systemInfo: () => systemInfo(runtime),
          control,
        });
        runtime.http = server;
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(options.nodes?.[i]?.restPort ?? 0, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
          });
        });
        runtime.restPort = (server.address() as AddressInfo).port;
        await startXmpp(runtime);
        runtime.status = 'IN_SERVICE';
        runtime.statusReason = '';
      }),
    );
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    engine,
    get nodes() {
      return runtimes.map((r) => r.view());
    },
    users,
    settings,
    setStatus,
    dialogIdOf: (agentId, taskId) => {
      const task = engine.tasks(agentId).find((t) => t.id === taskId);
      if (!task) return undefined;
      const ref = { agentId, taskId, kind: task.media === 'voice' ? ('call' as const) : ('media' as const) };
      return world.directory.dialogIdOf(ref, task.media);
    },
    publishQueueStats: () => notifier.publishQueues(),
    drain: async () => {
      await Promise.all(runtimes.map((r) => r.publisher?.drain()));
    },
    stop,
  };
}
