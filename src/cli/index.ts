#!/usr/bin/env node
import { Command, Option } from 'commander';
import { roles } from '../access/model.js';
import { ConfigError } from '../config.js';
import { openDatabase, useBaselineWasmCompiler } from '../db/database.js';
import { migrate } from '../db/migrator.js';
import { startInterdict } from '../server/start.js';
import { registerAuditCommands } from './audit.js';
import { configFrom, operatorActor, withServices, type GlobalOptions } from './context.js';
import { formatSummary, ingestFiles } from './ingest.js';
import { registerNameCommands } from './names-commands.js';
import { JobWorker } from '../jobs/index.js';

const program = new Command('interdict')
  .description('Interdict: targeting, interdiction, seizures and exchange for inter-agency border units')
  .option('--data-dir <dir>', 'embedded database directory (default ./data, or DATA_DIR)')
  .option('--database-url <url>', 'PostgreSQL server instead of the embedded database (or DATABASE_URL)');

const globals = (): GlobalOptions => program.opts<GlobalOptions>();

program
  .command('serve')
  .description('start the server and the web UI')
  .option('--port <port>', 'port to listen on (default 8080, or PORT)')
  .option('--host <host>', 'address to listen on (default 127.0.0.1, or HOST)')
  .action(async (options: { port?: string; host?: string }) => {
    const config = configFrom(globals(), {
      ...(options.port ? { PORT: options.port } : {}),
      ...(options.host ? { HOST: options.host } : {}),
    });
    const running = await startInterdict(config);
    if (running.generatedAdminPassword) {
      process.stdout.write(
        `\nFirst start: created user "admin" with password\n\n    ${running.generatedAdminPassword}\n\n` +
          'It is shown only this once. Set INTERDICT_ADMIN_PASSWORD to choose it instead.\n\n',
      );
    }
    process.stdout.write(
      `Interdict is running at ${running.url} (database: ${running.services.database.kind})\n`,
    );
    const stop = async (signal: string) => {
      process.stdout.write(`${signal}: finishing in-flight requests, then closing the database\n`);
      await running.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });

program
  .command('migrate')
  .description('apply database migrations')
  .action(async () => {
    const config = configFrom(globals());
    const database = await openDatabase({
      ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
      dataDir: config.DATA_DIR,
    });
    try {
      const applied = await migrate(database);
      process.stdout.write(
        applied.length ? `applied: ${applied.join(', ')}\n` : 'the database is up to date\n',
      );
    } finally {
      await database.close();
    }
  });

program
  .command('ingest')
  .description('receive message files (or every file in folders) as if uploaded')
  .argument('<paths...>', 'files or folders')
  .option('--unit <code>', 'receiving unit (default: the installation PIU)')
  .option('--no-progress', 'no progress bar')
  .action(async (paths: string[], options: { unit?: string; progress: boolean }) => {
    const config = configFrom(globals());
    // A large folder into the embedded database: memory matters more than query speed here.
    if (!config.DATABASE_URL) useBaselineWasmCompiler();
    const summary = await withServices(config, async (services) => {
      const actor = await operatorActor(services, config, options.unit);
      return ingestFiles(services.messages, actor, paths, {
        progress: options.progress && process.stderr.isTTY,
      });
    });
    process.stdout.write(`${formatSummary(summary)}\n`);
    if (summary.rejected > 0) process.exitCode = 1;
  });

program
  .command('worker')
  .description('screen queued records against rules and watchlists (any number of these share the queue)')
  .option('--once', 'process what is queued, then stop')
  .action(async (options: { once?: boolean }) => {
    const config = configFrom(globals());
    await withServices(config, async (services) => {
      const worker = new JobWorker(services.jobs.queue, {
        log: {
          info: (o, m) => process.stdout.write(`${m} ${JSON.stringify(o)}\n`),
          error: (o, m) => process.stderr.write(`${m} ${JSON.stringify(o)}\n`),
        },
      });
      if (options.once) {
        process.stdout.write(`${await worker.drain()} screening jobs processed\n`);
        return;
      }
      worker.start();
      process.stdout.write(`screening worker ${worker.name} started\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await worker.stop();
    });
  });

const user = program.command('user').description('manage users');
user
  .command('create')
  .requiredOption('--username <name>')
  .requiredOption('--unit <code>', 'unit code, e.g. BA-SJJ-JAITF')
  .addOption(
    new Option('--role <role...>', 'one or more roles')
      .choices(roles.filter((r) => r !== 'data-provider'))
      .makeOptionMandatory(),
  )
  .option('--display-name <name>')
  .option('--password <password>', 'or INTERDICT_USER_PASSWORD')
  .action(
    async (options: {
      username: string;
      unit: string;
      role: string[];
      displayName?: string;
      password?: string;
    }) => {
      const config = configFrom(globals());
      const password = options.password ?? process.env.INTERDICT_USER_PASSWORD;
      if (!password) throw new Error('Give --password or INTERDICT_USER_PASSWORD');
      const created = await withServices(config, async (services) => {
        const unit = (await services.access.store.listUnits()).find((u) => u.code === options.unit);
        if (!unit) throw new Error(`No unit with code ${options.unit}`);
        return services.access.createUser(undefined, {
          username: options.username,
          displayName: options.displayName ?? options.username,
          password,
          unitId: unit.id,
          roles: options.role,
        });
      });
      process.stdout.write(
        `created user ${created.username} (${created.roles.join(', ')}) in ${created.unit.name}\n`,
      );
    },
  );

user
  .command('remove-second-factor')
  .description("remove a user's second factor (a lost phone), e.g. when no administrator can sign in")
  .requiredOption('--username <name>')
  .action(async (options: { username: string }) => {
    const config = configFrom(globals());
    await withServices(config, async (services) => {
      const found = await services.access.store.findUserByUsername(options.username);
      if (!found) throw new Error(`No user ${options.username}`);
      await services.access.secondFactors.remove(await operatorActor(services, config), found.id);
    });
    process.stdout.write(
      `removed the second factor of ${options.username}; they sign in with their password\n`,
    );
  });

const token = program.command('token').description('manage API tokens');
token
  .command('create')
  .requiredOption('--name <name>', 'who holds it, e.g. "JU airline API feed"')
  .addOption(new Option('--role <role>').choices([...roles]).makeOptionMandatory())
  .option('--unit <code>', 'unit the token acts for (default: the installation PIU)')
  .action(async (options: { name: string; role: string; unit?: string }) => {
    const config = configFrom(globals());
    const created = await withServices(config, async (services) => {
      const actor = await operatorActor(services, config, options.unit);
      return services.access.createToken(undefined, {
        name: options.name,
        role: options.role,
        unitId: actor.unitId,
      });
    });
    process.stdout.write(`token for ${created.name} (${created.role}); shown only once:\n${created.token}\n`);
  });

const retention = program.command('retention').description('PNR data retention');
retention
  .command('run')
  .description('depersonalise and delete PNR data whose periods have passed (the server also does it hourly)')
  .option('--as-of <date>', 'run as of this day (YYYY-MM-DD) instead of today')
  .action(async (options: { asOf?: string }) => {
    if (options.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf))
      throw new Error('--as-of must be a date as YYYY-MM-DD');
    const config = configFrom(globals());
    const result = await withServices(config, async (services) =>
      services.runRetention(await operatorActor(services, config), options.asOf, 'command'),
    );
    process.stdout.write(
      `retention as of ${result.asOf}: ${result.masked.length} reservations depersonalised (flights before ${result.maskedBefore}), ` +
        `${result.deleted.length} deleted (flights before ${result.deletedBefore}), ${result.held} held, ` +
        `${result.messagesSealed} messages sealed, ${result.messagesDeleted} messages deleted\n`,
    );
  });

registerAuditCommands(program, globals);
registerNameCommands(program, globals);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `error: ${(error as Error).message}`}\n`,
  );
  process.exit(1);
});
