/**
 * Beyond pre-commit: range and history scans, commit messages, pre-push,
 * files on disk, standard input, and the machine-readable reports, validated
 * against their schemas.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ajvModule from 'ajv';
import ajvDraft04Module from 'ajv-draft-04';
import ajvFormatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, CLI, makeTempDir, PROJECT_ROOT, TempRepo } from '../helpers/repo.js';
import { makeAccessToken, makeIcToken } from '../helpers/tokens.js';

afterAll(cleanupTempDirs);

// CommonJS packages: their classes are the "default" of module.exports.
const Ajv = ajvModule.default;
const AjvDraft04 = ajvDraft04Module.default;
const addFormats = ajvFormatsModule.default;

const reportSchema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'src/report/report.schema.json'), 'utf8')) as object;
const sarifSchema = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'test/fixtures/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
const validateReport = ajv.compile(reportSchema);
const ajv04 = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv04);
const validateSarif = ajv04.compile(sarifSchema);

interface JsonReport {
  blocked: boolean;
  findings: { detector: string; path: string; line: number; column: number; commit?: string; fingerprint: string; redacted: string }[];
}

function commitAll(repo: TempRepo, message: string): string {
  repo.git('add', '-A');
  repo.git('commit', '-q', '--no-verify', '--allow-empty', '-m', message);
  return repo.head()!;
}

describe('scan --history', () => {
  it('finds a token buried in history and names its commit; nothing on a non-TTY stderr', () => {
    const repo = TempRepo.create();
    const token = makeAccessToken();
    repo.write('README.md', 'hello\n');
    commitAll(repo, 'first');
    repo.write('config/.env', `PORT=1\nINTERCOM_TOKEN=${token}\n`);
    const leaking = commitAll(repo, 'configure');
    repo.write('config/.env', 'PORT=1\n');
    commitAll(repo, 'remove the token');
    repo.git('checkout', '-q', '-b', 'other');
    repo.write('x.txt', 'x\n');
    commitAll(repo, 'other branch');
    repo.git('checkout', '-q', 'main');

    const run = repo.scan(['scan', '--history', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ path: 'config/.env', line: 2, column: 16, commit: leaking });
    expect(run.stdout).not.toContain(token);

    const text = repo.scan(['scan', '--history']);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`${leaking.slice(0, 12)}:config/.env:2:16`);
    expect(text.stdout).not.toContain(token);
  });

  it('draws a progress bar on a terminal (commits done, total, findings so far)', () => {
    const repo = TempRepo.create();
    for (let i = 0; i < 3; i++) {
      repo.write(`f${i}.txt`, i === 1 ? `${makeAccessToken()}\n` : `${i}\n`);
      commitAll(repo, `c${i}`);
    }
    // script(1) gives the scanner a pseudo-terminal, as an interactive shell would.
    const run = spawnSync('script', ['-qec', `${process.execPath} ${CLI} scan --history --no-color`, '/dev/null'], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/scanning history \[#+ *\] 3\/3 commits, 1 finding/);
    expect(run.stdout).toContain('\r\u001b[K');
  });

  it('scans every ref, including branches not merged', () => {
    const repo = TempRepo.create();
    repo.write('a.txt', 'a\n');
    commitAll(repo, 'first');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('b.txt', `${makeAccessToken()}\n`);
    const onBranch = commitAll(repo, 'feature');
    repo.git('checkout', '-q', 'main');
    const report = JSON.parse(repo.scan(['scan', '--history', '--format', 'json']).stdout) as JsonReport;
    expect(report.findings.map((finding) => finding.commit)).toEqual([onBranch]);
  });
});

describe('scan --range', () => {
  it('names the commit, scans messages, and is clean outside the range', () => {
    const repo = TempRepo.create();
    repo.write('a.txt', `${makeAccessToken()}\n`);
    const old = commitAll(repo, 'old leak');
    repo.write('b.txt', 'fine\n');
    commitAll(repo, 'fine');
    repo.write('c.txt', `key=${makeIcToken()}\n`);
    const bad = commitAll(repo, 'new leak');
    const token = makeAccessToken();
    const message = commitAll(repo, `debugging with ${token}`);

    const report = JSON.parse(repo.scan(['scan', '--range', `${old}..HEAD`, '--format', 'json']).stdout) as JsonReport;
    expect(validateReport(report)).toBe(true);
    const found = report.findings.map((finding) => [finding.commit, finding.path, finding.line]);
    expect(found).toContainEqual([bad, 'c.txt', 1]);
    expect(found).toContainEqual([message, '(commit message)', 1]);
    expect(found).toHaveLength(2);
    expect(repo.scan(['scan', '--range', `${bad}..${bad}`]).status).toBe(0);
  });

  it('a merge contributes only what it adds beyond its parents (a conflict resolution)', () => {
    const repo = TempRepo.create();
    repo.write('app.cfg', 'mode=base\n');
    commitAll(repo, 'base');
    const base = repo.head()!;
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('app.cfg', 'mode=feature\n');
    commitAll(repo, 'feature');
    repo.git('checkout', '-q', 'main');
    repo.write('app.cfg', 'mode=main\n');
    commitAll(repo, 'main');
    const merge = repo.gitRaw(['merge', '-q', 'feature']);
    expect(merge.status).not.toBe(0); // a conflict
    const token = makeAccessToken();
    repo.write('app.cfg', `mode=both\ntoken=${token}\n`);
    const resolved = commitAll(repo, 'merge feature');

    const report = JSON.parse(repo.scan(['scan', '--range', `${base}..HEAD`, '--format', 'json']).stdout) as JsonReport;
    expect(report.findings.map((finding) => [finding.commit, finding.path, finding.line])).toEqual([[resolved, 'app.cfg', 2]]);

    // A clean merge adds nothing of its own.
    repo.git('checkout', '-q', '-b', 'two');
    repo.write('two.txt', 'two\n');
    commitAll(repo, 'two');
    repo.git('checkout', '-q', 'main');
    repo.write('main2.txt', 'main\n');
    commitAll(repo, 'main2');
    repo.git('merge', '-q', '--no-edit', 'two');
    expect(repo.scan(['scan', '--range', 'HEAD~1..HEAD']).status).toBe(0);
  });

  it('rejects a range that is not one, with exit 2', () => {
    const repo = TempRepo.create();
    repo.write('a.txt', 'a\n');
    commitAll(repo, 'a');
    const run = repo.scan(['scan', '--range', 'nope..HEAD']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(repo.scan(['scan', '--range', '--output=x']).status).toBe(2);
  });
});

describe('SARIF', () => {
  it('is valid SARIF 2.1.0 with rules carrying the remediation and partial fingerprints', () => {
    const repo = TempRepo.create();
    repo.write('dir with space/é.env', `INTERCOM_TOKEN=${makeAccessToken()}\n`);
    repo.write('b.txt', `${makeIcToken()}\n`);
    commitAll(repo, 'leaks');
    const run = repo.scan(['scan', '--history', '--format', 'sarif']);
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    expect(sarif.version).toBe('2.1.0');
    const { rules } = sarif.runs[0]!.tool.driver;
    expect(rules.map((rule) => rule.id).sort()).toEqual(['intercom-access-token', 'intercom-ic-token']);
    expect(rules[0]!.help.text).toMatch(/Regenerate token/);
    const uris = sarif.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('dir%20with%20space/%C3%A9.env');
    for (const result of sarif.runs[0]!.results) expect(result.partialFingerprints['intercomGuardFingerprint/v1']).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('reports in hook mode', () => {
  it('--format json --output FILE in the pre-commit scan, with the human message still on stderr', () => {
    const repo = TempRepo.create();
    const token = makeAccessToken();
    repo.write('a.env', `INTERCOM_TOKEN=${token}\n`);
    repo.git('add', '-A');
    const run = repo.scan(['staged', '--format', 'json', '--output', 'report.json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('a.env:1:16');
    const report = JSON.parse(repo.read('report.json')) as JsonReport;
    expect(validateReport(report)).toBe(true);
    expect(report.blocked).toBe(true);
    expect(JSON.stringify(report)).not.toContain(token);
    const sarif = repo.scan(['staged', '--format', 'sarif']);
    expect(validateSarif(JSON.parse(sarif.stdout))).toBe(true);
  });

  it('a report file that cannot be written is exit 2 with one line', () => {
    const repo = TempRepo.create();
    repo.write('a.txt', 'clean\n');
    repo.git('add', '-A');
    const run = repo.scan(['staged', '--format', 'json', '--output', 'missing-dir/report.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot write the report to missing-dir\/report\.json/);
  });
});

describe('commit messages', () => {
  it('init --commit-msg wires a hook that blocks a message holding a token', () => {
    const repo = TempRepo.create();
    repo.linkScanner();
    expect(repo.scan(['init', '--commit-msg']).status).toBe(0);
    repo.write('a.txt', 'a\n');
    repo.git('add', '-A');
    const token = makeAccessToken();
    const run = repo.commit('-m', `use ${token} for now`);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('(commit message):1:5');
    expect(run.stderr).not.toContain(token);
    expect(repo.commit('-m', 'a clean message').status).toBe(0);
  });

  it('ignores comment lines and everything below the scissors line', () => {
    const repo = TempRepo.create();
    const file = repo.write('MSG', `subject\n# ${makeAccessToken()}\n# ------------------------ >8 ------------------------\n+${makeAccessToken()}\n`);
    expect(repo.scan(['commit-msg', file]).status).toBe(0);
  });
});

describe('pre-push', () => {
  function pushSetup() {
    const remote = TempRepo.create({ bare: true });
    const repo = TempRepo.create();
    repo.linkScanner();
    repo.git('remote', 'add', 'origin', remote.dir);
    repo.write('a.txt', 'a\n');
    commitAll(repo, 'first');
    repo.git('push', '-q', 'origin', 'main');
    expect(repo.scan(['init', '--pre-push']).status).toBe(0);
    return { repo, remote };
  }

  it('blocks a push of a commit holding a token, to an existing branch and to a new one', () => {
    const { repo, remote } = pushSetup();
    repo.write('b.txt', `${makeAccessToken()}\n`);
    const bad = commitAll(repo, 'leak');
    const push = repo.gitRaw(['push', '-q', 'origin', 'main']);
    expect(push.status).not.toBe(0);
    expect(push.stderr).toContain(`${bad.slice(0, 12)}:b.txt:1:1`);
    expect(remote.git('rev-parse', 'main').trim()).not.toBe(bad);
    const branch = repo.gitRaw(['push', '-q', 'origin', 'main:refs/heads/new-branch']);
    expect(branch.status).not.toBe(0);
  });

  it('passes a clean push, scans only what the remote lacks, and skips deletions', () => {
    const { repo } = pushSetup();
    repo.write('c.txt', 'clean\n');
    commitAll(repo, 'clean');
    expect(repo.gitRaw(['push', '-q', 'origin', 'main']).status).toBe(0);
    expect(repo.gitRaw(['push', '-q', 'origin', 'main:refs/heads/copy']).status).toBe(0);
    expect(repo.gitRaw(['push', '-q', 'origin', '--delete', 'copy']).status).toBe(0);
  });
});

describe('files on disk and standard input', () => {
  it('scans ignored files, skips .git and node_modules, honours --exclude', () => {
    const repo = TempRepo.create();
    repo.write('.gitignore', '.env\n');
    repo.write('.env', `INTERCOM_TOKEN=${makeAccessToken()}\n`);
    repo.write('node_modules/pkg/index.js', `const t = "${makeAccessToken()}";\n`);
    repo.write('fixtures/t.txt', `${makeAccessToken()}\n`);
    repo.write('logo.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), Buffer.from(makeAccessToken())]));
    const report = JSON.parse(repo.scan(['scan', '.', '--exclude', 'fixtures/**', '--format', 'json']).stdout) as JsonReport & {
      skipped: { path: string; reason: string }[];
    };
    expect(validateReport(report)).toBe(true);
    expect(report.findings.map((finding) => finding.path)).toEqual(['.env']);
    expect(report.skipped).toContainEqual({ path: 'fixtures/t.txt', reason: 'ignored' });
    expect(report.skipped).toContainEqual({ path: 'logo.png', reason: 'binary' });
    expect(repo.scan(['scan', 'missing-file']).status).toBe(2);
  });

  it('scan - reads standard input', () => {
    const dir = makeTempDir();
    const token = makeAccessToken();
    const run = spawnSync(process.execPath, [CLI, 'scan', '-'], { cwd: dir, input: `line one\ncurl -H "Authorization: Bearer ${token}"\n`, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('-:2:');
    expect(run.stdout).not.toContain(token);
    const clean = spawnSync(process.execPath, [CLI, 'scan', '-'], { cwd: dir, input: 'nothing here\n', encoding: 'utf8' });
    expect(clean.status).toBe(0);
  });
});

describe('the GitHub Actions workflow teams copy', () => {
  it('checks out full history, scans the pull request range, fails on findings, uploads SARIF', () => {
    const workflow = readFileSync(path.join(PROJECT_ROOT, 'hooks/github-actions.yml'), 'utf8');
    expect(workflow).toMatch(/fetch-depth: 0/);
    expect(workflow).toMatch(/intercom-guard scan --range "\$range" --format sarif --output intercom-guard\.sarif/);
    expect(workflow).toMatch(/github\.event\.pull_request\.base\.sha/);
    expect(workflow).toMatch(/upload-sarif/);
    expect(workflow).toMatch(/if: always\(\)/);
    // The scan step's command, run here on a two-commit range, exits 1 on a finding (failing the job).
    const repo = TempRepo.create();
    repo.write('a.txt', 'a\n');
    const base = commitAll(repo, 'base');
    repo.write('b.txt', `${makeAccessToken()}\n`);
    const head = commitAll(repo, 'head');
    const out = path.join(repo.dir, 'intercom-guard.sarif');
    const run = repo.scan(['scan', '--range', `${base}..${head}`, '--format', 'sarif', '--output', out]);
    expect(run.status).toBe(1);
    expect(validateSarif(JSON.parse(readFileSync(out, 'utf8')))).toBe(true);
  });
});

