/**
 * A thin client of the Zalo OA Open API (v3 messages, v2 upload, OAuth v4 refresh). Thin on purpose: it sends one
 * request, reads Zalo's `error` field, refreshes the token once on -216/-220, and throws named errors
 * ({@link ZaloApiError}, {@link ZaloHttpError}) — pacing, retries and each message's fate belong to the outbound
 * worker.
 */
import axios from 'axios';
import type { AxiosRequestConfig, AxiosResponse } from 'axios';
import type { Choice } from '../../src/domain/message-model.js';
import { renderChoicesAsText } from '../../src/domain/typed-choices.js';
import { ZaloApiError, ZaloHttpError, ZaloOAuthError } from './errors.js';
import type {
  ZaloApiResponse,
  ZaloMessageEndpoint,
  ZaloOAuthTokenResponse,
  ZaloSendMessageBody,
  ZaloSendMessageData,
  ZaloUploadImageData,
  ZaloUserDetailData,
} from './types.js';

/** Production hosts; tests pass the fake's loopback URLs instead. */
export const ZALO_DEFAULT_API_BASE = 'https://openapi.zalo.me';
export const ZALO_DEFAULT_OAUTH_BASE = 'https://oauth.zaloapp.com';

/** Zalo rejects longer message texts. */
export const ZALO_MAX_TEXT_LENGTH = 2000;

/**
 * Where the client gets its access token. The real one is backed by PostgreSQL (one refresher at a time, the new
 * pair persisted before use, because refresh tokens are single-use); tests use an in-memory one.
 */
export interface ZaloTokenSource {
  /** The access token to use now. */
  current(): Promise<string>;
  /**
   * Zalo refused `rejectedAccessToken` (-216/-220): return a fresh one. If another process already refreshed
   * (the stored token differs from the rejected one), return the stored token without refreshing again.
   */
  refreshAfterRejection(rejectedAccessToken: string): Promise<string>;
}

export interface ZaloClientOptions {
  /** OA API base URL, without trailing slash. Production: {@link ZALO_DEFAULT_API_BASE}. */
  apiBase: string;
  /** OAuth base URL, without trailing slash. Production: {@link ZALO_DEFAULT_OAUTH_BASE}. */
  oauthBase: string;
  appId: string;
  /** The App Secret (header `secret_key` of the OAuth refresh) — not the OA Secret Key of webhooks. */
  appSecret: string;
  tokens: ZaloTokenSource;
  /** Per-request timeout in milliseconds. Default: 10,000 — a stuck call must free the worker. */
  timeoutMs?: number;
}

/** A message Zalo accepted. */
export interface ZaloSendResult {
  /** Zalo's message id, recorded as the message's fate "sent". */
  messageId: string;
}

/** An image to send: a public URL, or an `attachment_id` from {@link ZaloClient.uploadImage}. */
export type ZaloImageSource = { url: string } | { attachmentId: string };

/** What we read of a user's profile. */
export interface ZaloUserProfile {
  userId: string;
  displayName: string;
  avatarUrl?: string;
  isFollower: boolean;
  /** As Zalo sends it (format UNCONFIRMED). */
  lastInteractionDate?: string;
  /** Only present when the user shared their info with the OA. */
  sharedInfo?: { name?: string; phone?: string; address?: string; city?: string; district?: string };
}

/** A fresh token pair from the OAuth server. */
export interface ZaloTokenPair {
  accessToken: string;
  /** The new refresh token: the one passed in is now invalid. Persist it before using the access token. */
  refreshToken: string;
  /** Lifetime of the access token, from Zalo's `expires_in`. */
  expiresInSeconds: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Used when Zalo's answer lacks a usable `expires_in`: short, so the token is refreshed early rather than late. */
const FALLBACK_EXPIRES_IN_SECONDS = 3600;

export class ZaloClient {
  private readonly http;
  private readonly options: Readonly<ZaloClientOptions>;

  constructor(options: ZaloClientOptions) {
    this.options = Object.freeze({ ...options });
    this.http = axios.create({
      baseURL: trimSlash(options.apiBase),
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      // Zalo answers errors with HTTP 200 too; we judge every answer ourselves.
      validateStatus: () => true,
    });
  }

  /**
   * Sends a customer-service text message. `choices` are appended as numbered lines ("1. Gửi") that the person
   * answers by typing: buttons on `/message/cs` are UNCONFIRMED, so none are sent. Text longer than Zalo's
   * 2,000 characters is cut with an ellipsis — a shortened message beats an undeliverable one — keeping the
   * choice lines intact.
   */
  async sendText(userId: string, text: string, choices?: readonly Choice[]): Promise<ZaloSendResult> {
    const body: ZaloSendMessageBody = {
      recipient: { user_id: userId },
      message: { text: fitText(text, choices ?? []) },
    };
    return this.sendMessage('sendText', 'cs', body);
  }

  /** Sends one image (by URL or uploaded `attachmentId`), with an optional text shown alongside. */
  async sendImage(userId: string, image: ZaloImageSource, text?: string): Promise<ZaloSendResult> {
    const element =
      'attachmentId' in image
        ? { media_type: 'image' as const, attachment_id: image.attachmentId }
        : { media_type: 'image' as const, url: image.url };
    const body: ZaloSendMessageBody = {
      recipient: { user_id: userId },
      message: {
        ...(text !== undefined && text.length > 0 ? { text: fitText(text, []) } : {}),
        attachment: { type: 'template', payload: { template_type: 'media', elements: [element] } },
      },
    };
    return this.sendMessage('sendImage', 'cs', body);
  }

  /**
   * Uploads an image (multipart field `file`) and returns its `attachment_id`. Ids expire after about 7 days
   * (-100 `attachment_expired`): upload again rather than caching them for long.
   */
  async uploadImage(buffer: Buffer, filename: string, mime: string): Promise<string> {
    const endpoint = '/v2.0/oa/upload/image';
    const data = await this.call<ZaloUploadImageData>('uploadImage', endpoint, (accessToken) => {
      const form = new FormData();
      // Copy into a plain ArrayBuffer-backed view: Blob does not take Node's pooled Buffer type.
      form.append('file', new Blob([new Uint8Array(buffer)], { type: mime }), filename);
      return { method: 'POST', url: endpoint, headers: { access_token: accessToken }, data: form };
    });
    if (!data || typeof data.attachment_id !== 'string' || data.attachment_id.length === 0) {
      throw new ZaloHttpError('uploadImage', endpoint, 200, 'unexpected body: no attachment_id');
    }
    return data.attachment_id;
  }

  /** Reads a user's profile (display name, follower status, shared info). */
  async getUserProfile(userId: string): Promise<ZaloUserProfile> {
    const endpoint = '/v3.0/oa/user/detail';
    const data = await this.call<ZaloUserDetailData>('getUserProfile', endpoint, (accessToken) => ({
      method: 'GET',
      url: endpoint,
      headers: { access_token: accessToken },
      params: { data: JSON.stringify({ user_id: userId }) },
    }));
    if (!data || typeof data.user_id !== 'string') {
      throw new ZaloHttpError('getUserProfile', endpoint, 200, 'unexpected body: no user data');
    }
    const shared = data.shared_info;
    return {
      userId: data.user_id,
      displayName: typeof data.display_name === 'string' ? data.display_name : '',
      ...(typeof data.avatar === 'string' && data.avatar.length > 0 ? { avatarUrl: data.avatar } : {}),
      isFollower: data.user_is_follower === true,
      ...(typeof data.user_last_interaction_date === 'string'
        ? { lastInteractionDate: data.user_last_interaction_date }
        : {}),
      ...(shared
        ? {
            sharedInfo: {
              name: shared.name || undefined,
              phone: shared.phone !== undefined && shared.phone !== '' ? String(shared.phone) : undefined,
              address: shared.address || undefined,
              city: shared.city || undefined,
              district: shared.district || undefined,
            },
          }
        : {}),
    };
  }

  /**
   * Exchanges a refresh token for a new pair with this client's app credentials. For the token source; the
   * client itself never refreshes except through {@link ZaloTokenSource.refreshAfterRejection}.
   */
  exchangeRefreshToken(refreshToken: string): Promise<ZaloTokenPair> {
    const { oauthBase, appId, appSecret, timeoutMs } = this.options;
    return exchangeRefreshToken({ oauthBase, appId, appSecret, refreshToken, timeoutMs });
  }

  private async sendMessage(
    method: string,
    kind: ZaloMessageEndpoint,
    body: ZaloSendMessageBody,
  ): Promise<ZaloSendResult> {
    const endpoint = `/v3.0/oa/message/${kind}`;
    const data = await this.call<ZaloSendMessageData>(method, endpoint, (accessToken) => ({
      method: 'POST',
      url: endpoint,
      headers: { access_token: accessToken, 'Content-Type': 'application/json' },
      data: body,
    }));
    const messageId = data?.message_id;
    if (typeof messageId !== 'string' && typeof messageId !== 'number') {
      throw new ZaloHttpError(method, endpoint, 200, 'unexpected body: no message_id');
    }
    return { messageId: String(messageId) };
  }

  /**
   * One API call with the token protocol: use the current token; on -216/-220 ask the token source for a fresh
   * one exactly once and retry exactly once. A second rejection is thrown — looping would hammer Zalo.
   */
  private async call<T>(
    method: string,
    endpoint: string,
    request: (accessToken: string) => AxiosRequestConfig,
  ): Promise<T | undefined> {
    const token = await this.options.tokens.current();
    try {
      return await this.once<T>(method, endpoint, request(token));
    } catch (error) {
      if (!(error instanceof ZaloApiError) || error.category !== 'token_invalid') throw error;
      const fresh = await this.options.tokens.refreshAfterRejection(token);
      return await this.once<T>(method, endpoint, request(fresh));
    }
  }

  private async once<T>(method: string, endpoint: string, config: AxiosRequestConfig): Promise<T | undefined> {
    let response: AxiosResponse<unknown>;
    try {
      response = await this.http.request<unknown>(config);
    } catch (error) {
      throw new ZaloHttpError(method, endpoint, undefined, transportReason(error));
    }
    return readZaloAnswer<T>(method, endpoint, response);
  }
}

/**
 * Reads Zalo's answer: a body with a numeric `error` decides (0 = success, whatever the HTTP status); without
 * one, a non-2xx status or an unreadable body is a transport failure.
 */
function readZaloAnswer<T>(method: string, endpoint: string, response: AxiosResponse<unknown>): T | undefined {
  const body = parseBody(response.data) as Partial<ZaloApiResponse<T>> | undefined;
  if (body && typeof body.error === 'number') {
    if (body.error !== 0) {
      throw new ZaloApiError(body.error, typeof body.message === 'string' ? body.message : '', method, endpoint);
    }
    return body.data;
  }
  const reason =
    response.status >= 200 && response.status < 300 ? 'unexpected body: no error field' : `HTTP ${response.status}`;
  throw new ZaloHttpError(method, endpoint, response.status, reason);
}

/** axios parses JSON when the content type says so; Zalo's content type is not always right. */
function parseBody(data: unknown): unknown {
  if (typeof data === 'string') {
    try {
      return JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  return typeof data === 'object' && data !== null ? data : undefined;
}

/** The network error code or message, without the request config (it holds the access token). */
function transportReason(error: unknown): string {
  if (axios.isAxiosError(error)) {
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') return 'ETIMEDOUT';
    return error.code ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Exchanges a single-use refresh token for a new pair (`POST /v4/oa/access_token`, form-urlencoded, header
 * `secret_key`). Any non-empty `access_token` is success; otherwise a {@link ZaloOAuthError} carries Zalo's
 * `error`, `error_name`, `error_description`. Transport failures are {@link ZaloHttpError}s — and then whether the
 * old refresh token was consumed is unknown, which is why the caller must hold the refresh lock until it knows.
 */
export async function exchangeRefreshToken(options: {
  oauthBase: string;
  appId: string;
  appSecret: string;
  refreshToken: string;
  /** Default: 10,000 ms. */
  timeoutMs?: number;
}): Promise<ZaloTokenPair> {
  const endpoint = '/v4/oa/access_token';
  const form = new URLSearchParams({
    refresh_token: options.refreshToken,
    app_id: options.appId,
    grant_type: 'refresh_token',
  });
  let response: AxiosResponse<unknown>;
  try {
    response = await axios.request<unknown>({
      method: 'POST',
      url: `${trimSlash(options.oauthBase)}${endpoint}`,
      headers: { secret_key: options.appSecret, 'Content-Type': 'application/x-www-form-urlencoded' },
      data: form.toString(),
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      validateStatus: () => true,
    });
  } catch (error) {
    throw new ZaloHttpError('exchangeRefreshToken', endpoint, undefined, transportReason(error));
  }

  const body = parseBody(response.data) as ZaloOAuthTokenResponse | undefined;
  if (body && typeof body.access_token === 'string' && body.access_token.length > 0) {
    const expiresIn = Number.parseInt(String(body.expires_in ?? ''), 10);
    return {
      accessToken: body.access_token,
      // Zalo always sends a new refresh token; should it ever not, the old one is all we have.
      refreshToken:
        typeof body.refresh_token === 'string' && body.refresh_token.length > 0
          ? body.refresh_token
          : options.refreshToken,
      expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : FALLBACK_EXPIRES_IN_SECONDS,
    };
  }
  if (!body && (response.status < 200 || response.status >= 300)) {
    throw new ZaloHttpError('exchangeRefreshToken', endpoint, response.status, `HTTP ${response.status}`);
  }
  throw new ZaloOAuthError(
    typeof body?.error === 'number' ? body.error : 0,
    typeof body?.error_name === 'string' ? body.error_name : undefined,
    typeof body?.error_description === 'string' ? body.error_description : undefined,
  );
}

/**
 * The text as Zalo will accept it: choices appended as numbered lines, NFC-normalised (decomposed Vietnamese
 * would count double), and cut to {@link ZALO_MAX_TEXT_LENGTH} characters with an ellipsis. The cut falls on the
 * message part so the choice lines stay whole.
 */
function fitText(text: string, choices: readonly Choice[]): string {
  const normalised = text.normalize('NFC');
  const full = renderChoicesAsText(normalised, choices);
  if (codePointLength(full) <= ZALO_MAX_TEXT_LENGTH) return full;
  const overhead = codePointLength(full) - codePointLength(normalised);
  const budget = ZALO_MAX_TEXT_LENGTH - overhead;
  if (budget < 1) return truncate(full, ZALO_MAX_TEXT_LENGTH);
  return renderChoicesAsText(truncate(normalised, budget), choices);
}

/** Cuts to `max` code points (never inside a surrogate pair), the last one being an ellipsis. */
function truncate(text: string, max: number): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, max - 1).join('').trimEnd()}…`;
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

function trimSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
