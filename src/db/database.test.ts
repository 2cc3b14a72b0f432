import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirectoryBusyError } from './data-dir-lock.js';
import { openDatabase } from './database.js';
import { migrate } from './migrator.js';
import { templateFile } from './pglite-template.js';

const folders: string[] = [];
const cacheBefore = process.env.INTERDICT_CACHE_DIR;
afterEach(() => {
  if (cacheBefore === undefined) delete process.env.INTERDICT_CACHE_DIR;
  else process.env.INTERDICT_CACHE_DIR = cacheBefore;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'interdict-db-'));
  folders.push(made);
  return made;
}

async function roundTrip(dataDir: string) {
  const first = await openDatabase({ dataDir });
  await migrate(first);
  await sql`insert into jurisdictions (code, name) values ('ZZ', 'Test jurisdiction')`.execute(first.db);
  await first.close();
  const second = await openDatabase({ dataDir });
  const rows = await sql<{ name: string }>`select name from jurisdictions where code = 'ZZ'`.execute(
    second.db,
  );
  await second.close();
  return rows.rows.map((row) => row.name);
}

describe('embedded database', () => {
  it('makes a new data directory from the template, and keeps what is written in it', async () => {
    process.env.INTERDICT_CACHE_DIR = folder();
    const dataDir = folder();
    expect(existsSync(templateFile())).toBe(false);
    expect(await roundTrip(dataDir)).toEqual(['Test jurisdiction']);
    expect(existsSync(templateFile())).toBe(true);
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
  });

  it('still makes a new data directory when no template can be kept', async () => {
    // A cache "folder" that is a file: the template cannot be written, initdb runs instead.
    const blocked = join(folder(), 'not-a-folder');
    writeFileSync(blocked, '');
    process.env.INTERDICT_CACHE_DIR = join(blocked, 'cache');
    expect(await roundTrip(folder())).toEqual(['Test jurisdiction']);
    expect(existsSync(templateFile())).toBe(false);
  });
});

describe('the lock on an embedded data directory', () => {
  it('refuses a second opener in the same process, naming the holder, until the first closes', async () => {
    const dataDir = folder();
    const first = await openDatabase({ dataDir });
    try {
      const lockFile = join(dataDir, 'pglite.lock');
      expect(readFileSync(lockFile, 'utf8').split('\n')[0]).toBe(String(process.pid));
      const second = openDatabase({ dataDir });
      await expect(second).rejects.toBeInstanceOf(DataDirectoryBusyError);
      await expect(second).rejects.toThrow(
        new RegExp(`in use by process ${process.pid}.*Stop the server first, or do this through its API`),
      );
    } finally {
      await first.close();
    }
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
    const again = await openDatabase({ dataDir });
    await again.close();
  });

  it('refuses a second process while one holds it, and takes over the lock of one that died', async () => {
    const dataDir = folder();
    // Made here first: the child then only opens it.
    await (await openDatabase({ dataDir })).close();
    const databaseModule = new URL('./database.ts', import.meta.url).href;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { openDatabase } = await import(${JSON.stringify(databaseModule)});
await openDatabase({ dataDir: process.argv[1] });
process.stdout.write('open\\n');
setInterval(() => {}, 1000);`,
        dataDir,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
    try {
      await new Promise<void>((resolveOpen, rejectOpen) => {
        child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolveOpen());
        child.once('exit', (code) => rejectOpen(new Error(`the child ended (${code}): ${errors}`)));
      });
      const refused = openDatabase({ dataDir });
      await expect(refused).rejects.toThrow(`in use by process ${child.pid}`);
      await expect(refused).rejects.toMatchObject({ holderPid: child.pid });
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    // Killed, it left its lock behind: a lock of a process that is gone is taken over.
    expect(readFileSync(join(dataDir, 'pglite.lock'), 'utf8').split('\n')[0]).toBe(String(child.pid));
    const after = await openDatabase({ dataDir });
    try {
      expect(readFileSync(join(dataDir, 'pglite.lock'), 'utf8').split('\n')[0]).toBe(String(process.pid));
    } finally {
      await after.close();
    }
  }, 60_000);

  it('takes over a lock file that names no process', async () => {
    const dataDir = folder();
    writeFileSync(join(dataDir, 'pglite.lock'), '');
    const handle = await openDatabase({ dataDir });
    await handle.close();
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
  });
});
