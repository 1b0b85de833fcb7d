/**
 * `phones set <number> [<action>] [--note …] [--letter-no … --letter-date YYYY-MM-DD --operator …] [--carrier …]`:
 * the department's steps on a number that happen outside the chat — the letter asking the operator to suspend
 * it, the operator's confirmation, the restoration — and the correction of its carrier (a ported number).
 * Goes through the registry's state machine under its row lock, like the chat commands.
 */
import { parseArgs } from 'node:util';
import { applyPhoneAction } from '../../db/repositories/ad-phones.js';
import { PHONE_STATUSES, phoneTransition, type PhoneAction, type PhoneActionInput } from '../domain/phones/phone-enforcement.js';
import { carrierLabel, normalizePhoneNumber, type Carrier, type PhoneRejection } from '../domain/phone-numbers.js';
import { isoDate } from '../domain/plans/plan-dates.js';
import { CARRIER_KEYS, OTHER_CARRIER } from '../reports/phone-export.js';
import { CliError, withDatabase } from './cli-context.js';

/** The steps the department records from the CLI; the ward's steps (warn, commit, propose…) are done in chat. */
export const CLI_PHONE_ACTIONS = ['request_suspension', 'confirm_suspended', 'restore'] as const satisfies readonly PhoneAction[];
type CliPhoneAction = (typeof CLI_PHONE_ACTIONS)[number];

export const phonesSetHelp = `Usage: npm run cli -- phones set <number> [<action>] [--note <text>]
                                   [--letter-no <no> --letter-date YYYY-MM-DD --operator <name>]
                                   [--carrier <carrier>]

Records a step of the department on a number printed on ads:
  request_suspension   the letter asking the operator to suspend two-way service
                       (needs --letter-no, --letter-date and --operator; the number must be suspension_proposed)
  confirm_suspended    the operator confirmed the suspension (after request_suspension)
  restore              service restored (after confirm_suspended)
--carrier corrects the number's carrier (a ported number): one of ${CARRIER_KEYS.join(', ')}.
It can be given alone (no action) or with an action.
Examples:
  npm run cli -- phones set "0982 582 971" request_suspension --letter-no 125/SKHCN-HTS --letter-date 2026-11-20 --operator Viettel
  npm run cli -- phones set 0982582971 --carrier vinaphone`;

/** Why a typed number was refused, in words. */
const REJECTIONS: Record<PhoneRejection, string> = {
  too_short: 'too few digits (a Vietnamese mobile number has 10, e.g. 0982 582 971)',
  too_long: 'too many digits for its prefix',
  unknown_prefix: 'no Vietnamese mobile or landline number starts like that',
  not_a_number: 'it contains characters that are not part of a phone number',
};

/** `phones set`. */
export async function phonesSet(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      note: { type: 'string' },
      'letter-no': { type: 'string' },
      'letter-date': { type: 'string' },
      operator: { type: 'string' },
      carrier: { type: 'string' },
    },
  });
  const [typed, actionText, extra] = positionals;
  if (!typed) throw new CliError(`missing <number>\n\n${phonesSetHelp}`);
  if (extra !== undefined) throw new CliError(`unexpected argument "${extra}" (quote a number written with spaces)`);
  const parsed = normalizePhoneNumber(typed);
  if (!parsed.ok) throw new CliError(`<number>: "${typed}" is not a valid phone number: ${REJECTIONS[parsed.reason]} (${parsed.reason})`);
  const { e164, display } = parsed.phone;

  if (actionText === undefined && values.carrier === undefined) throw new CliError(`give an <action> or --carrier\n\n${phonesSetHelp}`);
  if (actionText !== undefined && !(CLI_PHONE_ACTIONS as readonly string[]).includes(actionText)) {
    throw new CliError(`<action> must be one of ${CLI_PHONE_ACTIONS.join(', ')} (got "${actionText}"); the ward's steps are recorded in chat`);
  }
  const action = actionText as CliPhoneAction | undefined;
  const carrier = values.carrier?.trim().toLowerCase();
  if (carrier !== undefined && !(CARRIER_KEYS as readonly string[]).includes(carrier)) {
    throw new CliError(`--carrier: unknown carrier "${values.carrier}"; valid: ${CARRIER_KEYS.join(', ')}`);
  }
  const letterOptions = (['letter-no', 'letter-date', 'operator'] as const).filter((o) => values[o] !== undefined);
  if (letterOptions.length > 0 && action !== 'request_suspension') {
    throw new CliError(`--${letterOptions[0]} only goes with request_suspension`);
  }
  const letterDate = values['letter-date'];
  if (letterDate !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(letterDate);
    if (!m || !isoDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new CliError(`--letter-date must be a date written YYYY-MM-DD (got "${letterDate}")`);
  }
  const input: PhoneActionInput = {
    note: values.note ?? null,
    letterNo: values['letter-no'] ?? null,
    letterDate: letterDate ?? null,
    operator: values.operator ?? null,
  };
  if (action === 'request_suspension' && (!input.letterNo?.trim() || !input.letterDate || !input.operator?.trim())) {
    throw new CliError('request_suspension needs --letter-no, --letter-date and --operator (the letter sent to the operator)');
  }

  return withDatabase((db) =>
    db.transaction().execute(async (trx) => {
      const phone = await trx.selectFrom('ad_phones').selectAll().where('e164', '=', e164).forUpdate().executeTakeFirst();
      if (!phone) throw new CliError(`<number>: ${display} is not in the registry (numbers enter it from residents' reports)`);
      const lines: string[] = [];
      const now = new Date();
      if (carrier !== undefined) {
        const next = carrier === OTHER_CARRIER ? null : carrier;
        await trx.updateTable('ad_phones').set({ carrier: next, carrier_corrected: true }).where('e164', '=', e164).execute();
        lines.push(`${display}: carrier ${carrierName(phone.carrier)} → ${carrierName(next)} (marked as corrected by staff)`);
      }
      if (action !== undefined) {
        const result = await applyPhoneAction(trx, e164, action, { personId: null, role: 'admin' }, input, now);
        if (!result.ok) {
          if (result.reason === 'invalid_from_state') {
            const from = PHONE_STATUSES.filter((s) => phoneTransition(s, action, 'admin', { ...input, note: 'x', letterNo: 'x', letterDate: '2000-01-01', operator: 'x' }).ok);
            throw new CliError(`cannot ${action} ${display}: its status is ${phone.status}; ${action} needs ${from.join(' or ')}`);
          }
          throw new CliError(`cannot ${action} ${display}: ${result.reason}`);
        }
        const letter = action === 'request_suspension' ? ` (letter ${input.letterNo} of ${input.letterDate} to ${input.operator})` : '';
        lines.push(`${display}: ${result.from} → ${result.to}${letter}`);
      }
      return lines.join('\n');
    }),
  );
}

function carrierName(carrier: string | null): string {
  if (carrier === null) return 'none (landline or unknown)';
  return (CARRIER_KEYS as readonly string[]).includes(carrier) && carrier !== OTHER_CARRIER ? carrierLabel(carrier as Carrier) : carrier;
}
