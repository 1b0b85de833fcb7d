/**
 * The inbound worker: runs the conversation engine for a person, then sends what it committed — right away in
 * this slot when the chat is free (one queue hop less), otherwise through the outbound queue.
 */
import type { Job, Queue } from 'bullmq';
import type { Engine } from '../src/features/engine.js';
import type { OutboundProcessor } from './outbound-worker.js';
import { outboundJobId, type InboundJob, type OutboundJob } from './queue-names.js';

export function createInboundProcessor(engine: Engine, outbound: Queue<OutboundJob>, sender?: Pick<OutboundProcessor, 'sendNow'>) {
  return async function processInbound(job: Job<InboundJob>): Promise<void> {
    const rows = await engine.drainPerson(job.data.eventId);
    // Sent after commit, one drain per chat; a crash before this is recovered by the sweeper.
    const drained = new Map<string, boolean>();
    for (const row of rows) {
      const chat = `${row.channel}:${row.external_user_id}`;
      if (!drained.has(chat)) drained.set(chat, (await sender?.sendNow(row).catch(() => false)) ?? false);
      if (!drained.get(chat)) await outbound.add('send', { outboxId: row.id }, { jobId: outboundJobId(row.id) });
    }
  };
}
