/**
 * Errors of the Zalo OA API, named so the outbound worker can decide a message's fate from the error alone:
 * retry later (rate limit, transport), refresh the token, defer until 06:00, or record it as undeliverable.
 */

/**
 * What the outbound worker does about a Zalo error:
 * - `rate_limited`: wait and retry (-32);
 * - `token_invalid`: refresh the access token once, retry once (-216, -220);
 * - `outside_window`: undeliverable as a CS message — the person has not written for 7 days (-230, -232);
 * - `quiet_hours`: defer until 06:00 Vietnam time (-234);
 * - `user_unreachable`: undeliverable — not a follower, banned, or restricted this message type (-213, -227, -244);
 * - `attachment_expired`: upload the image again and resend (-100);
 * - `fatal`: a bug or a configuration problem; retrying will not help.
 */
export type ZaloErrorCategory =
  | 'rate_limited'
  | 'token_invalid'
  | 'outside_window'
  | 'quiet_hours'
  | 'user_unreachable'
  | 'attachment_expired'
  | 'fatal';

/** One known error code: what Zalo means by it, and what we do about it. */
export interface ZaloErrorCodeInfo {
  meaning: string;
  category: ZaloErrorCategory;
}

/**
 * Every OA API error code in our Zalo reference (shared/reference/zalo-oa.md), so logs and the admin view can say
 * what went wrong without a trip to Zalo's docs. Codes not listed are `fatal`.
 */
export const ZALO_ERROR_CODES: Readonly<Record<number, ZaloErrorCodeInfo>> = Object.freeze({
  [-32]: { meaning: 'Rate limit exceeded (about 4,000 requests/minute per OA)', category: 'rate_limited' },
  [-100]: { meaning: 'attachment_id was expired (uploads live about 7 days)', category: 'attachment_expired' },
  [-201]: { meaning: 'Parameter invalid', category: 'fatal' },
  [-204]: { meaning: 'Official Account is disabled', category: 'fatal' },
  [-205]: { meaning: 'Official Account does not exist', category: 'fatal' },
  [-209]: { meaning: 'App is not active', category: 'fatal' },
  [-210]: { meaning: 'Parameter exceeds its limit', category: 'fatal' },
  // Monthly quota of the OA's package: waiting minutes will not help, so it is not `rate_limited`.
  [-211]: { meaning: 'Out of quota', category: 'fatal' },
  [-212]: { meaning: 'API is not registered for this app', category: 'fatal' },
  [-213]: { meaning: 'User is not a follower of the OA', category: 'user_unreachable' },
  [-216]: { meaning: 'Access token is invalid', category: 'token_invalid' },
  [-220]: { meaning: 'Access token has expired', category: 'token_invalid' },
  [-221]: { meaning: 'Official Account is not verified', category: 'fatal' },
  [-224]: { meaning: 'This feature needs a higher OA package tier', category: 'fatal' },
  [-227]: { meaning: 'User is banned or has been inactive for too long', category: 'user_unreachable' },
  [-230]: { meaning: 'User has not interacted with the OA in the last 7 days', category: 'outside_window' },
  [-232]: { meaning: 'User has not interacted with the OA in the last 7 days', category: 'outside_window' },
  [-233]: { meaning: 'Message type is not supported', category: 'fatal' },
  [-234]: { meaning: 'Sending is not allowed between 22:00 and 06:00 (Vietnam time)', category: 'quiet_hours' },
  [-240]: { meaning: 'The v2 message endpoint is shut down: use /v3.0/oa/message/*', category: 'fatal' },
  [-244]: { meaning: 'User has restricted this type of message', category: 'user_unreachable' },
});

/**
 * Error codes of ZNS (`business.openapi.zalo.me/message/template`, messages to a phone number), the paid
 * fallback outside the 7-day window. A separate table because ZNS numbers its errors on its own.
 */
export const ZNS_ERROR_CODES: Readonly<Record<number, ZaloErrorCodeInfo>> = Object.freeze({
  [-108]: { meaning: 'Phone number is invalid', category: 'user_unreachable' },
  [-118]: { meaning: 'Phone number has no Zalo account', category: 'user_unreachable' },
  [-124]: { meaning: 'Access token is invalid', category: 'token_invalid' },
  [-131]: { meaning: 'Template is not approved', category: 'fatal' },
  [-133]: { meaning: 'Sending is not allowed between 22:00 and 06:00 (Vietnam time)', category: 'quiet_hours' },
  [-144]: { meaning: 'Daily sending limit reached', category: 'rate_limited' },
});

/** The category of an OA API error code; unknown codes are `fatal` so that nothing retries forever. */
export function categorizeZaloError(code: number): ZaloErrorCategory {
  return ZALO_ERROR_CODES[code]?.category ?? 'fatal';
}

/**
 * The Zalo OA API answered with a non-zero `error` (often with HTTP 200). Carries the code, the category that
 * drives the retry decision, and which call failed — but never the recipient or the text (no personal data
 * in logs).
 */
export class ZaloApiError extends Error {
  override readonly name = 'ZaloApiError';
  /** What to do about it; see {@link ZaloErrorCategory}. */
  readonly category: ZaloErrorCategory;

  constructor(
    /** Zalo's negative error code, e.g. -230. */
    readonly code: number,
    /** Zalo's own message text, as received. */
    readonly description: string,
    /** Our client method that failed, e.g. `sendText`. */
    readonly method: string,
    /** The API path called, e.g. `/v3.0/oa/message/cs`. */
    readonly endpoint: string,
    category: ZaloErrorCategory = categorizeZaloError(code),
  ) {
    super(
      `Call to '${method}' (${endpoint}) failed! (${code}: ${description || ZALO_ERROR_CODES[code]?.meaning || 'unknown error'})`,
    );
    this.category = category;
  }

  /** True when sending the same message later may succeed (rate limit, quiet hours, token refresh). */
  get retryable(): boolean {
    return (
      this.category === 'rate_limited' || this.category === 'quiet_hours' || this.category === 'token_invalid'
    );
  }
}

/**
 * The HTTP call itself failed: timeout, connection refused, or a non-2xx answer without a Zalo error body.
 * Always retryable. `reason` is the network error code or the HTTP status line; the underlying axios error is
 * deliberately not kept, because its config holds the access token.
 */
export class ZaloHttpError extends Error {
  override readonly name = 'ZaloHttpError';
  readonly retryable = true;

  constructor(
    /** Our client method that failed. */
    readonly method: string,
    /** The URL path called. */
    readonly endpoint: string,
    /** The HTTP status when there was an answer. */
    readonly status: number | undefined,
    /** e.g. `ETIMEDOUT`, `ECONNREFUSED`, `HTTP 502`, `unexpected body`. */
    readonly reason: string,
  ) {
    super(`Network request for '${method}' (${endpoint}) failed! (${reason})`);
  }
}

/**
 * Zalo's OAuth server refused a token exchange (`{ error, error_name, error_description }`). Not retryable by
 * itself: a refused refresh token usually means it was already used or has expired, and only a new consent by
 * the OA admin (https://oauth.zaloapp.com/v4/oa/permission) brings a new one.
 */
export class ZaloOAuthError extends Error {
  override readonly name = 'ZaloOAuthError';
  readonly retryable = false;

  constructor(
    /** The OAuth error code (negative, e.g. -14xxx), 0 when the answer had no code at all. */
    readonly code: number,
    /** `error_name` as received, if any. */
    readonly errorName: string | undefined,
    /** `error_description` as received, if any. */
    readonly description: string | undefined,
  ) {
    super(`Zalo OAuth token exchange failed! (${code}: ${description ?? errorName ?? 'no access_token in answer'})`);
  }
}
