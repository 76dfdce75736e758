/**
 * Bounded reading must not mean partial reading: the hook streams the staged
 * diff instead of holding it, and still sees the very last line of a large
 * file and the last of many files. Real `git commit`s with the packaged hook.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, repoWithHook } from '../helpers/repo.js';
import { makeAccessToken } from '../helpers/tokens.js';

afterAll(cleanupTempDirs);


/** About `bytes` of ordinary source lines (no secrets), and how many lines that is. */
function sourceLines(bytes: number): { text: string; lines: number } {
  const parts: string[] = [];
  let size = 0;
  let lines = 0;
  while (size < bytes) {
    const line = `export const value${lines} = compute(${lines}, 'alpha beta gamma delta', { retries: ${lines % 7} });\n`;
    parts.push(line);
    size += line.length;
    lines += 1;
  }
  return { text: parts.join(''), lines };
}

describe('large staged changes are read to the end', () => {
  it('blocks a token on the last line of a ~30 MB staged file, naming that line', () => {
    const repo = repoWithHook();
    const before = repo.head();
    const token = makeAccessToken();
    const body = sourceLines(30 * 1024 * 1024);
    const lastLine = `const intercomClient = new Client({ token: '${token}' });`;
    const lastLineNumber = body.lines + 1;
    const column = lastLine.indexOf(token) + 1;
    repo.write('src/generated/huge.js', `${body.text}${lastLine}\n`);
    repo.git('add', 'src/generated/huge.js');

    const run = repo.commit('-m', 'add generated file');

    expect(run.status).not.toBe(0);
    expect(repo.head()).toBe(before);
    expect(lastLineNumber).toBeGreaterThan(300_000);
    expect(run.stderr).toContain(`src/generated/huge.js:${lastLineNumber}:${column}`);
    expect(run.stderr).toContain('Intercom access token');
    expect(run.stderr + run.stdout).not.toContain(token);
  });

  it('reports a token in the first and in the last of 300 staged files', () => {
    const repo = repoWithHook();
    const before = repo.head();
    const first = makeAccessToken();
    const last = makeAccessToken();
    const secretLine = (token: string) => `export const intercomAuth = { token: '${token}' };\n`;
    for (let i = 0; i < 300; i++) {
      const name = `src/mod-${String(i).padStart(3, '0')}.ts`;
      let content = `// module ${i}\nexport const id${i} = ${i};\n`;
      if (i === 0) content = `${secretLine(first)}${content}`;
      if (i === 299) content = `${content}${secretLine(last)}`;
      repo.write(name, content);
    }
    repo.git('add', '-A');
    // git's order is path order: mod-000 first, mod-299 last.
    const staged = repo.git('diff', '--cached', '--name-only').trim().split('\n');
    expect(staged).toHaveLength(300);
    expect(staged[0]).toBe('src/mod-000.ts');
    expect(staged[299]).toBe('src/mod-299.ts');

    const run = repo.commit('-m', 'add modules');

    expect(run.status).not.toBe(0);
    expect(repo.head()).toBe(before);
    const column = secretLine(first).indexOf(first) + 1;
    expect(run.stderr).toContain(`src/mod-000.ts:1:${column}`);
    expect(run.stderr).toContain(`src/mod-299.ts:3:${column}`);
    expect(run.stderr).toContain('2 Intercom credentials are in the staged change');
    expect(run.stderr + run.stdout).not.toContain(first);
    expect(run.stderr + run.stdout).not.toContain(last);
  });
});
