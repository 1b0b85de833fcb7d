/**
 * The Zalo OA token pair, kept in PostgreSQL. Refresh tokens are single-use: the new pair is committed before
 * the new access token is used, and a transaction-level advisory lock makes one process at a time refresh.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ZaloTokenSource, ZaloTokenPair } from './client.js';

/** Arbitrary constant: the advisory lock key of "refreshing the Zalo token". */
const REFRESH_LOCK_KEY = 720_216;

export interface ZaloTokenStoreOptions {
  /** Pair from the environment, used only when the database has none yet. */
  initial: { accessToken?: string; refreshToken: string };
  /** Calls Zalo's OAuth server with a refresh token; returns the new pair. */
  exchange(refreshToken: string): Promise<ZaloTokenPair>;
}

export function createZaloTokenStore(db: Db, options: ZaloTokenStoreOptions): ZaloTokenSource & { seed(): Promise<void> } {
  async function seed() {
    await db
      .insertInto('zalo_tokens')
      .values({
        id: 1,
        access_token: options.initial.accessToken ?? null,
        refresh_token: options.initial.refreshToken,
        updated_at: new Date(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  async function refresh(rejected: string | null): Promise<string> {
    return db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${REFRESH_LOCK_KEY})`.execute(trx);
      const row = await trx.selectFrom('zalo_tokens').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
      // Someone else refreshed while we waited for the lock: use their token.
      if (row.access_token && row.access_token !== rejected) return row.access_token;
      const pair = await options.exchange(row.refresh_token);
      await trx
        .updateTable('zalo_tokens')
        .set({
          access_token: pair.accessToken,
          refresh_token: pair.refreshToken,
          expires_at: new Date(Date.now() + pair.expiresInSeconds * 1000),
          updated_at: new Date(),
        })
        .where('id', '=', 1)
        .execute();
      return pair.accessToken;
    });
  }

  return {
    seed,
    async current() {
      const row = await db.selectFrom('zalo_tokens').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
      const fresh = row.access_token && (!row.expires_at || row.expires_at.getTime() > Date.now() + 60_000);
      return fresh ? row.access_token! : refresh(row.access_token);
    },
    refreshAfterRejection(rejected) {
      return refresh(rejected);
    },
  };
}
