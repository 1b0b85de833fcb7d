/**
 * What a channel adapter answers when asked to deliver one {@link Outbound}: the message's fate, in our words,
 * so the outbound worker can record it (promise 3) without knowing any platform.
 */
import type { Channel, Outbound } from '../src/domain/message-model.js';

export type SendResult =
  | { kind: 'sent'; platformMessageId: string }
  /**
   * Try again after `afterMs` (rate limit, quiet hours, a passing failure). `scope: 'channel'` — only for a
   * platform's own rate limit (Zalo -32) — slows the whole outbound queue; everything else waits in its chat.
   */
  | { kind: 'retry'; afterMs: number; reason: string; scope: 'chat' | 'channel' }
  /** Will never go through on this channel (blocked, outside Zalo's 7-day window, unknown user). */
  | { kind: 'undeliverable'; reason: string }
  /** A bug or a refused request: retrying will not help. */
  | { kind: 'failed'; reason: string };

export interface ChannelSender {
  readonly channel: Channel;
  send(userId: string, message: Outbound): Promise<SendResult>;
}

/** Photos in outbound messages are `media:<sha256>` refs to our store (or plain URLs); senders read them here. */
export interface MediaSource {
  get(sha256: string): Promise<{ buffer: Buffer; mime: string } | null>;
}

/** The stored photo behind a `media:<sha256>` ref, or null for a plain URL. */
export async function mediaOf(ref: string, media: MediaSource | undefined) {
  if (!ref.startsWith('media:') || !media) return null;
  return media.get(ref.slice('media:'.length));
}

/** Exported files (`file:<sha256>` refs): their bytes, and a public signed link where one can be made. */
export interface FileSource {
  get(sha256: string): Promise<Buffer | null>;
  /** An absolute link for channels that cannot take the file itself; null without PUBLIC_URL. */
  publicLink(sha256: string, filename: string): string | null;
}
