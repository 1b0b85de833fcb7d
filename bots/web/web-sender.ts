/**
 * Web chat "delivery": the page polls the outbox for its session, so a message is delivered as soon as it is
 * marked sent. The platform message id is the outbox id the page reads it by.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelSender } from '../channel-sender.js';

export function createWebSender(): ChannelSender {
  return {
    channel: 'web',
    async send() {
      return { kind: 'sent', platformMessageId: `web-${randomUUID()}` };
    },
  };
}
