/**
 * The command with and without its code cache (src/load-main.ts): the build
 * ships dist/main.cjs.cache, and every other test runs with it. Here the
 * command runs from a copy of dist/ without it, and with one older than
 * main.cjs (an edited main.cjs): it must work the same, lazy files (zod for
 * the configuration) included.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CODE_CACHE_SUFFIX } from '../../src/load-main.js';
import { cleanupTempDirs, makeTempDir, PROJECT_ROOT, TempRepo } from '../helpers/repo.js';
import { makeAccessToken } from '../helpers/tokens.js';

afterAll(cleanupTempDirs);

function distCopy(cache: 'none' | 'stale'): string {
  const dist = path.join(makeTempDir('ig-dist-'), 'dist');
  cpSync(path.join(PROJECT_ROOT, 'dist'), dist, { recursive: true });
  const cacheFile = path.join(dist, `main.cjs${CODE_CACHE_SUFFIX}`);
  if (cache === 'none') rmSync(cacheFile);
  else utimesSync(cacheFile, new Date(2020, 0, 1), new Date(2020, 0, 1));
  return path.join(dist, 'cli.cjs');
}

describe.each(['none', 'stale'] as const)('the command with %s code cache', (cache) => {
  const cli = distCopy(cache);
  const run = (repo: TempRepo, args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });

  it('blocks a staged token and passes a clean change, with a configuration file', () => {
    const repo = TempRepo.create();
    repo.write('.intercom-guard.json', JSON.stringify({ ignorePaths: ['fixtures/**'] }));
    repo.write('fixtures/sample.txt', `${makeAccessToken()}\n`);
    repo.write('src/app.ts', 'export const answer = 42;\n');
    repo.git('add', '-A');
    const clean = run(repo, ['staged']);
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);

    repo.write('src/client.ts', `const token = "${makeAccessToken()}";\n`);
    repo.git('add', '-A');
    const blocked = run(repo, ['staged']);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain('src/client.ts:1');
  });
});
