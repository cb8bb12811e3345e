// @useapi-minimax/runner/redis: the runner on Redis and BullMQ (optional peer dependencies `bullmq`, `ioredis`).
export { redisBackend, ledgerIdOf } from './backend.js';
export type { RedisBackend, RedisBackendOptions } from './backend.js';
export type { RedisConnection } from './connection.js';
export { batchStatus, cancelBatch, cleanupBatches, listBatches } from './admin.js';
export type { BatchStatus } from './admin.js';
