/**
 * Zalo webhook event → our {@link Inbound}. The conversation engine never sees Zalo's shapes; this is the only
 * place that knows them on the way in.
 */
import { createHash } from 'node:crypto';
import type { Inbound, InboundContent } from '../../src/domain/message-model.js';
import type { ZaloWebhookEvent } from './types.js';

/**
 * Prefix of the payload of an `oa.query.show` button. A tap most likely comes back as `user_send_text` whose
 * text is the payload (UNCONFIRMED), so payloads have a shape nobody types by accident: `#c:<value>`.
 */
export const ZALO_CHOICE_PAYLOAD_PREFIX = '#c:';

/** Choice values are ≤ 20 printable ASCII characters without spaces (see `Choice.value`). */
const CHOICE_PAYLOAD = /^#c:([\x21-\x7e]{1,20})$/;

/** The button payload for a choice value; the inverse of {@link parseZaloChoicePayload}. */
export function zaloChoicePayload(value: string): string {
  return `${ZALO_CHOICE_PAYLOAD_PREFIX}${value}`;
}

/** The choice value when `text` is exactly a button payload (`#c:<value>`), otherwise `undefined`. */
export function parseZaloChoicePayload(text: string): string | undefined {
  return CHOICE_PAYLOAD.exec(text.trim())?.[1];
}

/**
 * A cheap structural check for the HTTP layer: an object with a string `event_name`. Anything else is a
 * malformed payload (400). The console's unsigned `{}` on saving the webhook URL fails this too — answer it 200
 * before calling this.
 */
export function isZaloWebhookEvent(value: unknown): value is ZaloWebhookEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { event_name?: unknown }).event_name === 'string'
  );
}

/** Message kinds we receive but cannot read: the engine answers politely (`unsupported`). */
const UNSUPPORTED_EVENTS: Readonly<Record<string, string>> = {
  user_send_sticker: 'sticker',
  user_send_file: 'file',
  user_send_gif: 'gif',
  user_send_audio: 'audio',
  user_send_video: 'video',
  user_send_link: 'link',
  user_send_business_card: 'business_card',
};

/**
 * Converts one webhook event. Returns `null` for events that are not a person talking to us: the OA's own
 * echoes (`oa_send_*`), read/delivery receipts, `unfollow`, and event names we do not know (Zalo adds some).
 *
 * - `messageId` is Zalo's `message.msg_id`, or — for events without one — `follow-<user>-<timestamp>` for a
 *   follow and `zalo-<sha256 of the event>` otherwise, so a redelivery gets the same id (promise 2).
 * - A known user message whose shape surprises us becomes `unsupported` rather than being dropped: the person
 *   still gets an answer, and nothing they sent vanishes silently.
 * - Only the first attachment of a message is used (the model has one photo per inbound).
 */
export function zaloEventToInbound(event: ZaloWebhookEvent): Inbound | null {
  const name: string = event.event_name;
  if (name.startsWith('oa_send_') || name === 'unfollow') return null;
  if (name === 'user_seen_message' || name === 'user_received_message') return null;

  if (event.event_name === 'follow') {
    const userId = event.follower?.id;
    if (!isNonEmptyString(userId)) return null;
    return {
      channel: 'zalo',
      userId,
      messageId: `follow-${userId}-${event.timestamp}`,
      sentAt: toIsoTime(event.timestamp),
      content: { kind: 'follow' },
    };
  }

  if (!name.startsWith('user_')) return null;
  const raw = event as unknown as RawUserEvent;
  const userId = raw.sender?.id;
  if (!isNonEmptyString(userId)) return null;

  const content = contentOf(name, raw);
  if (content === null) return null;
  const msgId = raw.message?.msg_id;
  return {
    channel: 'zalo',
    userId,
    messageId: isNonEmptyString(msgId) ? msgId : `zalo-${hashEvent(event)}`,
    sentAt: toIsoTime(raw.timestamp),
    content,
  };
}

/** A user event read defensively: every field may be missing in a payload that surprises us. */
interface RawUserEvent {
  timestamp?: unknown;
  sender?: { id?: unknown };
  message?: {
    msg_id?: unknown;
    text?: unknown;
    attachments?: Array<{ type?: unknown; payload?: Record<string, unknown> }>;
  };
  info?: { name?: unknown; phone?: unknown };
}

function contentOf(name: string, event: RawUserEvent): InboundContent | null {
  const text = typeof event.message?.text === 'string' ? event.message.text : undefined;
  const first = event.message?.attachments?.[0];
  switch (name) {
    case 'user_send_text': {
      if (text === undefined) return { kind: 'unsupported', what: 'malformed:user_send_text' };
      const choice = parseZaloChoicePayload(text);
      return choice !== undefined ? { kind: 'choice', value: choice } : { kind: 'text', text };
    }
    case 'user_send_image': {
      const url = first?.payload?.url;
      if (!isNonEmptyString(url)) return { kind: 'unsupported', what: 'malformed:user_send_image' };
      return text ? { kind: 'photo', ref: url, caption: text } : { kind: 'photo', ref: url };
    }
    case 'user_send_location': {
      const coordinates = first?.payload?.coordinates as { latitude?: unknown; longitude?: unknown } | undefined;
      const latitude = toCoordinate(coordinates?.latitude, 90);
      const longitude = toCoordinate(coordinates?.longitude, 180);
      if (latitude === undefined || longitude === undefined) {
        return { kind: 'unsupported', what: 'malformed:user_send_location' };
      }
      return text ? { kind: 'location', latitude, longitude, placeName: text } : { kind: 'location', latitude, longitude };
    }
    case 'user_submit_info': {
      // The answer to a `request_user_info` message: the person chose to share their phone number with us.
      const phone = event.info?.phone;
      const infoName = event.info?.name;
      if (!isNonEmptyString(phone) && typeof phone !== 'number') {
        return { kind: 'unsupported', what: 'user_submit_info' };
      }
      return isNonEmptyString(infoName)
        ? { kind: 'contact', phone: String(phone), name: infoName }
        : { kind: 'contact', phone: String(phone) };
    }
    default:
      if (name.startsWith('user_send_anonymous')) return null;
      if (name in UNSUPPORTED_EVENTS) return { kind: 'unsupported', what: UNSUPPORTED_EVENTS[name] };
      // A new kind of user message: answer it as unsupported rather than leave the person without a reply.
      if (name.startsWith('user_send_')) return { kind: 'unsupported', what: name.slice('user_send_'.length) };
      return null;
  }
}

/** Coordinates arrive as decimal strings; reject what is not a finite number within its range. */
function toCoordinate(value: unknown, limit: number): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) && Math.abs(number) <= limit ? number : undefined;
}

/**
 * Zalo's timestamp (a string of epoch ms) as ISO-8601. A missing or garbled one falls back to now: the time of
 * receipt is the best we know, and refusing the message would lose it.
 */
function toIsoTime(timestamp: unknown): string {
  const ms = typeof timestamp === 'string' || typeof timestamp === 'number' ? Number(timestamp) : NaN;
  const date = new Date(Number.isFinite(ms) && ms > 0 ? ms : Date.now());
  return date.toISOString();
}

/** SHA-256 of the event as canonical JSON (keys sorted), so a redelivery hashes the same whatever its key order. */
function hashEvent(event: unknown): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
