/**
 * Issue "teams": every setting exercised through a real commit, every
 * configuration error, each inline marker, SKIP, and the baseline.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, TempRepo } from '../helpers/repo.js';
import { makeAccessToken, makeIcToken, makeSecretValue, randomAlnum } from '../helpers/tokens.js';

afterAll(cleanupTempDirs);

function repoWith(config?: unknown, file = '.intercom-guard.json'): TempRepo {
  const repo = TempRepo.create();
  repo.installHook();
  repo.write('README.md', 'hello\n');
  if (config !== undefined) repo.write(file, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  repo.commitUnchecked('initial');
  return repo;
}

function commitFile(repo: TempRepo, file: string, content: string) {
  repo.write(file, content);
  repo.git('add', '--', file);
  return repo.commit('-m', `add ${file}`);
}

describe('settings, each through a real commit', () => {
  it('disables a detector by id and keeps the others', () => {
    const repo = repoWith({ version: 1, detectors: { 'intercom-ic-token': { enabled: false } } });
    expect(commitFile(repo, 'a.txt', `key ${makeIcToken()}\n`).status).toBe(0);
    expect(commitFile(repo, 'b.txt', `key ${makeAccessToken()}\n`).status).toBe(1);
  });

  it('failOn: lower severities warn and do not block; severity overrides raise one back', () => {
    const repo = repoWith({ failOn: 'critical', detectors: { 'intercom-access-token': { severity: 'critical' } } });
    const warned = commitFile(repo, 'a.txt', `key ${makeIcToken()}\n`);
    expect(warned.status).toBe(0);
    expect(warned.stderr).toMatch(/below the configured failOn/);
    expect(warned.stderr).toContain('a.txt:1:5');
    const blocked = commitFile(repo, 'b.txt', `key ${makeAccessToken()}\n`);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain('[critical, confirmed]');
  });

  it('ignorePaths skips matching files only', () => {
    const repo = repoWith({ ignorePaths: ['fixtures/**', '*.snap'] });
    expect(commitFile(repo, 'fixtures/deep/tokens.txt', `${makeAccessToken()}\n`).status).toBe(0);
    expect(commitFile(repo, 'ui/__snapshots__/a.snap', `${makeAccessToken()}\n`).status).toBe(0);
    expect(commitFile(repo, 'src/tokens.txt', `${makeAccessToken()}\n`).status).toBe(1);
  });

  it('allow: a regex on the secret and an exact fingerprint', () => {
    const token = makeAccessToken();
    const probe = TempRepo.create();
    probe.write('t.txt', `${token}\n`);
    probe.git('add', '-A');
    const json = JSON.parse(probe.scan(['staged', '--format', 'json']).stdout || '{"findings":[]}') as { findings: { fingerprint: string }[] };
    const fingerprint = json.findings[0]?.fingerprint ?? fingerprintOf(probe);
    const repo = repoWith({ allow: { patterns: ['^ic_TESTONLY'], fingerprints: [fingerprint] } });
    expect(commitFile(repo, 'a.txt', `${token}\n`).status).toBe(0);
    expect(commitFile(repo, 'b.txt', `ic_TESTONLY${randomAlnum(12)}\n`).status).toBe(0);
    expect(commitFile(repo, 'c.txt', `${makeAccessToken()}\n`).status).toBe(1);
  });

  it('custom detectors block with their own title and remediation', () => {
    const repo = repoWith({
      customDetectors: [
        {
          id: 'acme-api-key',
          title: 'ACME API key',
          regex: 'acme_(?<secret>[a-z0-9]{24})',
          keywords: ['acme_'],
          severity: 'high',
          remediation: 'Rotate it in the ACME console under Keys.',
        },
      ],
    });
    const run = commitFile(repo, 'a.env', `ACME=acme_${randomAlnum(24).toLowerCase()}\n`);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ACME API key');
    expect(run.stderr).toContain('Rotate it in the ACME console under Keys.');
    expect(run.stderr).toContain('a.env:1:11');
  });

  it('a catastrophic custom regex cannot hang a commit: (a+)+$ on a long line', () => {
    const repo = repoWith({ customDetectors: [{ id: 'redos', title: 'ReDoS', regex: '(a+)+$' }] });
    repo.write('long.txt', `${'a'.repeat(200_000)}!\n`);
    repo.git('add', '-A');
    const started = Date.now();
    const run = repo.commit('-m', 'long line');
    // Without the linear engine this line takes longer than the age of the universe.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.status).toBe(0);
  });

  it('maxFileBytes skips huge files and lists them', () => {
    const repo = repoWith({ maxFileBytes: 1000 });
    const run = commitFile(repo, 'generated.json', `${'x'.repeat(2000)}\n${makeAccessToken()}\n`);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('skipped generated.json: larger than maxFileBytes');
  });

  it('reads "intercomGuard" from the top-level package.json, and --config overrides', () => {
    const repo = repoWith({ name: 'app', intercomGuard: { ignorePaths: ['vendor-secrets/**'] } }, 'package.json');
    expect(commitFile(repo, 'vendor-secrets/a.txt', `${makeAccessToken()}\n`).status).toBe(0);
    repo.write('other-config.json', JSON.stringify({ detectors: { 'intercom-access-token': { enabled: false } } }));
    repo.write('x.txt', `${makeAccessToken()}\n`);
    repo.git('add', 'x.txt');
    expect(repo.scan(['staged']).status).toBe(1);
    expect(repo.scan(['staged', '--config', 'other-config.json']).status).toBe(0);
  });

  it('reads the configuration from the working tree even when run from a subdirectory', () => {
    const repo = repoWith({ ignorePaths: ['docs/**'] });
    repo.write('docs/a.md', `${makeAccessToken()}\n`);
    repo.git('add', '-A');
    expect(repo.scan(['staged'], { cwd: path.join(repo.dir, 'docs') }).status).toBe(0);
  });
});

function fingerprintOf(repo: TempRepo): string {
  repo.git('commit', '-q', '--no-verify', '-m', 'probe');
  repo.scan(['baseline']);
  const baseline = JSON.parse(readFileSync(path.join(repo.dir, '.intercom-guard-baseline.json'), 'utf8')) as { findings: { fingerprint: string }[] };
  return baseline.findings[0]!.fingerprint;
}

describe('configuration errors: exit 2, one line per problem naming file and key', () => {
  const cases: [string, unknown, RegExp[]][] = [
    ['bad severity', { detectors: { 'intercom-access-token': { severity: 'urgent' } } }, [/^\.intercom-guard\.json: detectors\.intercom-access-token\.severity: expected one of low, medium, high, critical$/m]],
    ['unknown key', { failon: 'high' }, [/^\.intercom-guard\.json: failon: unknown key$/m]],
    ['nested unknown key', { baseline: { matchpath: true } }, [/^\.intercom-guard\.json: baseline\.matchpath: unknown key$/m]],
    ['wrong type', { maxFileBytes: '10MB' }, [/^\.intercom-guard\.json: maxFileBytes: expected number$/m]],
    ['unknown detector', { detectors: { 'intercom-tokens': { enabled: false } } }, [/^\.intercom-guard\.json: detectors\.intercom-tokens: unknown detector/m]],
    ['bad glob', { ignorePaths: ['src/[abc'] }, [/^\.intercom-guard\.json: ignorePaths\.0: bad glob "src\/\[abc": unclosed "\["$/m]],
    ['invalid regex', { allow: ['(unclosed'] }, [/^\.intercom-guard\.json: allow\.0: invalid regular expression/m]],
    ['backtracking regex', { customDetectors: [{ id: 'x', title: 'X', regex: '(a)\\1' }] }, [/^\.intercom-guard\.json: customDetectors\.0\.regex: cannot be matched in linear time/m]],
    ['newer format', { version: 7, futureKey: true }, [/^\.intercom-guard\.json: version: format version 7 needs intercom-guard >= \d+\.\d+\.\d+/m]],
    ['several problems', { failOn: 'sometimes', extra: 1 }, [/^\.intercom-guard\.json: failOn: expected one of/m, /^\.intercom-guard\.json: extra: unknown key$/m]],
  ];
  for (const [name, config, patterns] of cases) {
    it(name, () => {
      const repo = repoWith(config);
      const run = commitFile(repo, 'a.txt', 'clean\n');
      expect(run.status).not.toBe(0);
      expect(repo.scan(['staged']).status).toBe(2);
      for (const pattern of patterns) expect(run.stderr).toMatch(pattern);
      if (name === 'newer format') expect(run.stderr).not.toMatch(/futureKey/);
    });
  }

  it('invalid JSON names the file', () => {
    const repo = repoWith('{ "failOn": ');
    const run = repo.scan(['staged']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^\.intercom-guard\.json: invalid JSON/m);
  });

  it('a key in package.json is named with its intercomGuard prefix', () => {
    const repo = repoWith({ name: 'x', intercomGuard: { failOn: 'never' } }, 'package.json');
    const run = repo.scan(['staged']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^package\.json: intercomGuard\.failOn: expected one of low, medium, high, critical$/m);
  });
});

describe('inline markers', () => {
  const markers = ['// intercom-guard:allow', '# gitleaks:allow', '# pragma: allowlist secret', '// trufflehog:ignore'];
  for (const marker of markers) {
    it(`${marker} on the line`, () => {
      const repo = repoWith();
      expect(commitFile(repo, 'a.js', `const t = "${makeAccessToken()}"; ${marker}\n`).status).toBe(0);
      expect(commitFile(repo, 'b.js', `const t = "${makeAccessToken()}";\n`).status).toBe(1);
    });
  }
  it('pragma: allowlist nextline secret covers only the next line', () => {
    const repo = repoWith();
    expect(commitFile(repo, 'a.py', `# pragma: allowlist nextline secret\nT = "${makeAccessToken()}"\n`).status).toBe(0);
    const run = commitFile(repo, 'b.py', `# pragma: allowlist nextline secret\nA = 1\nT = "${makeAccessToken()}"\n`);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('b.py:3:6');
  });
});

describe('skipping the hook', () => {
  it('SKIP naming intercom-guard, or INTERCOM_GUARD=0, skips with one line; scan commands ignore them', () => {
    const repo = repoWith();
    repo.write('a.txt', `${makeAccessToken()}\n`);
    repo.git('add', '-A');
    for (const extra of [{ SKIP: 'eslint,intercom-guard' }, { INTERCOM_GUARD: '0' }]) {
      const env = { ...repo.env, ...extra };
      const run = repo.gitRaw(['commit', '-q', '-m', 'skip', '--dry-run'], { env });
      expect(run.status).toBe(0);
      const scan = repo.scan(['staged'], { env });
      expect(scan.status).toBe(0);
      expect(scan.stderr.trim().split('\n')).toHaveLength(1);
      expect(scan.stderr).toMatch(/SKIP/);
    }
    expect(repo.scan(['staged'], { env: { ...repo.env, SKIP: 'eslint' } }).status).toBe(1);
    // Explicit scans always run.
    expect(repo.scan(['scan', 'a.txt'], { env: { ...repo.env, SKIP: 'intercom-guard', INTERCOM_GUARD: '0' } }).status).toBe(1);
  });
});

describe('baseline', () => {
  it('accepts known findings wherever they move, blocks new tokens, diffs cleanly', () => {
    const repo = repoWith();
    const old = makeAccessToken();
    const oldIc = makeIcToken();
    repo.write('legacy/config.js', `module.exports = { token: "${old}", other: "${oldIc}" };\n`);
    repo.commitUnchecked('legacy');

    const first = repo.scan(['baseline']);
    expect(first.status).toBe(0);
    const file = path.join(repo.dir, '.intercom-guard-baseline.json');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(old);
    expect(text).not.toContain(oldIc);
    const parsed = JSON.parse(text) as { version: number; findings: { detector: string; path: string; fingerprint: string }[] };
    expect(parsed.version).toBe(1);
    expect(parsed.findings.map((entry) => entry.path)).toEqual(['legacy/config.js', 'legacy/config.js']);
    expect(repo.scan(['baseline']).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
    repo.git('add', '.intercom-guard-baseline.json');
    expect(repo.commit('-m', 'baseline').status).toBe(0);

    // The known token moved to another file does not block...
    expect(commitFile(repo, 'src/moved.js', `const t = "${old}";\n`).status).toBe(0);
    // ...a new one always does.
    const run = commitFile(repo, 'src/new.js', `const t = "${makeAccessToken()}";\n`);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('src/new.js:1:12');
  });

  it('a baseline written by a newer version says which version it needs', () => {
    const repo = repoWith();
    repo.write('.intercom-guard-baseline.json', JSON.stringify({ version: 9, findings: [], shiny: true }));
    const run = repo.scan(['staged']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^\.intercom-guard-baseline\.json: version: format version 9 needs intercom-guard >= \d+\.\d+\.\d+ \(this is \d+\.\d+\.\d+\)$/m);
  });

  it('with matchPath a known token in a new file blocks again', () => {
    const repo = repoWith({ baseline: { matchPath: true } });
    const old = makeAccessToken();
    repo.write('legacy/a.js', `const t = "${old}";\n`);
    repo.commitUnchecked('legacy');
    repo.scan(['baseline']);
    repo.git('add', '-A');
    expect(repo.commit('-m', 'baseline').status).toBe(0);
    expect(commitFile(repo, 'legacy/a.js', `const t = "${old}"; // still here\n`).status).toBe(0);
    expect(commitFile(repo, 'src/b.js', `const t = "${old}";\n`).status).toBe(1);
  });
});

describe('named secrets are governed the same way', () => {
  it('a named secret can be allowed by regex', () => {
    const repo = repoWith({ allow: ['^sandbox-'] });
    expect(commitFile(repo, '.env', `INTERCOM_TOKEN=sandbox-${makeSecretValue(24)}\n`).status).toBe(0);
  });
});

describe('arguments', () => {
  it('a path that does not exist (or a misspelt command) is exit 2 with one line, not an empty scan', () => {
    const repo = repoWith();
    repo.write('a.txt', `${makeAccessToken()}\n`);
    repo.git('add', '-A');
    for (const args of [['scna'], ['staged', '--', 'missing.txt']]) {
      const run = repo.scan(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/no such file: (scna|missing\.txt)/);
    }
    expect(repo.scan(['staged', 'a.txt']).status).toBe(1);
  });
});
