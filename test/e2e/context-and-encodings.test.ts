/**
 * Detection that needs more than one line: parent keys read from the staged
 * file, UTF-16 files decoded, and tokens HEAD already held.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, repoWithHook } from '../helpers/repo.js';
import { makeAccessToken, makeSecretValue } from '../helpers/tokens.js';

afterAll(cleanupTempDirs);


describe('a generic name beneath an intercom parent key', () => {
  it('blocks a YAML value nested under intercom: lines above, in any file', () => {
    const repo = repoWithHook();
    const secret = makeSecretValue();
    repo.write('deploy/values.yaml', `app:\n  name: web\n  intercom:\n    region: eu\n    api:\n      access_token: ${secret}\n`);
    repo.git('add', '-A');
    const run = repo.commit('-m', 'values');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('deploy/values.yaml:6:21');
    expect(run.stderr).not.toContain(secret);
  });

  it('blocks when only the value line is added and the parent was committed before', () => {
    const repo = repoWithHook();
    repo.write('deploy/values.yaml', 'intercom:\n  region: eu\n');
    repo.commitUnchecked('parent');
    const secret = makeSecretValue();
    repo.write('deploy/values.yaml', `intercom:\n  region: eu\n  token: "${secret}"\n`);
    const run = repo.commit('-a', '-m', 'token');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('deploy/values.yaml:3:11');
  });

  it('blocks a JSON value inside an "intercom" object spread over lines', () => {
    const repo = repoWithHook();
    const secret = makeSecretValue();
    repo.write('app/services.json', `{\n  "services": {\n    "intercom": {\n      "appId": "q7xk2m9d",\n      "secret": "${secret}"\n    }\n  }\n}\n`);
    repo.git('add', '-A');
    const run = repo.commit('-m', 'services');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('app/services.json:5:18');
  });

  it('passes the same generic names under other parents', () => {
    const repo = repoWithHook();
    repo.write('deploy/values.yaml', `intercom:\n  app_id: q7xk2m9d\nsentry:\n  token: ${makeSecretValue()}\n`);
    repo.write('app/services.json', `{"stripe": {"secret": "${makeSecretValue()}"}, "intercom": {"app_id": "q7xk2m9d"}}\n`);
    repo.git('add', '-A');
    const run = repo.commit('-m', 'other services');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('UTF-16 files', () => {
  for (const [name, encode] of [
    ['UTF-16LE with BOM', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16BE with BOM', (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ['UTF-16LE without BOM', (text: string) => Buffer.from(text, 'utf16le')],
  ] as const) {
    it(`scans the text of a ${name} file`, () => {
      const repo = repoWithHook();
      const token = makeAccessToken();
      repo.write('config/app.ps1', encode(`# settings\r\n$env:INTERCOM_TOKEN = "${token}"\r\n`));
      repo.git('add', '-A');
      const run = repo.commit('-m', 'utf16');
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('config/app.ps1:2:');
      expect(run.stderr).not.toContain(token);
    });
  }
});

describe('a token HEAD already holds in the same file', () => {
  it('is reported as already committed and does not block an edit of its line', () => {
    const repo = repoWithHook();
    const token = makeAccessToken();
    repo.write('src/client.js', `const token = "${token}";\n`);
    repo.commitUnchecked('leaked before the hook');
    repo.write('src/client.js', `const token = "${token}"; // TODO move to env\n`);
    const run = repo.commit('-a', '-m', 'comment');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/already committed/);
    expect(run.stderr).toMatch(/revoke/i);
    expect(run.stderr).not.toContain(token);
  });

  it('still blocks the same token copied into another file', () => {
    const repo = repoWithHook();
    const token = makeAccessToken();
    repo.write('src/client.js', `const token = "${token}";\n`);
    repo.commitUnchecked('leaked before the hook');
    repo.write('src/other.js', `const t = "${token}";\n`);
    repo.git('add', '-A');
    const run = repo.commit('-m', 'copy');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('src/other.js:1:12');
  });
});

describe('a token encoded a second time', () => {
  it('blocks a Kubernetes Secret whose data holds a base64-encoded token', () => {
    const repo = repoWithHook();
    const token = makeAccessToken();
    const encoded = Buffer.from(token).toString('base64');
    repo.write('k8s/secret.yaml', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: support\ndata:\n  api-token: ${encoded}\n`);
    repo.git('add', '-A');
    const run = repo.commit('-m', 'secret');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('k8s/secret.yaml:6:14');
    expect(run.stderr).not.toContain(encoded);
  });
});
