/**
 * `phones export --status <s> [--status …] [--carrier <c>] [--ward <code>] --out <file.xlsx>`: the operators'
 * list as a workbook (cover sheet + one sheet per carrier, signed links to the evidence photos). Read-only:
 * exporting again changes nothing.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { PHONE_STATUSES, type PhoneStatus } from '../domain/phones/phone-enforcement.js';
import { mediaLinkSecret } from '../media/signed-links.js';
import { CARRIER_KEYS, EXPORT_LINK_DAYS, carrierSheetName, collectPhoneExport, phoneExportXlsx } from '../reports/phone-export.js';
import { CliError, withDatabase } from './cli-context.js';

export const phonesExportHelp = `Usage: npm run cli -- phones export [--status <status> …] [--carrier <carrier>] [--ward <code>] --out <file.xlsx>

Writes the list of phone numbers printed on illegal ads, for the telecom operators: a cover sheet
("Tổng hợp": totals by carrier and status) and one sheet per carrier (number, original carrier,
sightings, first/last seen, places, case codes, links to up to 3 evidence photos, status).
Never contains anything about the residents who reported.

  --status    repeatable; one of ${PHONE_STATUSES.join(', ')}
              (default: every status but dismissed)
  --carrier   one of ${CARRIER_KEYS.join(', ')} (other: landlines, 1800/1900, unknown)
  --ward      only numbers seen at least once in this ward (official code, e.g. 11383)
  --out       the file to write (.xlsx)

Photo links are absolute when PUBLIC_URL is set, and valid ${EXPORT_LINK_DAYS} days.
Example: npm run cli -- phones export --status suspension_proposed --carrier viettel --out viettel.xlsx`;

/** `phones export`. */
export async function phonesExport(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      status: { type: 'string', multiple: true },
      carrier: { type: 'string' },
      ward: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}"\n\n${phonesExportHelp}`);
  const statuses = (values.status ?? []).map((s) => s.trim());
  for (const s of statuses) {
    if (!PHONE_STATUSES.includes(s as PhoneStatus)) throw new CliError(`--status: unknown status "${s}"; valid: ${PHONE_STATUSES.join(', ')}`);
  }
  const carrier = values.carrier?.trim().toLowerCase();
  if (carrier !== undefined && !(CARRIER_KEYS as readonly string[]).includes(carrier)) {
    throw new CliError(`--carrier: unknown carrier "${values.carrier}"; valid: ${CARRIER_KEYS.join(', ')}`);
  }
  if (!values.out) throw new CliError(`missing --out <file.xlsx>\n\n${phonesExportHelp}`);
  if (extname(values.out).toLowerCase() !== '.xlsx') throw new CliError(`--out must end in .xlsx (got "${values.out}")`);
  const out = values.out;

  return withDatabase(async (db, config) => {
    if (values.ward !== undefined && !(await db.selectFrom('wards').select('code').where('code', '=', values.ward).executeTakeFirst())) {
      throw new CliError(`--ward: no ward with code "${values.ward}"`);
    }
    const data = await collectPhoneExport(db, {
      status: statuses as PhoneStatus[],
      carrier,
      wardCode: values.ward,
      now: new Date(),
      linkBase: config.publicUrl ?? '',
      mediaSecret: await mediaLinkSecret(db, config.mediaLinkSecret),
    });
    const bytes = await phoneExportXlsx(data);
    await writeFile(out, bytes).catch(() => {
      throw new CliError(`cannot write ${out}`);
    });
    const perCarrier = [...data.byCarrier]
      .filter(([, rows]) => rows.length > 0)
      .map(([key, rows]) => `${carrierSheetName(key)} ${rows.length}`)
      .join(', ');
    const relative = config.publicUrl ? '' : ' (PUBLIC_URL is unset: photo links are paths, not full URLs)';
    return `Wrote ${out}: ${data.total} number(s)${perCarrier ? ` — ${perCarrier}` : ''}; statuses: ${data.statuses.join(', ')}.${relative}`;
  });
}
