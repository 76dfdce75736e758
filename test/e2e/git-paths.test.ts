/**
 * What `git commit` records, in all its shapes: awkward file names, renames,
 * copies, deletions, binary files, submodules, mode changes, line endings,
 * the first commit, linked worktrees, `commit -a` and `commit <path>`, and
 * the lines that must NOT count (deleted, unchanged, unstaged, untracked).
 * Every commit is a real `git commit` with the packaged hook installed, and
 * no output ever holds a whole token.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectPassed } from '../helpers/expect-commit.js';
import { cleanupTempDirs, makeTempDir, repoWithHook, TempRepo, type RunResult } from '../helpers/repo.js';
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

/** How the report prints a path: control characters escaped (see src/report/escape.ts). */
function shown(file: string): string {
  return file.replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** The commit was refused for exactly `where.length` findings at these locations; no secret leaked. */
function expectBlocked(
  repo: TempRepo,
  run: RunResult,
  before: string | undefined,
  where: readonly Location[],
  secrets: readonly string[],
): void {
  const output = run.stdout + run.stderr;
  expect(run.status, output).toBe(1);
  expect(repo.head()).toBe(before);
  expect(run.stderr).toContain(
    where.length === 1
      ? 'commit blocked: an Intercom credential is in the staged change'
      : `commit blocked: ${where.length} Intercom credentials are in the staged change`,
  );
  for (const { path: file, line, column } of where) expect(run.stderr).toContain(`  ${shown(file)}:${line}:${column}  `);
  for (const secret of secrets) expect(output).not.toContain(secret);
}



function stagedNames(repo: TempRepo): string[] {
  return repo.git('-c', 'core.quotePath=false', 'diff', '--cached', '--name-only', '-z').split('\0').filter(Boolean);
}

const VALUE = 'VALUE="'; // the token starts at column 8 after this prefix

// ---------------------------------------------------------------------------
// File names
// ---------------------------------------------------------------------------

const AWKWARD_PATHS: readonly { readonly name: string; readonly path: string }[] = [
  { name: 'spaces', path: 'dir with space/my file.env' },
  { name: 'a " b/" inside the name', path: 'x b/y z.env' },
  { name: 'double quotes', path: 'say "hi".env' },
  { name: 'a tab', path: 'tab\there.env' },
  { name: 'backslashes', path: 'back\\slash\\name.env' },
  { name: 'a leading dash', path: '-rf.env' },
  { name: 'leading double dash', path: '--help.env' },
  { name: 'non-ASCII (é)', path: 'config/café.env' },
  { name: 'non-ASCII (日本)', path: '日本/設定.env' },
  // Linux filesystems allow a newline in a name; git quotes it as "\n".
  { name: 'a newline', path: 'new\nline.env' },
  { name: 'a trailing space', path: 'ends with space ' },
  { name: 'a single dash', path: '-' },
];

describe('awkward file names: the location names the true path', () => {
  for (const { name, path: file } of AWKWARD_PATHS) {
    it(`new file with ${name}: blocked at the right location`, () => {
      const repo = repoWithHook();
      const before = repo.head();
      const secret = makeAccessToken();
      repo.write(file, `A=1\n${VALUE}${secret}"\n`);
      repo.git('add', '--', file);
      expect(stagedNames(repo)).toEqual([file]);
      const run = repo.commit('-m', 'add');
      expectBlocked(repo, run, before, [{ path: file, line: 2, column: 8 }], [secret]);
    });

    it(`modified file with ${name}: blocked at the right location`, () => {
      const repo = repoWithHook();
      repo.write(file, 'A=1\nB=2\nC=3\n');
      repo.commitUnchecked('file');
      const before = repo.head();
      const secret = makeIcToken();
      repo.write(file, `A=1\nB=2\n${VALUE}${secret}"\nC=3\n`);
      repo.git('add', '--', file);
      const run = repo.commit('-m', 'edit');
      expectBlocked(repo, run, before, [{ path: file, line: 3, column: 8 }], [secret]);
    });

    it(`renamed to a name with ${name}, a token added: blocked at the new path`, () => {
      const repo = repoWithHook();
      const body = Array.from({ length: 10 }, (_, i) => `SETTING_${i}=value number ${i}`);
      repo.write('plain.env', `${body.join('\n')}\n`);
      repo.commitUnchecked('file');
      const before = repo.head();
      const secret = makeAccessToken();
      repo.git('rm', '-q', '--', 'plain.env');
      const lines = [...body];
      lines.splice(4, 0, `${VALUE}${secret}"`); // line 5
      repo.write(file, `${lines.join('\n')}\n`);
      repo.git('add', '-A');
      expect(repo.git('diff', '--cached', '-M', '--name-status', '-z')).toMatch(/^R\d+\0plain\.env\0/);
      const run = repo.commit('-m', 'rename');
      expectBlocked(repo, run, before, [{ path: file, line: 5, column: 8 }], [secret]);
    });
  }

  it('a clean commit holding every awkward name passes', () => {
    const repo = repoWithHook();
    const before = repo.head();
    for (const { path: file } of AWKWARD_PATHS) repo.write(file, 'A=1\nVALUE="plain"\n');
    repo.git('add', '-A');
    expect(stagedNames(repo).sort()).toEqual(AWKWARD_PATHS.map((entry) => entry.path).sort());
    expectPassed(repo, repo.commit('-m', 'names'), before, []);
  });

  it('pure renames and mode-only changes of every awkward name, and an empty file: pass without error', () => {
    const repo = repoWithHook();
    const oldToken = makeAccessToken();
    AWKWARD_PATHS.forEach(({ path: file }, i) => {
      const written = repo.write(file, `${VALUE}${oldToken}"\nN=${i}\n`);
      chmodSync(written, 0o644);
    });
    repo.write('moved/placeholder.txt', 'x\n');
    repo.commitUnchecked('names');
    const before = repo.head();
    AWKWARD_PATHS.forEach(({ path: file }, i) => {
      if (i % 2 === 0) chmodSync(path.join(repo.dir, file), 0o755);
      else repo.git('mv', '--', file, `moved/${i}${path.basename(file)}`);
    });
    repo.write('empty file.env', '');
    repo.git('add', '-A');
    expectPassed(repo, repo.commit('-m', 'renames and modes'), before, [oldToken]);
  });

  it('several awkward names in one commit: each finding names its own file', () => {
    const repo = repoWithHook();
    const before = repo.head();
    const secrets: string[] = [];
    for (const { path: file } of AWKWARD_PATHS) {
      const secret = makeIcToken();
      secrets.push(secret);
      repo.write(file, `${VALUE}${secret}"\n`);
    }
    repo.git('add', '-A');
    const run = repo.commit('-m', 'names');
    expectBlocked(
      repo,
      run,
      before,
      AWKWARD_PATHS.map(({ path: file }) => ({ path: file, line: 1, column: 8 })),
      secrets,
    );
  });
});

describe('file content that looks like diff syntax', () => {
  it('added lines that read like diff headers do not hide the token or shift its line', () => {
    const repo = repoWithHook();
    const before = repo.head();
    const secret = makeIcToken();
    const lines = [
      'diff --git a/other.env b/other.env',
      '--- a/other.env',
      '+++ b/other.env',
      '@@ -1 +1,40 @@',
      '\\ No newline at end of file',
      '-removed looking',
      `${VALUE}${secret}"`, // line 7
      '+added looking',
    ];
    repo.write('patch-like.env', text(lines));
    repo.git('add', '-A');
    const run = repo.commit('-m', 'patch-like');
    expectBlocked(repo, run, before, [{ path: 'patch-like.env', line: 7, column: 8 }], [secret]);
  });
});

// ---------------------------------------------------------------------------
// Renames and copies
// ---------------------------------------------------------------------------

/** Ten ordinary lines with an already committed token on line 5. */
function fileWithOldToken(oldToken: string): string[] {
  const lines = Array.from({ length: 10 }, (_, i) => `SETTING_${i + 1}=ordinary value number ${i + 1}`);
  lines[4] = `OLD="${oldToken}"`;
  return lines;
}

const text = (lines: readonly string[]): string => `${lines.join('\n')}\n`;

describe('renames', () => {
  it('a file holding a committed token, renamed with a small edit: not blocked', () => {
    const repo = repoWithHook();
    const oldToken = makeAccessToken();
    const lines = fileWithOldToken(oldToken);
    repo.write('old.env', text(lines));
    repo.commitUnchecked('with token');
    const before = repo.head();
    repo.git('mv', 'old.env', 'new name.env');
    lines[8] = 'SETTING_9=edited';
    repo.write('new name.env', text(lines));
    repo.git('add', '-A');
    expect(repo.git('diff', '--cached', '-M', '--name-status')).toMatch(/^R\d+\told\.env\tnew name\.env$/m);
    expectPassed(repo, repo.commit('-m', 'rename'), before, [oldToken]);
  });

  it('a file holding a committed token, renamed unchanged into another folder: not blocked', () => {
    const repo = repoWithHook();
    const oldToken = makeIcToken();
    repo.write('old.env', text(fileWithOldToken(oldToken)));
    repo.commitUnchecked('with token');
    const before = repo.head();
    repo.write('moved/here.env', text(fileWithOldToken(oldToken)));
    repo.git('rm', '-q', 'old.env');
    repo.git('add', '-A');
    expectPassed(repo, repo.commit('-m', 'move'), before, [oldToken]);
  });

  it('renamed and a token added: blocked at the added line only', () => {
    const repo = repoWithHook();
    const oldToken = makeAccessToken();
    const lines = fileWithOldToken(oldToken);
    repo.write('old.env', text(lines));
    repo.commitUnchecked('with token');
    const before = repo.head();
    repo.git('mv', 'old.env', 'renamed.env');
    const secret = makeIcToken();
    lines.splice(7, 0, `${VALUE}${secret}"`); // line 8
    repo.write('renamed.env', text(lines));
    repo.git('add', '-A');
    const run = repo.commit('-m', 'rename and add');
    expectBlocked(repo, run, before, [{ path: 'renamed.env', line: 8, column: 8 }], [secret, oldToken]);
  });
});

describe('renames beyond git\'s default rename limit', () => {
  it('a folder of 1001 files moved with a small edit to each, one holding a committed token: not blocked', () => {
    // Git's diff.renameLimit defaults to 1000: past that, without -l0, git gives
    // up inexact rename detection and prints every moved file as deleted + added.
    const repo = repoWithHook();
    const oldToken = makeAccessToken();
    const count = 1001;
    const body = (i: number): string[] => [`FILE=${i}`, 'LINE_2=two', 'LINE_3=three', 'LINE_4=four'];
    for (let i = 1; i <= count; i++) {
      const lines = body(i);
      if (i === 500) lines[2] = `OLD="${oldToken}"`;
      repo.write(`src/f${i}.env`, text(lines));
    }
    repo.commitUnchecked('many files');
    const before = repo.head();
    repo.git('mv', 'src', 'lib');
    for (let i = 1; i <= count; i++) {
      const lines = body(i);
      if (i === 500) lines[2] = `OLD="${oldToken}"`;
      repo.write(`lib/f${i}.env`, text([...lines, 'EXTRA=1']));
    }
    repo.git('add', '-A');
    expectPassed(repo, repo.commit('-m', 'move folder'), before, [oldToken]);
  });
});

describe('copies (diff.renames=copies)', () => {
  function copySetup(): { repo: TempRepo; oldToken: string; lines: string[]; before: string | undefined } {
    const repo = repoWithHook();
    const oldToken = makeAccessToken();
    const lines = fileWithOldToken(oldToken);
    repo.write('source.env', text(lines));
    repo.commitUnchecked('with token');
    repo.git('config', 'diff.renames', 'copies');
    return { repo, oldToken, lines, before: repo.head() };
  }

  it('a copy of a modified file holding a committed token: only the genuinely added lines count (not blocked)', () => {
    const { repo, oldToken, lines, before } = copySetup();
    const source = [...lines];
    source[1] = 'SETTING_2=changed in the source';
    repo.write('source.env', text(source));
    const copy = [...lines];
    copy[8] = 'SETTING_9=changed in the copy';
    repo.write('copy.env', text(copy));
    repo.git('add', '-A');
    expect(repo.git('diff', '--cached', '-C', '--name-status')).toMatch(/^C\d+\tsource\.env\tcopy\.env$/m);
    expectPassed(repo, repo.commit('-m', 'copy'), before, [oldToken]);
  });

  it('a copy of a modified file with a token added to the copy: blocked at the copy\'s line', () => {
    const { repo, oldToken, lines, before } = copySetup();
    const source = [...lines];
    source[1] = 'SETTING_2=changed in the source';
    repo.write('source.env', text(source));
    const secret = makeIcToken();
    const copy = [...lines];
    copy.splice(2, 0, `${VALUE}${secret}"`); // line 3
    repo.write('copy.env', text(copy));
    repo.git('add', '-A');
    const run = repo.commit('-m', 'copy with token');
    expectBlocked(repo, run, before, [{ path: 'copy.env', line: 3, column: 8 }], [secret, oldToken]);
  });
});

// ---------------------------------------------------------------------------
// Lines and files that must not count
// ---------------------------------------------------------------------------

describe('what must not block', () => {
  it('deleting a file that holds a token', () => {
    const repo = repoWithHook();
    const oldToken = makeAccessToken();
    repo.write('secret.env', `${VALUE}${oldToken}"\n`);
    repo.commitUnchecked('with token');
    const before = repo.head();
    repo.git('rm', '-q', 'secret.env');
    expectPassed(repo, repo.commit('-m', 'delete'), before, [oldToken]);
  });

  it('a token only in deleted lines', () => {
    const repo = repoWithHook();
    const oldToken = makeIcToken();
    const lines = fileWithOldToken(oldToken);
    repo.write('a.env', text(lines));
    repo.commitUnchecked('with token');
    const before = repo.head();
    lines.splice(4, 1);
    repo.write('a.env', text(lines));
    repo.git('add', 'a.env');
    expectPassed(repo, repo.commit('-m', 'remove token line'), before, [oldToken]);
  });

  it('a token replaced on its line (the old value is a deleted line)', () => {
    const repo = repoWithHook();
    const oldToken = makeAccessToken();
    const lines = fileWithOldToken(oldToken);
    repo.write('a.env', text(lines));
    repo.commitUnchecked('with token');
    const before = repo.head();
    lines[4] = 'OLD="${INTERCOM_TOKEN}"';
    repo.write('a.env', text(lines));
    repo.git('add', 'a.env');
    expectPassed(repo, repo.commit('-m', 'reference instead'), before, [oldToken]);
  });

  it('a token in unchanged lines of a file changed elsewhere (already committed)', () => {
    const repo = repoWithHook();
    const oldToken = makeAccessToken();
    const lines = fileWithOldToken(oldToken);
    repo.write('a.env', text(lines));
    repo.commitUnchecked('with token');
    const before = repo.head();
    lines[3] = 'SETTING_4=changed';
    lines[5] = 'SETTING_6=changed';
    lines.push('SETTING_11=new');
    repo.write('a.env', text(lines));
    repo.git('add', 'a.env');
    expectPassed(repo, repo.commit('-m', 'edit around'), before, [oldToken]);
  });

  it('a token only in an unstaged change of a tracked file', () => {
    const repo = repoWithHook();
    repo.write('tracked.env', 'A=1\n');
    repo.commitUnchecked('tracked');
    const before = repo.head();
    const secret = makeAccessToken();
    repo.write('tracked.env', `A=1\n${VALUE}${secret}"\n`);
    repo.write('other.txt', 'clean\n');
    repo.git('add', 'other.txt');
    expectPassed(repo, repo.commit('-m', 'other'), before, [secret]);
    expect(repo.git('diff', '--name-only')).toBe('tracked.env\n');
  });

  it('a token only in an untracked file', () => {
    const repo = repoWithHook();
    const before = repo.head();
    const secret = makeIcToken();
    repo.write('untracked.env', `${VALUE}${secret}"\n`);
    repo.write('other.txt', 'clean\n');
    repo.git('add', 'other.txt');
    expectPassed(repo, repo.commit('-m', 'other'), before, [secret]);
    expect(repo.git('status', '--porcelain', '--', 'untracked.env')).toBe('?? untracked.env\n');
  });

  it('a mode-only change (chmod +x) of a file that holds a token', () => {
    const repo = repoWithHook();
    const oldToken = makeAccessToken();
    const file = repo.write('run.sh', `#!/bin/sh\n${VALUE}${oldToken}"\n`);
    chmodSync(file, 0o644);
    repo.commitUnchecked('script');
    const before = repo.head();
    chmodSync(file, 0o755);
    repo.git('add', 'run.sh');
    expect(repo.git('diff', '--cached', '--summary')).toContain('mode change 100644 => 100755 run.sh');
    expectPassed(repo, repo.commit('-m', 'chmod'), before, [oldToken]);
  });

  describe('binary files holding a token-like string and NUL bytes', () => {
    const variants: readonly { readonly name: string; readonly content: (secret: string) => Buffer }[] = [
      { name: 'NUL before the token', content: (s) => Buffer.concat([Buffer.from('BIN\0\0\x01\x02\n'), Buffer.from(`${VALUE}${s}"\n`)]) },
      { name: 'NUL after the token', content: (s) => Buffer.concat([Buffer.from(`${VALUE}${s}"\n`), Buffer.from('\0\0\xff\n')]) },
      { name: 'NUL on the token line', content: (s) => Buffer.from(`\0${s}\0\n`, 'latin1') },
    ];
    for (const variant of variants) {
      it(`${variant.name}: not blocked, and --debug says it was skipped`, () => {
        const repo = repoWithHook();
        const before = repo.head();
        const secret = makeAccessToken();
        repo.write('assets/blob.bin', variant.content(secret));
        repo.git('add', '-A');
        const debug = repo.scan(['staged', '--debug']);
        expect(debug.status, debug.stderr).toBe(0);
        // One line of the debug output says this file was skipped as binary (wording aside).
        const said = debug.stderr.split('\n').filter((line) => line.includes('assets/blob.bin'));
        expect(said.some((line) => /skip/i.test(line) && /binary/i.test(line)), debug.stderr).toBe(true);
        expect(debug.stdout + debug.stderr).not.toContain(secret);
        expectPassed(repo, repo.commit('-m', 'binary'), before, [secret]);
      });
    }
  });
});

// ---------------------------------------------------------------------------
// Submodules
// ---------------------------------------------------------------------------

describe('submodules', () => {
  const ALLOW_FILE = ['-c', 'protocol.file.allow=always'];

  /** A library repository whose own history holds a token (committed without the hook). */
  function libraryWithToken(repo: TempRepo): { origin: string; token: string } {
    const origin = path.join(makeTempDir('ig-lib-'), 'lib');
    repo.gitRaw(['init', '-q', origin]);
    const token = makeAccessToken();
    writeFileSync(path.join(origin, 'config.env'), `${VALUE}${token}"\n`);
    repo.git('-C', origin, 'add', '-A');
    repo.git('-C', origin, 'commit', '-q', '--no-verify', '-m', 'lib');
    return { origin, token };
  }

  it('adding a submodule whose content holds a token: not blocked, no crash', () => {
    const repo = repoWithHook();
    const before = repo.head();
    const { origin, token } = libraryWithToken(repo);
    repo.git(...ALLOW_FILE, 'submodule', '--quiet', 'add', origin, 'vendor/lib');
    const run = repo.commit('-m', 'add submodule');
    expectPassed(repo, run, before, [token]);
    expect(repo.git('ls-tree', 'HEAD', 'vendor/lib')).toMatch(/^160000 commit /);
  });

  it('updating a submodule to a commit that adds a token: not blocked, no crash', () => {
    const repo = repoWithHook();
    const { origin, token } = libraryWithToken(repo);
    repo.git(...ALLOW_FILE, 'submodule', '--quiet', 'add', origin, 'vendor/lib');
    repo.commitUnchecked('add submodule');
    const before = repo.head();
    const sub = path.join(repo.dir, 'vendor/lib');
    const newToken = makeIcToken();
    writeFileSync(path.join(sub, 'more.env'), `${VALUE}${newToken}"\n`);
    repo.git('-C', sub, 'add', '-A');
    repo.git('-C', sub, 'commit', '-q', '--no-verify', '-m', 'more');
    repo.git('add', 'vendor/lib');
    const run = repo.commit('-m', 'bump submodule');
    expectPassed(repo, run, before, [token, newToken]);
  });

  it('a submodule update alongside a token in the superproject: blocked at the superproject file', () => {
    const repo = repoWithHook();
    const { origin, token } = libraryWithToken(repo);
    repo.git(...ALLOW_FILE, 'submodule', '--quiet', 'add', origin, 'vendor/lib');
    repo.commitUnchecked('add submodule');
    const before = repo.head();
    const sub = path.join(repo.dir, 'vendor/lib');
    writeFileSync(path.join(sub, 'next.txt'), 'next\n');
    repo.git('-C', sub, 'add', '-A');
    repo.git('-C', sub, 'commit', '-q', '--no-verify', '-m', 'next');
    const secret = makeAccessToken();
    repo.write('app.env', `${VALUE}${secret}"\n`);
    repo.git('add', '-A');
    const run = repo.commit('-m', 'bump and token');
    expectBlocked(repo, run, before, [{ path: 'app.env', line: 1, column: 8 }], [secret, token]);
  });
});

// ---------------------------------------------------------------------------
// Line endings
// ---------------------------------------------------------------------------

describe('line endings', () => {
  it('CRLF file: blocked, column right, no carriage return in the output', () => {
    const repo = repoWithHook();
    const before = repo.head();
    const access = makeAccessToken();
    const ic = makeIcToken();
    // The ic_ token ends its line: right before the \r.
    repo.write('win.env', `A=1\r\n${VALUE}${access}"\r\nKEY=${ic}\r\n`);
    repo.git('add', 'win.env');
    const run = repo.commit('-m', 'crlf');
    expectBlocked(
      repo,
      run,
      before,
      [
        { path: 'win.env', line: 2, column: 8 },
        { path: 'win.env', line: 3, column: 5 },
      ],
      [access, ic],
    );
    expect(run.stdout + run.stderr).not.toContain('\r');
  });

  it('no newline at end of file, token on the last line: blocked', () => {
    const repo = repoWithHook();
    repo.write('last.env', 'A=1\nB=2\n');
    repo.commitUnchecked('file');
    const before = repo.head();
    const secret = makeIcToken();
    repo.write('last.env', `A=1\nB=2\nKEY=${secret}`);
    repo.git('add', 'last.env');
    expect(repo.git('diff', '--cached')).toContain('\\ No newline at end of file');
    const run = repo.commit('-m', 'no eol');
    expectBlocked(repo, run, before, [{ path: 'last.env', line: 3, column: 5 }], [secret]);
  });

  it('no newline at end of file, CRLF, access token on the last line of a new file: blocked', () => {
    const repo = repoWithHook();
    const before = repo.head();
    const secret = makeAccessToken();
    repo.write('last.env', `A=1\r\nKEY=${secret}`);
    repo.git('add', 'last.env');
    const run = repo.commit('-m', 'no eol');
    expectBlocked(repo, run, before, [{ path: 'last.env', line: 2, column: 5 }], [secret]);
    expect(run.stdout + run.stderr).not.toContain('\r');
  });

  it('the last line changed from no-newline to a token line: blocked only at the token', () => {
    const repo = repoWithHook();
    repo.write('last.env', 'A=1\nB=2');
    repo.commitUnchecked('file');
    const before = repo.head();
    const secret = makeAccessToken();
    repo.write('last.env', `A=1\nB=2\nKEY=${secret}\n`);
    repo.git('add', 'last.env');
    const run = repo.commit('-m', 'append');
    expectBlocked(repo, run, before, [{ path: 'last.env', line: 3, column: 5 }], [secret]);
  });
});

// ---------------------------------------------------------------------------
// Where and how the commit is made
// ---------------------------------------------------------------------------

describe('commit contexts', () => {
  it('the initial commit (no HEAD) with a token: blocked', () => {
    const repo = TempRepo.create();
    repo.installHook();
    expect(repo.head()).toBeUndefined();
    const secret = makeAccessToken();
    repo.write('README.md', 'hello\n');
    repo.write('.env', `A=1\n${VALUE}${secret}"\n`);
    repo.git('add', '-A');
    const run = repo.commit('-m', 'first');
    expectBlocked(repo, run, undefined, [{ path: '.env', line: 2, column: 8 }], [secret]);
  });

  it('the initial commit (no HEAD) without a token: passes', () => {
    const repo = TempRepo.create();
    repo.installHook();
    repo.write('README.md', 'hello\n');
    repo.write('.env', 'A=1\nINTERCOM_TOKEN=\n');
    repo.git('add', '-A');
    expectPassed(repo, repo.commit('-m', 'first'), undefined, []);
  });

  describe('a linked worktree (git worktree add)', () => {
    function withWorktree(): { repo: TempRepo; wt: string; wtHead: () => string } {
      const repo = repoWithHook();
      const wt = path.join(path.dirname(repo.dir), 'linked wt');
      repo.git('worktree', 'add', '-q', '-b', 'feature', wt);
      repo.linkScanner(wt);
      const wtHead = (): string => repo.git('-C', wt, 'rev-parse', 'HEAD').trim();
      return { repo, wt, wtHead };
    }

    it('blocks a token committed from the linked worktree', () => {
      const { repo, wt, wtHead } = withWorktree();
      const before = wtHead();
      const secret = makeIcToken();
      writeFileSync(path.join(wt, 'feature.env'), `A=1\n${VALUE}${secret}"\n`);
      repo.git('-C', wt, 'add', 'feature.env');
      const run = repo.gitRaw(['commit', '-q', '-m', 'feature'], { cwd: wt });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain('  feature.env:2:8  ');
      expect(run.stdout + run.stderr).not.toContain(secret);
      expect(wtHead()).toBe(before);
    });

    it('passes a clean commit in the linked worktree while the main worktree has a token staged', () => {
      const { repo, wt, wtHead } = withWorktree();
      const before = wtHead();
      const mainSecret = makeAccessToken();
      repo.write('main.env', `${VALUE}${mainSecret}"\n`);
      repo.git('add', 'main.env');
      writeFileSync(path.join(wt, 'feature.txt'), 'clean\n');
      repo.git('-C', wt, 'add', 'feature.txt');
      const run = repo.gitRaw(['commit', '-q', '-m', 'feature'], { cwd: wt });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout + run.stderr).not.toContain('intercom-guard');
      expect(wtHead()).not.toBe(before);
      // And the main worktree's own commit is still blocked.
      const mainBefore = repo.head();
      const mainRun = repo.commit('-m', 'main');
      expectBlocked(repo, mainRun, mainBefore, [{ path: 'main.env', line: 1, column: 8 }], [mainSecret]);
    });
  });

  it('git commit -a: a token only in a tracked, modified, unstaged file is blocked', () => {
    const repo = repoWithHook();
    repo.write('tracked.env', 'A=1\n');
    repo.commitUnchecked('tracked');
    const before = repo.head();
    const secret = makeAccessToken();
    repo.write('tracked.env', `A=1\n${VALUE}${secret}"\n`);
    expect(repo.git('diff', '--cached', '--name-only')).toBe('');
    const run = repo.commit('-a', '-m', 'all');
    expectBlocked(repo, run, before, [{ path: 'tracked.env', line: 2, column: 8 }], [secret]);
  });

  it('git commit <clean path> while a token file is staged: passes, and the token file stays staged', () => {
    const repo = repoWithHook();
    repo.write('clean.txt', 'one\n');
    repo.commitUnchecked('clean');
    const before = repo.head();
    const secret = makeIcToken();
    repo.write('token.env', `${VALUE}${secret}"\n`);
    repo.git('add', 'token.env');
    repo.write('clean.txt', 'one\ntwo\n');
    const run = repo.commit('-m', 'only clean', '--', 'clean.txt');
    expectPassed(repo, run, before, [secret]);
    expect(repo.git('show', '--name-only', '--format=', 'HEAD')).toBe('clean.txt\n');
    expect(stagedNames(repo)).toEqual(['token.env']);
  });

  it('git commit <token path> while a clean file is staged: blocked', () => {
    const repo = repoWithHook();
    repo.write('token.env', 'A=1\n');
    repo.commitUnchecked('file');
    const before = repo.head();
    repo.write('clean.txt', 'clean\n');
    repo.git('add', 'clean.txt');
    const secret = makeAccessToken();
    repo.write('token.env', `A=1\n${VALUE}${secret}"\n`);
    const run = repo.commit('-m', 'only token', '--', 'token.env');
    expectBlocked(repo, run, before, [{ path: 'token.env', line: 2, column: 8 }], [secret]);
    expect(stagedNames(repo)).toEqual(['clean.txt']);
  });

  it('a token staged and then edited away only in the working tree: blocked (the index is what gets committed)', () => {
    const repo = repoWithHook();
    const before = repo.head();
    const secret = makeAccessToken();
    repo.write('app.env', `A=1\n${VALUE}${secret}"\n`);
    repo.git('add', 'app.env');
    repo.write('app.env', 'A=1\nVALUE="${INTERCOM_TOKEN}"\n');
    const run = repo.commit('-m', 'staged token');
    expectBlocked(repo, run, before, [{ path: 'app.env', line: 2, column: 8 }], [secret]);
  });

  it('a token line moved within a file that already holds it: not blocked, reported as already committed', () => {
    // With -U0 git prints a moved line as removed in one place and added in
    // another, so the token shows up on an added line. The scanner compares
    // with HEAD: a token HEAD already holds in the same file is not new
    // (blocking would not take it out of the history), so it is reported as
    // already committed, to be revoked, and does not block (intended: see
    // markAlreadyCommitted in src/scan/staged.ts).
    const repo = repoWithHook();
    const oldToken = makeAccessToken();
    const lines = fileWithOldToken(oldToken);
    repo.write('a.env', text(lines));
    repo.commitUnchecked('with token');
    const before = repo.head();
    const [moved] = lines.splice(4, 1);
    lines.push(moved!); // now line 10
    repo.write('a.env', text(lines));
    repo.git('add', 'a.env');
    expect(repo.git('diff', '--cached', '-U0', '--no-color')).toContain(`+${moved}`);
    const run = repo.commit('-m', 'move line');
    const output = run.stdout + run.stderr;
    expect(run.status, output).toBe(0);
    expect(repo.head()).not.toBe(before);
    expect(run.stderr).toContain('already committed');
    expect(run.stderr).toContain('  a.env:10:6  ');
    expect(output).not.toContain(oldToken);
  });
});
