import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
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
