/**
 * Live verification against a fake Intercom on 127.0.0.1 (never any other
 * address). The fake answers `/me`, `/eu/me` and `/au/me` the way Intercom's
 * US, EU and AU hosts do; a second local server plays an HTTP proxy.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect as netConnect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveEndpoints, selectProxy, verifyTokens, type Verification } from '../../src/verify/verify.js';
import { makeAccessToken } from '../helpers/tokens.js';

type Region = 'us' | 'eu' | 'au';
type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang';

interface SeenRequest {
  readonly region: Region | undefined;
  readonly path: string;
  readonly method: string;
  readonly token: string;
  readonly headers: IncomingMessage['headers'];
}

interface FakeIntercom {
  readonly base: string;
  readonly host: string;
  readonly requests: SeenRequest[];
  readonly maxInFlight: () => number;
}

interface FakeProxy {
  readonly url: string;
  /** `CONNECT host:port` or `GET http://...` for every request the proxy received. */
  readonly hits: string[];
}

// Bodies as Intercom sends them (see the facts sheet).
const ADMIN = {
  type: 'admin',
  id: '5017691',
  name: 'Ada Admin',
  email: 'ada@example.com',
  app: { type: 'app', id_code: 'abc123de', name: 'Example', region: 'US' },
};
const errorList = (code: string, message: string) => ({
  type: 'error.list',
  request_id: '000a1b2c3d4e5f',
  errors: [{ code, message }],
});
const LIVE: Reply = { status: 200, body: ADMIN };
const UNAUTHORIZED: Reply = { status: 401, body: errorList('unauthorized', 'Access Token Invalid') };
const REVOKED: Reply = { status: 401, body: errorList('token_revoked', 'Token revoked') };
const ALLOWLIST: Reply = {
  status: 403,
  body: errorList('forbidden', 'Your IP address is not on the allowlist for API access'),
};
const FORBIDDEN: Reply = { status: 403, body: errorList('api_plan_restricted', 'Active subscription needed.') };
const RATE_LIMITED: Reply = {
  status: 429,
  body: errorList('rate_limit_exceeded', 'Exceeded rate limit of 10000 in 60 seconds'),
};
const SERVER_ERROR: Reply = { status: 500, body: errorList('server_error', 'Server Error') };

const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function isLoopback(host: string): boolean {
  return /^127\.\d+\.\d+\.\d+$/.test(host) || host === 'localhost' || host === '::1' || host === '[::1]';
}

async function listen(server: Server, sockets: Set<Socket>): Promise<number> {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
        // Never let a stuck close hold the suite.
        setTimeout(resolve, 2000).unref();
      }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

const REGIONS: Record<string, Region> = { '/me': 'us', '/eu/me': 'eu', '/au/me': 'au' };

/** A fake Intercom. `reply` decides each answer; `delayMs` holds each answer back (to observe concurrency). */
async function startIntercom(reply: (region: Region, token: string) => Reply, delayMs = 0): Promise<FakeIntercom> {
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const region = REGIONS[path];
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    requests.push({ region, path, method: req.method ?? '', token, headers: req.headers });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    const answer: Reply = region === undefined ? { status: 404, body: errorList('not_found', 'Resource Not Found') } : reply(region, token);
    if (answer === 'hang') return;
    const send = () => {
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    };
    if (delayMs > 0) setTimeout(send, delayMs);
    else send();
  });
  const port = await listen(server, new Set());
  return {
    base: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests,
    maxInFlight: () => maxInFlight,
  };
}

/** A forward proxy on 127.0.0.1: absolute-URI requests and CONNECT tunnels, to loopback targets only. */
async function startProxy(): Promise<FakeProxy> {
  const hits: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    hits.push(`${req.method ?? ''} ${req.url ?? ''}`);
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (target.protocol !== 'http:' || !isLoopback(target.hostname)) {
      res.writeHead(403).end();
      return;
    }
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: req.method,
        headers: req.headers,
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    hits.push(`CONNECT ${req.url ?? ''}`);
    sockets.add(client);
    client.on('error', () => client.destroy());
    const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url ?? '');
    if (!match || !isLoopback(match[1]!)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = netConnect(Number(match[2]), match[1]!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  const port = await listen(server, sockets);
  return { url: `http://127.0.0.1:${port}`, hits };
}

function envFor(fake: FakeIntercom, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { INTERCOM_GUARD_API_BASE: fake.base, ...extra };
}

function regionsAsked(fake: FakeIntercom, token: string): Array<Region | undefined> {
  return fake.requests.filter((request) => request.token === token).map((request) => request.region);
}

async function verifyOne(fake: FakeIntercom, token: string, extra: Partial<Parameters<typeof verifyTokens>[1]> = {}): Promise<Verification | undefined> {
  const result = await verifyTokens([token], { env: envFor(fake), timeoutMs: 2000, ...extra });
  return result.get(token);
}

describe('verifyTokens: verdicts', () => {
  it('200 from the US host: live, and no other region is asked', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => LIVE);
    expect(await verifyOne(fake, token)).toBe('live');
    expect(regionsAsked(fake, token)).toEqual(['us']);
  });

  it('401 in the US but 200 in the EU: live, and AU is not asked', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom((region) => (region === 'eu' ? LIVE : UNAUTHORIZED));
    expect(await verifyOne(fake, token)).toBe('live');
    expect(regionsAsked(fake, token)).toEqual(['us', 'eu']);
  });

  it('401 in the US and EU, 200 in AU: live', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom((region) => (region === 'au' ? LIVE : REVOKED));
    expect(await verifyOne(fake, token)).toBe('live');
    expect(regionsAsked(fake, token)).toEqual(['us', 'eu', 'au']);
  });

  it('401 in every region: not_live', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => UNAUTHORIZED);
    expect(await verifyOne(fake, token)).toBe('not_live');
    expect(regionsAsked(fake, token)).toEqual(['us', 'eu', 'au']);
  });

  it('403 because the IP address is not on the allowlist: live', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => ALLOWLIST);
    expect(await verifyOne(fake, token)).toBe('live');
    expect(regionsAsked(fake, token)).toEqual(['us']);
  });

  it('403 for another reason: unknown', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => FORBIDDEN);
    expect(await verifyOne(fake, token)).toBe('unknown');
    expect(regionsAsked(fake, token)).toEqual(['us', 'eu', 'au']);
  });

  it('429 rate limited: unknown', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => RATE_LIMITED);
    expect(await verifyOne(fake, token)).toBe('unknown');
  });

  it('500: unknown', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => SERVER_ERROR);
    expect(await verifyOne(fake, token)).toBe('unknown');
  });

  it('429 in the US, 401 elsewhere: unknown (not every region said 401)', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom((region) => (region === 'us' ? RATE_LIMITED : UNAUTHORIZED));
    expect(await verifyOne(fake, token)).toBe('unknown');
    expect(regionsAsked(fake, token)).toEqual(['us', 'eu', 'au']);
  });

  it('500 in the US, 401 in the EU, 200 in AU: live wins over unknown', async () => {
    const token = makeAccessToken();
    const replies: Record<Region, Reply> = { us: SERVER_ERROR, eu: UNAUTHORIZED, au: LIVE };
    const fake = await startIntercom((region) => replies[region]);
    expect(await verifyOne(fake, token)).toBe('live');
  });

  it('a redirect is not followed: unknown', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => ({ status: 302, headers: { location: '/elsewhere' } }));
    expect(await verifyOne(fake, token)).toBe('unknown');
    expect(fake.requests.map((request) => request.path)).toEqual(['/me', '/eu/me', '/au/me']);
  });

  it('a server that never answers: unknown within the per-request timeout', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => 'hang');
    const started = Date.now();
    expect(await verifyOne(fake, token, { timeoutMs: 300 })).toBe('unknown');
    const elapsed = Date.now() - started;
    expect(regionsAsked(fake, token)).toEqual(['us', 'eu', 'au']);
    expect(elapsed).toBeGreaterThanOrEqual(800); // three regions, 300 ms each
    expect(elapsed).toBeLessThan(5000);
  });

  it('a region that never answers does not hide a live answer from the next region', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom((region) => (region === 'us' ? 'hang' : LIVE));
    expect(await verifyOne(fake, token, { timeoutMs: 300 })).toBe('live');
  });

  it('a closed port (connection refused): unknown', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => LIVE);
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
    expect(await verifyOne(fake, token)).toBe('unknown');
  });
});

describe('verifyTokens: requests', () => {
  it('sends GET /me with the Authorization, Accept and Intercom-Version headers', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => UNAUTHORIZED);
    await verifyOne(fake, token);
    expect(fake.requests).toHaveLength(3);
    for (const request of fake.requests) {
      expect(request.method).toBe('GET');
      expect(request.headers.authorization).toBe(`Bearer ${token}`);
      expect(request.headers.accept).toBe('application/json');
      expect(request.headers['intercom-version']).toBe('2.14');
    }
    expect(fake.requests.map((request) => request.path)).toEqual(['/me', '/eu/me', '/au/me']);
  });

  it('checks each distinct token once', async () => {
    const a = makeAccessToken();
    const b = makeAccessToken();
    const fake = await startIntercom(() => UNAUTHORIZED);
    const result = await verifyTokens([a, b, a, a, b], { env: envFor(fake), timeoutMs: 2000 });
    expect([...result.keys()]).toEqual([a, b]);
    expect(result.get(a)).toBe('not_live');
    expect(result.get(b)).toBe('not_live');
    expect(regionsAsked(fake, a)).toEqual(['us', 'eu', 'au']);
    expect(regionsAsked(fake, b)).toEqual(['us', 'eu', 'au']);
    expect(fake.requests).toHaveLength(6);
  });

  it('checks tokens in parallel, never more than `concurrency` at once', async () => {
    const tokens = Array.from({ length: 9 }, () => makeAccessToken());
    const fake = await startIntercom(() => LIVE, 100);
    const result = await verifyTokens(tokens, { env: envFor(fake), timeoutMs: 2000, concurrency: 3 });
    expect(result.size).toBe(9);
    expect([...result.values()].every((verdict) => verdict === 'live')).toBe(true);
    expect(fake.maxInFlight()).toBe(3);
  });

  it('defaults to 4 tokens at once', async () => {
    const tokens = Array.from({ length: 10 }, () => makeAccessToken());
    const fake = await startIntercom(() => LIVE, 100);
    await verifyTokens(tokens, { env: envFor(fake), timeoutMs: 2000 });
    expect(fake.maxInFlight()).toBe(4);
  });

  it('concurrency 1 checks one token at a time', async () => {
    const tokens = Array.from({ length: 4 }, () => makeAccessToken());
    const fake = await startIntercom(() => UNAUTHORIZED, 20);
    await verifyTokens(tokens, { env: envFor(fake), timeoutMs: 2000, concurrency: 1 });
    expect(fake.maxInFlight()).toBe(1);
    expect(fake.requests).toHaveLength(12);
  });

  it('an empty list sends nothing', async () => {
    const fake = await startIntercom(() => LIVE);
    expect((await verifyTokens([], { env: envFor(fake) })).size).toBe(0);
    expect(fake.requests).toHaveLength(0);
  });

  it('a value that cannot be sent as a header is unknown and never sent', async () => {
    const token = `${makeAccessToken()}\r\nX-Injected: 1`;
    const fake = await startIntercom(() => LIVE);
    expect(await verifyOne(fake, token)).toBe('unknown');
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses invalid options', async () => {
    const fake = await startIntercom(() => LIVE);
    await expect(verifyTokens([makeAccessToken()], { env: envFor(fake), concurrency: 0 })).rejects.toThrow(RangeError);
    await expect(verifyTokens([makeAccessToken()], { env: envFor(fake), timeoutMs: -1 })).rejects.toThrow(RangeError);
    expect(fake.requests).toHaveLength(0);
  });

  it('logs nothing and emits no process warning', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => UNAUTHORIZED);
    const proxy = await startProxy();
    const spies = [
      vi.spyOn(process, 'emitWarning'),
      vi.spyOn(console, 'log'),
      vi.spyOn(console, 'warn'),
      vi.spyOn(console, 'error'),
      vi.spyOn(console, 'info'),
      vi.spyOn(console, 'debug'),
    ];
    await verifyTokens([token], { env: envFor(fake, { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url }), timeoutMs: 2000 });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe('INTERCOM_GUARD_API_BASE', () => {
  it('unset or empty: Intercom hosts, in order US, EU, AU', () => {
    const hosts = ['https://api.intercom.io/me', 'https://api.eu.intercom.io/me', 'https://api.au.intercom.io/me'];
    expect(resolveEndpoints({})).toEqual(hosts);
    expect(resolveEndpoints({ INTERCOM_GUARD_API_BASE: '' })).toEqual(hosts);
  });

  it.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['http://127.1.2.3:9/fake/', 'http://127.1.2.3:9/fake'],
    ['https://localhost:8443', 'https://localhost:8443'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ])('a loopback base %s maps to /me, /eu/me, /au/me', (base, expected) => {
    expect(resolveEndpoints({ INTERCOM_GUARD_API_BASE: base })).toEqual([
      `${expected}/me`,
      `${expected}/eu/me`,
      `${expected}/au/me`,
    ]);
  });

  it.each([
    'http://10.1.2.3',
    'https://api.intercom.io',
    'http://localhost.example.com',
    'http://127.0.0.1.nip.io',
    'http://0.0.0.0:8080',
    'http://[::2]:8080',
    'ftp://127.0.0.1',
    'file:///tmp/x',
  ])('refuses %s without making any request', async (base) => {
    const token = makeAccessToken();
    // Every variable points at a local proxy: had anything been sent, the proxy would have seen it.
    const proxy = await startProxy();
    const env = { INTERCOM_GUARD_API_BASE: base, HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url };
    const error: unknown = await verifyTokens([token], { env, timeoutMs: 300 }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^INTERCOM_GUARD_API_BASE must point at a loopback address \(got .+\)$/);
    expect(message).not.toContain('\n');
    expect(message).not.toContain(token);
    expect(proxy.hits).toEqual([]);
  });

  it('a value that is not a URL is refused with a one-line message', () => {
    expect(() => resolveEndpoints({ INTERCOM_GUARD_API_BASE: 'not a url\nsecond line' })).toThrow(
      /^INTERCOM_GUARD_API_BASE must point at a loopback address \(got a value that is not a URL\)$/,
    );
  });

  it('a loopback base with user info is refused without echoing it', () => {
    const token = makeAccessToken();
    let message = '';
    try {
      resolveEndpoints({ INTERCOM_GUARD_API_BASE: `http://user:${token}@127.0.0.1:8080` });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^INTERCOM_GUARD_API_BASE must be a plain base URL/);
    expect(message).not.toContain(token);
  });
});

describe('proxies (from options.env only)', () => {
  it('HTTP_PROXY and HTTPS_PROXY set: the request goes through the proxy', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => LIVE);
    const proxy = await startProxy();
    const env = envFor(fake, { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url });
    expect(await verifyOne(fake, token, { env })).toBe('live');
    expect(proxy.hits.length).toBeGreaterThan(0);
    expect(proxy.hits.every((hit) => hit.includes(fake.host))).toBe(true);
    expect(regionsAsked(fake, token)).toEqual(['us']);
  });

  it('lower-case http_proxy is honoured too', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => UNAUTHORIZED);
    const proxy = await startProxy();
    expect(await verifyOne(fake, token, { env: envFor(fake, { http_proxy: proxy.url }) })).toBe('not_live');
    expect(proxy.hits.length).toBeGreaterThan(0);
  });

  it('NO_PROXY=127.0.0.1: the request goes direct', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => LIVE);
    const proxy = await startProxy();
    const env = envFor(fake, { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    expect(await verifyOne(fake, token, { env })).toBe('live');
    expect(proxy.hits).toEqual([]);
    expect(regionsAsked(fake, token)).toEqual(['us']);
  });

  it('lower-case no_proxy is honoured too', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => LIVE);
    const proxy = await startProxy();
    const env = envFor(fake, { HTTP_PROXY: proxy.url, no_proxy: 'example.com, 127.0.0.1' });
    expect(await verifyOne(fake, token, { env })).toBe('live');
    expect(proxy.hits).toEqual([]);
  });

  it('process.env is not read: a proxy there is ignored', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => LIVE);
    const proxy = await startProxy();
    vi.stubEnv('HTTP_PROXY', proxy.url);
    vi.stubEnv('http_proxy', proxy.url);
    vi.stubEnv('HTTPS_PROXY', proxy.url);
    expect(await verifyOne(fake, token, { env: envFor(fake) })).toBe('live');
    expect(proxy.hits).toEqual([]);
  });

  it('process.env is not read: NO_PROXY there does not bypass the proxy of options.env', async () => {
    const token = makeAccessToken();
    const fake = await startIntercom(() => LIVE);
    const proxy = await startProxy();
    vi.stubEnv('NO_PROXY', '127.0.0.1');
    vi.stubEnv('no_proxy', '127.0.0.1');
    expect(await verifyOne(fake, token, { env: envFor(fake, { HTTP_PROXY: proxy.url }) })).toBe('live');
    expect(proxy.hits.length).toBeGreaterThan(0);
  });

  it('https targets are tunnelled through HTTPS_PROXY with CONNECT', async () => {
    // The fake speaks plain HTTP, so the TLS handshake inside the tunnel fails: unknown.
    // What matters is that the proxy was asked to CONNECT to the target.
    const token = makeAccessToken();
    const fake = await startIntercom(() => LIVE);
    const proxy = await startProxy();
    const env = { INTERCOM_GUARD_API_BASE: `https://${fake.host}`, HTTPS_PROXY: proxy.url };
    const result = await verifyTokens([token], { env, timeoutMs: 2000 });
    expect(result.get(token)).toBe('unknown');
    expect(proxy.hits).toEqual([`CONNECT ${fake.host}`, `CONNECT ${fake.host}`, `CONNECT ${fake.host}`]);
  });

  it('a proxy URL that cannot be used is refused before anything is sent, without echoing it', async () => {
    const fake = await startIntercom(() => LIVE);
    const secret = 'hunter2hunter2';
    const env = envFor(fake, { HTTP_PROXY: `socks5://user:${secret}@127.0.0.1:1080` });
    const error: unknown = await verifyTokens([makeAccessToken()], { env }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect((error as Error).message).toBe('HTTP_PROXY must be an http:// or https:// proxy URL');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('selectProxy (Intercom hosts, no request made)', () => {
  const target = 'https://api.intercom.io/me';

  it('https targets use HTTPS_PROXY, lower case first', () => {
    expect(selectProxy(target, { HTTPS_PROXY: 'http://upper:3128' })).toBe('http://upper:3128/');
    expect(selectProxy(target, { HTTPS_PROXY: 'http://upper:3128', https_proxy: 'http://lower:3128' })).toBe(
      'http://lower:3128/',
    );
  });

  it('https targets fall back to HTTP_PROXY; http targets never use HTTPS_PROXY', () => {
    expect(selectProxy(target, { HTTP_PROXY: 'http://plain:8080' })).toBe('http://plain:8080/');
    expect(selectProxy('http://127.0.0.1:1/me', { HTTPS_PROXY: 'http://secure:8080' })).toBeUndefined();
  });

  it('no proxy variables: direct', () => {
    expect(selectProxy(target, {})).toBeUndefined();
    expect(selectProxy(target, { HTTPS_PROXY: '' })).toBeUndefined();
  });

  it('a proxy without a scheme is taken as http://', () => {
    expect(selectProxy(target, { HTTPS_PROXY: 'proxy.corp:3128' })).toBe('http://proxy.corp:3128/');
  });

  it.each(['*', 'intercom.io', '.intercom.io', '*.intercom.io', 'api.intercom.io', 'API.Intercom.IO:443', 'localhost, intercom.io'])(
    'NO_PROXY=%s bypasses the proxy for api.intercom.io',
    (noProxy) => {
      expect(selectProxy(target, { HTTPS_PROXY: 'http://p:1', NO_PROXY: noProxy })).toBeUndefined();
      expect(selectProxy(target, { HTTPS_PROXY: 'http://p:1', no_proxy: noProxy })).toBeUndefined();
    },
  );

  it.each(['notintercom.io', 'example.com', 'api.intercom.io:8443', 'eu.intercom.io'])(
    'NO_PROXY=%s keeps the proxy for api.intercom.io',
    (noProxy) => {
      expect(selectProxy(target, { HTTPS_PROXY: 'http://p:1', NO_PROXY: noProxy })).toBe('http://p:1/');
    },
  );

  it('NO_PROXY with IPv6 loopback entries', () => {
    expect(selectProxy('http://[::1]:8080/me', { HTTP_PROXY: 'http://p:1', NO_PROXY: '::1' })).toBeUndefined();
    expect(selectProxy('http://[::1]:8080/me', { HTTP_PROXY: 'http://p:1', NO_PROXY: '[::1]:8080' })).toBeUndefined();
    expect(selectProxy('http://[::1]:8080/me', { HTTP_PROXY: 'http://p:1', NO_PROXY: '[::1]:9090' })).toBe('http://p:1/');
  });
});
