/** Invite codes: single-use, expiring, linking a chat account to a staff role. */
import { randomInt } from 'node:crypto';
import type { Transaction } from 'kysely';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH, INVITE_CODE_PREFIX } from '../../src/domain/intents.js';
import type { Db } from '../database.js';
import type { Database } from '../schema.js';

type Executor = Db | Transaction<Database>;

const DIGITS = '23456789';

/**
 * A code like MOI-7K3Q9D: no 0/O/1/I/L (read aloud, typed on phones), and always with a digit, so that "moi
 * khuyen…" typed in chat is never taken for a code (see `parseInviteCode`).
 */
export function generateInviteCode(): string {
  let body = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i += 1) body += INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)];
  if (!/\d/.test(body)) {
    const at = randomInt(INVITE_CODE_LENGTH);
    body = body.slice(0, at) + DIGITS[randomInt(DIGITS.length)] + body.slice(at + 1);
  }
  return `${INVITE_CODE_PREFIX}-${body}`;
}

export interface NewInvite {
  role: string;
  unitCode?: string | null;
  wardCode?: string | null;
  groupId?: number | null;
  personId?: number | null;
  validForHours: number;
}

export async function createInvite(db: Executor, invite: NewInvite, now = new Date()) {
  const code = generateInviteCode();
  const expiresAt = new Date(now.getTime() + invite.validForHours * 3_600_000);
  await db
    .insertInto('invites')
    .values({
      code,
      role: invite.role,
      unit_code: invite.unitCode ?? null,
      ward_code: invite.wardCode ?? null,
      group_id: invite.groupId ?? null,
      person_id: invite.personId ?? null,
      expires_at: expiresAt,
    })
    .execute();
  return { code, expiresAt };
}

export type RedeemResult =
  | { ok: true; personId: number; role: string; unitCode: string | null }
  | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/**
 * Redeem a code for the person writing: the invite's person (or a new staff person) takes over the chat
 * account. The row lock makes a code single-use even when two people type it at the same moment.
 */
export async function redeemInvite(
  trx: Transaction<Database>,
  code: string,
  currentPersonId: number,
  now: Date,
): Promise<RedeemResult> {
  const invite = await trx.selectFrom('invites').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
  if (!invite) return { ok: false, reason: 'unknown' };
  if (invite.used_at) return { ok: false, reason: 'used' };
  if (invite.expires_at.getTime() < now.getTime()) return { ok: false, reason: 'expired' };
  let personId = invite.person_id;
  if (personId === null) {
    personId = currentPersonId;
    await trx
      .updateTable('people')
      .set({ role: invite.role, unit_code: invite.unit_code, ward_code: invite.ward_code, group_id: invite.group_id })
      .where('id', '=', personId)
      .execute();
  }
  await trx.updateTable('invites').set({ used_at: now, used_by: personId }).where('code', '=', code).execute();
  return { ok: true, personId, role: invite.role, unitCode: invite.unit_code };
}
