/**
 * `POST /webhooks/zalo`: verify `X-ZEvent-Signature` over the exact bytes received, store the event, answer
 * at once. Forged or unsigned events get 401 and nothing is stored; the console's unsigned `{}` probe gets 200.
 */
import type { FastifyInstance } from 'fastify';
import { verifyZaloSignature } from '../../bots/zalo/signature.js';
import { isZaloWebhookEvent, zaloEventToInbound } from '../../bots/zalo/to-inbound.js';
import type { Ingest } from './ingest.js';
import { badRequest, unauthorized } from './errors.js';

export function registerZaloWebhook(app: FastifyInstance, options: { oaSecretKey: string; appId: string; ingest: Ingest }) {
  app.post('/webhooks/zalo', async (request, reply) => {
    const raw = (request as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
    const body = request.body as Record<string, unknown> | undefined;
    const signature = request.headers['x-zevent-signature'];
    if (!signature && body && typeof body === 'object' && Object.keys(body).length === 0) {
      return reply.send({ ok: true });
    }
    if (!verifyZaloSignature(typeof signature === 'string' ? signature : undefined, raw, options.oaSecretKey, options.appId)) {
      throw unauthorized('ERR_ZALO_SIGNATURE', 'X-ZEvent-Signature missing or wrong');
    }
    if (!isZaloWebhookEvent(body)) throw badRequest('ERR_ZALO_EVENT', 'not a Zalo OA event', 'event_name');
    const inbound = zaloEventToInbound(body);
    if (inbound) await options.ingest(inbound);
    return reply.send({ ok: true });
  });
}
