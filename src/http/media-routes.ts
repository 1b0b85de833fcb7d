/**
 * HTTP for photos: staff open a stored photo through a signed, expiring link (`GET /media/:sha256?exp&sig`), and
 * the web chat uploads a photo as the raw request body (`POST /api/chat/photos?session=…` → `{ mediaId }`), then
 * sends a message referencing that id.
 *
 * The upload route has its own body limit (the store's, 10 MB) and its own `image/*` body parser; the rest of
 * the server keeps its 1 MB limit. Every refusal is named (`ERR_MEDIA_*`) and carries a short Vietnamese
 * `message` the page can show as is.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MediaRejectedError, type MediaRejectReason, type MediaStore } from '../media/media-store.js';
import { verifyMediaLink } from '../media/signed-links.js';
import { vi } from '../messages/vi.js';

/** Options for {@link registerMediaRoutes}. */
export interface MediaRoutesOptions {
  store: MediaStore;
  /** The link-signing secret, from `mediaLinkSecret()`. */
  secret: string;
  /** Largest upload in bytes. Default: the store's limit (10 MB). */
  maxBytes?: number;
  /** The clock links are checked against. Default `() => new Date()`. */
  now?: () => Date;
}

/** Same shape as the web chat's session id (`src/http/web-chat.ts`). */
const session = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

const IMAGE_TYPE = /^image\/[a-z0-9.+-]+$/i;

export function registerMediaRoutes(app: FastifyInstance, options: MediaRoutesOptions): void {
  const { store, secret } = options;
  const maxBytes = options.maxBytes ?? store.maxBytes;
  const now = options.now ?? (() => new Date());
  const limitText =
    maxBytes >= 1024 * 1024 ? `${Math.floor(maxBytes / (1024 * 1024))} MB` : `${Math.max(1, Math.floor(maxBytes / 1024))} KB`;

  const refuse = (reply: FastifyReply, status: number, error: string, message: string) =>
    reply.code(status).header('cache-control', 'no-store').send({ error, message });
  const refuseRejected = (reply: FastifyReply, reason: MediaRejectReason) =>
    reason === 'too_large'
      ? refuse(reply, 413, 'ERR_MEDIA_TOO_LARGE', vi.media.tooLarge(limitText))
      : reason === 'empty'
        ? refuse(reply, 400, 'ERR_MEDIA_EMPTY', vi.media.empty)
        : refuse(reply, 415, 'ERR_MEDIA_TYPE', vi.media.notAnImage);

  // Raw bytes for any image/* body. Outside the upload route the server's 1 MB limit still applies.
  if (!app.hasContentTypeParser(IMAGE_TYPE)) {
    app.addContentTypeParser(IMAGE_TYPE, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  }

  app.get<{ Params: { sha256: string }; Querystring: { exp?: unknown; sig?: unknown } }>(
    '/media/:sha256',
    async (request, reply) => {
      const { sha256 } = request.params;
      if (!verifyMediaLink(sha256, request.query.exp, request.query.sig, secret, now())) {
        return refuse(reply, 403, 'ERR_MEDIA_LINK', vi.media.badLink);
      }
      const media = await store.get(sha256);
      if (!media) return refuse(reply, 404, 'ERR_MEDIA_NOT_FOUND', vi.media.notFound);
      return reply
        .header('content-type', media.mime)
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        .send(media.buffer);
    },
  );

  app.post<{ Querystring: { session?: unknown } }>(
    '/api/chat/photos',
    {
      bodyLimit: maxBytes,
      // Body-parsing refusals (too large, no parser for the type) get the same named, Vietnamese answers.
      errorHandler: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
        if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) return refuseRejected(reply, 'too_large');
        if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) return refuseRejected(reply, 'not_an_image');
        throw error; // the server's handler answers the rest
      },
    },
    async (request, reply) => {
      if (!session.safeParse(request.query.session).success) {
        return refuse(reply, 400, 'ERR_MEDIA_SESSION', vi.media.badSession);
      }
      const type = (request.headers['content-type'] ?? '').split(';')[0].trim();
      const body = request.body;
      if (!IMAGE_TYPE.test(type) || !Buffer.isBuffer(body)) return refuseRejected(reply, 'not_an_image');
      try {
        const stored = await store.put(body, type);
        return reply.code(200).send({ mediaId: stored.sha256 });
      } catch (error) {
        if (error instanceof MediaRejectedError) return refuseRejected(reply, error.reason);
        throw error;
      }
    },
  );
}
