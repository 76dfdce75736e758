/**
 * Hostile and broken input: names and lines that try to drive the terminal,
 * repositories in every state, and proof that nothing touches the network
 * without --verify.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, cleanupTempDirs, makeTempDir, PROJECT_ROOT, TempRepo } from '../helpers/repo.js';
import { makeAccessToken } from '../helpers/tokens.js';

afterAll(cleanupTempDirs);

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function expectOneClearLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
}

function committedRepo(): TempRepo {
  const repo = TempRepo.create();
  repo.write('README.md', 'hello\n');
  repo.commitUnchecked('initial');
  return repo;
}

describe('terminal control sequences in names and lines', () => {
  const names = [
    'esc\u001b[31mred\u001b[0m.env',
    'osc8-\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007.env',
    'cr\rhidden.env',
    'bs\b\b\bx.env',
    'c1\u009b2J.env',
    'bidi\u202egpj.env',
  ];
  for (const format of ['text', 'json', 'sarif'] as const) {
    it(`are escaped in ${format} output`, () => {
      const repo = committedRepo();
      for (const name of names) repo.write(name, `INTERCOM_TOKEN=${makeAccessToken()} \u001b[2K\u001b]0;title\u0007\n`);
      repo.git('add', '-A');
      const run = repo.scan(['staged', '--format', format]);
      expect(run.status).toBe(1);
      expect(run.stdout.replace(/\n/g, '')).not.toMatch(UNSAFE);
      expect(run.stderr.replace(/\n/g, '')).not.toMatch(UNSAFE);
      if (format === 'text') expect(run.stderr).toContain('esc\\x1b[31mred\\x1b[0m.env:1:16');
      else if (format === 'sarif') expect(run.stdout).toContain('esc%1B%5B31mred%1B%5B0m.env');
      else {
        const parsed = JSON.parse(run.stdout) as unknown;
        expect(JSON.stringify(parsed)).toContain('esc\\u001b[31mred');
      }
    });
  }
});

describe('repository states', () => {
  it('not a git repository: exit 2, one line; in hook mode the message says how to bypass', () => {
    const dir = makeTempDir();
    const run = spawnSync(process.execPath, [CLI, 'staged'], { cwd: dir, env: TempRepo.create().env, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expectOneClearLine(run.stderr, /not inside a git working tree/);
    expect(run.stderr).toMatch(/--no-verify/);
  });

  it('git missing from PATH: exit 2, one line', () => {
    const repo = committedRepo();
    const empty = makeTempDir();
    const run = spawnSync(process.execPath, [CLI, 'staged'], { cwd: repo.dir, env: { ...repo.env, PATH: empty }, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expectOneClearLine(run.stderr, /git was not found on PATH/);
  });

  it('bare repository: staged is exit 2 with one line; history scans work', () => {
    const source = committedRepo();
    source.write('a.txt', `${makeAccessToken()}\n`);
    source.commitUnchecked('leak');
    const bare = path.join(makeTempDir(), 'bare.git');
    execFileSync('git', ['clone', '-q', '--bare', source.dir, bare], { env: source.env });
    const staged = spawnSync(process.execPath, [CLI, 'staged'], { cwd: bare, env: source.env, encoding: 'utf8' });
    expect(staged.status).toBe(2);
    expectOneClearLine(staged.stderr, /intercom-guard: /);
    const history = spawnSync(process.execPath, [CLI, 'scan', '--history'], { cwd: bare, env: source.env, encoding: 'utf8' });
    expect(history.status).toBe(1);
    expect(history.stdout).toContain('a.txt:1:1');
  });

  it('detached HEAD: the hook scans and blocks', () => {
    const repo = committedRepo();
    repo.installHook();
    repo.git('checkout', '-q', '--detach');
    repo.write('a.txt', `${makeAccessToken()}\n`);
    repo.git('add', '-A');
    expect(repo.commit('-m', 'x').status).toBe(1);
  });

  it('merge in progress: committing the resolution runs the scan on it', () => {
    const repo = committedRepo();
    repo.installHook();
    repo.write('f.txt', 'base\n');
    repo.commitUnchecked('base');
    repo.git('checkout', '-q', '-b', 'side');
    repo.write('f.txt', 'side\n');
    repo.commitUnchecked('side');
    repo.git('checkout', '-q', 'main');
    repo.write('f.txt', 'main\n');
    repo.commitUnchecked('main');
    expect(repo.gitRaw(['merge', 'side']).status).not.toBe(0);
    repo.write('f.txt', `resolved ${makeAccessToken()}\n`);
    repo.git('add', 'f.txt');
    const run = repo.commit('--no-edit');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('f.txt:1:10');
    repo.write('f.txt', 'resolved\n');
    repo.git('add', 'f.txt');
    expect(repo.commit('--no-edit').status).toBe(0);
  });

  it('cherry-pick in progress and rebase stopped for edit: commits are scanned', () => {
    const repo = committedRepo();
    repo.installHook();
    repo.git('checkout', '-q', '-b', 'topic');
    repo.write('t.txt', 'topic\n');
    repo.commitUnchecked('topic');
    repo.git('checkout', '-q', 'main');
    repo.write('t.txt', 'main\n');
    repo.commitUnchecked('main side');
    expect(repo.gitRaw(['cherry-pick', 'topic']).status).not.toBe(0);
    repo.write('t.txt', `${makeAccessToken()}\n`);
    repo.git('add', 't.txt');
    expect(repo.commit('--no-edit').status).toBe(1);
    repo.git('cherry-pick', '--abort');

    const editor = { ...repo.env, GIT_SEQUENCE_EDITOR: "sed -i -e 's/^pick/edit/'" };
    expect(repo.gitRaw(['rebase', '-i', 'HEAD~1'], { env: editor }).status).toBe(0);
    repo.write('r.txt', `${makeAccessToken()}\n`);
    repo.git('add', 'r.txt');
    expect(repo.commit('--amend', '--no-edit').status).toBe(1);
    repo.git('rebase', '--abort');
  });

  it('sparse checkout: the staged change is read from the index', () => {
    const repo = committedRepo();
    repo.installHook();
    repo.write('keep/a.txt', 'a\n');
    repo.write('skip/b.txt', 'b\n');
    repo.commitUnchecked('tree');
    repo.git('sparse-checkout', 'set', 'keep');
    expect(existsSync(path.join(repo.dir, 'skip/b.txt'))).toBe(false);
    repo.write('keep/a.txt', `${makeAccessToken()}\n`);
    repo.git('add', 'keep/a.txt');
    expect(repo.commit('-m', 'x').status).toBe(1);
  });

  it('shallow clone: staged and history scans work on what is there', () => {
    const source = committedRepo();
    source.write('old.txt', `${makeAccessToken()}\n`);
    source.commitUnchecked('old');
    source.write('new.txt', 'new\n');
    source.commitUnchecked('new');
    const clone = path.join(makeTempDir(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${source.dir}`, clone], { env: source.env });
    writeFileSync(path.join(clone, 'c.txt'), `${makeAccessToken()}\n`);
    execFileSync('git', ['add', 'c.txt'], { cwd: clone, env: source.env });
    const staged = spawnSync(process.execPath, [CLI, 'staged'], { cwd: clone, env: source.env, encoding: 'utf8' });
    expect(staged.status).toBe(1);
    expect(staged.stderr).toContain('c.txt:1:1');
    const history = spawnSync(process.execPath, [CLI, 'scan', '--history'], { cwd: clone, env: source.env, encoding: 'utf8' });
    // The one commit there holds the whole tree, old.txt included.
    expect(history.status).toBe(1);
    expect(history.stdout).toContain('old.txt:1:1');
  });

  it('a partial (blobless) clone is never fetched from: what is missing is reported', () => {
    const source = committedRepo();
    source.write('old.txt', `${makeAccessToken()}\n`);
    source.commitUnchecked('old');
    source.write('old.txt', 'gone\n');
    source.commitUnchecked('removed');
    source.git('config', 'uploadpack.allowFilter', 'true');
    const clone = path.join(makeTempDir(), 'partial');
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${source.dir}`, clone], { env: source.env });
    const countObjects = () => execFileSync('git', ['count-objects', '-v'], { cwd: clone, env: source.env, encoding: 'utf8' });
    let before = countObjects();
    const history = spawnSync(process.execPath, [CLI, 'scan', '--history'], { cwd: clone, env: source.env, encoding: 'utf8' });
    expect(history.status).toBe(2);
    expectOneClearLine(history.stderr, /partial clone/);
    expect(countObjects()).toBe(before);
    writeFileSync(path.join(clone, 'n.txt'), `${makeAccessToken()}\n`);
    execFileSync('git', ['add', 'n.txt'], { cwd: clone, env: source.env });
    before = countObjects();
    const staged = spawnSync(process.execPath, [CLI, 'staged'], { cwd: clone, env: source.env, encoding: 'utf8' });
    expect(staged.status).toBe(1);
    expect(countObjects()).toBe(before);
  });

  it('submodules: the hook runs in the superproject and in the submodule', () => {
    const sub = committedRepo();
    const repo = committedRepo();
    repo.installHook();
    repo.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.dir, 'lib');
    repo.git('commit', '-q', '--no-verify', '-m', 'submodule');
    repo.write('lib/inner.txt', `${makeAccessToken()}\n`);
    const inner = path.join(repo.dir, 'lib');
    repo.linkScanner(inner);
    const hooks = repo.gitRaw(['rev-parse', '--git-path', 'hooks'], { cwd: inner }).stdout.trim();
    mkdirSync(path.resolve(inner, hooks), { recursive: true });
    writeFileSync(path.resolve(inner, hooks, 'pre-commit'), readFileSync(path.join(PROJECT_ROOT, 'hooks/pre-commit')));
    chmodSync(path.resolve(inner, hooks, 'pre-commit'), 0o755);
    repo.gitRaw(['add', 'inner.txt'], { cwd: inner });
    expect(repo.gitRaw(['commit', '-q', '-m', 'x'], { cwd: inner }).status).toBe(1);
    expect(repo.commit('-m', 'superproject', '--allow-empty').status).toBe(0);
  });

  it('a read-only working tree (as another user): the scan writes nothing and works', () => {
    const repo = committedRepo();
    repo.write('a.txt', `${makeAccessToken()}\n`);
    repo.git('add', '-A');
    // The other user's git must trust a repository it does not own.
    writeFileSync(path.join(repo.home, '.gitconfig'), '[safe]\n\tdirectory = *\n', { flag: 'a' });
    execFileSync('chmod', ['-R', 'a+rX,a-w', path.dirname(repo.dir)]);
    const nobody = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, 'staged'], {
      cwd: repo.dir,
      env: repo.env,
      encoding: 'utf8',
    });
    execFileSync('chmod', ['-R', 'u+w', path.dirname(repo.dir)]);
    if (nobody.error) throw nobody.error;
    expect(nobody.status, nobody.stderr).toBe(1);
    expect(nobody.stderr).toContain('a.txt:1:1');
  });

  it('GIT_DIR and GIT_WORK_TREE set by a wrapper (a bare "dotfiles" repository)', () => {
    const home = makeTempDir();
    const gitDir = path.join(home, '.cfg');
    const env = { ...TempRepo.create().env };
    execFileSync('git', ['init', '-q', '--bare', gitDir], { env });
    const wrapped = { ...env, GIT_DIR: gitDir, GIT_WORK_TREE: home };
    writeFileSync(path.join(home, '.bashrc'), `export INTERCOM_TOKEN=${makeAccessToken()}\n`);
    execFileSync('git', ['add', '.bashrc'], { cwd: home, env: wrapped });
    const run = spawnSync(process.execPath, [CLI, 'staged'], { cwd: path.join(home), env: wrapped, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('.bashrc:1:23');
    // From a subfolder too, with relative variables as a wrapper might set them.
    mkdirSync(path.join(home, 'sub'));
    const relative = { ...env, GIT_DIR: '../.cfg', GIT_WORK_TREE: '..' };
    const fromSub = spawnSync(process.execPath, [CLI, 'staged'], { cwd: path.join(home, 'sub'), env: relative, encoding: 'utf8' });
    expect(fromSub.status).toBe(1);
  });

  it('a scanner that crashes still blocks the commit (fail closed)', () => {
    const repo = committedRepo();
    repo.installHook();
    // A broken install: the bin exists but its code does not load.
    const broken = path.join(makeTempDir(), 'cli.js');
    writeFileSync(broken, '#!/usr/bin/env node\nthrow new Error("boom");\n');
    chmodSync(broken, 0o755);
    const bin = path.join(repo.dir, 'node_modules/.bin/intercom-guard');
    execFileSync('rm', ['-f', bin]);
    symlinkSync(broken, bin);
    repo.write('a.txt', 'clean\n');
    repo.git('add', '-A');
    expect(repo.commit('-m', 'x').status).not.toBe(0);
  });
});

describe('no network without --verify', () => {
  it('staged, scans, baseline and init make no network attempt; --verify does (positive control)', () => {
    const repo = committedRepo();
    repo.write('a.env', `INTERCOM_TOKEN=${makeAccessToken()}\n`);
    repo.commitUnchecked('leak');
    repo.write('b.env', `INTERCOM_TOKEN=${makeAccessToken()}\n`);
    repo.git('add', '-A');
    const log = path.join(makeTempDir(), 'net.log');
    writeFileSync(log, '');
    const env = { ...repo.env, NODE_OPTIONS: `--require ${path.join(PROJECT_ROOT, 'test/helpers/deny-network.cjs')}`, INTERCOM_GUARD_NET_LOG: log, HTTPS_PROXY: 'http://127.0.0.1:9' };
    for (const args of [['staged'], ['scan', '--history'], ['scan', '--range', 'HEAD~1..HEAD'], ['scan', '.'], ['baseline'], ['init'], ['staged', '--format', 'sarif']]) {
      const run = repo.scan(args, { env });
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).not.toBe(2);
    }
    expect(readFileSync(log, 'utf8')).toBe('');
    // The baseline just written would accept the staged token: remove it for the positive control.
    execFileSync('rm', ['-f', path.join(repo.dir, '.intercom-guard-baseline.json')]);
    const verify = repo.scan(['staged', '--verify', '--format', 'json'], { env });
    expect(readFileSync(log, 'utf8')).not.toBe('');
    expect(verify.status).toBe(1);
    expect(JSON.parse(verify.stdout).findings[0].verification).toBe('unknown');
  });
});
