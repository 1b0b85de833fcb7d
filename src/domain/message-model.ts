/**
 * The channel-agnostic message model. Every channel adapter (Zalo OA, Telegram, web chat) turns a platform
 * event into one {@link Inbound} and renders one {@link Outbound}; the conversation engine sees nothing else.
 */

/** Which chat platform a person is on. */
export type Channel = 'telegram' | 'zalo' | 'web';

export const CHANNELS: readonly Channel[] = ['telegram', 'zalo', 'web'];

/** What a person sent, one of a few kinds. */
export type InboundContent =
  | { kind: 'text'; text: string }
  /** `ref` is how the channel fetches the photo (Telegram file_id, Zalo URL, web media id). */
  | { kind: 'photo'; ref: string; caption?: string }
  | { kind: 'location'; latitude: number; longitude: number; placeName?: string }
  /** A tap on a choice the bot offered; `value` is the choice's short id. */
  | { kind: 'choice'; value: string }
  | { kind: 'contact'; phone: string; name?: string }
  /** The person followed the OA / started the bot. */
  | { kind: 'follow' }
  /** Anything else (sticker, file, audio…): the engine answers politely that it cannot read it. */
  | { kind: 'unsupported'; what: string };

/** One message from a person, as the conversation engine sees it. */
export interface Inbound {
  channel: Channel;
  /** The person's id on that platform (Telegram chat id, Zalo user id, web session id). */
  userId: string;
  /** The platform's message id, unique per channel: the dedup key of promise 2. */
  messageId: string;
  /** When the person sent it (platform time), ISO-8601. */
  sentAt: string;
  displayName?: string;
  content: InboundContent;
}

/** A choice offered to the person: a button where the channel has them, and always a typed answer. */
export interface Choice {
  /** Short id (≤ 20 ASCII chars) put into Telegram callback_data and Zalo button payloads. */
  value: string;
  /** What the person reads on the button. */
  label: string;
}

/** One message to a person. */
export interface Outbound {
  text: string;
  /** Public URLs or channel file ids of photos to show with the text. */
  photos?: string[];
  choices?: Choice[];
  /** A file to attach (`file:<sha256>` in the exports store), with the name people see. */
  document?: { ref: string; filename: string };
}
