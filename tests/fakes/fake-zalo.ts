/**
 * A fake Zalo OA platform for tests and local trials: a real HTTP server on 127.0.0.1 (port 0) serving the OA
 * API (v3 messages, v2 upload, user detail) and the OAuth v4 refresh, following shared/reference/zalo-oa.md —
 * errors with HTTP 200, single-use refresh tokens, `expires_in` as a string. It records every request, and
 * answers errors on demand (`failNext`). It deliberately shares no code with `bots/zalo/` (signatures and error
 * texts are computed here independently), so a bug there cannot hide itself here.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSentWaiter } from './sent-waiter.js';
import { multipartBoundary, parseMultipart, readRaw, type MultipartPart } from './http-body.js';

export interface FakeZaloOptions {
  /** Default `1027394857261038475`. */
  appId?: string;
  /** The App Secret expected in the OAuth `secret_key` header. Default `fake-app-secret`. */
  appSecret?: string;
  /** The access token accepted at start. Default `fake-access-0`. */
  accessToken?: string;
  /** The refresh token accepted at start. Default `fake-refresh-0`. */
  refreshToken?: string;
  /** `expires_in` returned by the OAuth refresh. Default `"90000"`. */
  expiresIn?: string;
  /** Largest image upload accepted, in bytes. Default 1 MB (the practical jpg/png limit seen). */
  maxImageBytes?: number;
}

/** One HTTP request the fake received, as parsed. */
export interface RecordedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, form fields (`Record<string,string>`), multipart parts, or `undefined`. */
  body: unknown;
  rawBody: Buffer;
}

/** One message the fake accepted on `/v3.0/oa/message/*`. */
export interface FakeZaloSentMessage {
  endpoint: 'cs' | 'transaction' | 'promotion';
  userId: string;
  text?: string;
  /** `message.attachment` exactly as received. */
  attachment?: unknown;
  /** The `message_id` the fake answered with. */
  messageId: string;
  /** The access token the request was made with. */
  accessToken: string;
}

/** One image the fake accepted on `/v2.0/oa/upload/image`. */
export interface FakeZaloUpload {
  attachmentId: string;
  filename: string;
  mime: string;
  bytes: Buffer;
}

export interface FakeZalo {
  /** Base URL to pass as the client's `apiBase`. */
  readonly apiBase: string;
  /** Base URL to pass as the client's `oauthBase` (the same server; the paths differ). */
  readonly oauthBase: string;
  readonly appId: string;
  readonly appSecret: string;
  /** Every request, in arrival order. */
  readonly received: RecordedRequest[];
  /** Every message accepted, in order. */
  readonly sent: FakeZaloSentMessage[];
  /** Every image uploaded, by attachment id. Delete one to make Zalo treat it as expired (-100). */
  readonly uploads: Map<string, FakeZaloUpload>;
  /** Profiles served by `/v3.0/oa/user/detail`; unknown users get a generated follower profile. */
  readonly users: Map<string, Record<string, unknown>>;
  /** The access token currently accepted. */
  readonly accessToken: string;
  /** The refresh token currently accepted (single-use). */
  readonly refreshToken: string;
  /** How many refreshes succeeded. */
  readonly refreshCount: number;
  /**
   * The next `times` OA API calls (messages, upload, user detail — not OAuth) answer `{ error: code }` with
   * HTTP 200, as Zalo does.
   */
  failNext(code: number, times?: number, message?: string): void;
  /** The next `times` OA API calls answer a bare HTTP `status` (e.g. 502) with an HTML body: a transport failure. */
  failNextHttp(status: number, times?: number): void;
  /** Accept only `token` from now on (e.g. to simulate expiry: the client's token becomes invalid). */
  setAccessToken(token: string): void;
  setRefreshToken(token: string): void;
  /** Resolves with the sent messages once at least `n` were accepted; rejects after `timeoutMs` (default 2,000). */
  waitForSent(n: number, timeoutMs?: number): Promise<FakeZaloSentMessage[]>;
  close(): Promise<void>;
}

/** Meanings the fake answers with; the same texts Zalo uses where known. */
const FAKE_ERROR_MESSAGES: Record<number, string> = {
  [-32]: 'Exceed rate limit',
  [-100]: 'attachment_id was expired',
  [-201]: 'Parameters are invalid',
  [-210]: 'Parameter exceeds limit',
  [-213]: 'User has not followed OA',
  [-216]: 'Access token is invalid',
  [-220]: 'Access token has expired',
  [-227]: 'User is banned or inactive',
  [-230]: 'User has not interacted with the OA in the past 7 days',
  [-232]: 'User has not interacted with the OA in the past 7 days',
  [-234]: 'OA is not allowed to send messages from 22:00 to 06:00',
  [-240]: 'The v2 API to send messages has been shut down, please use v3',
  [-244]: 'User has restricted this message type',
};

/**
 * OAuth error codes of the fake. Zalo's OAuth errors are `-14xxx`; which number means what is UNCONFIRMED, so
 * tests should assert on the error class, not on these numbers.
 */
const OAUTH_ERRORS = {
  invalidSecret: { error: -14002, error_name: 'Invalid app secret', error_description: 'secret_key is invalid' },
  invalidApp: { error: -14001, error_name: 'Invalid app id', error_description: 'app_id is invalid' },
  invalidGrant: { error: -14003, error_name: 'Invalid parameter', error_description: 'grant_type is not supported' },
  invalidRefresh: {
    error: -14014,
    error_name: 'Invalid refresh token',
    error_description: 'refresh_token is invalid or has been used',
  },
} as const;

const MAX_TEXT_LENGTH = 2000;

/** Starts the fake on 127.0.0.1 with a free port. Close it in `afterEach`/`afterAll`. */
export async function startFakeZalo(opts: FakeZaloOptions = {}): Promise<FakeZalo> {
  const appId = opts.appId ?? FAKE_ZALO_APP_ID;
  const appSecret = opts.appSecret ?? 'fake-app-secret';
  const maxImageBytes = opts.maxImageBytes ?? 1024 * 1024;
  const expiresIn = opts.expiresIn ?? '90000';

  let accessToken = opts.accessToken ?? 'fake-access-0';
  let refreshToken = opts.refreshToken ?? 'fake-refresh-0';
  let refreshCount = 0;
  let messageCounter = 0;
  let uploadCounter = 0;
  const usedRefreshTokens = new Set<string>();
  const failures: Array<{ kind: 'zalo'; code: number; message: string } | { kind: 'http'; status: number }> = [];
  const received: RecordedRequest[] = [];
  const sent: FakeZaloSentMessage[] = [];
  const uploads = new Map<string, FakeZaloUpload>();
  const users = new Map<string, Record<string, unknown>>();

  const sentWaiter = createSentWaiter(sent, 'Zalo');
  const notify = sentWaiter.notify;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawBody = await readRaw(req);
    const body = parseBody(req.headers, rawBody);
    received.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      rawBody,
    });
    const path = url.pathname;

    if (path === '/v4/oa/access_token' && req.method === 'POST') {
      const form = (body ?? {}) as Record<string, string>;
      if (req.headers['secret_key'] !== appSecret) return json(res, 200, OAUTH_ERRORS.invalidSecret);
      if (form.app_id !== appId) return json(res, 200, OAUTH_ERRORS.invalidApp);
      if (form.grant_type !== 'refresh_token') return json(res, 200, OAUTH_ERRORS.invalidGrant);
      if (form.refresh_token !== refreshToken || usedRefreshTokens.has(form.refresh_token)) {
        return json(res, 200, OAUTH_ERRORS.invalidRefresh);
      }
      // Single-use: the presented refresh token dies, and the old access token with it (stricter than Zalo,
      // which may keep it alive until expiry — it catches clients that keep using a stale token).
      usedRefreshTokens.add(refreshToken);
      refreshCount += 1;
      accessToken = `fake-access-${refreshCount}-${randomBytes(4).toString('hex')}`;
      refreshToken = `fake-refresh-${refreshCount}-${randomBytes(4).toString('hex')}`;
      return json(res, 200, { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn });
    }

    const isMessage = /^\/v3\.0\/oa\/message\/(cs|transaction|promotion)$/.exec(path);
    const isKnownApi =
      (isMessage && req.method === 'POST') ||
      (path === '/v2.0/oa/upload/image' && req.method === 'POST') ||
      (path === '/v3.0/oa/user/detail' && req.method === 'GET');
    if (path === '/v2.0/oa/message' && req.method === 'POST') {
      return zaloError(res, -240);
    }
    if (!isKnownApi) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }

    const failure = failures.shift();
    if (failure?.kind === 'http') {
      res.writeHead(failure.status, { 'content-type': 'text/html' }).end(`<html><body>${failure.status}</body></html>`);
      return;
    }
    if (failure?.kind === 'zalo') return json(res, 200, { error: failure.code, message: failure.message });

    const token = req.headers['access_token'];
    if (typeof token !== 'string' || token !== accessToken) return zaloError(res, -216);

    if (isMessage) {
      const payload = body as { recipient?: { user_id?: unknown }; message?: Record<string, unknown> } | undefined;
      const userId = payload?.recipient?.user_id;
      const message = payload?.message;
      if (typeof userId !== 'string' || userId.length === 0 || typeof message !== 'object' || message === null) {
        return zaloError(res, -201);
      }
      const text = message.text;
      if (text !== undefined && typeof text !== 'string') return zaloError(res, -201);
      if (typeof text === 'string' && Array.from(text).length > MAX_TEXT_LENGTH) return zaloError(res, -210);
      const attachment = message.attachment;
      if (text === undefined && attachment === undefined) return zaloError(res, -201);
      const attachmentIds = collectAttachmentIds(attachment);
      if (attachmentIds.some((id) => !uploads.has(id))) return zaloError(res, -100);

      messageCounter += 1;
      const messageId = `${randomBytes(10).toString('hex')}`;
      sent.push({
        endpoint: isMessage[1] as FakeZaloSentMessage['endpoint'],
        userId,
        ...(typeof text === 'string' ? { text } : {}),
        ...(attachment !== undefined ? { attachment } : {}),
        messageId,
        accessToken: token,
      });
      notify();
      return json(res, 200, {
        error: 0,
        message: 'Success',
        data: {
          message_id: messageId,
          user_id: userId,
          sent_time: String(Date.now()),
          quota: { quota_type: 'reply_quota', remain: String(Math.max(0, 8 - messageCounter)), total: '8' },
        },
      });
    }

    if (path === '/v2.0/oa/upload/image') {
      const parts = Array.isArray(body) ? (body as MultipartPart[]) : [];
      const file = parts.find((part) => part.name === 'file' && part.filename !== undefined);
      if (!file) return zaloError(res, -201);
      if (file.data.length > maxImageBytes) return zaloError(res, -210, 'File size exceeds limit');
      uploadCounter += 1;
      const attachmentId = `fakeAttach${uploadCounter}${randomBytes(8).toString('hex')}`;
      uploads.set(attachmentId, {
        attachmentId,
        filename: file.filename ?? '',
        mime: file.contentType ?? 'application/octet-stream',
        bytes: file.data,
      });
      return json(res, 200, { error: 0, message: 'Success', data: { attachment_id: attachmentId } });
    }

    // GET /v3.0/oa/user/detail?data={"user_id":"…"}
    let userId: unknown;
    try {
      userId = (JSON.parse(url.searchParams.get('data') ?? '') as { user_id?: unknown }).user_id;
    } catch {
      return zaloError(res, -201);
    }
    if (typeof userId !== 'string' || userId.length === 0) return zaloError(res, -201);
    const profile = users.get(userId) ?? {
      display_name: `Người dùng ${userId.slice(-4)}`,
      avatar: `https://s120-ava-talk.zadn.vn/fake/${userId}.jpg`,
      user_is_follower: true,
      user_last_interaction_date: new Date().toLocaleDateString('en-GB'),
    };
    return json(res, 200, {
      error: 0,
      message: 'Success',
      data: { user_id: userId, user_id_by_app: `9${userId.slice(1)}`, ...profile },
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    apiBase: base,
    oauthBase: base,
    appId,
    appSecret,
    received,
    sent,
    uploads,
    users,
    get accessToken() {
      return accessToken;
    },
    get refreshToken() {
      return refreshToken;
    },
    get refreshCount() {
      return refreshCount;
    },
    failNext(code, times = 1, message) {
      for (let i = 0; i < times; i += 1) {
        failures.push({ kind: 'zalo', code, message: message ?? FAKE_ERROR_MESSAGES[code] ?? 'Unknown error' });
      }
    },
    failNextHttp(status, times = 1) {
      for (let i = 0; i < times; i += 1) failures.push({ kind: 'http', status });
    },
    setAccessToken(token) {
      accessToken = token;
    },
    setRefreshToken(token) {
      refreshToken = token;
    },
    waitForSent: sentWaiter.waitForSent,
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

// ---- Webhook events: builders and signing ----

/** Ids the builders use unless told otherwise: 19-digit numeric strings, like Zalo's. */
export const FAKE_ZALO_APP_ID = '1027394857261038475';
export const FAKE_ZALO_OA_ID = '1423987654321098765';

export interface ZaloEventBuilderOptions {
  appId?: string;
  oaId?: string;
  /** Epoch ms; default now. Sent as a string, as Zalo does. */
  timestamp?: number | string;
}

/** A fake `msg_id`: 20 hex characters, like the captured ones. */
export function fakeZaloMsgId(): string {
  return randomBytes(10).toString('hex');
}

function userEventBase(userId: string, eventName: string, opts: ZaloEventBuilderOptions) {
  return {
    app_id: opts.appId ?? FAKE_ZALO_APP_ID,
    user_id_by_app: `9${userId.slice(1)}`,
    event_name: eventName,
    timestamp: String(opts.timestamp ?? Date.now()),
    sender: { id: userId },
    recipient: { id: opts.oaId ?? FAKE_ZALO_OA_ID },
  };
}

/** A `user_send_text` event, as Zalo POSTs it. */
export function zaloTextEvent(userId: string, text: string, msgId?: string, opts: ZaloEventBuilderOptions = {}) {
  return { ...userEventBase(userId, 'user_send_text', opts), message: { msg_id: msgId ?? fakeZaloMsgId(), text } };
}

/** A `user_send_image` event with one image (`text` is the caption, absent when not given). */
export function zaloImageEvent(
  userId: string,
  url: string,
  opts: ZaloEventBuilderOptions & { caption?: string; msgId?: string; thumbnail?: string } = {},
) {
  return {
    ...userEventBase(userId, 'user_send_image', opts),
    message: {
      msg_id: opts.msgId ?? fakeZaloMsgId(),
      ...(opts.caption !== undefined ? { text: opts.caption } : {}),
      attachments: [{ type: 'image', payload: { url, thumbnail: opts.thumbnail ?? url } }],
    },
  };
}

/** A `user_send_location` event; coordinates become strings, as in the captured payload. */
export function zaloLocationEvent(
  userId: string,
  latitude: number | string,
  longitude: number | string,
  opts: ZaloEventBuilderOptions & { placeName?: string; msgId?: string } = {},
) {
  return {
    ...userEventBase(userId, 'user_send_location', opts),
    message: {
      attachments: [
        { payload: { coordinates: { latitude: String(latitude), longitude: String(longitude) } }, type: 'location' },
      ],
      ...(opts.placeName !== undefined ? { text: opts.placeName } : {}),
      msg_id: opts.msgId ?? fakeZaloMsgId(),
    },
  };
}

/** A `follow` event: no sender/recipient, the user is `follower.id`. */
export function zaloFollowEvent(userId: string, opts: ZaloEventBuilderOptions & { source?: string } = {}) {
  return {
    oa_id: opts.oaId ?? FAKE_ZALO_OA_ID,
    follower: { id: userId },
    user_id_by_app: `9${userId.slice(1)}`,
    event_name: 'follow',
    source: opts.source ?? 'oa_profile',
    app_id: opts.appId ?? FAKE_ZALO_APP_ID,
    timestamp: String(opts.timestamp ?? Date.now()),
  };
}

/**
 * Serialises `event` and signs it the way Zalo does: `X-ZEvent-Signature: mac=<sha256(app_id + body + timestamp +
 * oaSecretKey)>`, with `app_id`/`timestamp` from the event (`appId` when the event has none). POST `body`
 * verbatim — re-serialising it would break the signature.
 */
export function signZaloEvent(
  event: object,
  keys: { appId?: string; oaSecretKey: string },
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(event);
  const fields = event as { app_id?: unknown; timestamp?: unknown };
  const appId = typeof fields.app_id === 'string' ? fields.app_id : (keys.appId ?? FAKE_ZALO_APP_ID);
  const timestamp = typeof fields.timestamp === 'string' ? fields.timestamp : '';
  const mac = createHash('sha256')
    .update(appId + body + timestamp + keys.oaSecretKey, 'utf8')
    .digest('hex');
  return { body, headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${mac}` } };
}

// ---- HTTP plumbing ----



function parseBody(headers: IncomingHttpHeaders, raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const type = headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch {
      return undefined;
    }
  }
  if (type.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  }
  const boundary = multipartBoundary(type);
  if (boundary) return parseMultipart(raw, boundary);
  return undefined;
}


function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function zaloError(res: ServerResponse, code: number, message?: string): void {
  json(res, 200, { error: code, message: message ?? FAKE_ERROR_MESSAGES[code] ?? 'Unknown error' });
}

/** `attachment_id`s referenced by a media template, to check they were uploaded and have not expired. */
function collectAttachmentIds(attachment: unknown): string[] {
  const elements = (attachment as { payload?: { elements?: unknown } } | undefined)?.payload?.elements;
  if (!Array.isArray(elements)) return [];
  return elements
    .map((element) => (element as { attachment_id?: unknown }).attachment_id)
    .filter((id): id is string => typeof id === 'string');
}
