/**
 * The user's git configuration must not change what the hook sees. For each
 * setting below (in the temporary HOME's ~/.gitconfig, in the repository's
 * own config, or in .gitattributes), a real `git commit` with the packaged
 * hook installed:
 *   - is blocked when it inserts a real-shaped access token into a tracked file,
 *     and the message names the right path:line:column;
 *   - is blocked when it adds a new file holding an ic_ token, same checks;
 *   - passes when the same change carries no token.
 * The tracked file already holds a committed token right next to where the
 * changes go, so any setting that widened the diff's context (or confused the
 * parser about which lines are added) would surface it as a second finding.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectPassed } from '../helpers/expect-commit.js';
import { cleanupTempDirs, makeTempDir, TempRepo, type RunResult } from '../helpers/repo.js';
import { makeAccessToken, makeIcToken } from '../helpers/tokens.js';

afterAll(cleanupTempDirs);

// ---------------------------------------------------------------------------
// Helpers (local to this file)
// ---------------------------------------------------------------------------

interface Location {
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

/** Asserts the commit was refused because of exactly one finding at `where`, and no secret leaked. */
function expectBlocked(repo: TempRepo, run: RunResult, before: string | undefined, where: Location, secrets: readonly string[]): void {
  const output = run.stdout + run.stderr;
  expect(run.status, output).toBe(1);
  expect(repo.head()).toBe(before);
  expect(run.stderr).toContain('commit blocked: an Intercom credential is in the staged change');
  expect(run.stderr).toContain(`  ${where.path}:${where.line}:${where.column}  `);
  for (const secret of secrets) expect(output).not.toContain(secret);
}


function appendGlobalConfig(repo: TempRepo, text: string): void {
  writeFileSync(path.join(repo.home, '.gitconfig'), text, { flag: 'a' });
}

/** A small executable script in the test's HOME. */
function writeScript(repo: TempRepo, name: string, body: string): string {
  const file = path.join(repo.home, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

// ---------------------------------------------------------------------------
// The scenario every configuration goes through
// ---------------------------------------------------------------------------

interface ConfigCase {
  readonly name: string;
  /** Appended to ~/.gitconfig of the test HOME (after the baseline commit). */
  readonly globalConfig?: (repo: TempRepo) => string;
  /** `git config KEY VALUE` in the repository (after the baseline commit). */
  readonly localConfig?: readonly (readonly [string, string])[];
  /** Committed in the baseline. */
  readonly gitattributes?: string;
  /** Tracked file that gets the inserted access token (default config/settings.env). */
  readonly trackedPath?: string;
  /** New file that holds the ic_ token (default feature/new.env). */
  readonly newPath?: string;
  /** Line ending written to the working tree. */
  readonly eol?: '\n' | '\r\n';
  /** Pad both files past 1 KiB. */
  readonly big?: boolean;
  /** Directory (relative to the top level) `git commit` runs from. */
  readonly commitFrom?: string;
  /** Extra setup before the baseline commit (e.g. a submodule). */
  readonly prepare?: (repo: TempRepo) => void;
  /** Extra staged change made alongside the tested one (e.g. a submodule update). */
  readonly alongside?: (repo: TempRepo) => void;
}

const FILLER = Array.from({ length: 60 }, (_, i) => `FILLER_${i}=some ordinary configuration value number ${i}`);

/**
 * Baseline of the tracked file. Line 6 holds a token committed long ago;
 * lines 3, 7 and 10 are blank (diff.suppressBlankEmpty).
 */
function baselineLines(oldToken: string, big: boolean): string[] {
  return [
    '# settings', //           1
    'APP_ENV=production', //   2
    '', //                     3
    'LOG_LEVEL=info', //       4
    'REGION=eu', //            5
    `LEGACY_VALUE="${oldToken}"`, // 6
    '', //                     7
    'TIMEOUT=30', //           8
    'RETRIES=3', //            9
    '', //                    10
    '# end', //               11
    'FEATURE=1', //           12
    ...(big ? FILLER : []),
  ];
}

const TOKEN_PREFIX = 'SAMPLE_VALUE="';

/** Trailing blanks on the token line give diff.wsErrorHighlight something to paint. */
function tokenLine(secret: string): string {
  return `${TOKEN_PREFIX}${secret}"   `;
}

function joinLines(lines: readonly string[], eol: string): string {
  return lines.join(eol) + eol;
}

interface Prepared {
  readonly repo: TempRepo;
  readonly oldToken: string;
  readonly trackedPath: string;
  readonly newPath: string;
  readonly eol: string;
  readonly big: boolean;
  readonly before: string | undefined;
}

function prepare(config: ConfigCase): Prepared {
  const repo = TempRepo.create();
  repo.installHook();
  const oldToken = makeAccessToken();
  const trackedPath = config.trackedPath ?? 'config/settings.env';
  const newPath = config.newPath ?? 'feature/new.env';
  const eol = config.eol ?? '\n';
  const big = config.big ?? false;
  repo.write('README.md', 'hello\n');
  if (config.gitattributes) repo.write('.gitattributes', config.gitattributes);
  repo.write(trackedPath, joinLines(baselineLines(oldToken, big), eol));
  repo.write('sub/dir/keep.txt', 'keep\n');
  config.prepare?.(repo);
  repo.commitUnchecked('baseline');
  if (config.globalConfig) appendGlobalConfig(repo, config.globalConfig(repo));
  for (const [key, value] of config.localConfig ?? []) repo.git('config', key, value);
  return { repo, oldToken, trackedPath, newPath, eol, big, before: repo.head() };
}

function commit(prepared: Prepared, config: ConfigCase, ...args: string[]): RunResult {
  const { repo } = prepared;
  config.alongside?.(repo);
  repo.git('add', '-A');
  return repo.gitRaw(['commit', '-q', ...args], { cwd: path.join(repo.dir, config.commitFrom ?? '.') });
}

function runConfigCase(config: ConfigCase): void {
  describe(config.name, () => {
    it('blocks an access token inserted into a tracked file, at the right path:line:column', () => {
      const prepared = prepare(config);
      const { repo, oldToken, trackedPath, eol, big } = prepared;
      const secret = makeAccessToken();
      const lines = baselineLines(oldToken, big);
      // Right after the committed token, with a blank line in between.
      lines.splice(7, 0, tokenLine(secret)); // new line 8
      lines[4] = 'REGION=us'; // a second change close by (line 5)
      repo.write(trackedPath, joinLines(lines, eol));
      const run = commit(prepared, config, '-m', 'add token');
      expectBlocked(repo, run, prepared.before, { path: trackedPath, line: 8, column: TOKEN_PREFIX.length + 1 }, [secret, oldToken]);
    });

    it('blocks an ic_ token in a new file, at the right path:line:column', () => {
      const prepared = prepare(config);
      const { repo, oldToken, newPath, eol, big } = prepared;
      const secret = makeIcToken();
      const lines = ['# feature', 'ENABLED=true', tokenLine(secret), 'DONE=1', ...(big ? FILLER : [])];
      repo.write(newPath, joinLines(lines, eol));
      const run = commit(prepared, config, '-m', 'add feature');
      expectBlocked(repo, run, prepared.before, { path: newPath, line: 3, column: TOKEN_PREFIX.length + 1 }, [secret, oldToken]);
    });

    it('passes the same kind of change without a token', () => {
      const prepared = prepare(config);
      const { repo, oldToken, trackedPath, newPath, eol, big } = prepared;
      const lines = baselineLines(oldToken, big);
      lines.splice(7, 0, `${TOKEN_PREFIX}just-a-plain-setting"   `);
      lines[4] = 'REGION=us';
      lines[8] = 'TIMEOUT=60';
      repo.write(trackedPath, joinLines(lines, eol));
      repo.write(newPath, joinLines(['# feature', 'ENABLED=true', ...(big ? FILLER : [])], eol));
      const run = commit(prepared, config, '-m', 'clean change');
      expectPassed(repo, run, prepared.before, [oldToken]);
    });
  });
}

/** A script that, if git ever ran it as the diff driver, would hand the scanner nonsense. */
const GARBAGE_DIFF = [
  'echo "this is not a diff"',
  'echo "diff --git a/garbage b/garbage"',
  'echo "@@ -1 +1,3 @@"',
  'echo "+garbage"',
  'exit 0',
].join('\n');

const CASES: readonly ConfigCase[] = [
  { name: 'color.ui=always', globalConfig: () => '[color]\n\tui = always\n' },
  { name: 'color.diff=always (repository config)', localConfig: [['color.diff', 'always']] },
  { name: 'diff.noprefix=true', globalConfig: () => '[diff]\n\tnoprefix = true\n' },
  { name: 'diff.mnemonicPrefix=true', globalConfig: () => '[diff]\n\tmnemonicPrefix = true\n' },
  { name: 'diff.relative=true, committing from a subdirectory', globalConfig: () => '[diff]\n\trelative = true\n', commitFrom: 'sub/dir' },
  {
    name: 'diff.external=<a script that prints garbage>',
    globalConfig: (repo) => `[diff]\n\texternal = ${writeScript(repo, 'garbage-diff.sh', GARBAGE_DIFF)}\n`,
  },
  { name: 'diff.renames=copies', globalConfig: () => '[diff]\n\trenames = copies\n' },
  {
    name: 'core.quotePath=false with non-ASCII paths',
    globalConfig: () => '[core]\n\tquotePath = false\n',
    trackedPath: 'config/réglages.env',
    newPath: '新しい/設定 é.env',
  },
  {
    name: 'core.quotePath=true with non-ASCII paths (repository config)',
    localConfig: [['core.quotePath', 'true']],
    trackedPath: 'config/réglages.env',
    newPath: '新しい/設定 é.env',
  },
  {
    name: 'a textconv driver that hides *.env (diff.hide.textconv)',
    globalConfig: () => `[diff "hide"]\n\ttextconv = sh -c 'echo nothing'\n`,
    gitattributes: '*.env diff=hide\n',
  },
  { name: '-diff in .gitattributes', gitattributes: '*.env -diff\n' },
  { name: 'binary attribute on text files', gitattributes: '*.env binary\n' },
  { name: 'core.bigFileThreshold=1k with files larger than that', globalConfig: () => '[core]\n\tbigFileThreshold = 1k\n', big: true },
  { name: 'diff.interHunkContext=10', globalConfig: () => '[diff]\n\tinterHunkContext = 10\n' },
  { name: 'diff.context=5', globalConfig: () => '[diff]\n\tcontext = 5\n' },
  { name: 'diff.algorithm=patience', globalConfig: () => '[diff]\n\talgorithm = patience\n' },
  {
    name: 'diff.suppressBlankEmpty=true (with diff.context=3)',
    globalConfig: () => '[diff]\n\tsuppressBlankEmpty = true\n\tcontext = 3\n',
  },
  {
    name: 'diff.submodule=log with a submodule updated in the same commit',
    globalConfig: () => '[diff]\n\tsubmodule = log\n[status]\n\tsubmoduleSummary = true\n',
    prepare: (repo) => addSubmodule(repo),
    alongside: (repo) => advanceSubmodule(repo),
  },
  { name: 'core.autocrlf=true with CRLF files', globalConfig: () => '[core]\n\tautocrlf = true\n', eol: '\r\n' },
  { name: 'diff.indentHeuristic=false', globalConfig: () => '[diff]\n\tindentHeuristic = false\n' },
  {
    name: 'status.* and log.* settings',
    globalConfig: () =>
      '[status]\n\tshort = true\n\tbranch = true\n\tshowUntrackedFiles = all\n\tshowStash = true\n\trenames = copies\n' +
      '[log]\n\tdecorate = full\n\tabbrevCommit = true\n\tdate = iso\n\tfollow = true\n\tshowRoot = false\n',
  },
  {
    name: 'diff.wsErrorHighlight=all with color.ui=always',
    globalConfig: () => '[color]\n\tui = always\n[diff]\n\twsErrorHighlight = all\n\tcolorMoved = zebra\n',
  },
];

// ---------------------------------------------------------------------------
// Submodule helpers (diff.submodule=log)
// ---------------------------------------------------------------------------

const ALLOW_FILE = ['-c', 'protocol.file.allow=always'];

function addSubmodule(repo: TempRepo): void {
  const origin = path.join(makeTempDir('ig-sub-origin-'), 'lib');
  repo.gitRaw(['init', '-q', origin]);
  writeFileSync(path.join(origin, 'lib.txt'), 'library v1\n');
  repo.git('-C', origin, 'add', '-A');
  repo.git('-C', origin, 'commit', '-q', '--no-verify', '-m', 'lib v1');
  repo.git(...ALLOW_FILE, 'submodule', '--quiet', 'add', origin, 'vendor/lib');
}

/** A new commit inside the submodule, staged in the superproject. */
function advanceSubmodule(repo: TempRepo): void {
  const sub = path.join(repo.dir, 'vendor/lib');
  writeFileSync(path.join(sub, 'lib.txt'), `library v${Date.now()}\n`);
  repo.git('-C', sub, 'add', '-A');
  repo.git('-C', sub, 'commit', '-q', '--no-verify', '-m', 'lib next');
}

// ---------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------

describe('user git configuration does not change what the hook sees', () => {
  for (const config of CASES) runConfigCase(config);
});

describe('settings that need a closer look', () => {
  it('diff.relative=true: the scanner run from a subdirectory still sees files outside it, with top-level paths', () => {
    const repo = TempRepo.create();
    repo.write('README.md', 'hello\n');
    repo.write('sub/dir/keep.txt', 'keep\n');
    repo.commitUnchecked('baseline');
    appendGlobalConfig(repo, '[diff]\n\trelative = true\n');
    const secret = makeAccessToken();
    repo.write('top.env', `A=1\nVALUE="${secret}"\n`);
    repo.git('add', 'top.env');
    const run = repo.scan(['staged'], { cwd: path.join(repo.dir, 'sub/dir') });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('  top.env:2:8  ');
    expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('diff.interHunkContext=10 and diff.context=5: a committed token between two nearby changes is not reported', () => {
    const repo = TempRepo.create();
    repo.installHook();
    const oldToken = makeAccessToken();
    const lines = Array.from({ length: 20 }, (_, i) => `LINE_${i + 1}=value`);
    lines[5] = `OLD="${oldToken}"`; // line 6
    repo.write('app.env', joinLines(lines, '\n'));
    repo.commitUnchecked('baseline');
    const before = repo.head();
    appendGlobalConfig(repo, '[diff]\n\tinterHunkContext = 10\n\tcontext = 5\n');
    lines[3] = 'LINE_4=changed'; // line 4
    lines[8] = 'LINE_9=changed'; // line 9
    repo.write('app.env', joinLines(lines, '\n'));
    repo.git('add', 'app.env');
    const run = repo.commit('-m', 'two nearby changes');
    expectPassed(repo, run, before, [oldToken]);
  });

  it('diff.interHunkContext=10: of two nearby changes, the token one is reported at its own line', () => {
    const repo = TempRepo.create();
    repo.installHook();
    const lines = Array.from({ length: 20 }, (_, i) => `LINE_${i + 1}=value`);
    repo.write('app.env', joinLines(lines, '\n'));
    repo.commitUnchecked('baseline');
    const before = repo.head();
    appendGlobalConfig(repo, '[diff]\n\tinterHunkContext = 10\n');
    const secret = makeIcToken();
    lines[3] = 'LINE_4=changed'; // line 4
    lines[8] = `LINE_9=${secret}`; // line 9, column 8
    repo.write('app.env', joinLines(lines, '\n'));
    repo.git('add', 'app.env');
    const run = repo.commit('-m', 'two nearby changes');
    expectBlocked(repo, run, before, { path: 'app.env', line: 9, column: 8 }, [secret]);
  });

  describe('rename detection settings', () => {
    /** Three files of twenty lines; the first holds a committed token on line 5. */
    function renameSetup(config: string): { repo: TempRepo; oldToken: string; bodies: string[][]; before: string | undefined } {
      const repo = TempRepo.create();
      repo.installHook();
      const oldToken = makeAccessToken();
      const bodies = ['a', 'b', 'c'].map((name) => Array.from({ length: 20 }, (_, i) => `${name.toUpperCase()}_${i + 1}=ordinary value ${i + 1}`));
      bodies[0]![4] = `OLD="${oldToken}"`;
      bodies.forEach((lines, i) => repo.write(`${'abc'[i]}.env`, joinLines(lines, '\n')));
      repo.commitUnchecked('baseline');
      appendGlobalConfig(repo, config);
      return { repo, oldToken, bodies, before: repo.head() };
    }

    /** Renames every file to moved/<name>, with one extra line at the end of each. */
    function renameAll(repo: TempRepo, bodies: string[][], extra: (i: number) => string): void {
      bodies.forEach((lines, i) => {
        const name = `${'abc'[i]}.env`;
        repo.git('rm', '-q', name);
        repo.write(`moved/${name}`, joinLines([...lines, extra(i)], '\n'));
      });
      repo.git('add', '-A');
    }

    for (const [name, config] of [
      ['diff.renames=false', '[diff]\n\trenames = false\n'],
      // Git gives up inexact rename detection when there are more candidates than the limit.
      ['diff.renameLimit=1', '[diff]\n\trenameLimit = 1\n'],
    ] as const) {
      it(`${name}: renamed files holding a committed token, with small edits, are not blocked`, () => {
        const { repo, oldToken, bodies, before } = renameSetup(config);
        renameAll(repo, bodies, () => 'EXTRA=1');
        expectPassed(repo, repo.commit('-m', 'rename'), before, [oldToken]);
      });

      it(`${name}: renamed files with a token added are blocked at the new path and line`, () => {
        const { repo, oldToken, bodies, before } = renameSetup(config);
        const secret = makeIcToken();
        renameAll(repo, bodies, (i) => (i === 1 ? `${TOKEN_PREFIX}${secret}"` : 'EXTRA=1'));
        const run = repo.commit('-m', 'rename');
        expectBlocked(repo, run, before, { path: 'moved/b.env', line: 21, column: TOKEN_PREFIX.length + 1 }, [secret, oldToken]);
      });
    }
  });

  it('core.autocrlf=true: the block message holds no carriage return', () => {
    const repo = TempRepo.create();
    repo.installHook();
    repo.write('README.md', 'hello\n');
    repo.commitUnchecked('baseline');
    const before = repo.head();
    appendGlobalConfig(repo, '[core]\n\tautocrlf = true\n');
    const secret = makeAccessToken();
    repo.write('win.env', `A=1\r\nKEY=${secret}\r\n`);
    repo.git('add', 'win.env');
    const run = repo.commit('-m', 'crlf');
    expectBlocked(repo, run, before, { path: 'win.env', line: 2, column: 5 }, [secret]);
    expect(run.stdout + run.stderr).not.toContain('\r');
  });

  it('color.ui=always: the hook run without a terminal prints no colour codes', () => {
    const repo = TempRepo.create();
    repo.installHook();
    repo.write('README.md', 'hello\n');
    repo.commitUnchecked('baseline');
    const before = repo.head();
    appendGlobalConfig(repo, '[color]\n\tui = always\n\tdiff = always\n');
    const secret = makeAccessToken();
    repo.write('a.env', `KEY=${secret}\n`);
    repo.git('add', 'a.env');
    const run = repo.commit('-m', 'colour');
    expectBlocked(repo, run, before, { path: 'a.env', line: 1, column: 5 }, [secret]);
    expect(run.stderr).not.toContain('\u001b[');
  });
});
