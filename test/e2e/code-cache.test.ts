/**
 * The command and its code cache (src/load-main.ts), run from copies of
 * dist/: every other test runs with the cache the build made. Without the
 * cache, and with a damaged one, the command must work the same, lazy files
 * (zod for the configuration) included; after an edit of main.cjs that keeps
 * its length, the edited code must be what runs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CODE_CACHE_SUFFIX } from '../../src/load-main.js';
import { cleanupTempDirs, makeTempDir, PROJECT_ROOT, TempRepo } from '../helpers/repo.js';
import { makeAccessToken, makeIcToken } from '../helpers/tokens.js';

afterAll(cleanupTempDirs);

type Variant = 'no cache' | 'a damaged cache' | 'main.cjs edited';

function distCopy(variant: Variant): string {
  const dist = path.join(makeTempDir('ig-dist-'), 'dist');
  cpSync(path.join(PROJECT_ROOT, 'dist'), dist, { recursive: true });
  const main = path.join(dist, 'main.cjs');
  const cacheFile = main + CODE_CACHE_SUFFIX;
  if (variant === 'no cache') rmSync(cacheFile);
  if (variant === 'a damaged cache') {
    const cache = readFileSync(cacheFile);
    for (let i = cache.length - 1; i > cache.length - 60_000; i -= 997) cache[i] = cache[i]! ^ 0x5a;
    writeFileSync(cacheFile, cache);
  }
  if (variant === 'main.cjs edited') {
    // The spec pattern's length bound, made one no token has: same length, other behaviour.
    const text = readFileSync(main, 'latin1');
    expect(text).toContain('ic_[A-Za-z0-9]{16,32}');
    writeFileSync(main, text.replace('ic_[A-Za-z0-9]{16,32}', 'ic_[A-Za-z0-9]{99,99}'), 'latin1');
  }
  return path.join(dist, 'cli.cjs');
}

describe.each(['no cache', 'a damaged cache', 'main.cjs edited'] as const)('the command with %s', (variant) => {
  const cli = distCopy(variant);
  const run = (repo: TempRepo) => spawnSync(process.execPath, [cli, 'staged'], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });

  it('blocks a staged token and passes a clean change, with a configuration file', () => {
    const repo = TempRepo.create();
    repo.write('.intercom-guard.json', JSON.stringify({ ignorePaths: ['fixtures/**'] }));
    repo.write('fixtures/sample.txt', `${makeAccessToken()}\n`);
    repo.write('src/app.ts', 'export const answer = 42;\n');
    repo.git('add', '-A');
    const clean = run(repo);
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);

    repo.write('src/client.ts', `const token = "${makeAccessToken()}";\n`);
    repo.git('add', '-A');
    const blocked = run(repo);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain('src/client.ts:1');
  });

  it('runs main.cjs as it is on disk', () => {
    const repo = TempRepo.create();
    repo.write('notes.txt', `legacy key ${makeIcToken(24)}\n`);
    repo.git('add', '-A');
    // The edited pattern finds no ic_ token; the built one (and a stale cache of it) would.
    expect(run(repo).status).toBe(variant === 'main.cjs edited' ? 0 : 1);
  });
});
