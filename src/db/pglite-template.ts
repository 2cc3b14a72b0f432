import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * A new embedded database is made from a template: an empty PostgreSQL cluster that PGlite's
 * initdb created once, kept as a gzipped tarball per PGlite version and unpacked for every new
 * database. PGlite's initdb runs two more PostgreSQL instances beside the one being created and
 * copies the cluster through memory (about 660 MB resident, never given back, and 2 s); unpacking
 * the template takes about 260 MB and half a second.
 */

const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
/** The package root of PGlite: its entry point is dist/index.js. */
const pgliteRoot = dirname(dirname(pgliteEntry));
const pgliteVersion = (
  JSON.parse(readFileSync(join(pgliteRoot, 'package.json'), 'utf8')) as { version: string }
).version;

/** Where templates are kept: INTERDICT_CACHE_DIR, else the project's node_modules/.cache. */
export function templateFile(): string {
  const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
  const cacheDir =
    process.env.INTERDICT_CACHE_DIR ??
    (existsSync(join(projectRoot, 'node_modules'))
      ? join(projectRoot, 'node_modules', '.cache', 'interdict')
      : join(tmpdir(), 'interdict-cache'));
  return join(cacheDir, `pglite-${pgliteVersion}-cluster.tar.gz`);
}

/** Runs a module script in a short-lived Node.js process, so that its memory is given back. */
export async function runScript(
  script: string,
  args: string[],
  nodeFlags: string[] = [],
): Promise<string | undefined> {
  const child = spawn(process.execPath, [...nodeFlags, '--input-type=module', '-e', script, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolveExit) => {
    child.on('error', () => resolveExit(null));
    child.on('exit', resolveExit);
  });
  return code === 0 ? undefined : stderr.trim().split('\n').at(-1) || `exit code ${code}`;
}

export const pgliteModuleUrl = pathToFileURL(pgliteEntry).href;

/**
 * The template's path, created first when missing (in a child process; several processes
 * creating it at once each write their own file and the last rename wins). Undefined when it
 * cannot be made: the caller then runs initdb itself.
 */
export async function pgliteTemplate(): Promise<string | undefined> {
  const path = templateFile();
  if (existsSync(path)) return path;
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch {
    return undefined;
  }
  const script = `import { renameSync, writeFileSync } from 'node:fs';
const { PGlite } = await import(${JSON.stringify(pgliteModuleUrl)});
const database = await PGlite.create();
const dump = await database.dumpDataDir('gzip');
await database.close();
const partial = process.argv[1] + '.' + process.pid;
writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
renameSync(partial, process.argv[1]);`;
  const failure = await runScript(script, [path], ['--liftoff-only']);
  if (failure) process.emitWarning(`the embedded database template could not be made: ${failure}`);
  return existsSync(path) ? path : undefined;
}

/** The template as PGlite's `loadDataDir` takes it, or undefined. */
export async function pgliteTemplateBlob(): Promise<Blob | undefined> {
  const path = await pgliteTemplate();
  return path ? new Blob([readFileSync(path)]) : undefined;
}

// `npm run build` makes the template, so that the first start or ingest does not.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = await pgliteTemplate();
  process.stdout.write(path ? `embedded database template: ${path}\n` : 'no embedded database template\n');
}
