#!/usr/bin/env node
// Builds what `npm start` runs, only the parts whose sources changed since the last build: the
// server (tsc, migrations, the embedded database template) and the web UI (vite). Each part's
// sources are fingerprinted by the path, size and modification time of every file, so that an
// edit, a new file, a deleted file or a `git checkout` each count; the fingerprints of the last
// successful build are kept in dist/.build-stamp.json. `--force` builds both parts regardless.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The parts of the build: the sources each is made from (relative to the project), a sign that it
 * was made, and the commands making it.
 */
export const BUILD_PARTS = [
  {
    name: 'server',
    sources: ['src', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'],
    // Tests are not compiled: changing one needs no new build.
    skip: (path) => /\.test\.ts$/.test(path),
    output: 'dist/cli/index.js',
    commands: [
      'npx tsc -p tsconfig.build.json',
      "node -e \"require('node:fs').cpSync('src/db/migrations', 'dist/db/migrations', { recursive: true })\"",
      'node dist/db/pglite-template.js',
    ],
  },
  {
    name: 'web',
    sources: ['web', 'vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'],
    skip: () => false,
    output: 'dist/web/index.html',
    commands: ['npx vite build'],
  },
];

export const STAMP_FILE = join('dist', '.build-stamp.json');

/** A digest of the path, size and modification time of every source file of a part. */
export function fingerprint(root, part) {
  const hash = createHash('sha256');
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
      return;
    }
    const name = relative(root, path).split(sep).join('/');
    if (!part.skip(name)) hash.update(`${name}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const source of part.sources) visit(join(root, source));
  return hash.digest('hex');
}

/** The fingerprints of the last successful build of each part. */
export function readStamp(root) {
  try {
    return JSON.parse(readFileSync(join(root, STAMP_FILE), 'utf8'));
  } catch {
    return {};
  }
}

/** The parts to build, with the fingerprint each will have: changed since the stamp, or missing. */
export function staleParts(root, parts = BUILD_PARTS) {
  const stamp = readStamp(root);
  return parts
    .map((part) => ({ part, fingerprint: fingerprint(root, part) }))
    .filter(
      ({ part, fingerprint }) => stamp[part.name] !== fingerprint || !existsSync(join(root, part.output)),
    );
}

function build(root, force) {
  const stale = new Set(staleParts(root).map(({ part }) => part.name));
  for (const part of BUILD_PARTS) {
    if (!force && !stale.has(part.name)) {
      console.log(`${part.name}: up to date, not rebuilt`);
      continue;
    }
    const current = fingerprint(root, part);
    console.log(`${part.name}: building`);
    for (const command of part.commands) execSync(command, { cwd: root, stdio: 'inherit' });
    // Written after each part succeeds: a failed build is tried again at the next start.
    writeFileSync(
      join(root, STAMP_FILE),
      `${JSON.stringify({ ...readStamp(root), [part.name]: current }, null, 2)}\n`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  build(fileURLToPath(new URL('..', import.meta.url)), process.argv.includes('--force'));
