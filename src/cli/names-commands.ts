import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { csvLine } from '../csv.js';
import { decodeText } from '../watchlists/text.js';
import { configFrom, operatorActor, withServices, type GlobalOptions } from './context.js';
import { compareCsv, readPersonsCsv, SCREEN_COLUMNS, screenResultLines } from './names.js';

const warn = (message: string) => process.stderr.write(`${message}\n`);

function threshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!(number >= 0.5 && number <= 1)) throw new Error('--threshold must be a number from 0.5 to 1');
  return number;
}

/** `interdict names ...` and `interdict watchlist ...`. */
export function registerNameCommands(program: Command, globals: () => GlobalOptions): void {
  const names = program.command('names').description('name matching and screening');
  names
    .command('compare')
    .description(
      'read CSV "name1,name2[,kind]" (kind: person or organisation) on standard input; write "name1,name2,score,match"',
    )
    .action(async () => {
      const summary = await compareCsv(process.stdin, process.stdout, warn);
      if (process.stderr.isTTY) warn(`${summary.pairs} pairs compared, ${summary.matches} match`);
    });
  names
    .command('screen')
    .description(
      'screen a CSV of persons (name[,id,date_of_birth,nationality,sex,document_number]) against the stored lists',
    )
    .requiredOption('--list <file>', 'CSV file of persons')
    .option(
      '--threshold <score>',
      'list candidates from this score (0.5 to 1; default: the operating threshold)',
    )
    .option('--limit <n>', 'candidates per person', '5')
    .action(async (options: { list: string; threshold?: string; limit: string }) => {
      const config = configFrom(globals());
      const { persons, problems } = readPersonsCsv(decodeText(await readFile(options.list)));
      problems.forEach(warn);
      if (persons.length === 0) throw new Error(`${options.list}: no person to screen`);
      const limit = Math.max(1, Math.min(100, Number(options.limit) || 5));
      const minimum = threshold(options.threshold);
      const results = await withServices(config, async (services) => {
        const actor = await operatorActor(services, config);
        const status = await services.watchlists.names.indexStatus(actor);
        if (status.entries === 0)
          warn('no active watchlist entry is stored: import a list first (interdict watchlist import)');
        return services.watchlists.names.screenBatch(
          actor,
          persons.map(({ line: _line, id: _id, ...query }) => ({
            ...query,
            limit,
            ...(minimum ? { threshold: minimum } : {}),
          })),
          basename(options.list),
        );
      });
      process.stdout.write(`${csvLine(SCREEN_COLUMNS)}\n`);
      for (const line of screenResultLines(persons, results)) process.stdout.write(`${line}\n`);
      const withHits = results.filter((candidates) => candidates.some((c) => c.match)).length;
      warn(`${persons.length} persons screened, ${withHits} with a hit`);
    });

  const watchlist = program.command('watchlist').description('watchlists');
  watchlist
    .command('list')
    .description('the stored lists')
    .action(async () => {
      const config = configFrom(globals());
      const lists = await withServices(config, async (services) =>
        services.watchlists.list(await operatorActor(services, config), { includeInactive: true }),
      );
      if (lists.items.length === 0) process.stdout.write('no watchlist yet\n');
      for (const list of lists.items)
        process.stdout.write(
          `${list.id}  ${list.name}  (${list.kind}, ${list.source}, ${list.activeEntries} active entries${list.active ? '' : ', inactive'})\n`,
        );
    });
  watchlist
    .command('import')
    .description(
      'import the UN Security Council list XML (--un) or a CSV file (the template) into a list (--list)',
    )
    .argument('<file>')
    .option('--un', 'the file is the UN Security Council Consolidated List XML')
    .option('--list <name or id>', 'the list a CSV file goes into')
    .option('--preview', 'show what would change, store nothing')
    .action(async (file: string, options: { un?: boolean; list?: string; preview?: boolean }) => {
      if (!options.un === !options.list) throw new Error('give either --un or --list <name or id>');
      const config = configFrom(globals());
      const content = decodeText(await readFile(file));
      const report = await withServices(config, async (services) => {
        const actor = await operatorActor(services, config);
        if (options.un)
          return services.watchlists.importUn(
            actor,
            { content, fileName: basename(file) },
            !!options.preview,
          );
        const lists = (await services.watchlists.list(actor, { includeInactive: true })).items;
        const list = lists.find(
          (l) => l.id === options.list || l.name.toLowerCase() === options.list!.toLowerCase(),
        );
        if (!list) throw new Error(`no list named "${options.list}" (see interdict watchlist list)`);
        return services.watchlists.importCsv(
          actor,
          list.id,
          { content, fileName: basename(file) },
          !!options.preview,
        );
      });
      for (const list of report.lists) {
        const c = list.counts;
        process.stdout.write(
          `${list.name}: ${c.total} in the file; ${c.added} added, ${c.updated} updated, ${c.reactivated} reactivated, ${c.deactivated} deactivated, ${c.unchanged} unchanged\n`,
        );
      }
      for (const issue of report.errors) process.stdout.write(`error: ${issue.where}: ${issue.message}\n`);
      for (const issue of report.warnings)
        process.stdout.write(`warning: ${issue.where}: ${issue.message}\n`);
      process.stdout.write(`${report.status}${report.status === 'preview' ? ' (nothing stored)' : ''}\n`);
      if (report.status === 'rejected') process.exitCode = 1;
    });
}
