/**
 * The database's side of "zero lost, zero duplicated", and where the time went: every inbound event of the
 * measured window should be `done` with exactly one outbox row (`dedup_key` `in-<event id>-<n>`) that is `sent`.
 */
import pg from 'pg';
import { percentiles, type Percentiles } from './stats.js';

export interface DbCheck {
  events: number;
  done: number;
  /** Events without any sent reply row. */
  unanswered: number;
  /** Events with more than one reply row. */
  multiple: number;
  /** Outbox rows by status. */
  outbox: Record<string, number>;
  /** Per message, ms: webhook stored it → engine committed it (inbound queue wait + processing). */
  inbound: Percentiles;
  /** Reply committed → outbound worker claimed it (outbound queue wait, chat lease, pacing). */
  outboundWait: Percentiles;
  /** Claimed → platform answered and the fate was recorded. */
  send: Percentiles;
  /**
   * Replies sent within 1.5 s of the previous reply to the same chat, per channel: a chat whose messages were
   * answered together (the inbound queue fell behind), which is where the outbound pacing starts to wait.
   */
  bunched: Record<string, number>;
  /** Deadlocks PostgreSQL detected in this database (it was created for the run, so all of them are the run's). */
  deadlocks: number;
}

/** Check the events received since `since` (the measured window). */
export async function checkDatabase(url: string, since: Date): Promise<DbCheck> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: [counts] } = await client.query<{ events: string; done: string; unanswered: string; multiple: string }>(
      `with replies as (
         select split_part(dedup_key, '-', 2)::bigint as event_id, count(*) as n, count(*) filter (where status = 'sent') as sent
         from outbox where dedup_key like 'in-%' group by 1)
       select count(*) as events,
              count(*) filter (where e.status = 'done') as done,
              count(*) filter (where coalesce(r.sent, 0) = 0) as unanswered,
              count(*) filter (where r.n > 1) as multiple
       from inbound_events e left join replies r on r.event_id = e.id
       where e.received_at >= $1`,
      [since],
    );
    const { rows: statuses } = await client.query<{ status: string; n: string }>(
      `select o.status, count(*) as n from outbox o
       join inbound_events e on e.id = split_part(o.dedup_key, '-', 2)::bigint
       where o.dedup_key like 'in-%' and e.received_at >= $1 group by 1`,
      [since],
    );
    const { rows: stages } = await client.query<{ inbound: number; wait: number; send: number }>(
      `select extract(epoch from e.processed_at - e.received_at) * 1000 as inbound,
              extract(epoch from o.claimed_at - e.processed_at) * 1000 as wait,
              extract(epoch from o.sent_at - o.claimed_at) * 1000 as send
       from inbound_events e join outbox o on split_part(o.dedup_key, '-', 2)::bigint = e.id
       where o.dedup_key like 'in-%' and e.received_at >= $1 and o.status = 'sent'`,
      [since],
    );
    const { rows: bunched } = await client.query<{ channel: string; n: string }>(
      `select channel, count(*) filter (where gap < interval '1500 milliseconds') as n
       from (select o.channel, o.sent_at - lag(o.sent_at) over (partition by o.channel, o.external_user_id order by o.sent_at) as gap
             from outbox o join inbound_events e on e.id = split_part(o.dedup_key, '-', 2)::bigint
             where o.dedup_key like 'in-%' and e.received_at >= $1 and o.status = 'sent') t
       group by 1`,
      [since],
    );
    const { rows: [stat] } = await client.query<{ deadlocks: string }>(
      'select deadlocks from pg_stat_database where datname = current_database()',
    );
    return {
      deadlocks: Number(stat?.deadlocks ?? 0),
      bunched: Object.fromEntries(bunched.map((b) => [b.channel, Number(b.n)])),
      events: Number(counts.events),
      done: Number(counts.done),
      unanswered: Number(counts.unanswered),
      multiple: Number(counts.multiple),
      outbox: Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)])),
      inbound: percentiles(stages.map((s) => Number(s.inbound))),
      outboundWait: percentiles(stages.map((s) => Number(s.wait))),
      send: percentiles(stages.map((s) => Number(s.send))),
    };
  } finally {
    await client.end();
  }
}
