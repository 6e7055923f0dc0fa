export * from './signaling.js';
export * from './errors.js';
export * from './room-info.js';
export * from './webhooks.js';
export * from './embed.js';
export * from './disconnect-reason.js';
