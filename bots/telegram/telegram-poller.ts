/**
 * Long polling for a ward server behind NAT (no `PUBLIC_URL`): the same ingest path as the webhook, fed by
 * `getUpdates`. Only one process may poll a bot; run it in the `web` role.
 */
import { GrammyError, type Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Ingest } from '../../src/http/ingest.js';
import type { Logger } from '../../src/runtime/logger.js';
import { telegramUpdateToInbound } from './to-inbound.js';

export function startTelegramPoller(api: Api, ingest: Ingest, log: Logger): { stop(): Promise<void> } {
  const abort = new AbortController();
  let offset = 0;
  const loop = (async () => {
    await api.deleteWebhook(undefined, abort.signal as never).catch(() => {});
    while (!abort.signal.aborted) {
      let updates: Update[];
      try {
        updates = await api.getUpdates({ offset, timeout: 25, allowed_updates: ['message', 'callback_query'] }, abort.signal as never);
      } catch (error) {
        if (abort.signal.aborted) break;
        const wait = error instanceof GrammyError && error.parameters.retry_after ? error.parameters.retry_after * 1000 : 3000;
        log.warn(`telegram polling failed (${error instanceof GrammyError ? error.error_code : 'network'}); retrying`);
        await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      for (const update of updates) {
        const inbound = telegramUpdateToInbound(update);
        // Stored before the offset moves on: an update is confirmed only once it is durable.
        if (inbound) await ingest(inbound);
        if (update.callback_query) api.answerCallbackQuery(update.callback_query.id).catch(() => {});
        offset = update.update_id + 1;
      }
    }
  })();
  return {
    async stop() {
      abort.abort();
      await loop.catch(() => {});
    },
  };
}
