/**
 * Who was sent what and who got replies, per chat, with times: the source of the end-to-end latencies and of
 * the lost / duplicated counts. Replies are matched to messages by position within a chat (the product keeps a
 * chat in order and answers each of these messages exactly once).
 */
import type { FakeTelegram } from '../tests/fakes/fake-telegram.js';
import type { FakeZalo } from '../tests/fakes/fake-zalo.js';

export class Ledger {
  readonly sends = new Map<string, number[]>();
  readonly replies = new Map<string, number[]>();
  sentCount = 0;
  replyCount = 0;
  lastReplyAt = 0;

  recordSend(chat: string, at: number): void {
    push(this.sends, chat, at);
    this.sentCount += 1;
  }

  /** True when the chat belongs to this ledger (its messages were sent through it). */
  owns(chat: string): boolean {
    return this.sends.has(chat);
  }

  recordReply(chat: string, at: number): void {
    push(this.replies, chat, at);
    this.replyCount += 1;
    this.lastReplyAt = at;
  }

  /** Per chat: messages without a reply (lost) and replies beyond one per message (duplicated). */
  balance(): { lost: number; duplicated: number } {
    let lost = 0;
    let duplicated = 0;
    for (const [chat, sends] of this.sends) {
      const replies = this.replies.get(chat)?.length ?? 0;
      if (replies < sends.length) lost += sends.length - replies;
      else duplicated += replies - sends.length;
    }
    for (const [chat, replies] of this.replies) if (!this.sends.has(chat)) duplicated += replies.length;
    return { lost, duplicated };
  }

  /** End-to-end latency of each answered message, ms. */
  endToEnd(): number[] {
    const out: number[] = [];
    for (const [chat, sends] of this.sends) {
      const replies = this.replies.get(chat) ?? [];
      for (let i = 0; i < Math.min(sends.length, replies.length); i += 1) out.push(replies[i] - sends[i]);
    }
    return out;
  }
}

function push(map: Map<string, number[]>, key: string, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Calls `listener` the moment a fake platform accepts a message. The fakes record into a plain `sent` array and
 * expose no event; wrapping that array's `push` timestamps each reply exactly when the fake stores it, without
 * polling (which would cost CPU and blur the figure).
 */
export function onReply(fakes: { telegram?: FakeTelegram; zalo?: FakeZalo }, listener: (chat: string) => void): void {
  if (fakes.telegram) {
    const sent = fakes.telegram.sent;
    const push = sent.push.bind(sent);
    sent.push = (...items) => {
      for (const item of items) listener(`telegram:${item.chatId}`);
      return push(...items);
    };
  }
  if (fakes.zalo) {
    const sent = fakes.zalo.sent;
    const push = sent.push.bind(sent);
    sent.push = (...items) => {
      for (const item of items) listener(`zalo:${item.userId}`);
      return push(...items);
    };
  }
}
