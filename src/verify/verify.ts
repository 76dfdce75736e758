/**
 * Opt-in live verification: asks Intercom whether a token still works.
 *
 * One `GET /me` per region (US, then EU, then AU) until a region accepts the
 * token. `/me` needs no scope, so a narrowly scoped live token is not mistaken
 * for a dead one. Verdicts:
 *
 * - `live`: some region answered 200, or 403 because the caller's IP address
 *   is not on the app's allowlist (the token itself was accepted);
 * - `not_live`: every region answered 401;
 * - `unknown`: anything else (429, 5xx, other codes, redirects, network
 *   errors, timeouts) with no region saying live.
 *
 * Requests go only to Intercom's HTTPS hosts, through the proxy that
 * `options.env` names (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, lower-case names
 * first); `process.env` is never read. Node's global fetch ignores proxies, so
 * undici's own `fetch` is used with an explicit dispatcher per request.
 *
 * Nothing here logs, and no error that leaves this module contains a token:
 * per-request failures become `unknown`, and the only errors thrown are about
 * configuration (`INTERCOM_GUARD_API_BASE`, proxy variables, options).
 */
import { Agent, ProxyAgent, fetch } from 'undici';
import type { Dispatcher, Response } from 'undici';

export type Verification = 'live' | 'not_live' | 'unknown';

export interface VerifyOptions {
  /** Environment to read proxy settings and INTERCOM_GUARD_API_BASE from (never process.env). */
  readonly env: NodeJS.ProcessEnv;
  /** Per-request timeout in milliseconds (default 5000). */
  readonly timeoutMs?: number;
  /** How many tokens are checked at once (default 4). */
  readonly concurrency?: number;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_CONCURRENCY = 4;

const INTERCOM_HOSTS = [
  'https://api.intercom.io',
  'https://api.eu.intercom.io',
  'https://api.au.intercom.io',
] as const;

/** Test-only switch: replaces Intercom's hosts with a loopback server. */
const API_BASE_VARIABLE = 'INTERCOM_GUARD_API_BASE';

const INTERCOM_VERSION = '2.14';

/** The largest 403 body read while looking for the allowlist message. */
const MAX_BODY_BYTES = 16 * 1024;

/** 403 bodies that mean "the token is fine, your IP address is not allowed". */
const ALLOWLIST_MESSAGE = /not\s+(?:on|in)\s+the\s+(?:ip\s+)?(?:allow[\s-]?list|white[\s-]?list)/i;

/** One region's answer before the verdicts are combined. */
type RegionAnswer = 'live' | 'unauthorized' | 'unknown';

/**
 * The `/me` URLs to ask, in order. Intercom's three hosts, or, when
 * `INTERCOM_GUARD_API_BASE` is set (tests), `${base}/me`, `${base}/eu/me`,
 * `${base}/au/me`; the base must be an http(s) URL on a loopback address.
 *
 * @internal exported for tests.
 */
export function resolveEndpoints(env: NodeJS.ProcessEnv): string[] {
  const raw = env[API_BASE_VARIABLE];
  if (raw === undefined || raw === '') return INTERCOM_HOSTS.map((host) => `${host}/me`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${API_BASE_VARIABLE} must point at a loopback address (got a value that is not a URL)`);
  }
  // Only protocol and host are echoed: a path or user info could hold anything.
  const shown = `${url.protocol}//${url.host}`;
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !isLoopbackHost(url.hostname)) {
    throw new Error(`${API_BASE_VARIABLE} must point at a loopback address (got ${oneLine(shown)})`);
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new Error(`${API_BASE_VARIABLE} must be a plain base URL without user info, query or fragment (got ${oneLine(shown)})`);
  }
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return [`${base}/me`, `${base}/eu/me`, `${base}/au/me`];
}

/** `URL.hostname` is already normalised: `127.1` becomes `127.0.0.1`, IPv6 keeps its brackets. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function oneLine(text: string): string {
  const escaped = JSON.stringify(text).slice(1, -1);
  return escaped.length > 200 ? `${escaped.slice(0, 200)}...` : escaped;
}

function firstSet(env: NodeJS.ProcessEnv, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return { name, value };
  }
  return undefined;
}

/**
 * The proxy URL for a request to `target`, or undefined to connect directly.
 * https targets use https_proxy / HTTPS_PROXY, falling back to http_proxy /
 * HTTP_PROXY (as undici's EnvHttpProxyAgent does); http targets use
 * http_proxy / HTTP_PROXY. no_proxy / NO_PROXY lists hosts to reach directly:
 * `*` for every host; `host` or `.host` or `*.host` for the host and its
 * subdomains; an optional `:port` restricts an entry to that port. A proxy
 * given without a scheme (`proxy.corp:3128`) is taken as http://.
 *
 * Throws (without echoing the value, which may hold proxy credentials) when
 * the chosen variable is not an http(s) URL.
 *
 * @internal exported for tests.
 */
export function selectProxy(target: string | URL, env: NodeJS.ProcessEnv): string | undefined {
  const url = typeof target === 'string' ? new URL(target) : target;
  const httpNames = ['http_proxy', 'HTTP_PROXY'];
  const chosen =
    url.protocol === 'https:' ? firstSet(env, ['https_proxy', 'HTTPS_PROXY', ...httpNames]) : firstSet(env, httpNames);
  if (chosen === undefined) return undefined;
  if (bypassesProxy(url, firstSet(env, ['no_proxy', 'NO_PROXY'])?.value ?? '')) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(chosen.value) ? chosen.value : `http://${chosen.value}`;
  let proxy: URL;
  try {
    proxy = new URL(withScheme);
  } catch {
    throw new Error(`${chosen.name} is not a valid proxy URL`);
  }
  if ((proxy.protocol !== 'http:' && proxy.protocol !== 'https:') || proxy.hostname === '') {
    throw new Error(`${chosen.name} must be an http:// or https:// proxy URL`);
  }
  return proxy.href;
}

function bypassesProxy(url: URL, noProxy: string): boolean {
  const hostname = stripBrackets(url.hostname.toLowerCase());
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  for (const rawEntry of noProxy.split(/[,\s]+/)) {
    let entry = rawEntry.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    let entryPort = 0;
    const withPort = /^(.*?):(\d+)$/.exec(entry);
    // `::1` alone is an IPv6 address, not host ":" port 1; `[::1]:8080` is.
    if (withPort && (!withPort[1]!.includes(':') || withPort[1]!.startsWith('['))) {
      entry = withPort[1]!;
      entryPort = Number(withPort[2]);
    }
    entry = stripBrackets(entry).replace(/^\*?\.+/, '');
    if (entry === '') continue;
    if (entryPort !== 0 && entryPort !== port) continue;
    if (hostname === entry || hostname.endsWith(`.${entry}`)) return true;
  }
  return false;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** Checks each distinct token once; returns a map token -> verdict. */
export async function verifyTokens(
  tokens: readonly string[],
  options: VerifyOptions,
): Promise<Map<string, Verification>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError('timeoutMs must be a positive number');
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be a positive integer');

  // Configuration is checked before anything is sent.
  const endpoints = resolveEndpoints(options.env);
  const proxies = endpoints.map((endpoint) => selectProxy(endpoint, options.env));

  const distinct = [...new Set(tokens)];
  const verdicts = new Map<string, Verification>();
  if (distinct.length === 0) return verdicts;

  const dispatchers = new Dispatchers();
  try {
    const results: Verification[] = new Array<Verification>(distinct.length).fill('unknown');
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < distinct.length) {
        const index = next++;
        results[index] = await verifyOne(distinct[index]!, endpoints, proxies, dispatchers, timeoutMs);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, distinct.length) }, worker));
    distinct.forEach((token, index) => verdicts.set(token, results[index]!));
    return verdicts;
  } finally {
    await dispatchers.destroy();
  }
}

async function verifyOne(
  token: string,
  endpoints: readonly string[],
  proxies: readonly (string | undefined)[],
  dispatchers: Dispatchers,
  timeoutMs: number,
): Promise<Verification> {
  // A value that cannot be sent in a header is never sent (and undici's error would quote it).
  if (!/^[\x21-\x7e]+$/.test(token)) return 'unknown';
  let allUnauthorized = true;
  for (const [index, endpoint] of endpoints.entries()) {
    let answer: RegionAnswer;
    try {
      answer = await askRegion(token, endpoint, dispatchers.get(proxies[index]), timeoutMs);
    } catch {
      answer = 'unknown';
    }
    if (answer === 'live') return 'live';
    if (answer !== 'unauthorized') allUnauthorized = false;
  }
  return allUnauthorized ? 'not_live' : 'unknown';
}

async function askRegion(token: string, endpoint: string, dispatcher: Dispatcher, timeoutMs: number): Promise<RegionAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(endpoint, {
      method: 'GET',
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        'Intercom-Version': INTERCOM_VERSION,
        'User-Agent': 'intercom-guard',
      },
      // A redirect is not an answer; never follow one anywhere else.
      redirect: 'manual',
      signal: controller.signal,
      dispatcher,
    });
    if (response.status === 403) {
      const body = await readLimited(response, MAX_BODY_BYTES);
      return ALLOWLIST_MESSAGE.test(body) ? 'live' : 'unknown';
    }
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 200) return 'live';
    if (response.status === 401) return 'unauthorized';
    return 'unknown';
  } catch {
    // Network error, timeout, TLS failure, proxy refusal: never rethrown (messages may quote headers).
    return 'unknown';
  } finally {
    clearTimeout(timer);
  }
}

async function readLimited(response: Response, limit: number): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

/** One direct agent and one ProxyAgent per proxy URL, created on first use, destroyed at the end. */
class Dispatchers {
  #direct: Agent | undefined;
  readonly #proxied = new Map<string, ProxyAgent>();

  get(proxy: string | undefined): Dispatcher {
    if (proxy === undefined) return (this.#direct ??= new Agent());
    let agent = this.#proxied.get(proxy);
    if (agent === undefined) {
      agent = new ProxyAgent({ uri: proxy });
      this.#proxied.set(proxy, agent);
    }
    return agent;
  }

  async destroy(): Promise<void> {
    const all: Dispatcher[] = [...this.#proxied.values()];
    if (this.#direct) all.push(this.#direct);
    await Promise.all(all.map((dispatcher) => dispatcher.destroy().catch(() => undefined)));
  }
}
