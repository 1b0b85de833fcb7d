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
    const outboxIds = await engine.drainPerson(job.data.eventId);
    // Sent after commit; a crash before this is recovered by the sweeper.
    for (const id of outboxIds) {
      const sent = await sender?.sendNow(id).catch(() => false);
      if (!sent) await outbound.add('send', { outboxId: id }, { jobId: outboundJobId(id) });
    }
  };
}
