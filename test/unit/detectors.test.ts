import { describe, expect, it } from 'vitest';
import { LineDetector } from '../../src/detect/engine.js';
import { fileContext } from '../../src/detect/file-context.js';
import { INTERCOM_PROFILES } from '../../src/detect/profiles/intercom.js';
import { makeAccessToken, makeIcToken, makeSecretValue } from '../helpers/tokens.js';

const detector = new LineDetector(INTERCOM_PROFILES);

function scan(line: string, path = 'file.txt') {
  return detector.scanLine(line, { path, line: 1 }, fileContext(path));
}

describe('access tokens', () => {
  it('finds a token glued to other text, with padding cut or URL-encoded', () => {
    const token = makeAccessToken();
    for (const line of [
      `x${token}y`,
      `Authorization: Bearer%20${token.replace(/=$/, '%3D')}`,
      `token=${token.replace(/=$/, '')}&other=1`,
      `["a", "${token}", "b"]`,
    ]) {
      const found = scan(line);
      expect(found.map((f) => f.detector), line).toEqual(['intercom-access-token']);
      expect(found[0]!.confidence).toBe('confirmed');
    }
  });

  it('reports the token column and never the whole token', () => {
    const token = makeAccessToken();
    const [finding] = scan(`const t = "${token}";`);
    expect(finding!.column).toBe(12);
    expect(finding!.redacted).not.toContain(token.slice(0, 20));
    expect(JSON.stringify(finding)).not.toContain(token);
  });

  it('gives the same fingerprint to a token however it is padded', () => {
    const token = makeAccessToken();
    const a = scan(token)[0]!.fingerprint;
    const b = scan(token.replace(/=$/, ''))[0]!.fingerprint;
    const c = scan(token.replace(/=$/, '%3D'))[0]!.fingerprint;
    expect(new Set([a, b, c]).size).toBe(1);
  });

  it('finds a token base64-encoded a second time, at every alignment', () => {
    const token = makeAccessToken();
    for (const prefix of ['', 'x', 'xy', 'user:', ':']) {
      for (const suffix of ['', ':', '\n']) {
        const encoded = Buffer.from(`${prefix}${token}${suffix}`).toString('base64');
        const found = scan(`  token: ${encoded}`);
        expect(found.map((f) => f.detector), `${prefix}|${suffix}`).toEqual(['intercom-access-token']);
        expect(found[0]!.fingerprint).toBe(scan(token)[0]!.fingerprint);
      }
    }
  });

  it('finds a token without the :1:0 suffix or with a non-v4 uuid', () => {
    const bare = Buffer.from(`tok:${'0123abcd_0000_1000_8000_00000000abcd'}`).toString('base64');
    expect(scan(bare).map((f) => f.detector)).toEqual(['intercom-access-token']);
  });

  it('ignores base64 of tok: followed by something that is not a UUID, and truncated examples', () => {
    expect(scan(Buffer.from('tok:this-is-not-a-uuid-at-all-really:1:0').toString('base64'))).toEqual([]);
    expect(scan('Authorization: Bearer dG9rOjAwMDAw...')).toEqual([]);
    expect(scan(Buffer.from('token is something else entirely here').toString('base64'))).toEqual([]);
  });
});

describe('the spec pattern ic_...', () => {
  it('finds a standalone ic_ token', () => {
    const token = makeIcToken();
    expect(scan(`INTERCOM = ${token}`).map((f) => f.detector)).toContain('intercom-ic-token');
  });

  it('ignores ic_ inside longer identifiers, blobs, file names and placeholders', () => {
    const value = makeIcToken().slice(3);
    for (const line of [
      `public_${value}`,
      `basic_${value}`,
      `graphic_${value}`,
      `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.ic_${value}`,
      `static/media/logo-ic_${value}.svg`,
      `<img src="ic_${value}.png">`,
      'INTERCOM_TOKEN=ic_1234567890abcdef',
      'ic_****************',
      'ic_abcdefghijklmnopqrst',
    ]) {
      expect(scan(line), line).toEqual([]);
    }
  });
});

describe('named assignments', () => {
  const secret = makeSecretValue();
  it.each([
    ['.env', `INTERCOM_TOKEN=${secret}`],
    ['a.sh', `export INTERCOM_ACCESS_TOKEN='${secret}'`],
    ['a.json', `"intercomApiKey": "${secret}",`],
    ['a.yml', `intercom_secret: ${secret}`],
    ['a.ts', `const intercomAuthToken = \`${secret}\`;`],
    ['a.py', `os.environ["INTERCOM_CLIENT_TOKEN"] = "${secret}"`],
    ['a.rb', `ENV.fetch("INTERCOM_TOKEN", "${secret}")`],
    ['a.go', `os.Setenv("INTERCOM_TOKEN", "${secret}")`],
    ['Dockerfile', `ENV INTERCOM_TOKEN ${secret}`],
    ['a.xml', `<IntercomToken>${secret}</IntercomToken>`],
    ['web.config', `<add key="IntercomAccessToken" value="${secret}" />`],
    ['run.sh', `deploy --intercom-token=${secret}`],
    ['.env', `INTERCOM_CLIENT_SECRET=${secret}`],
    ['.env', `INTERCOM_IDENTITY_SECRET=${secret}`],
  ])('%s: %s', (path, line) => {
    const found = scan(line, path);
    expect(found).toHaveLength(1);
    expect(found[0]!.column).toBe(line.indexOf(secret) + 1);
  });

  it.each([
    ['.env', 'INTERCOM_TOKEN=${INTERCOM_TOKEN}'],
    ['.env', 'INTERCOM_TOKEN=${INTERCOM_TOKEN:?set it}'],
    ['.env', 'INTERCOM_TOKEN=$(vault read -field=token secret/intercom)'],
    ['a.js', 'const intercomToken = process.env.INTERCOM_TOKEN;'],
    ['a.py', 'INTERCOM_TOKEN = os.environ["INTERCOM_TOKEN"]'],
    ['a.py', 'INTERCOM_TOKEN = os.getenv("INTERCOM_TOKEN")'],
    ['a.rb', 'INTERCOM_TOKEN = ENV["INTERCOM_TOKEN"]'],
    ['a.yml', 'INTERCOM_TOKEN: ${{ secrets.INTERCOM_TOKEN }}'],
    ['a.yaml', 'intercom_token: {{ .Values.intercom.token }}'],
    ['a.bat', 'set INTERCOM_TOKEN=%INTERCOM_TOKEN%'],
    ['.env', 'INTERCOM_TOKEN=your-intercom-token-here'],
    ['.env', 'INTERCOM_TOKEN=<token>'],
    ['.env', 'INTERCOM_TOKEN=xxxxxxxxxxxxxxxxxxxx'],
    ['.env', 'INTERCOM_TOKEN=changeme'],
    ['.env', 'INTERCOM_TOKEN=REPLACE_ME'],
    ['.env', 'INTERCOM_TOKEN='],
    ['.env', 'INTERCOM_TOKEN_URL=https://api.intercom.io/auth/eagle/token'],
    ['a.ts', 'intercomToken: string;'],
    ['a.yml', 'intercom_token_path: prod/intercom/token'],
    ['.env', 'INTERCOM_TOKEN=op://vault/intercom/token'],
    ['README.md', '| `INTERCOM_TOKEN`, `INTERCOM_API_KEY` |'],
  ])('%s: %s is not a secret', (path, line) => {
    expect(scan(line, path)).toEqual([]);
  });
});

describe('inline allow markers are the engine caller\'s job', () => {
  it('the detector itself still sees the secret', () => {
    expect(scan(`INTERCOM_TOKEN=${makeSecretValue()} # intercom-guard:allow`, '.env')).toHaveLength(1);
  });
});

describe('filters never suppress a confirmed token', () => {
  it('finds a real-shaped token in test paths, placeholder-looking lines and hash-only files', () => {
    const token = makeAccessToken();
    for (const [path, line] of [
      ['test/fixtures/example.env', `INTERCOM_TOKEN=${token} # your-token-here example changeme`],
      ['spec/mocks/intercom.json', `{"token": "${token}", "note": "xxxx REPLACE_ME"}`],
      ['Podfile.lock', `  Intercom: ${token}`],
      ['vendor/intercom/sdk.js', `var t="${token}"`],
      ['CHANGELOG.md', `- rotated ${token}`],
    ] as const) {
      expect(scan(line, path).map((finding) => finding.confidence), path).toContain('confirmed');
    }
  });
});
