/** `invite <role> --unit <code>`: print a one-time code a staff member sends to the bot to link their account. */
import { parseArgs } from 'node:util';
import { createInvite } from '../../db/repositories/invites.js';
import { foldText } from '../domain/text-folding.js';
import { STAFF_ROLES, type StaffRole } from '../org/org-file.js';
import { roleLabels } from '../messages/vi.js';
import { CliError, withDatabase } from './cli-context.js';

export const inviteHelp = `Usage: npm run cli -- invite <role> [--unit <code>] [--ward <code>] [--group "<tổ dân phố>"] [--person <id>] [--hours <n>]

Roles: ${STAFF_ROLES.join(', ')}
Prints a single-use code (e.g. MOI-7K3Q9D), valid 72 hours unless --hours says otherwise.
The person sends the code to the bot on Zalo, Telegram or the web chat to take the role.
Examples:
  npm run cli -- invite ward_officer --unit KTHTDT
  npm run cli -- invite group_leader --ward 11383 --group "Tổ dân phố số 1"`;

export async function invite(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      unit: { type: 'string' },
      ward: { type: 'string' },
      group: { type: 'string' },
      person: { type: 'string' },
      hours: { type: 'string', default: '72' },
    },
  });
  const role = positionals[0] as StaffRole | undefined;
  if (!role || !STAFF_ROLES.includes(role)) {
    throw new CliError(`<role> must be one of ${STAFF_ROLES.join(', ')}${role ? ` (got "${role}")` : ''}\n\n${inviteHelp}`);
  }
  const hours = Number(values.hours);
  if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 30) throw new CliError('--hours must be a whole number from 1 to 720');
  if ((role === 'group_leader' || role === 'deputy_group_leader') && !values.group) {
    throw new CliError('--group is required for group leaders (the name of their tổ dân phố)');
  }
  return withDatabase(async (db) => {
    const unit = values.unit
      ? await db.selectFrom('units').select(['code', 'name', 'ward_code']).where('code', '=', values.unit).executeTakeFirst()
      : undefined;
    if (values.unit && !unit) throw new CliError(`--unit: no unit with code "${values.unit}" (import the org file first)`);
    const wardCode = values.ward ?? unit?.ward_code ?? (await onlyWard(db));
    if (values.ward && !(await db.selectFrom('wards').select('code').where('code', '=', values.ward).executeTakeFirst())) {
      throw new CliError(`--ward: no ward with code "${values.ward}"`);
    }
    let groupId: number | null = null;
    if (values.group) {
      if (!wardCode) throw new CliError('--ward is required with --group when several wards are loaded');
      const group = await db
        .selectFrom('residential_groups')
        .select('id')
        .where('ward_code', '=', wardCode)
        .where('name_key', '=', foldText(values.group))
        .executeTakeFirst();
      if (!group) throw new CliError(`--group: no tổ dân phố "${values.group}" in ward ${wardCode}`);
      groupId = group.id;
    }
    let personId: number | null = null;
    if (values.person) {
      const person = await db.selectFrom('people').select('id').where('id', '=', Number(values.person)).executeTakeFirst();
      if (!person) throw new CliError(`--person: no person with id ${values.person}`);
      personId = person.id;
    }
    const created = await createInvite(db, { role, unitCode: unit?.code ?? null, wardCode, groupId, personId, validForHours: hours });
    return [
      `Mã mời: ${created.code}`,
      `Vai trò: ${roleLabels[role]}${unit ? ` – ${unit.name}` : ''}`,
      `Hết hạn: ${created.expiresAt.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })} (dùng một lần)`,
      'Người được mời gửi mã này cho trợ lý của phường trên Zalo, Telegram hoặc web chat.',
    ].join('\n');
  });
}

async function onlyWard(db: Parameters<Parameters<typeof withDatabase>[0]>[0]): Promise<string | null> {
  const wards = await db.selectFrom('wards').select('code').limit(2).execute();
  return wards.length === 1 ? wards[0].code : null;
}
