/**
 * BullMQ on one of two backends, chosen once at start-up: Redis (ioredis) when `REDIS_URL` is set, otherwise
 * BullMQ's PostgreSQL backend on the product's own database. Everything else uses the same Queue / Worker API.
 */
import { DEFAULT_SCHEMA, Queue, Worker, createPostgresBackend, withBackend, type Processor, type WorkerOptions } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';

/** Which datastore the queues run on. */
export type QueueBackendKind = 'redis' | 'postgres';

/** Options for {@link createQueueKit}. */
export interface QueueKitOptions {
  redisUrl?: string;
  databaseUrl: string;
  /** Redis key prefix (Redis only); tests use one per suite. Default `bull`. */
  prefix?: string;
}

/** Queue and worker constructors bound to the chosen backend, plus the connections to close. */
export interface QueueKit {
  kind: QueueBackendKind;
  queue<T = unknown>(name: string): Queue<T>;
  worker<T = unknown>(name: string, processor: Processor<T>, options?: Partial<WorkerOptions>): Worker<T>;
  /** True when the backend answers (for /healthz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export function createQueueKit(options: QueueKitOptions): QueueKit {
  return options.redisUrl ? redisKit(options.redisUrl, options.prefix) : postgresKit(options.databaseUrl);
}

function redisKit(url: string, prefix = 'bull'): QueueKit {
  // Workers block on their connection; BullMQ duplicates this one for each, with retries forever.
  const connection = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  connection.on('error', () => {});
  const queues: Queue[] = [];
  return {
    kind: 'redis',
    queue<T>(name: string) {
      const queue = new Queue<T>(name, { connection, prefix });
      queues.push(queue as Queue);
      return queue;
    },
    worker<T>(name: string, processor: Processor<T>, opts: Partial<WorkerOptions> = {}) {
      return new Worker<T>(name, processor, { ...opts, connection, prefix });
    },
    async ping() {
      return (await connection.ping().catch(() => '')) === 'PONG';
    },
    async close() {
      await Promise.all(queues.map((q) => q.close()));
      connection.disconnect();
    },
  };
}

function postgresKit(url: string): QueueKit {
  const { Queue: PgQueue, Worker: PgWorker } = withBackend(createPostgresBackend);
  // One pool for every queue class of this process; each worker also checks out one LISTEN client. BullMQ's
  // SQL names its objects unqualified, so a pool we own must put its schema on the search path.
  const pool = new pg.Pool({ connectionString: url, max: 20, options: `-c search_path=${DEFAULT_SCHEMA}` });
  pool.on('error', () => {});
  const queues: { close(): Promise<void> }[] = [];
  return {
    kind: 'postgres',
    queue<T>(name: string) {
      const queue = new PgQueue<T>(name, { connection: pool });
      queues.push(queue);
      return queue as unknown as Queue<T>;
    },
    worker<T>(name: string, processor: Processor<T>, opts: Partial<WorkerOptions> = {}) {
      const { connection: _ignored, ...rest } = opts as WorkerOptions;
      return new PgWorker<T>(name, processor as never, { ...rest, connection: pool }) as unknown as Worker<T>;
    },
    async ping() {
      return pool
        .query('select 1')
        .then(() => true)
        .catch(() => false);
    },
    async close() {
      await Promise.all(queues.map((q) => q.close()));
      await pool.end();
    },
  };
}
