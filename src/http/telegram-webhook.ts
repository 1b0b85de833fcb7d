/** `POST /webhooks/telegram`: check the secret token, store the update, answer at once. */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Update } from 'grammy/types';
import { telegramUpdateToInbound } from '../../bots/telegram/to-inbound.js';
import type { Ingest } from './ingest.js';
import { badRequest, unauthorized } from './errors.js';

export function registerTelegramWebhook(app: FastifyInstance, options: { secret: string; ingest: Ingest }) {
  app.post('/webhooks/telegram', async (request, reply) => {
    if (!sameSecret(request.headers['x-telegram-bot-api-secret-token'], options.secret)) {
      throw unauthorized('ERR_TELEGRAM_SECRET', 'secret token missing or wrong');
    }
    const update = request.body as Update | undefined;
    if (!update || typeof update !== 'object' || typeof update.update_id !== 'number') {
      throw badRequest('ERR_TELEGRAM_UPDATE', 'not a Telegram update', 'update_id');
    }
    const inbound = telegramUpdateToInbound(update);
    if (inbound) await options.ingest(inbound);
    // A tap on a button must be answered promptly or the client spins: answer it in the webhook response.
    if (update.callback_query) {
      return reply.send({ method: 'answerCallbackQuery', callback_query_id: update.callback_query.id });
    }
    return reply.send({ ok: true });
  });
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
