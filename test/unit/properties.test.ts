/**
 * Property tests: the diff parser on real git output for arbitrary files and
 * names, and on arbitrary malformed input; the detectors and the escaping on
 * arbitrary text. Fixed seed here; `npm run fuzz` runs them longer.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LineDetector } from '../../src/detect/engine.js';
import { fileContext } from '../../src/detect/file-context.js';
import { INTERCOM_PROFILES } from '../../src/detect/profiles/intercom.js';
import { isGuardError } from '../../src/errors.js';
import { DiffParser, type DiffFile } from '../../src/git/parse-diff.js';
import { stagedDiffArgs } from '../../src/git/staged-diff.js';
import { escapeText } from '../../src/report/escape.js';
import { stringifySafe } from '../../src/report/json-safe.js';
import { fuzzParameters } from '../helpers/fuzz.js';
import { cleanupTempDirs, TempRepo } from '../helpers/repo.js';
import { makeAccessToken, makeIcToken, makeSecretValue } from '../helpers/tokens.js';
import { FindingCollector } from '../../src/scan/diff-collector.js';
import { DEFAULT_SETTINGS } from '../../src/config/resolve.js';

afterAll(cleanupTempDirs);

const anyChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });

interface Parsed {
  files: Map<string, { lines: Map<number, string>; file: DiffFile }>;
}

function parse(output: Buffer, chunkSize = 4096): Parsed {
  const files: Parsed['files'] = new Map();
  const parser = new DiffParser({
    addedLine(file, lineNumber, text) {
      const entry = files.get(file.path) ?? { lines: new Map(), file };
      entry.lines.set(lineNumber, text);
      files.set(file.path, entry);
    },
    endFile(file) {
      if (!files.has(file.path)) files.set(file.path, { lines: new Map(), file });
    },
  });
  // Uneven pieces, as a pipe delivers them.
  for (let start = 0; start < output.length; start += chunkSize) parser.push(output.subarray(start, start + chunkSize));
  parser.end();
  return { files };
}

function stagedDiff(repo: TempRepo): Buffer {
  const run = spawnSync('git', ['-c', 'core.quotePath=true', ...stagedDiffArgs()], { cwd: repo.dir, env: repo.env, maxBuffer: 1 << 28 });
  expect(run.status).toBe(0);
  return run.stdout;
}

/** Lines of a file as git splits them: on \n, the last one may lack it. */
function linesOf(content: Buffer): string[] {
  const text = content.toString('utf8');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// File names a filesystem takes: no "/" or NUL, not "." or "..", not ".git".
const fileName = fc
  .string({ unit: fc.oneof(fc.constantFrom('a', 'b', ' ', '\t', '"', '\\', '\u001b', '\r', '\n', 'é', '日', '\u202e', '-', '*', '%', '\x7f', '\u0085'), anyChar), minLength: 1, maxLength: 12 })
  .filter((name) => !name.includes('/') && !name.includes('\0') && name !== '.' && name !== '..' && name.toLowerCase() !== '.git' && Buffer.byteLength(name) < 200);

const content = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
  fc.array(fc.string({ unit: fc.oneof(anyChar, fc.constantFrom('\r', '+', '-', '@', ' ', '\\', 'diff --git a/x b/x', '@@ -1 +1 @@')), maxLength: 40 }), { maxLength: 12 }).map((lines) => Buffer.from(lines.join('\n'))),
);

describe('the diff parser on real git output', () => {
  it('reads every added line of arbitrary new files with arbitrary names, at the right line', () => {
    const params = fuzzParameters(15);
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fileName, content), { minLength: 1, maxLength: 4, selector: ([name]) => name.normalize('NFC').toLowerCase() }), (files) => {
        const repo = TempRepo.create();
        for (const [name, bytes] of files) writeFileSync(path.join(repo.dir, name), bytes);
        repo.git('add', '-A');
        const parsed = parse(stagedDiff(repo), 997);
        for (const [name, bytes] of files) {
          if (bytes.length === 0) continue;
          const entry = parsed.files.get(name);
          expect(entry, `missing ${JSON.stringify(name)}`).toBeDefined();
          const expected = linesOf(bytes);
          expect([...entry!.lines.keys()]).toEqual(expected.map((_, i) => i + 1));
          expected.forEach((line, i) => expect(entry!.lines.get(i + 1)).toBe(line));
        }
      }),
      params,
    );
  });

  it('reports each added line of an edit at its line number in the staged file', () => {
    const params = fuzzParameters(15);
    fc.assert(
      fc.property(content, content, (before, after) => {
        const repo = TempRepo.create();
        writeFileSync(path.join(repo.dir, 'f'), before);
        repo.commitUnchecked('before');
        writeFileSync(path.join(repo.dir, 'f'), after);
        repo.git('add', '-A');
        const parsed = parse(stagedDiff(repo), 13);
        const lines = linesOf(after);
        const entry = parsed.files.get('f');
        for (const [lineNumber, text] of entry?.lines ?? []) expect(lines[lineNumber - 1]).toBe(text);
        // Every line of the new version that the old one lacks was reported.
        const old = new Set(linesOf(before));
        for (const [i, line] of lines.entries()) if (!old.has(line)) expect(entry?.lines.get(i + 1)).toBe(line);
      }),
      params,
    );
  });
});

describe('the fast path for runs of added lines', () => {
  it('hands over exactly the lines the line-by-line path does', () => {
    fc.assert(
      fc.property(fc.array(content, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 300 }), (files, chunkSize) => {
        const repo = TempRepo.create();
        files.forEach((bytes, i) => writeFileSync(path.join(repo.dir, `f${i}`), bytes));
        repo.git('add', '-A');
        const output = stagedDiff(repo);
        const viaLines = parse(output, chunkSize);
        const viaBlocks: string[] = [];
        const parser = new DiffParser({
          addedLine: (file, line, text) => viaBlocks.push(`${file.path}:${line}:${text}`),
          addedBlock: (file, first, block) => {
            const lines = block.bytes.toString('utf8', block.start, block.end).split('\n');
            expect(lines.pop()).toBe('');
            expect(lines).toHaveLength(block.count);
            lines.forEach((line, i) => {
              expect(line.startsWith('+')).toBe(true);
              expect(block.bytes[block.lineStarts[i]!]).toBe(0x2b);
              viaBlocks.push(`${file.path}:${first + i}:${line.slice(1)}`);
            });
          },
          endFile: () => undefined,
        });
        for (let start = 0; start < output.length; start += chunkSize) parser.push(output.subarray(start, start + chunkSize));
        parser.end();
        const expected = [...viaLines.files.entries()].flatMap(([name, entry]) => [...entry.lines].map(([line, text]) => `${name}:${line}:${text}`));
        expect(viaBlocks.sort()).toEqual(expected.sort());
      }),
      fuzzParameters(15),
    );
  });
});

/** Findings (and deferred checks) for `lines` added to `path`, through blocks or one line at a time. */
function scanAdded(lines: readonly string[], path: string, chunkSize: number, blocks: boolean): string[] {
  const diff = Buffer.from(`diff --git a/${path} b/${path}\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,${lines.length} @@\n${lines.map((text) => `+${text}\n`).join('')}`);
  const collector = new FindingCollector(new LineDetector(INTERCOM_PROFILES), DEFAULT_SETTINGS);
  const sink = blocks ? collector : { addedLine: collector.addedLine.bind(collector), endFile: collector.endFile.bind(collector) };
  const parser = new DiffParser(sink);
  for (let start = 0; start < diff.length; start += chunkSize) parser.push(diff.subarray(start, start + chunkSize));
  parser.end();
  return collector.outcomes.flatMap((outcome) => [
    ...outcome.findings.map((finding) => `${finding.line}:${finding.column}:${finding.fingerprint}`),
    ...outcome.deferred.map((entry) => `deferred:${entry.check}`),
  ]);
}

describe('the scan of runs of added lines (block filter)', () => {
  it('finds what scanning every line one by one finds', () => {
    const token = makeAccessToken();
    const piece = fc.oneof(
      fc.constantFrom(token, makeIcToken(), makeIcToken(40), Buffer.from(token).toString('base64'), makeSecretValue(), `ic_${'a'.repeat(15)}`, 'dG9rZW4=', 'topic_name', 'basic_auth'),
      fc.constantFrom('intercom', 'INTERCOM_TOKEN', 'intercom_client_secret', 'token', 'secret', 'api_key', 'value', 'Value', 'name', '- name: INTERCOM_SECRET_KEY', 'name: INTERCOM_REGION', 'value:', '"value": ', 'value =', '--value ', 'ENV ', 'set ', '<value>', 'value"'),
      fc.constantFrom(' ', '=', ': ', '"', "'", '<', '>', '{', '}', ',', '\t', '  ', '\u00a0', '\u2003'),
      fc.constantFrom('# pragma: allowlist nextline secret', '// gitleaks:allow', 'intercom-guard:allow'),
      fc.string({ maxLength: 6 }),
    );
    const line = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join('').replace(/[\r\n]/g, ' '));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('config/settings.yaml', 'app.json', 'src/intercom.ts', 'notes.md', '.env', 'deploy/env.yaml.j2', 'yarn.lock'), fc.integer({ min: 16, max: 400 }), (lines, path, chunkSize) => {
        expect(scanAdded(lines, path, chunkSize, true)).toEqual(scanAdded(lines, path, chunkSize, false));
      }),
      fuzzParameters(400),
    );
  });

  const secret = makeSecretValue();
  it.each([
    ['a value after a no-break space', 'deploy/values.yaml', ['intercom_client_secret:', `  value\u00a0: ${secret}`]],
    ['a name field read only for the name field before it', 'deploy/env.yaml.j2', ['- name: INTERCOM_REGION', '- name: INTERCOM_SECRET_KEY', `  value: "${secret}"`]],
    ['a name field after a nextline marker', 'deploy/env.yaml.j2', ['# pragma: allowlist nextline secret', '- name: INTERCOM_SECRET_KEY', `  value: "${secret}"`]],
  ])('reads %s', (_, path, lines) => {
    const found = scanAdded(lines, path, 4096, true);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(scanAdded(lines, path, 4096, false));
  });
});

describe('the diff parser on malformed input', () => {
  const noise = fc.oneof(
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    fc
      .array(
        fc.oneof(
          fc.constantFrom('diff --git a/x b/x', '--- a/x', '+++ b/x', '+++ "b/\\377"', '@@@ -1 -1 +1 @@@', '\\ No newline at end of file', 'index 0..1', '+added', '-removed', ' ctx', ''),
          fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5), fc.nat(5)).map(([a, b, c, d]) => `@@ -${a},${b} +${c},${d} @@`),
          fc.string(),
        ),
        { maxLength: 30 },
      )
      .map((lines) => Buffer.from(lines.join('\n'))),
  );
  it('either parses or reports a diff-parse error; it never crashes otherwise', () => {
    fc.assert(
      fc.property(noise, fc.integer({ min: 1, max: 64 }), (input, chunk) => {
        try {
          parse(input, chunk);
        } catch (error) {
          expect(isGuardError(error) && error.kind === 'diff-parse', String(error)).toBe(true);
        }
      }),
      fuzzParameters(500),
    );
  });
});

describe('the detectors on arbitrary text', () => {
  const detector = new LineDetector(INTERCOM_PROFILES);
  const secretish = fc.oneof(
    fc.constant('').map(() => makeAccessToken()),
    fc.constant('').map(() => makeIcToken()),
    fc.constant('').map(() => Buffer.from(makeAccessToken()).toString('base64')),
  );
  it('never throw, find every planted token, and never put a whole secret in what they return', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), secretish, fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('a.env', 'x.json', 'y.yaml', 'z.ts', 'README'), (before, secret, after, path) => {
        const line = `${before} ${secret} ${after}`;
        const findings = detector.scanLine(line, { path, line: 1 }, fileContext(path));
        for (const finding of findings) {
          expect(line.slice(finding.column - 1, finding.column - 1 + finding.secret.length)).toBe(finding.secret);
          expect(finding.redacted.replace(/…/g, '')).not.toContain(finding.secret);
          expect(finding.fingerprint).toMatch(/^[0-9a-f]{64}$/);
          expect(JSON.stringify(finding)).not.toContain(finding.secret);
        }
        expect(findings.length).toBeGreaterThan(0);
      }),
      fuzzParameters(300),
    );
  });

  it('find the same in code with the literal gate as without it', () => {
    const ungated = new LineDetector(INTERCOM_PROFILES, { gates: false });
    // Lines made of the pieces assignments are made of, so many of them are assignments.
    const piece = fc.oneof(
      fc.constantFrom('intercom', 'INTERCOM_TOKEN', 'intercomSecretKey', 'IntercomClientSecret', 'token', 'secret', 'api_key', 'value'),
      fc.constantFrom(' ', '=', ' = ', ':', ': ', ':=', '=>', ',', '(', ')', '"', "'", '`', '<', '>', '</', '[', ']', '{', '}', '$', 'r"', '\\', '\t', '  '),
      fc.constantFrom('your-intercom-token', 'process.env.X', '<token>', 'abc'),
      fc.stringMatching(/^[A-Za-z0-9+/=_.~%-]{1,40}$/),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.constantFrom('src/intercom.ts', 'app.py', 'Main.java', 'lib/client.go'), (pieces, path) => {
        const line = pieces.join('');
        const context = fileContext(path);
        const source = { path, line: 1 };
        const strip = (findings: readonly { fingerprint: string; column: number }[]) => findings.map(({ fingerprint, column }) => `${column}:${fingerprint}`);
        const deferredGated: unknown[] = [];
        const deferredUngated: unknown[] = [];
        expect(strip(detector.scanLine(line, source, context, deferredGated as never))).toEqual(strip(ungated.scanLine(line, source, context, deferredUngated as never)));
        expect(deferredGated.length).toBe(deferredUngated.length);
      }),
      fuzzParameters(2000),
    );
  });

  it('handle lines of several megabytes', () => {
    const token = makeAccessToken();
    const line = `${'x'.repeat(3_000_000)}"${token}"${'y'.repeat(3_000_000)}`;
    const findings = detector.scanLine(line, { path: 'bundle.min.js', line: 1 }, fileContext('bundle.min.js'));
    expect(findings.map((finding) => finding.column)).toEqual([3_000_002]);
  });
});

describe('escaping', () => {
  const hostile = fc.string({ unit: fc.oneof(anyChar, fc.constantFrom('\u001b', '\u009b', '\u0085', '\r', '\b', '\u202e', '\u2066', '\u200f', '\u061c', '\u2028', '\x7f', '\u001b]8;;http://x\u0007')), maxLength: 80 });
  const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;
  it('leaves no control or bidirectional character in text or JSON output', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        expect(escapeText(text)).not.toMatch(unsafe);
        const json = stringifySafe({ path: text });
        expect(json.replace(/\n/g, '')).not.toMatch(unsafe);
        expect((JSON.parse(json) as { path: string }).path).toBe(text);
      }),
      fuzzParameters(500),
    );
  });
});

