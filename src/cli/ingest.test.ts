import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { databaseTargets } from '../../test/database.js';
import { operatorActor } from './context.js';
import { collectFiles, formatSummary, ingestFiles } from './ingest.js';

const fixtures = new URL('../../test/fixtures/edifact/paxlst/', import.meta.url).pathname;

describe('interdict ingest', () => {
  let t: TestApp;
  let folder: string;
  beforeAll(async () => {
    t = await createTestApp(await databaseTargets[0]!.create());
    folder = mkdtempSync(join(tmpdir(), 'interdict-ingest-'));
    mkdirSync(join(folder, 'nested'));
    copyFileSync(join(fixtures, 'Test1.txt'), join(folder, 'Test1.txt'));
    copyFileSync(join(fixtures, 'apisMessage.txt'), join(folder, 'nested', 'apisMessage.txt'));
    copyFileSync(join(fixtures, 'apisMessage.txt'), join(folder, 'nested', 'copy-of-apis.txt'));
    writeFileSync(join(folder, 'nested', 'readme.txt'), 'not a message');
    writeFileSync(join(folder, '.hidden'), 'skipped');
  });
  afterAll(() => t.close());

  it('walks folders recursively, skipping hidden files', async () => {
    const files = await collectFiles([folder]);
    expect(files.map((f) => f.path.slice(folder.length + 1))).toEqual([
      'Test1.txt',
      'nested/apisMessage.txt',
      'nested/copy-of-apis.txt',
      'nested/readme.txt',
    ]);
    await expect(collectFiles([join(folder, 'missing')])).rejects.toThrow(/no such file or folder/);
  });

  it('ingests every file and reports parsed, rejected and duplicates', async () => {
    const actor = await operatorActor(t.services, t.config, 'BA-SJJ-JAITF');
    const summary = await ingestFiles(t.services.messages, actor, [folder], { progress: false });
    expect(summary).toMatchObject({ files: 4, parsed: 2, rejected: 1, duplicate: 1, travellers: 10 });
    expect(summary.rejectedFiles[0]!.path).toMatch(/readme\.txt$/);
    const text = formatSummary(summary);
    expect(text).toMatch(/4 files, .* 2 parsed, 0 partial, 1 rejected, 1 duplicate; 10 travellers/);
    expect(text).toMatch(
      /rejected .*readme\.txt:\n {2}segment 1, line 1, column 1: The content is not a recognised message/,
    );
  });
});
