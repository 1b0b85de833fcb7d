/**
 * Assembles the product for a role — `web` (HTTP, webhooks, Telegram polling), `worker` (inbound, outbound and
 * maintenance jobs), `scheduler` (repeating jobs), or `all` — and takes it down again in the right order.
 */
import type { Worker } from 'bullmq';
import { sql } from 'kysely';
import { createDatabase, migrate, type Db } from '../../db/database.js';
import type { ChannelSender } from '../../bots/channel-sender.js';
import { createTelegramApi, createTelegramSender } from '../../bots/telegram/telegram-sender.js';
import { startTelegramPoller } from '../../bots/telegram/telegram-poller.js';
import { createWebSender } from '../../bots/web/web-sender.js';
import { exchangeRefreshToken, ZaloClient } from '../../bots/zalo/client.js';
import { createZaloTokenStore } from '../../bots/zalo/token-store.js';
import { createZaloSender } from '../../bots/zalo/zalo-sender.js';
import { createInboundProcessor } from '../../jobs/inbound-worker.js';
import { createOutboundProcessor } from '../../jobs/outbound-worker.js';
import { createQueueKit, type QueueKit } from '../../jobs/queue-kit.js';
import { INBOUND_QUEUE, OUTBOUND_QUEUE, outboundJobId, type InboundJob, type OutboundJob } from '../../jobs/queue-names.js';
import { sweepStranded } from '../../jobs/sweeper.js';
import { CASE_DEADLINES_JOB, runCaseDeadlines } from '../../jobs/case-deadlines.js';
import { closeAbandonedDrafts } from '../../jobs/abandoned-drafts.js';
import { PHONE_RULES_JOB, runPhoneRules } from '../../jobs/phone-rules.js';
import { PHONE_SUMMARY_JOB, sendPhoneSummary } from '../../jobs/phone-summary.js';
import { applyRetention, RETENTION_JOB } from '../../jobs/retention.js';
import { registerTaskScheduler, startTaskReminderJobs, TASK_REMINDER_QUEUE } from '../../jobs/task-reminders.js';
import { CHANNEL_SWITCHES, type Config } from '../config.js';
import { createEngine, type EngineOptions } from '../features/engine.js';
import { createIngest } from '../http/ingest.js';
import { buildServer } from '../http/server.js';
import type { Channel } from '../domain/message-model.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { seedHolidays } from '../../db/repositories/holidays.js';
import { createServices } from '../features/services.js';
import { createMediaStore } from '../media/media-store.js';
import { createS3BlobStore } from '../media/s3-blob-store.js';
import { createPhotoFetcher } from '../media/photo-fetcher.js';
import { createPhotoIntake } from '../media/photo-intake.js';
import { mediaLinkSecret, signMediaPath } from '../media/signed-links.js';
import { createExportFiles } from '../files/export-files.js';
import { signedFilePath } from '../http/file-routes.js';
import { startHeartbeat } from './heartbeat.js';
import type { Logger } from './logger.js';

export type Role = 'web' | 'worker' | 'scheduler' | 'all';
export const ROLES: readonly Role[] = ['web', 'worker', 'scheduler', 'all'];

const MAINTENANCE_QUEUE = 'maintenance';

/** Options for {@link startApp}. */
export interface AppOptions {
  role?: Role;
  log: Logger;
  /** Clock and features for the engine (tests use a fake clock). */
  engine?: EngineOptions;
  /** Worker concurrency per queue. Default 16: jobs mostly wait on the database and the platforms. */
  concurrency?: number;
  /** Redis key prefix, for tests sharing one Redis. Default `bull`. */
  queuePrefix?: string;
  /** The sweeper's idea of "stranded", and how long a send may stay unconfirmed. Default 30,000 ms. */
  sweepAfterMs?: number;
  /** How often the sweeper runs. Default 30,000 ms. */
  sweepEveryMs?: number;
  /** Accept Zalo photo URLs on 127.0.0.1 (tests' fake CDN). Never in production. Default false. */
  allowLoopbackPhotos?: boolean;
}

export interface RunningApp {
  /** The HTTP base URL (web role only). */
  url?: string;
  db: Db;
  queues: QueueKit;
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startApp(config: Readonly<Config>, options: AppOptions): Promise<RunningApp> {
  const role = options.role ?? 'all';
  const log = options.log;
  const has = (r: Role) => role === 'all' || role === r;
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((e) => log.error(`shutdown step failed: ${String(e)}`));
  };

  try {
    let databaseUrl = config.databaseUrl;
    let storage = `PostgreSQL at ${redactUrl(databaseUrl ?? '')}`;
    if (!databaseUrl) {
      const embedded = await startEmbeddedPostgres(config.dataDir, (line) => log.info(line));
      stops.push(() => embedded.stop());
      databaseUrl = embedded.url;
      storage = `embedded PostgreSQL in ${config.dataDir}${embedded.owned ? '' : ' (already running, shared)'}`;
    }
    const db = createDatabase(databaseUrl, { max: 30 });
    stops.push(() => db.destroy());
    await migrate(db, databaseUrl, { queueSchema: !config.redisUrl });
    await seedHolidays(db);
    const media = createMediaStore({ dataDir: config.dataDir, db, blobs: config.s3 && createS3BlobStore(config.s3) });
    const mediaSecret = await mediaLinkSecret(db, config.mediaLinkSecret);
    const files = createExportFiles(config.dataDir);
    const fileSource = {
      get: (sha256: string) => files.get(sha256),
      publicLink: (sha256: string, filename: string) =>
        config.publicUrl ? `${config.publicUrl}${signedFilePath(sha256, filename, signMediaPath(sha256, new Date(Date.now() + 7 * 86_400_000), mediaSecret))}` : null,
    };

    const queues = createQueueKit({ redisUrl: config.redisUrl, databaseUrl, prefix: options.queuePrefix });
    stops.push(() => queues.close());
    const inboundQueue = queues.queue<InboundJob>(INBOUND_QUEUE);
    const outboundQueue = queues.queue<OutboundJob>(OUTBOUND_QUEUE);
    const maintenanceQueue = queues.queue(MAINTENANCE_QUEUE);
    const ingest = createIngest(db, inboundQueue);
    const telegramApi = config.telegram ? createTelegramApi(config.telegram.token, config.telegram.apiRoot) : undefined;

    let url: string | undefined;
    if (has('web')) {
      const server = buildServer({ config, db, queues, ingest, media, mediaSecret, files });
      await server.listen({ port: config.port, host: '0.0.0.0' });
      const address = server.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      url = `http://127.0.0.1:${port}`;
      stops.push(() => server.close());
      if (telegramApi && config.publicUrl) {
        await telegramApi
          .setWebhook(`${config.publicUrl}/webhooks/telegram`, {
            secret_token: config.telegram!.webhookSecret,
            allowed_updates: ['message', 'callback_query'],
          })
          .catch((e) => log.warn(`Telegram setWebhook failed: ${String(e)}`));
      } else if (telegramApi) {
        const poller = startTelegramPoller(telegramApi, ingest, log);
        stops.push(() => poller.stop());
      }
    }

    if (has('worker')) {
      const senders: Partial<Record<Channel, ChannelSender>> = { web: createWebSender() };
      if (telegramApi) senders.telegram = createTelegramSender(telegramApi, media, fileSource);
      if (config.zalo) {
        const zalo = config.zalo;
        const tokens = createZaloTokenStore(db, {
          initial: { accessToken: zalo.accessToken, refreshToken: zalo.refreshToken },
          exchange: (refreshToken) =>
            exchangeRefreshToken({ oauthBase: zalo.oauthBase, appId: zalo.appId, appSecret: zalo.appSecret, refreshToken }),
        });
        await tokens.seed();
        senders.zalo = createZaloSender(
          new ZaloClient({ apiBase: zalo.apiBase, oauthBase: zalo.oauthBase, appId: zalo.appId, appSecret: zalo.appSecret, tokens }),
          media,
          fileSource,
        );
      }
      const fetcher = createPhotoFetcher({
        telegram: config.telegram && { token: config.telegram.token, apiRoot: config.telegram.apiRoot },
        media,
        allowLoopbackForTests: options.allowLoopbackPhotos,
      });
      const photos = createPhotoIntake({ fetcher, store: media });
      const services = createServices(db, {
        intakePhoto: (inbound) => photos.intake(inbound),
        exports: { files, mediaSecret, publicUrl: config.publicUrl },
      });
      const engine = createEngine(db, { services, ...options.engine });
      const concurrency = options.concurrency ?? 16;
      const workers: Worker[] = [];
      let outboundWorker: Worker<OutboundJob> | undefined;
      const processOutbound = createOutboundProcessor(db, {
        senders,
        queue: outboundQueue,
        rateLimitChannel: async (ms) => outboundWorker?.rateLimit(ms),
        staleClaimMs: options.sweepAfterMs ?? 60_000,
        leaseMs: options.sweepAfterMs,
        now: options.engine?.now,
      });
      const inboundWorker = queues.worker<InboundJob>(INBOUND_QUEUE, createInboundProcessor(engine, outboundQueue, processOutbound), {
        concurrency,
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 5000 },
      });
      outboundWorker = queues.worker<OutboundJob>(OUTBOUND_QUEUE, processOutbound, {
        concurrency,
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 5000 },
      });
      const maintenanceWorker = queues.worker(MAINTENANCE_QUEUE, async (job) => {
        if (job.name === RETENTION_JOB) {
          const done = await applyRetention(db, (options.engine?.now ?? (() => new Date()))());
          log.info(`retention: ${done.inboundDeleted} inbound and ${done.outboxDeleted} outgoing messages deleted, ${done.casesAnonymised} cases anonymised`);
          return;
        }
        if (job.name === PHONE_SUMMARY_JOB) {
          const ids = await sendPhoneSummary(db, (options.engine?.now ?? (() => new Date()))());
          await Promise.all(ids.map((id) => outboundQueue.add('send', { outboxId: id }, { jobId: outboundJobId(id) })));
          return;
        }
        if (job.name === PHONE_RULES_JOB) {
          const run = await runPhoneRules(db, (options.engine?.now ?? (() => new Date()))());
          await Promise.all(run.outboxIds.map((id) => outboundQueue.add('send', { outboxId: id }, { jobId: outboundJobId(id) })));
          log.info(`phone rules: ${run.proposed} proposals`);
          return;
        }
        if (job.name === CASE_DEADLINES_JOB) {
          const run = await runCaseDeadlines(db, await services.calendar(), (options.engine?.now ?? (() => new Date()))());
          await Promise.all(run.outboxIds.map((id) => outboundQueue.add('send', { outboxId: id }, { jobId: outboundJobId(id) })));
          log.info(`case deadlines: ${run.reminded} reminded, ${run.escalated} escalated, ${run.digests} digests`);
          return;
        }
        const abandoned = await closeAbandonedDrafts(db, (options.engine?.now ?? (() => new Date()))());
        await Promise.all(abandoned.map((id) => outboundQueue.add('send', { outboxId: id }, { jobId: outboundJobId(id) })));
        const swept = await sweepStranded(db, { inbound: inboundQueue, outbound: outboundQueue }, { olderThanMs: options.sweepAfterMs, now: (options.engine?.now ?? (() => new Date()))() });
        if (swept.inbound || swept.outbound) log.info(`sweeper re-queued ${swept.inbound} inbound, ${swept.outbound} outbound`);
      });
      workers.push(inboundWorker as Worker, outboundWorker as Worker, maintenanceWorker as Worker);
      const taskReminders = startTaskReminderJobs({ db, queues, outbound: outboundQueue, log, now: options.engine?.now });
      workers.push(taskReminders.worker as Worker);
      for (const worker of workers) worker.on('error', (e) => log.error(`worker: ${String(e)}`));
      stops.push(async () => {
        await Promise.all(workers.map((w) => w.close()));
      });
      if (config.heartbeatFile) {
        const stopBeating = startHeartbeat({
          file: config.heartbeatFile,
          healthy: async () => workers.every((w) => w.isRunning()) && (await queues.ping()) && (await pingDatabase(db)),
        });
        stops.push(stopBeating);
      }
    }

    if (has('scheduler')) {
      // Upserting is idempotent: several scheduler processes, or restarts, keep one schedule.
      await maintenanceQueue.upsertJobScheduler('sweep', { every: options.sweepEveryMs ?? 30_000 }, { name: 'sweep' });
      await registerTaskScheduler(queues.queue(TASK_REMINDER_QUEUE));
      await maintenanceQueue.upsertJobScheduler(RETENTION_JOB, { pattern: '15 3 * * *', tz: 'Asia/Ho_Chi_Minh' }, { name: RETENTION_JOB });
      await maintenanceQueue.upsertJobScheduler(PHONE_SUMMARY_JOB, { pattern: '0 8 1 * *', tz: 'Asia/Ho_Chi_Minh' }, { name: PHONE_SUMMARY_JOB });
      await maintenanceQueue.upsertJobScheduler(PHONE_RULES_JOB, { pattern: '30 7 * * *', tz: 'Asia/Ho_Chi_Minh' }, { name: PHONE_RULES_JOB });
      await maintenanceQueue.upsertJobScheduler(
        CASE_DEADLINES_JOB,
        { pattern: '0 8 * * *', tz: 'Asia/Ho_Chi_Minh' },
        { name: CASE_DEADLINES_JOB },
      );
    }

    log.info(`Trợ lý phường is up (role: ${role}).`);
    if (url) log.info(`  web:      ${url}  (web chat: ${url}/chat)`);
    log.info(`  storage:  ${storage}; photos on ${media.description}`);
    log.info(`  queue:    BullMQ on ${queues.kind === 'redis' ? `Redis at ${redactUrl(config.redisUrl!)}` : 'PostgreSQL (set REDIS_URL for Redis)'}`);
    log.info(`  channels: web chat on; ${channelLine(config)}`);

    return { url, db, queues, databaseUrl, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function channelLine(config: Readonly<Config>): string {
  const telegram = config.telegram
    ? `Telegram on (${config.publicUrl ? 'webhook' : 'long polling'})`
    : `Telegram off (set ${CHANNEL_SWITCHES.telegram})`;
  const zalo = config.zalo ? 'Zalo OA on' : `Zalo OA off (set ${CHANNEL_SWITCHES.zalo})`;
  return `${telegram}; ${zalo}`;
}

async function pingDatabase(db: Db): Promise<boolean> {
  return sql`select 1`
    .execute(db)
    .then(() => true)
    .catch(() => false);
}

/** Never print a password. */
function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
