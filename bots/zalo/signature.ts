/**
 * The Zalo webhook signature (`X-ZEvent-Signature: mac=<hex>`), so forged events are refused with 401 before
 * anything is stored (promise 6).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** The header Zalo signs webhooks with (lower case, as Node exposes it). */
export const ZALO_SIGNATURE_HEADER = 'x-zevent-signature';

/**
 * Zalo's mac: hex SHA-256 — plain, not HMAC — of `appId + rawBody + timestamp + oaSecretKey`, where `rawBody`
 * is the exact bytes received (re-serialised JSON would not match), `timestamp` the body's `timestamp` field
 * and the key the OA Secret Key of the webhook settings (not the App Secret).
 */
export function computeZaloSignature(
  appId: string,
  rawBody: Buffer | string,
  timestamp: string,
  oaSecretKey: string,
): string {
  return createHash('sha256').update(appId).update(rawBody).update(timestamp).update(oaSecretKey).digest('hex');
}

const HEADER_SHAPE = /^\s*mac\s*=\s*([0-9a-fA-F]{64})\s*$/;

/**
 * True only when `header` is `mac=<64 hex>` and matches the signature of `rawBody`, with `app_id` and
 * `timestamp` read from the body itself (`appIdFallback` when the body has no `app_id`). Missing or garbled
 * headers, unparsable bodies and bodies without a timestamp are all `false`: the caller answers 401 either way.
 * The comparison is constant-time so the mac cannot be guessed byte by byte.
 */
export function verifyZaloSignature(
  header: string | undefined,
  rawBody: Buffer,
  oaSecretKey: string,
  appIdFallback?: string,
): boolean {
  if (typeof header !== 'string' || oaSecretKey.length === 0) return false;
  const match = HEADER_SHAPE.exec(header);
  if (!match) return false;

  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return false;
  }
  if (typeof body !== 'object' || body === null) return false;
  const fields = body as { app_id?: unknown; timestamp?: unknown };
  const appId = asIdString(fields.app_id) ?? appIdFallback;
  const timestamp = asIdString(fields.timestamp);
  if (appId === undefined || timestamp === undefined) return false;

  const expected = Buffer.from(computeZaloSignature(appId, rawBody, timestamp, oaSecretKey), 'hex');
  const received = Buffer.from(match[1], 'hex');
  return received.length === expected.length && timingSafeEqual(received, expected);
}

/** Zalo sends ids and timestamps as strings; accept a plain integer too, as its decimal text. */
function asIdString(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}
