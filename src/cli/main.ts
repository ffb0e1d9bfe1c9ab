/**
 * The command-line program. Commands are imported only when run, so `--version` and `--help`
 * start fast. Exit codes: 0 success, 1 findings beyond --fail-on, 2 usage errors or invalid input.
 */
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { CHECK_FORMATS, COMPARE_FORMATS, EXTRACT_FORMATS, describeFormats } from '../report/formats.js';
import { FACT_KINDS, STATUSES } from '../types.js';
import { escapeControls } from '../report/sanitize.js';
import { EXIT, UsageError, writeErr } from './shared.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function common(cmd: Command): Command {
  return cmd
    .option('--corpus <dir>', 'corpus directory (default: "corpus" of the configuration file, else ./corpus when it exists, else the bundled sample corpus)')
    .option('--gazetteer <file>', 'extra gazetteer entities (JSON); repeatable', collect)
    .option('--calendar <file>', 'extra meetings for the calendar (JSON, like knowledge/meetings.json); repeatable', collect)
    .option('--max-file-size <bytes>', 'skip article files larger than this (default 5m)')
    .option('--follow-symlinks', 'follow symbolic links that point outside the corpus directory')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also NO_COLOR=1)');
}

function formatOption(formats: Record<string, { description: string }>, fallback: string | undefined): Option {
  const option = new Option('--format <format>', `output format: ${describeFormats(formats)}`).choices(Object.keys(formats));
  return fallback === undefined ? option : option.default(fallback);
}

const factOption = () => new Option('--fact <fact>', `only these facts (repeatable, or comma-separated): ${FACT_KINDS.join(', ')}`).argParser(collect);
const statusOption = () => new Option('--status <status>', `only comparisons with these statuses (repeatable, or comma-separated): ${STATUSES.join(', ')}`).argParser(collect);

/** `Examples:` after a command's help: one command line per example, each with what it does. */
function examples(list: ReadonlyArray<readonly [command: string, what: string]>): string {
  return `\nExamples:\n${list.map(([command, what]) => `  $ istanbul-talks ${command}\n      ${what}`).join('\n')}\n`;
}

const outputOption = () => new Option('--output <file>', 'write the result to this file (atomically) instead of stdout');
const failOnOption = (fallback: string) =>
  new Option('--fail-on <level>', 'exit 1 when findings reach this level').choices(['conflict', 'compatible', 'never']).default(fallback);
const fromFactsOption = () =>
  new Option('--from-facts <file...>', 'compare fact records written by `extract --format ndjson` (shards are merged; - reads stdin) instead of a corpus');

export function buildProgram(): Command {
  const program = new Command('istanbul-talks')
    .description('Compare what news outlets report about the Russia–Ukraine talks in Istanbul, fact by fact.')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // One prefix for every error, commander's included ("error: unknown option" otherwise).
    .configureOutput({ writeErr: (s) => writeErr(s), outputError: (s, write) => write(s.replace(/^error: /, 'istanbul-talks: ')) })
    .exitOverride()
    // The configuration file fills in what the command line leaves out (config.ts).
    .hook('preAction', async (_program, command) => {
      const { applyConfig, findConfig } = await import('./config.js');
      const found = findConfig();
      if (found) applyConfig(command, found);
    })
    .addHelpText(
      'after',
      examples([
        ['compare', 'compare the articles in ./corpus, meeting by meeting'],
        ['check --corpus articles --format github', 'CI: fail on a contradiction the baseline does not list'],
        ['extract --format ndjson | istanbul-talks compare --from-facts -', 'the same comparison, through a pipe'],
        ['help compare', "a command's options and examples"],
      ]),
    );

  common(
    program
      .command('compare')
      .description('compare what each outlet reports about each fact of each meeting')
      .addOption(formatOption(COMPARE_FORMATS, 'table'))
      .addOption(outputOption())
      .addOption(fromFactsOption())
      .addOption(factOption())
      .option('--outlet <outlet>', 'only comparisons involving these outlets, the others kept as context (name or id, any case; repeatable)', collect)
      .option('--event <date>', 'only these meetings, YYYY-MM-DD (repeatable)', collect)
      .addOption(statusOption())
      .option('--merge-events', 'compare the whole corpus as one meeting')
      .option('--tolerance <t>', 'relative tolerance for figures', '0.1')
      .option('--evidence', 'show the quote and file:line:column behind each value')
      .addOption(failOnOption('never'))
      .addHelpText(
        'after',
        examples([
          ['compare', 'every fact of every meeting, outlets side by side'],
          ['compare --status conflict,compatible --evidence', 'only the disagreements, with the quote behind each value'],
          ['compare --outlet "Financial Times" --event 2025-05-16', "one outlet's facts of one meeting, the other outlets as context"],
          ['compare --format json | jq \'.summary\'', 'the counts, for a script'],
        ]),
      ),
  ).action(async (opts) => (await import('./compare.js')).runCompare(opts));

  common(
    program
      .command('extract')
      .description('extract fact records with their evidence')
      .addOption(formatOption(EXTRACT_FORMATS, undefined).default(undefined, 'json; ndjson with --shard'))
      .addOption(outputOption())
      .option('--shard <i/n>', 'only the I-th of N slices of the corpus files, sorted by path (1-based), for merging with --from-facts')
      .addOption(factOption())
      .addHelpText(
        'after',
        examples([
          ['extract --format table --fact venue', 'every venue found, with its quote and line:column'],
          ['extract --format ndjson > facts.ndjson', 'the records that compare --from-facts reads back'],
          ['extract --shard 2/4 --output facts-2.ndjson', 'the second quarter of the corpus, for a sharded run'],
        ]),
      ),
  ).action(async (opts) => (await import('./extract.js')).runExtract(opts));

  common(
    program
      .command('check')
      .description('CI: the corpus loads cleanly and no disagreement reaches --fail-on beyond the baseline')
      .addOption(formatOption(CHECK_FORMATS, 'table'))
      .addOption(outputOption())
      .addOption(fromFactsOption())
      .option('--baseline <file>', 'reviewed disagreements (default: .istanbul-talks-baseline.json when it exists)')
      .option('--update-baseline', 'write the current disagreements to the baseline and exit 0')
      .addOption(failOnOption('conflict'))
      .option('--max-findings <n>', 'exit 1 only when more than N disagreements fail', '0')
      .option('--merge-events', 'compare the whole corpus as one meeting')
      .option('--tolerance <t>', 'relative tolerance for figures', '0.1')
      .option('--quiet', 'report only new findings and the summary (not the known, suppressed or stale ones)')
      .addHelpText(
        'after',
        examples([
          ['check --corpus articles', 'exit 1 when a new contradiction appears, 2 when an article is broken'],
          ['check --corpus articles --update-baseline', 'accept the current disagreements as reviewed'],
          ['check --corpus articles --format github --quiet', 'annotations on a pull request, new findings only'],
        ]),
      ),
  ).action(async (opts) => (await import('./check.js')).runCheck(opts));

  program
    .command('add')
    .description('import plain-text articles into the corpus with front matter, and print the facts found in them')
    .argument('<file...>', 'plain-text article files (UTF-8)')
    .requiredOption('--outlet <outlet>', 'the outlet that published the articles')
    .requiredOption('--published <date>', 'publication date: YYYY-MM-DD or an ISO date-time')
    .option('--url <url>', 'the article URL')
    .option('--title <title>', 'the title (default: the first line of the text)')
    .addOption(new Option('--id-from <source>', 'article id from outlet and date, or from the file name').choices(['outlet-date', 'file']).default('outlet-date'))
    .option('--force', 'replace an article that has the same id')
    .option('--corpus <dir>', 'corpus directory (default: ./corpus, created when missing)')
    .option('--gazetteer <file>', 'extra gazetteer entities (JSON); repeatable', collect)
    .option('--calendar <file>', 'extra meetings for the calendar (JSON, like knowledge/meetings.json); repeatable', collect)
    .option('--max-file-size <bytes>', 'refuse input files larger than this (default 5m)')
    .addOption(formatOption(EXTRACT_FORMATS, 'table'))
    .addOption(outputOption())
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (also NO_COLOR=1)')
    .addHelpText(
      'after',
      examples([
        ['add story.txt --outlet Reuters --published 2025-05-16', 'corpus/reuters-2025-05-16.md, and the facts found in it'],
        ['add *.txt --outlet "Kyiv Independent" --published 2025-06-02 --id-from file', 'several articles, each named after its file'],
      ]),
    )
    .action(async (files: string[], opts) => (await import('./add.js')).runAdd(files, opts));

  common(
    program
      .command('sources')
      .description('list the articles: outlet, published date, detected meeting, facts and diagnostics')
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
      .addHelpText('after', examples([['sources', 'which meeting each article is about, and how many facts it gave']])),
  ).action(async (opts) => (await import('./sources.js')).runSources(opts));

  common(
    program
      .command('explain')
      .description("one fact: every outlet's value with its quote and file:line:column, and a word diff between differing quotes")
      .argument('<fact>', `fact kind: ${FACT_KINDS.join(', ')}`)
      .option('--subject <subject>', 'only this subject (russia, ukraine, …)')
      .option('--event <date>', 'only these meetings (repeatable)', collect)
      .option('--merge-events', 'treat the whole corpus as one meeting')
      .option('--tolerance <t>', 'relative tolerance for figures', '0.1')
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
      .addHelpText(
        'after',
        examples([
          ['explain duration', 'each outlet\'s duration with its quote, and a word diff between differing quotes'],
          ['explain delegation-head --subject russia --event 2025-05-16', 'who headed the Russian delegation on 16 May 2025, by outlet'],
        ]),
      ),
  ).action(async (fact, opts) => (await import('./explain.js')).runExplain(fact, opts));

  common(
    program
      .command('names')
      .description('house style: how each outlet spells the people and places several outlets name')
      .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
      .addHelpText('after', examples([['names', 'Dolmabahçe or Dolmabahce? How each outlet spells the names several outlets use']])),
  ).action(async (opts) => (await import('./names.js')).runNames(opts));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) {
      // `--help`, `help CMD` and `--version` all end here with exit code 0.
      if (error.exitCode === 0) return EXIT.ok;
      return EXIT.invalid;
    }
    if (error instanceof UsageError) {
      writeErr(`istanbul-talks: ${error.message}\n`);
      return EXIT.invalid;
    }
    const message = error instanceof Error ? error.message : String(error);
    // An error about a place in a file names it (file:line:), unless its message does already.
    const file = error instanceof Error ? (error as { file?: unknown }).file : undefined;
    const where = typeof file === 'string' && file !== '' && !message.includes(`${file}:`) ? `${escapeControls(file)}:${Number((error as { line?: unknown }).line ?? 1)}: ` : '';
    writeErr(`istanbul-talks: ${where}${message}\n`);
    return EXIT.invalid;
  }
}
