/**
 * `phones summary [--from YYYY-MM] [--to YYYY-MM] [--json] [--out file.xlsx]`: the periodic summary for the
 * department, by ward and month. Read-only.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPhoneSummary, isMonth, phoneSummaryText, phoneSummaryXlsx } from '../reports/phone-summary.js';
import { CliError, withDatabase } from './cli-context.js';

export const phonesSummaryHelp = `Usage: npm run cli -- phones summary [--from YYYY-MM] [--to YYYY-MM] [--json] [--out <file.xlsx>]

The summary for the Department of Science and Technology (Phòng Hạ tầng số và Quản lý chuyên ngành):
per ward and month, the ad phone numbers found (first seen that month), warned, committed to remove,
proposed for suspension, requested from the operator, and suspended. A number counts for the ward
where it was first seen. Months are inclusive; without --from/--to, every month.

  --json   print the figures as JSON instead of a table
  --out    also write them as a spreadsheet (.xlsx)
Example: npm run cli -- phones summary --from 2026-01 --to 2026-06 --out tong-hop.xlsx`;

/** `phones summary`. */
export async function phonesSummary(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } },
  });
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}"\n\n${phonesSummaryHelp}`);
  for (const option of ['from', 'to'] as const) {
    const value = values[option];
    if (value !== undefined && !isMonth(value)) throw new CliError(`--${option} must be a month written YYYY-MM (got "${value}")`);
  }
  if (values.from && values.to && values.from > values.to) throw new CliError(`--from (${values.from}) is after --to (${values.to})`);
  const out = values.out;
  if (out !== undefined && extname(out).toLowerCase() !== '.xlsx') throw new CliError(`--out must end in .xlsx (got "${out}")`);

  return withDatabase(async (db) => {
    const summary = await buildPhoneSummary(db, { from: values.from, to: values.to });
    if (out !== undefined) {
      const bytes = await phoneSummaryXlsx(summary, new Date());
      await writeFile(out, bytes).catch(() => {
        throw new CliError(`cannot write ${out}`);
      });
    }
    const printed = values.json ? JSON.stringify(summary, null, 2) : phoneSummaryText(summary);
    return out !== undefined && !values.json ? `${printed}\nWrote ${out}.` : printed;
  });
}
