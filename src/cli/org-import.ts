/** `org import <file>`: load wards, tổ dân phố, units and staff from a YAML/JSON file. */
import { readFile } from 'node:fs/promises';
import { importOrganisation } from '../../db/repositories/org.js';
import { parseOrgFile } from '../org/org-file.js';
import { CliError, withDatabase } from './cli-context.js';

export const orgImportHelp = `Usage: npm run cli -- org import <file.yaml|file.json>

Loads wards (with their tổ dân phố: polygon, centre, streets), units and staff with roles.
Importing the same file again updates what changed and duplicates nothing.
Example: npm run cli -- org import examples/le-chan.org.yaml`;

export async function orgImport(file: string | undefined): Promise<string> {
  if (!file) throw new CliError(`missing <file>\n\n${orgImportHelp}`);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new CliError(`cannot read ${file}`);
  });
  const org = parseOrgFile(text);
  const summary = await withDatabase((db) => importOrganisation(db, org));
  return `Imported ${summary.wards} ward(s), ${summary.residentialGroups} tổ dân phố, ${summary.units} unit(s), ${summary.people} staff.`;
}
