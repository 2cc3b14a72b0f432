import { randomUUID } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';

/**
 * PGlite is PostgreSQL in one process, with no server to coordinate writers: a second process
 * opening the same data directory (`interdict token create --data-dir` while `serve` runs) writes
 * beside the first and corrupts the cluster. The directory is held by a lock file naming the
 * holder's process id, created atomically; a lock left by a process that is gone is taken over.
 */
export class DataDirectoryBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
    readonly lockFile: string,
  ) {
    super(
      `The data directory ${dataDir} is in use by process ${holderPid} (an Interdict server or command). ` +
        'Stop the server first, or do this through its API while it runs. ' +
        `If process ${holderPid} is not Interdict, delete ${lockFile}.`,
    );
    this.name = 'DataDirectoryBusyError';
  }
}

export interface DataDirectoryLock {
  /** Removes the lock file if it is still this holder's. */
  release(): void;
}

const isErrno = (error: unknown, code: string) => (error as NodeJS.ErrnoException)?.code === code;

function holderOf(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8').trim().split(/\s+/)[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return isErrno(error, 'EPERM');
  }
}

/**
 * Creates the lock file only if there is none: written whole under another name, then linked to
 * the lock's name, which fails when it exists. Of two openers one wins, and no opener ever sees
 * a lock file without its process id.
 */
function tryCreate(lockFile: string, content: string): boolean {
  const written = `${lockFile}.${process.pid}`;
  writeFileSync(written, content);
  try {
    linkSync(written, lockFile);
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  } finally {
    unlinkSync(written);
  }
}

/**
 * Moves a stale lock aside (a rename: of two processes taking it over, one moves it) and checks
 * that what was moved is the stale lock and not a new one made meanwhile, which goes back.
 */
function removeStaleLock(lockFile: string, stalePid: number | undefined): void {
  const aside = `${lockFile}.stale.${process.pid}`;
  try {
    renameSync(lockFile, aside);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return;
    throw error;
  }
  const moved = holderOf(aside);
  if (moved !== stalePid && moved !== undefined && processAlive(moved)) {
    try {
      linkSync(aside, lockFile);
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
    }
  }
  unlinkSync(aside);
}

export function lockDataDirectory(dataDir: string, lockFile: string): DataDirectoryLock {
  // The holder's id first; the rest tells this holder's lock from a later one of the same process.
  const content = `${process.pid}\n${new Date().toISOString()} ${randomUUID()}\n`;
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(lockFile, content)) break;
    const holder = holderOf(lockFile);
    // A lock without a process id is not one this code wrote: nobody holds it.
    if (holder !== undefined && processAlive(holder))
      throw new DataDirectoryBusyError(dataDir, holder, lockFile);
    if (attempt >= 5) throw new DataDirectoryBusyError(dataDir, holder ?? 0, lockFile);
    removeStaleLock(lockFile, holder);
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      if (readFileSync(lockFile, 'utf8') === content) unlinkSync(lockFile);
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
    }
  };
  // A command that ends without closing the database leaves no lock behind.
  process.on('exit', release);
  return { release };
}
