import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));

/**
 * `npm ci` on the oldest Node.js the project promises installs without an EBADENGINE warning:
 * every package of the lockfile accepts it.
 */
describe('the installed packages run on the Node.js the project promises', () => {
  it('every package of the lockfile accepts the oldest Node.js of package.json engines', () => {
    const oldest = semver.minVersion(read('package.json').engines.node as string)!;
    expect(oldest.major).toBe(20);
    const packages = read('package-lock.json').packages as Record<
      string,
      { version?: string; engines?: { node?: string } }
    >;
    const refusing = Object.entries(packages)
      .filter(([path, about]) => path && about.engines?.node && !semver.satisfies(oldest, about.engines.node))
      .map(
        ([path, about]) =>
          `${path.replace(/^.*node_modules\//, '')}@${about.version} wants ${about.engines!.node}`,
      );
    expect(refusing).toEqual([]);
  });
});
