/**
 * `npm run eval -- <suite>`: accuracy evaluations over the corpora in the repository (how well the product
 * understands people, how well it reads plans). Each suite is `eval/<suite>.ts` exporting `runEval(args)`, which
 * prints its figures and resolves to whether its targets were met. Evaluations measure; tests assert.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What every suite exports. */
export interface EvalSuite {
  runEval(args: string[]): Promise<boolean>;
}

const here = dirname(fileURLToPath(import.meta.url));
const suites = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'main.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

const [name, ...rest] = process.argv.slice(2);
if (!name || name === '--help' || !suites.includes(name)) {
  const known = suites.length ? suites.join(', ') : '(none yet)';
  console.log(`Cách dùng: npm run eval -- <suite> [tùy chọn]\nCác suite: ${known}`);
  process.exit(name && name !== '--help' ? 2 : 0);
}
const suite = (await import(pathToFileURL(join(here, `${name}.ts`)).href)) as EvalSuite;
process.exit((await suite.runEval(rest)) ? 0 : 1);
