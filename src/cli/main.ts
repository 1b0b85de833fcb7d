/**
 * `npm run cli -- <verb> …`: the admin's tools. Bad input gets a clear message naming the field and a non-zero
 * exit, never a stack trace.
 */
import { ConfigError } from '../config.js';
import { OrgFileError } from '../org/org-file.js';
import { CliError } from './cli-context.js';
import { invite, inviteHelp } from './invite.js';
import { outboxUndelivered, outboxUndeliveredHelp } from './outbox-undelivered.js';
import { orgImport, orgImportHelp } from './org-import.js';
import { planImport, planImportHelp, planImportXlsx, planImportXlsxHelp } from './plan-import.js';
import { planExport, planExportHelp, planReport, planReportHelp } from './plan-report.js';
import { phonesExport, phonesExportHelp } from './phones-export.js';
import { phonesSet, phonesSetHelp } from './phones-status.js';
import { phonesSummary, phonesSummaryHelp } from './phones-summary.js';

process.env.TZ = 'Asia/Ho_Chi_Minh';

const usage = `Usage: npm run cli -- <command>

Commands:
  org import <file>          load the organisation (wards, tổ dân phố, units, staff)
  invite <role> --unit <c>   print a one-time code that links a staff member's chat account
  plan import <file>         propose (and with --commit, save) a plan's tasks
  plan import-xlsx <file>    the same from a task spreadsheet (.xlsx)
  plan report <plan> --out   the progress report (.xlsx or .docx)
  plan export <plan> --out   the plan's tasks as a spreadsheet (.xlsx)
  phones export --out <f>    the ad phone numbers for the operators, one sheet per carrier (.xlsx)
  phones summary             the department's summary by ward and month (table, --json or --out .xlsx)
  outbox undelivered         messages that reached no one, and why
  phones set <number> <act>  record a letter step (request_suspension…) or correct a number's carrier

Add --help after a command for its options.`;

type Verb = (args: string[]) => Promise<string>;

const verbs: Record<string, { help: string; run: Verb }> = {
  'org import': { help: orgImportHelp, run: (args) => orgImport(args[0]) },
  invite: { help: inviteHelp, run: invite },
  'plan import': { help: planImportHelp, run: planImport },
  'plan import-xlsx': { help: planImportXlsxHelp, run: planImportXlsx },
  'plan report': { help: planReportHelp, run: planReport },
  'plan export': { help: planExportHelp, run: planExport },
  'phones export': { help: phonesExportHelp, run: phonesExport },
  'phones summary': { help: phonesSummaryHelp, run: phonesSummary },
  'phones set': { help: phonesSetHelp, run: phonesSet },
  'outbox undelivered': { help: outboxUndeliveredHelp, run: outboxUndelivered },
};

async function main(argv: string[]): Promise<number> {
  const key = verbs[`${argv[0]} ${argv[1]}`] ? `${argv[0]} ${argv[1]}` : argv[0];
  const verb = key ? verbs[key] : undefined;
  if (!verb) {
    console.log(usage);
    return argv.length === 0 || argv[0] === '--help' ? 0 : 2;
  }
  const args = argv.slice(key.split(' ').length);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(verb.help);
    return 0;
  }
  try {
    console.log(await verb.run(args));
    return 0;
  } catch (error) {
    if (error instanceof CliError || error instanceof OrgFileError || error instanceof ConfigError) {
      console.error(`Error: ${error.message}`);
      return 2;
    }
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`Error: ${error.message}\n\n${verb.help}`);
      return 2;
    }
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// Exit once stdout is flushed: a large `--json` proposal piped to another program was cut short otherwise.
main(process.argv.slice(2)).then((code) => process.stdout.write('', () => process.exit(code)));
