/** Queue names and job payloads. Payloads carry ids only: no personal data in the queue (promise 7). */
export const INBOUND_QUEUE = 'inbound';
export const OUTBOUND_QUEUE = 'outbound';

/** "Process the pending messages of the person who sent inbound event `eventId`." */
export interface InboundJob {
  eventId: string;
}

/** "Send what is due in the chat of outbox row `outboxId`." */
export interface OutboundJob {
  outboxId: string;
}

/** BullMQ job ids may not contain ':' nor be all digits. */
export const inboundJobId = (eventId: string) => `in-${eventId}`;
export const outboundJobId = (outboxId: string, attempt = 0) => `out-${outboxId}-${attempt}`;
