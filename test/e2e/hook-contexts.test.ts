/**
 * The main job, end to end: a real `git commit` in a temporary repository
 * with the packaged hook installed is refused when it adds an Intercom
 * credential, in every context the spec lists, and the message says where
 * the credential is and how to revoke and rotate it, without printing it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, TempRepo } from '../helpers/repo.js';
import { makeAccessToken, makeIcToken, makeSecretValue } from '../helpers/tokens.js';

afterAll(cleanupTempDirs);

interface Context {
  readonly name: string;
  readonly path: string;
  /** File content with the secret in it, and the 1-based line and column where it starts. */
  readonly render: (secret: string) => string;
}

const CONTEXTS: readonly Context[] = [
  { name: '.env', path: '.env', render: (s) => `APP_ENV=production\nINTERCOM_TOKEN=${s}\n` },
  { name: 'shell export', path: 'scripts/setup.sh', render: (s) => `#!/bin/sh\nexport INTERCOM_API_KEY="${s}"\n` },
  { name: 'JSON (spec nesting)', path: 'config.json', render: (s) => `{\n  "intercom": {\n    "token": "${s}"\n  }\n}\n` },
  { name: 'JSON flat', path: 'settings.json', render: (s) => `{"INTERCOM_ACCESS_TOKEN": "${s}"}\n` },
  { name: 'YAML', path: 'settings.yaml', render: (s) => `service:\n  intercom_auth_token: ${s}\n` },
  { name: 'JavaScript', path: 'src/intercom_config.js', render: (s) => `const intercomToken = "${s}";\nexport default intercomToken;\n` },
  { name: 'TypeScript', path: 'src/client.ts', render: (s) => `export const config = {\n  intercomClientToken: '${s}',\n};\n` },
  { name: 'Python', path: 'credentials.py', render: (s) => `import os\nINTERCOM_SECRET = '${s}'\n` },
  { name: 'Ruby', path: 'config/initializers/intercom.rb', render: (s) => `IntercomClient.configure do |c|\n  c.intercom_token = "${s}"\nend\n` },
  { name: 'Go', path: 'main.go', render: (s) => `package main\n\nconst intercomAccessToken = "${s}"\n` },
  { name: 'Dockerfile', path: 'Dockerfile', render: (s) => `FROM node:20\nENV INTERCOM_TOKEN=${s}\n` },
  { name: 'Dockerfile (space form)', path: 'build/Dockerfile', render: (s) => `FROM node:20\nENV INTERCOM_AUTH_TOKEN ${s}\n` },
];

const SECRETS: readonly { readonly kind: string; readonly make: () => string }[] = [
  { kind: 'real-shaped access token', make: () => makeAccessToken() },
  { kind: 'ic_ token (spec pattern)', make: () => makeIcToken() },
  { kind: 'named secret', make: () => makeSecretValue() },
];

function locate(content: string, secret: string): { line: number; column: number } {
  const lines = content.split('\n');
  const line = lines.findIndex((text) => text.includes(secret));
  return { line: line + 1, column: lines[line]!.indexOf(secret) + 1 };
}

describe('a commit that adds an Intercom credential is blocked', () => {
  for (const context of CONTEXTS) {
    for (const secretKind of SECRETS) {
      it(`${secretKind.kind} in ${context.name}`, () => {
        const repo = TempRepo.create();
        repo.installHook();
        repo.write('README.md', 'hello\n');
        repo.commitUnchecked('initial');
        const before = repo.head();

        const secret = secretKind.make();
        const content = context.render(secret);
        repo.write(context.path, content);
        repo.git('add', context.path);
        const run = repo.commit('-m', 'add config');

        expect(run.status).not.toBe(0);
        expect(repo.head()).toBe(before);
        const { line, column } = locate(content, secret);
        expect(run.stderr).toContain(`${context.path}:${line}:${column}`);
        expect(run.stderr).toMatch(/revoke/i);
        expect(run.stderr).toMatch(/rotate/i);
        expect(run.stderr).toContain('--no-verify');
        expect(run.stderr + run.stdout).not.toContain(secret);
      });
    }
  }
});

describe('the same commit without the credential passes', () => {
  it('commits a file that reads the token from the environment', () => {
    const repo = TempRepo.create();
    repo.installHook();
    repo.write('.env.example', 'INTERCOM_TOKEN=\n');
    repo.write('src/app.js', 'const token = process.env.INTERCOM_TOKEN;\n');
    repo.write('src/app.py', 'token = os.environ["INTERCOM_TOKEN"]\n');
    repo.write('.github/workflows/ci.yml', 'env:\n  INTERCOM_TOKEN: ${{ secrets.INTERCOM_TOKEN }}\n');
    repo.git('add', '-A');
    const run = repo.commit('-m', 'clean');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(repo.head()).toBeDefined();
  });
});

describe('colour', () => {
  it('colours the message on a terminal, never with NO_COLOR or --no-color, never on a pipe', async () => {
    const { spawnSync } = await import('node:child_process');
    const { CLI } = await import('../helpers/repo.js');
    const repo = TempRepo.create();
    repo.write('a.env', `INTERCOM_TOKEN=${makeAccessToken()}\n`);
    repo.git('add', '-A');
    // script(1) gives the scanner a pseudo-terminal, as a developer's shell does.
    const onTerminal = (env: NodeJS.ProcessEnv, extra = '') =>
      spawnSync('script', ['-qec', `${process.execPath} ${CLI} staged ${extra}`, '/dev/null'], { cwd: repo.dir, env, encoding: 'utf8' }).stdout;
    expect(onTerminal(repo.env)).toMatch(/\u001b\[31m/);
    expect(onTerminal({ ...repo.env, NO_COLOR: '1' })).not.toMatch(/\u001b\[/);
    expect(onTerminal(repo.env, '--no-color')).not.toMatch(/\u001b\[/);
    expect(repo.scan(['staged']).stderr).not.toMatch(/\u001b\[/);
  });
});
