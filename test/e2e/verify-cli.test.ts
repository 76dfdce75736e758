/**
 * --verify end to end: the CLI asks a local server that plays Intercom
 * (INTERCOM_GUARD_API_BASE, honoured for loopback only) and reports each
 * finding as live, not live or unknown, live ones first.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CLI, cleanupTempDirs, TempRepo } from '../helpers/repo.js';
import { makeAccessToken } from '../helpers/tokens.js';

const run = promisify(execFile);
let server: Server | undefined;

afterEach(() => {
  server?.close();
  server = undefined;
});
afterAll(cleanupTempDirs);

async function fakeIntercom(answers: Map<string, number>): Promise<{ base: string; requests: string[] }> {
  const requests: string[] = [];
  server = createServer((request, response) => {
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    requests.push(`${request.url}`);
    const status = answers.get(token) ?? 401;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(status === 200 ? '{"type":"admin","app":{"id_code":"abc12345"}}' : '{"type":"error.list","errors":[{"code":"unauthorized","message":"Access Token Invalid"}]}');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, requests };
}

async function scan(repo: TempRepo, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: repo.dir, env, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('--verify', () => {
  it('reports live, not live and unknown per finding, live first', async () => {
    const live = makeAccessToken();
    const dead = makeAccessToken();
    const limited = makeAccessToken();
    const { base, requests } = await fakeIntercom(new Map([[live, 200], [limited, 429]]));
    const repo = TempRepo.create();
    repo.write('a.env', `INTERCOM_TOKEN=${dead}\nOTHER_TOKEN=${limited}\nINTERCOM_API_KEY=${live}\nAGAIN=${live}\n`);
    repo.git('add', '-A');
    const env = { ...repo.env, INTERCOM_GUARD_API_BASE: base };
    const result = await scan(repo, ['staged', '--verify', '--format', 'json'], env);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { line: number; verification: string }[] };
    expect(report.findings.map((finding) => [finding.line, finding.verification])).toEqual([
      [3, 'live'],
      [4, 'live'],
      [2, 'unknown'],
      [1, 'not_live'],
    ]);
    // Each distinct token once per region it needed: the live one once, the dead one in all three.
    expect(requests.filter((url) => url === '/me')).toHaveLength(3);
    expect(requests).toHaveLength(3 + 2 + 2);
    expect(result.stdout + result.stderr).not.toContain(live);
    expect(result.stderr).toMatch(/LIVE/);
  });

  it('sends nothing without --verify, and refuses a non-loopback API base', async () => {
    const token = makeAccessToken();
    const { base, requests } = await fakeIntercom(new Map([[token, 200]]));
    const repo = TempRepo.create();
    repo.write('a.env', `INTERCOM_TOKEN=${token}\n`);
    repo.git('add', '-A');
    const quiet = await scan(repo, ['staged', '--format', 'json'], { ...repo.env, INTERCOM_GUARD_API_BASE: base });
    expect(quiet.code).toBe(1);
    expect(requests).toHaveLength(0);
    expect(quiet.stdout).not.toMatch(/verification/);
    const refused = await scan(repo, ['staged', '--verify'], { ...repo.env, INTERCOM_GUARD_API_BASE: 'http://10.9.8.7' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/loopback/);
  });
});
