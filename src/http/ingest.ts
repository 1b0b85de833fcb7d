/**
 * The one path every channel's inbound message takes: store it durably under its platform id, then queue it
 * (promise 1). A redelivery is acknowledged and dropped (promise 2).
 */
import type { Queue } from 'bullmq';
import type { Db } from '../../db/database.js';
import { storeInbound } from '../../db/repositories/inbound-events.js';
import { inboundJobId, type InboundJob } from '../../jobs/queue-names.js';
import type { Inbound } from '../domain/message-model.js';

export type Ingest = (inbound: Inbound) => Promise<{ duplicate: boolean }>;

export function createIngest(db: Db, queue: Queue<InboundJob>): Ingest {
  return async (inbound) => {
    const { id, duplicate } = await storeInbound(db, inbound);
    if (!duplicate) await queue.add('process', { eventId: id }, { jobId: inboundJobId(id) });
    return { duplicate };
  };
}
