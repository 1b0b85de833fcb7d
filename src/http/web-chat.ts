/**
 * The web chat: a page at `/chat` and its JSON API, so anyone can try every conversation without a token and a
 * ward can put it on its website. The page sends with `POST /api/chat/messages` and polls
 * `GET /api/chat/messages?session=…&after=…` for the bot's answers.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Inbound, InboundContent } from '../domain/message-model.js';
import { webChatPage } from './web-chat-page.js';
import { signMediaPath } from '../media/signed-links.js';
import { signedFilePath } from './file-routes.js';
import type { Ingest } from './ingest.js';
import { badRequest } from './errors.js';

const session = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16–64 characters of A-Z a-z 0-9 _ -');

const postBody = z
  .object({
    session,
    /** The page's own id for this message, so a resend after a network blip is not taken twice. */
    clientMessageId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
    text: z.string().max(4000).optional(),
    choice: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional(),
    /** The id `POST /api/chat/photos` returned for an uploaded photo. */
    photo: z.string().regex(/^[0-9a-f]{64}$/, 'must be the id returned by POST /api/chat/photos').optional(),
    caption: z.string().max(1000).optional(),
    location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
  })
  .refine((b) => [b.text, b.choice, b.location, b.photo].filter((x) => x !== undefined).length === 1, {
    message: 'send exactly one of text, choice, location, photo',
    path: ['text'],
  });

export function registerWebChat(app: FastifyInstance, options: { db: Db; ingest: Ingest; mediaSecret: string }) {
  app.get('/chat', async (_request, reply) => reply.type('text/html; charset=utf-8').send(webChatPage));

  app.post('/api/chat/messages', async (request, reply) => {
    const parsed = postBody.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badRequest('ERR_WEB_CHAT_MESSAGE', issue.message, issue.path.join('.') || undefined);
    }
    const body = parsed.data;
    const content: InboundContent =
      body.text !== undefined
        ? { kind: 'text', text: body.text }
        : body.choice !== undefined
          ? { kind: 'choice', value: body.choice }
          : body.photo !== undefined
            ? { kind: 'photo', ref: body.photo, caption: body.caption }
            : { kind: 'location', latitude: body.location!.latitude, longitude: body.location!.longitude };
    const inbound: Inbound = {
      channel: 'web',
      userId: body.session,
      messageId: `${body.session}-${body.clientMessageId ?? randomUUID()}`,
      sentAt: new Date().toISOString(),
      content,
    };
    const { duplicate } = await options.ingest(inbound);
    return reply.code(202).send({ accepted: true, duplicate });
  });

  app.get('/api/chat/messages', async (request) => {
    const query = z
      .object({ session, after: z.coerce.number().int().min(0).default(0) })
      .safeParse(request.query);
    if (!query.success) {
      const issue = query.error.issues[0];
      throw badRequest('ERR_WEB_CHAT_QUERY', issue.message, issue.path.join('.'));
    }
    const rows = await options.db
      .selectFrom('outbox')
      .select(['id', 'message', 'sent_at'])
      .where('channel', '=', 'web')
      .where('external_user_id', '=', query.data.session)
      .where('status', '=', 'sent')
      .where('id', '>', String(query.data.after))
      .orderBy('id')
      .limit(50)
      .execute();
    // Our photos become signed links the page can show; a link lives a week.
    const expires = new Date(Date.now() + 7 * 24 * 3_600_000);
    const link = (ref: string) => (ref.startsWith('media:') ? signMediaPath(ref.slice(6), expires, options.mediaSecret) : ref);
    const fileLink = (doc: { ref: string; filename: string }) => {
      const sha = doc.ref.slice('file:'.length);
      return { filename: doc.filename, url: signedFilePath(sha, doc.filename, signMediaPath(sha, expires, options.mediaSecret)) };
    };
    return {
      messages: rows.map((r) => ({
        id: Number(r.id),
        ...r.message,
        photos: r.message.photos?.map(link),
        document: r.message.document ? fileLink(r.message.document) : undefined,
        sentAt: r.sent_at,
      })),
    };
  });
}
