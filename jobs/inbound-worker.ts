/** The inbound worker: runs the conversation engine for a person, then queues what it committed to send. */
import type { Job, Queue } from 'bullmq';
import type { Engine } from '../src/features/engine.js';
import { outboundJobId, type InboundJob, type OutboundJob } from './queue-names.js';

export function createInboundProcessor(engine: Engine, outbound: Queue<OutboundJob>) {
  return async function processInbound(job: Job<InboundJob>): Promise<void> {
    const outboxIds = await engine.drainPerson(job.data.eventId);
    // Sent after commit; a crash before this line is recovered by the sweeper.
    await Promise.all(outboxIds.map((id) => outbound.add('send', { outboxId: id }, { jobId: outboundJobId(id) })));
  };
}
