export * from './agent.js';
export * from './channel.js';
export * from './tenant.js';
export * from './task.js';
export * from './connection.js';
export * from './queue.js';
export * from './notice.js';
