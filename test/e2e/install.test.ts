/**
 * Installing the package as users do: `npm pack`, the tarball installed into
 * a fresh repository, wired each way (plain .git/hooks through init, real
 * husky, real lint-staged), then a commit with a token blocked and a clean
 * commit passing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, cleanupTempDirs, makeTempDir, PROJECT_ROOT, TempRepo } from '../helpers/repo.js';
import { makeAccessToken } from '../helpers/tokens.js';
import { CODE_CACHE_SUFFIX, compileMain, unpackCodeCache } from '../../src/load-main.js';

let tarball = '';

beforeAll(() => {
  const out = makeTempDir('ig-pack-');
  const home = makeTempDir('ig-home-');
  // --ignore-scripts: pack the dist/ that npm test built; rebuilding it here would pull it
  // from under the other test files running at the same time.
  const env = cleanEnv(home, { HUSKY: '0', npm_config_cache: path.join(process.env.HOME ?? home, '.npm') });
  execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', out], { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
  // Lifecycle scripts print to the same stream as the file name: look in the folder instead.
  const name = readdirSync(out).find((entry) => entry.endsWith('.tgz'));
  if (!name) throw new Error('npm pack produced no tarball');
  tarball = path.join(out, name);
}, 180_000);

afterAll(cleanupTempDirs);

function npm(repo: TempRepo, args: string[]): void {
  const run = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: repo.dir,
    env: { ...repo.env, npm_config_cache: path.join(process.env.HOME ?? repo.home, '.npm') },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed: ${run.stderr}`);
}

/** A repository that installed the packed tarball as a dev dependency. */
function project(): TempRepo {
  const repo = TempRepo.create();
  repo.write('package.json', JSON.stringify({ name: 'app', version: '1.0.0', private: true, scripts: { test: 'node -e 0' } }, null, 2));
  repo.write('.gitignore', 'node_modules/\n');
  npm(repo, ['install', '--save-dev', tarball]);
  return repo;
}

function bin(repo: TempRepo, args: string[]) {
  return spawnSync(path.join(repo.dir, 'node_modules/.bin/intercom-guard'), args, { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
}

function tokenCommitIsBlocked(repo: TempRepo, file = 'config/.env'): void {
  const token = makeAccessToken();
  repo.write(file, `INTERCOM_TOKEN=${token}\n`);
  repo.git('add', '-A');
  const before = repo.head();
  const run = repo.commit('-m', 'token');
  expect(run.status).not.toBe(0);
  expect(run.stderr + run.stdout).toContain(`${file}:1:16`);
  expect(run.stderr + run.stdout).not.toContain(token);
  expect(repo.head()).toBe(before);
  repo.write(file, 'INTERCOM_TOKEN=${INTERCOM_TOKEN}\n');
  repo.git('add', '-A');
  const clean = repo.commit('-m', 'clean');
  expect(clean.status, clean.stderr).toBe(0);
  expect(repo.head()).not.toBe(before);
}

describe('the packed package', () => {
  it('holds only what users run', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listing).toContain('package/dist/cli.cjs');
    expect(listing).toContain('package/dist/main.cjs');
    expect(listing).toContain('package/dist/main.cjs.cache');
    expect(listing).toContain('package/dist/index.js');
    expect(listing).toContain('package/dist/types/index.d.ts');
    expect(listing).toContain('package/hooks/pre-commit');
    expect(listing).toContain('package/README.md');
    expect(listing).toContain('package/LICENSE');
    expect(listing.filter((entry) => /^package\/(src|test|scripts|\.husky|\.ci)\//.test(entry))).toEqual([]);
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.dependencies ?? {}).toEqual({});
    // The hook's path loads dist/cli.cjs and dist/main.cjs only: the heavy libraries stay in dist/lazy/.
    const main = readFileSync(path.join(PROJECT_ROOT, 'dist/main.cjs'), 'utf8');
    for (const heavy of ['ZodError', 'undici', 'GitResponseError', 'picomatch.scan']) expect(main).not.toContain(heavy);
    expect(pkg.engines).toEqual({ node: '>=20' });
  });

  it('installs a code cache the command takes (npm does not keep the files\' times)', () => {
    const repo = project();
    const dist = path.join(repo.dir, 'node_modules/intercom-guard/dist');
    const source = readFileSync(path.join(dist, 'main.cjs'));
    const data = unpackCodeCache(readFileSync(path.join(dist, `main.cjs${CODE_CACHE_SUFFIX}`)), source);
    expect(data).toBeInstanceOf(Buffer);
    expect(compileMain(path.join(dist, 'main.cjs'), source, data).cacheUsed).toBe(true);
  });

  it('exports a typed library entry', () => {
    const repo = project();
    const script = `import { scanText } from 'intercom-guard'; const f = scanText(process.argv[1], '.env'); console.log(JSON.stringify(f.map((x) => [x.detector, x.line, x.column])));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, `INTERCOM_TOKEN=${makeAccessToken()}`], { cwd: repo.dir, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([['intercom-access-token', 1, 16]]);
  });
});

describe('plain git hooks through init', () => {
  it('blocks a token, passes a clean commit, and a second init changes nothing', () => {
    const repo = project();
    const first = bin(repo, ['init']);
    expect(first.status, first.stderr).toBe(0);
    const hook = path.join(repo.dir, '.git/hooks/pre-commit');
    expect(existsSync(hook)).toBe(true);
    expect(existsSync(path.join(repo.dir, '.git/hooks/pre-merge-commit'))).toBe(true);
    const content = readFileSync(hook, 'utf8');
    expect(content).not.toMatch(/npx/);
    const second = bin(repo, ['init']);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/unchanged/);
    expect(readFileSync(hook, 'utf8')).toBe(content);
    tokenCommitIsBlocked(repo);
  });

  it('appends to an existing shell hook, which keeps running', () => {
    const repo = project();
    const hook = path.join(repo.dir, '.git/hooks/pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho "custom hook ran" >&2\n');
    chmodSync(hook, 0o755);
    expect(bin(repo, ['init']).status).toBe(0);
    expect(readFileSync(hook, 'utf8')).toMatch(/^#!\/bin\/sh\necho "custom hook ran"/);
    repo.write('a.txt', `${makeAccessToken()}\n`);
    repo.git('add', '-A');
    const run = repo.commit('-m', 'x');
    expect(run.stderr).toContain('custom hook ran');
    expect(run.status).toBe(1);
  });

  it('refuses a hook it cannot extend safely, and --force replaces it keeping a backup', () => {
    const repo = project();
    const hook = path.join(repo.dir, '.git/hooks/pre-commit');
    const custom = '#!/bin/sh\nexec ./scripts/check\n';
    writeFileSync(hook, custom);
    chmodSync(hook, 0o755);
    const refused = bin(repo, ['init']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--force/);
    expect(readFileSync(hook, 'utf8')).toBe(custom);
    const forced = bin(repo, ['init', '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(`${hook}.before-intercom-guard`, 'utf8')).toBe(custom);
    tokenCommitIsBlocked(repo);
  });

  it('writes into core.hooksPath when it is set', () => {
    const repo = project();
    repo.git('config', 'core.hooksPath', 'git-hooks');
    expect(bin(repo, ['init']).status).toBe(0);
    expect(existsSync(path.join(repo.dir, 'git-hooks/pre-commit'))).toBe(true);
    tokenCommitIsBlocked(repo);
  });

  it('blocks an automatic merge commit that brings a token (pre-merge-commit)', () => {
    const repo = project();
    expect(bin(repo, ['init']).status).toBe(0);
    repo.write('README.md', 'base\n');
    repo.commitUnchecked('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('feature.txt', `${makeAccessToken()}\n`);
    repo.commitUnchecked('feature with a token, hook bypassed');
    repo.git('checkout', '-q', 'main');
    repo.write('main.txt', 'other work\n');
    repo.commitUnchecked('main work');
    const before = repo.head();
    const merge = repo.gitRaw(['merge', '--no-edit', 'feature']);
    expect(merge.status).not.toBe(0);
    expect(merge.stderr).toContain('feature.txt:1:1');
    expect(repo.head()).toBe(before);
  });

  it('init from a linked worktree wires the shared hooks', () => {
    const repo = project();
    repo.write('README.md', 'base\n');
    repo.commitUnchecked('base');
    const worktree = path.join(path.dirname(repo.dir), 'wt');
    repo.git('worktree', 'add', '-q', worktree);
    mkdirSync(path.join(worktree, 'node_modules/.bin'), { recursive: true });
    symlinkSync(path.join(repo.dir, 'node_modules/.bin/intercom-guard'), path.join(worktree, 'node_modules/.bin/intercom-guard'));
    const init = spawnSync(path.join(worktree, 'node_modules/.bin/intercom-guard'), ['init'], { cwd: worktree, env: repo.env, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    expect(existsSync(path.join(repo.dir, '.git/hooks/pre-commit'))).toBe(true);
    writeFileSync(path.join(worktree, 'a.txt'), `${makeAccessToken()}\n`);
    repo.gitRaw(['add', '-A'], { cwd: worktree });
    const run = repo.gitRaw(['commit', '-q', '-m', 'x'], { cwd: worktree });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('a.txt:1:1');
  });

  it('says what to install when the scanner is missing', () => {
    const repo = TempRepo.create();
    const hooks = path.join(repo.dir, '.git/hooks');
    execFileSync('tar', ['-xzf', tarball, '-C', makeTempDir()]);
    writeFileSync(path.join(hooks, 'pre-commit'), readFileSync(path.join(PROJECT_ROOT, 'hooks/pre-commit')));
    chmodSync(path.join(hooks, 'pre-commit'), 0o755);
    repo.write('a.txt', 'x\n');
    repo.git('add', '-A');
    const run = repo.commit('-m', 'x');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/npm install --save-dev intercom-guard/);
  });

  it('explains a missing node under a GUI client\'s minimal PATH, and init.sh fixes it', () => {
    const repo = project();
    expect(bin(repo, ['init']).status).toBe(0);
    const gitOnly = makeTempDir('ig-path-');
    symlinkSync(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim(), path.join(gitOnly, 'git'));
    repo.write('a.txt', 'clean\n');
    repo.git('add', '-A');
    const env = { ...repo.env, PATH: gitOnly };
    const run = repo.gitRaw(['commit', '-q', '-m', 'x'], { env });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/node was not found on PATH/);
    expect(run.stderr).toMatch(/husky\/init\.sh/);
    const nodeDir = path.dirname(process.execPath);
    mkdirSync(path.join(repo.home, '.config/husky'), { recursive: true });
    writeFileSync(path.join(repo.home, '.config/husky/init.sh'), `PATH="${nodeDir}:$PATH"\n`);
    const fixed = repo.gitRaw(['commit', '-q', '-m', 'x'], { env });
    expect(fixed.status, fixed.stderr).toBe(0);
  });
});

describe('husky', () => {
  it('real husky init, then intercom-guard init adds the line to .husky/pre-commit', () => {
    const repo = project();
    npm(repo, ['install', '--save-dev', 'husky@9.1.7']);
    const husky = spawnSync(path.join(repo.dir, 'node_modules/.bin/husky'), ['init'], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
    expect(husky.status, husky.stderr).toBe(0);
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
    const init = bin(repo, ['init']);
    expect(init.status, init.stderr).toBe(0);
    const preCommit = readFileSync(path.join(repo.dir, '.husky/pre-commit'), 'utf8');
    expect(preCommit).toMatch(/^npm test/);
    expect(preCommit).toMatch(/^intercom-guard staged$/m);
    expect(preCommit).not.toMatch(/npx intercom-guard/);
    expect(readFileSync(path.join(repo.dir, '.husky/pre-merge-commit'), 'utf8')).toMatch(/^intercom-guard staged$/m);
    expect(readFileSync(path.join(repo.dir, '.gitattributes'), 'utf8')).toMatch(/^\.husky\/\* text eol=lf$/m);
    const again = bin(repo, ['init']);
    expect(again.stdout).toMatch(/unchanged/);
    expect(readFileSync(path.join(repo.dir, '.husky/pre-commit'), 'utf8')).toBe(preCommit);
    tokenCommitIsBlocked(repo);
  });
});

describe('lint-staged', () => {
  it('passes file paths; the scan covers exactly those files of the staged change', () => {
    const repo = project();
    npm(repo, ['install', '--save-dev', 'lint-staged@16.3.4']);
    const pkg = JSON.parse(repo.read('package.json')) as Record<string, unknown>;
    pkg['lint-staged'] = { '*.{js,env}': 'intercom-guard staged' };
    repo.write('package.json', JSON.stringify(pkg, null, 2));
    const hook = path.join(repo.dir, '.git/hooks/pre-commit');
    writeFileSync(hook, '#!/bin/sh\nexec ./node_modules/.bin/lint-staged\n');
    chmodSync(hook, 0o755);
    repo.commitUnchecked('setup');
    tokenCommitIsBlocked(repo, 'src/config.env');
    // A file lint-staged does not pass is not scanned by this set-up.
    repo.write('notes.txt', `INTERCOM_TOKEN=${makeAccessToken()}\n`);
    repo.git('add', '-A');
    expect(repo.commit('-m', 'txt').status).toBe(0);
  });
});

describe('the pre-commit framework', () => {
  it('declares a node hook that takes the staged file names', () => {
    const text = readFileSync(path.join(PROJECT_ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    expect(text).toMatch(/^- id: intercom-guard$/m);
    expect(text).toMatch(/^ {2}entry: intercom-guard staged$/m);
    expect(text).toMatch(/^ {2}language: node$/m);
    expect(text).toMatch(/^ {2}pass_filenames: true$/m);
  });

  it('the entry given file names as pre-commit passes them scans only those files', () => {
    const repo = project();
    repo.write('a.env', `INTERCOM_TOKEN=${makeAccessToken()}\n`);
    repo.write('b.txt', 'clean\n');
    repo.git('add', '-A');
    expect(bin(repo, ['staged', 'b.txt']).status).toBe(0);
    const run = bin(repo, ['staged', 'a.env', 'b.txt']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('a.env:1:16');
  });
});
