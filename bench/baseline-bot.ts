/**
 * The baseline: the bot a developer writes without a queue. grammY behind `webhookCallback(bot, 'http')`, one
 * handler that replies inside the webhook request, so Telegram's 200 comes only after `sendMessage` returned.
 * No database, no ordering, no retries: the lower bound on latency, and everything the product promises missing.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bot, webhookCallback } from 'grammy';
import { reportStartFailure, serveParent } from './child-protocol.js';

try {
  const token = process.env.BASELINE_TOKEN!;
  const bot = new Bot(token, { client: { apiRoot: process.env.BASELINE_API_ROOT! } });
  await bot.init(); // getMe once, from the fake: the same as passing `botInfo`.
  bot.on('message', (ctx) => ctx.reply(`Đã nhận: ${ctx.message.text ?? '(không có chữ)'}`));
  bot.catch((error) => console.error(`[baseline] ${String(error.error)}`));
  const server = createServer(webhookCallback(bot, 'http', { secretToken: process.env.BASELINE_SECRET }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  serveParent(`http://127.0.0.1:${port}`, async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });
} catch (error) {
  reportStartFailure(error);
}
