/**
 * The sweeper: finds inbound and outbox rows that a crash left without a queued job and queues them again.
 * Re-queuing is harmless: an event already processed or a message already sent is skipped by its status.
 */
import type { Queue } from 'bullmq';
import type { Db } from '../db/database.js';
import { strandedInbound } from '../db/repositories/inbound-events.js';
import { strandedOutbox } from '../db/repositories/outbox.js';
import { inboundJobId, type InboundJob, type OutboundJob } from './queue-names.js';

/** Options for {@link sweepStranded}. */
export interface SweepOptions {
  /** How old a pending row must be to count as stranded. Default 30,000 ms. */
  olderThanMs?: number;
  /** The product's clock, which stamps outbox rows. Default: the system clock. */
  now?: Date;
}

export async function sweepStranded(
  db: Db,
  queues: { inbound: Queue<InboundJob>; outbound: Queue<OutboundJob> },
  options: SweepOptions = {},
): Promise<{ inbound: number; outbound: number }> {
  const olderThanMs = options.olderThanMs ?? 30_000;
  const inbound = await strandedInbound(db, olderThanMs);
  for (const row of inbound) {
    await queues.inbound.add('process', { eventId: row.id }, { jobId: `${inboundJobId(row.id)}-sweep-${Date.now()}` });
  }
  const outbound = await strandedOutbox(db, olderThanMs, options.now ?? new Date());
  for (const row of outbound) {
    await queues.outbound.add('send', { outboxId: row.id }, { jobId: `out-${row.id}-sweep-${Date.now()}` });
  }
  return { inbound: inbound.length, outbound: outbound.length };
}
