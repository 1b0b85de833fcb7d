/**
 * Fetches the bytes of a photo a person sent, from wherever its channel keeps it: Telegram (`getFile`, then the
 * file download), Zalo (the image URL in the event — only from Zalo's own hosts), or the web chat (already in
 * the media store, uploaded through `POST /api/chat/photos`).
 *
 * The Zalo URL comes from a webhook payload, so it is treated as hostile: a forged or replayed event must not
 * make the server fetch an arbitrary address (SSRF). Every download stops reading at the size limit, gives up
 * after a timeout, and follows a redirect only to a place the original check would have accepted.
 */
import { Api } from 'grammy';
import type { Inbound } from '../domain/message-model.js';
import { DEFAULT_MAX_MEDIA_BYTES, type MediaStore } from './media-store.js';

/** Zalo's own hosts (and their subdomains) that serve the images users send to an OA. */
export const DEFAULT_ZALO_PHOTO_HOSTS: readonly string[] = ['zdn.vn', 'zadn.vn', 'zalo.me', 'zaloapp.com'];

/** Why a photo could not be fetched. */
export type PhotoFetchReason = 'host_not_allowed' | 'too_large' | 'download_failed' | 'not_an_image';

/**
 * A photo that could not be fetched, with the reason the person's answer depends on. Carries the channel and,
 * for refusals, the host — never the full URL (Telegram's holds the bot token) nor anything about the person.
 */
export class PhotoFetchError extends Error {
  readonly code = 'ERR_PHOTO_FETCH';
  constructor(
    readonly reason: PhotoFetchReason,
    readonly channel: Inbound['channel'],
    detail: string,
    /** The host refused or failing, when there is one. */
    readonly host?: string,
    /** The HTTP status of a failed download, when there is one. */
    readonly status?: number,
  ) {
    super(`photo fetch (${channel}) ${reason}: ${detail}`);
    this.name = 'PhotoFetchError';
  }
}

/** Options for {@link createPhotoFetcher}. */
export interface PhotoFetcherOptions {
  /** Telegram's Bot API (`TELEGRAM_BOT_TOKEN`, `TELEGRAM_API_ROOT`). Unset: Telegram photos fail (`download_failed`). */
  telegram?: { token: string; apiRoot: string };
  /**
   * Hosts a Zalo image URL may point at: the host itself or any subdomain (`host === h || host.endsWith('.' + h)`).
   * Only `https:` on the default port. Default {@link DEFAULT_ZALO_PHOTO_HOSTS}.
   */
  zaloAllowedHosts?: readonly string[];
  /** Largest photo in bytes; reading stops just past it. Default 10 MB. */
  maxBytes?: number;
  /** Time for the whole fetch (API call, headers, body). Default 15,000 ms. */
  timeoutMs?: number;
  /** Also accept `http://127.0.0.1:<port>` Zalo URLs, for tests with a local server. Never set in production. Default false. */
  allowLoopbackForTests?: boolean;
  /** Where web chat uploads are (web refs are media ids). Unset: web photos fail (`download_failed`). */
  media?: Pick<MediaStore, 'get'>;
}

export interface PhotoFetcher {
  /**
   * The bytes of the photo in `inbound` (which must be a `photo`).
   * @throws {PhotoFetchError} refused host, too large, not an image, or the download failed.
   */
  fetchPhoto(inbound: Inbound): Promise<Buffer>;
}

/** Redirects followed at most, each checked like the first URL. */
const MAX_REDIRECTS = 3;

export function createPhotoFetcher(options: PhotoFetcherOptions): PhotoFetcher {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_MEDIA_BYTES;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const zaloHosts = (options.zaloAllowedHosts ?? DEFAULT_ZALO_PHOTO_HOSTS).map((h) => h.toLowerCase().replace(/^\.+/, ''));
  const telegram = options.telegram;
  const telegramApi = telegram
    ? new Api(telegram.token, { apiRoot: telegram.apiRoot, timeoutSeconds: Math.ceil(timeoutMs / 1000) })
    : undefined;

  const zaloUrlAllowed = (url: URL): boolean => {
    const host = url.hostname.toLowerCase();
    if (url.username || url.password) return false;
    if (options.allowLoopbackForTests && url.protocol === 'http:' && host === '127.0.0.1') return true;
    if (url.protocol !== 'https:' || url.port !== '') return false;
    return zaloHosts.some((h) => host === h || host.endsWith(`.${h}`));
  };

  const fromTelegram = async (fileId: string, signal: AbortSignal): Promise<Buffer> => {
    if (!telegram || !telegramApi) throw new PhotoFetchError('download_failed', 'telegram', 'Telegram is not configured');
    let file: Awaited<ReturnType<Api['getFile']>>;
    try {
      // grammY types its signal with the abort-controller polyfill's class; Node's is the same at run time.
      file = await telegramApi.getFile(fileId, signal as unknown as Parameters<Api['getFile']>[1]);
    } catch (error) {
      const status = (error as { error_code?: unknown }).error_code;
      throw new PhotoFetchError(
        'download_failed',
        'telegram',
        `getFile failed${typeof status === 'number' ? ` (${status})` : ''}`,
        undefined,
        typeof status === 'number' ? status : undefined,
      );
    }
    if (file.file_size !== undefined && file.file_size > maxBytes) {
      throw new PhotoFetchError('too_large', 'telegram', `getFile says ${file.file_size} bytes, over ${maxBytes}`);
    }
    if (!file.file_path) throw new PhotoFetchError('download_failed', 'telegram', 'getFile gave no file_path');
    const root = new URL(telegram.apiRoot);
    const url = new URL(`${telegram.apiRoot.replace(/\/+$/, '')}/file/bot${telegram.token}/${file.file_path}`);
    return download(url, 'telegram', (next) => next.origin === root.origin, maxBytes, signal);
  };

  const fromZalo = async (ref: string, signal: AbortSignal): Promise<Buffer> => {
    let url: URL;
    try {
      url = new URL(ref);
    } catch {
      throw new PhotoFetchError('host_not_allowed', 'zalo', 'the image reference is not a URL');
    }
    if (!zaloUrlAllowed(url)) {
      throw new PhotoFetchError('host_not_allowed', 'zalo', 'not one of Zalo’s image hosts', url.hostname);
    }
    return download(url, 'zalo', zaloUrlAllowed, maxBytes, signal);
  };

  const fromWeb = async (ref: string): Promise<Buffer> => {
    const stored = options.media ? await options.media.get(ref) : null;
    if (!stored) throw new PhotoFetchError('download_failed', 'web', 'no stored upload with this media id');
    if (stored.buffer.length > maxBytes) {
      throw new PhotoFetchError('too_large', 'web', `${stored.buffer.length} bytes, over ${maxBytes}`);
    }
    return stored.buffer;
  };

  return {
    async fetchPhoto(inbound) {
      if (inbound.content.kind !== 'photo') {
        throw new TypeError(`fetchPhoto takes a photo message, not ${inbound.content.kind}`);
      }
      const ref = inbound.content.ref;
      const signal = AbortSignal.timeout(timeoutMs);
      switch (inbound.channel) {
        case 'telegram':
          return fromTelegram(ref, signal);
        case 'zalo':
          return fromZalo(ref, signal);
        case 'web':
          return fromWeb(ref);
      }
    },
  };
}

/**
 * GET `url` into a buffer of at most `maxBytes`, following redirects by hand so each target is checked with
 * `allowed` first (a redirect elsewhere is `host_not_allowed`). Refuses early on a `Content-Length` over the
 * limit or a declared non-image type, and cancels the body as soon as the count passes the limit.
 */
async function download(
  first: URL,
  channel: Inbound['channel'],
  allowed: (url: URL) => boolean,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Buffer> {
  let url = first;
  for (let hop = 0; ; hop += 1) {
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'image/*' } });
    } catch (error) {
      throw new PhotoFetchError('download_failed', channel, failureText(error, signal), url.hostname);
    }
    if ([301, 302, 303, 307, 308].includes(response.status)) {
      await response.body?.cancel().catch(() => {});
      const location = response.headers.get('location');
      if (!location || hop >= MAX_REDIRECTS) {
        throw new PhotoFetchError('download_failed', channel, 'too many or empty redirects', url.hostname, response.status);
      }
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new PhotoFetchError('download_failed', channel, 'redirect to an invalid URL', url.hostname, response.status);
      }
      if (!allowed(next)) throw new PhotoFetchError('host_not_allowed', channel, 'redirect to another host', next.hostname);
      url = next;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new PhotoFetchError('download_failed', channel, `HTTP ${response.status}`, url.hostname, response.status);
    }
    const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (type && !type.startsWith('image/') && type !== 'application/octet-stream' && type !== 'binary/octet-stream') {
      await response.body?.cancel().catch(() => {});
      throw new PhotoFetchError('not_an_image', channel, `served as ${type}`, url.hostname);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => {});
      throw new PhotoFetchError('too_large', channel, `Content-Length ${declared} is over ${maxBytes}`, url.hostname);
    }
    return readLimited(response, channel, maxBytes, signal, url.hostname);
  }
}

async function readLimited(
  response: Response,
  channel: Inbound['channel'],
  maxBytes: number,
  signal: AbortSignal,
  host: string,
): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new PhotoFetchError('too_large', channel, `over ${maxBytes} bytes while downloading`, host);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof PhotoFetchError) throw error;
    throw new PhotoFetchError('download_failed', channel, failureText(error, signal), host);
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, total);
}

function failureText(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return 'timed out';
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof cause === 'string' ? cause : 'network error';
}
