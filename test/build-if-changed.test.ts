import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_PARTS, fingerprint, STAMP_FILE, staleParts } from '../scripts/build-if-changed.mjs';

/** `npm start` builds only what changed: a project in a temporary folder, built once. */
describe('build only when the sources changed', () => {
  let root: string;
  const write = (path: string, text = 'x') => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const stale = () => staleParts(root).map(({ part }) => part.name);
  /** What a successful build leaves: the outputs and the stamp of the sources built. */
  const built = () => {
    for (const part of BUILD_PARTS) write(part.output);
    write(
      STAMP_FILE,
      JSON.stringify(Object.fromEntries(BUILD_PARTS.map((p) => [p.name, fingerprint(root, p)]))),
    );
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'interdict-build-'));
    write('src/server/app.ts', 'export {};');
    write('src/server/app.test.ts', 'export {};');
    write('src/db/migrations/0001_first.sql', 'select 1;');
    write('web/src/App.tsx', 'export {};');
    write('web/index.html', '<html></html>');
    write('package-lock.json', '{}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds everything the first time, then nothing while no source changes', () => {
    expect(stale()).toEqual(['server', 'web']);
    built();
    expect(stale()).toEqual([]);
  });

  it('rebuilds the web UI alone when a web source is edited', () => {
    built();
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, 'web/src/App.tsx'), later, later);
    expect(stale()).toEqual(['web']);
  });

  it('rebuilds the server for a new migration or a deleted source, not for a test', () => {
    built();
    write('src/server/app.test.ts', 'export const changed = true;');
    expect(stale()).toEqual([]);
    write('src/db/migrations/0002_second.sql', 'select 2;');
    expect(stale()).toEqual(['server']);
    built();
    unlinkSync(join(root, 'src/server/app.ts'));
    expect(stale()).toEqual(['server']);
  });

  it('rebuilds both when the installed packages change, and a part whose output is gone', () => {
    built();
    write('package-lock.json', '{"lockfileVersion":3}');
    expect(stale()).toEqual(['server', 'web']);
    built();
    rmSync(join(root, 'dist/web'), { recursive: true });
    expect(stale()).toEqual(['web']);
  });
});
