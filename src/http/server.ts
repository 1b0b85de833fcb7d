/**
 * The HTTP server: webhooks, web chat, health. Built without listening so tests can `inject()` or listen on
 * port 0 as they need.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.js';
import type { QueueKit } from '../../jobs/queue-kit.js';
import type { Config } from '../config.js';
import { HttpRequestError } from './errors.js';
import type { Ingest } from './ingest.js';
import type { MediaStore } from '../media/media-store.js';
import { registerMediaRoutes } from './media-routes.js';
import { registerFileRoutes } from './file-routes.js';
import type { ExportFiles } from '../files/export-files.js';
import { registerTelegramWebhook } from './telegram-webhook.js';
import { registerWebChat } from './web-chat.js';
import { registerZaloWebhook } from './zalo-webhook.js';

export interface ServerDeps {
  config: Readonly<Config>;
  db: Db;
  queues: QueueKit;
  ingest: Ingest;
  media: MediaStore;
  mediaSecret: string;
  files?: ExportFiles;
}

/** Largest request body: webhooks are small; web chat photos come later through their own route. */
const BODY_LIMIT = 1024 * 1024;

export function buildServer(deps: ServerDeps): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT });

  // Zalo signs the exact bytes: keep them next to the parsed body.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    (request as { rawBody?: Buffer }).rawBody = body as Buffer;
    if ((body as Buffer).length === 0) return done(null, {});
    try {
      done(null, JSON.parse((body as Buffer).toString('utf8')));
    } catch {
      done(new HttpRequestError(400, 'ERR_JSON', 'body is not valid JSON'), undefined);
    }
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof HttpRequestError) {
      return reply.code(error.statusCode).send({ error: error.code, message: error.message, field: error.field });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.code(status).send({ error: (error as { code?: string }).code ?? 'ERR_REQUEST', message: (error as Error).message });
    }
    console.error(`[http] ${String((error as Error).stack ?? error)}`);
    return reply.code(500).send({ error: 'ERR_INTERNAL', message: 'internal error' });
  });

  app.get('/healthz', async (_request, reply) => {
    const database = await deps.db
      .selectNoFrom((eb) => eb.val(1).as('one'))
      .execute()
      .then(() => 'ok' as const)
      .catch(() => 'down' as const);
    const queue = (await deps.queues.ping()) ? ('ok' as const) : ('down' as const);
    const ok = database === 'ok' && queue === 'ok';
    return reply.code(ok ? 200 : 503).send({
      status: ok ? 'ok' : 'degraded',
      database,
      queue: { backend: deps.queues.kind, status: queue },
    });
  });

  app.get('/', async (_request, reply) => reply.redirect('/chat'));

  // Without a secret nothing could tell Telegram from a forger: no webhook route then (polling mode).
  if (deps.config.telegram?.webhookSecret) {
    registerTelegramWebhook(app, { secret: deps.config.telegram.webhookSecret, ingest: deps.ingest });
  }
  if (deps.config.zalo) {
    registerZaloWebhook(app, { oaSecretKey: deps.config.zalo.oaSecretKey, appId: deps.config.zalo.appId, ingest: deps.ingest });
  }
  registerMediaRoutes(app, { store: deps.media, secret: deps.mediaSecret });
  if (deps.files) registerFileRoutes(app, { files: deps.files, secret: deps.mediaSecret });
  registerWebChat(app, { db: deps.db, ingest: deps.ingest, mediaSecret: deps.mediaSecret });
  return app;
}
