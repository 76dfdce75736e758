/**
 * Secrets and look-alikes for the labelled corpus, generated at run time.
 *
 * Nothing shaped like a real credential is written in this repository's
 * source (hosting services refuse pushes holding real-shaped Intercom tokens,
 * and this repository's own hook scans its commits). Every value comes from a
 * seeded generator instead, so a corpus run is reproducible: the same seed
 * gives the same bytes in every case, and a failure can be replayed exactly
 * (CORPUS_SEED=... picks another seed).
 */
import { createHash } from 'node:crypto';
import { makeAccessToken } from '../helpers/tokens.js';

export const DEFAULT_SEED = 'intercom-guard-corpus/1';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const BASE64URL = `${ALNUM}-_`;

/** Deterministic bytes: SHA-256 over the seed and a counter. */
export class Rng {
  private counter = 0;
  private pool: Buffer = Buffer.alloc(0);

  constructor(readonly seed: string) {}

  bytes(count: number): Buffer {
    while (this.pool.length < count) {
      const block = createHash('sha256').update(`${this.seed}\0${this.counter++}`).digest();
      this.pool = Buffer.concat([this.pool, block]);
    }
    const out = this.pool.subarray(0, count);
    this.pool = this.pool.subarray(count);
    return Buffer.from(out);
  }

  /** Uniform integer in [0, max). */
  int(max: number): number {
    if (max <= 0) throw new Error('max must be positive');
    const limit = Math.floor(0x1_0000_0000 / max) * max;
    for (;;) {
      const value = this.bytes(4).readUInt32BE(0);
      if (value < limit) return value % max;
    }
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  string(alphabet: string, length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[this.int(alphabet.length)];
    return text;
  }
}

/** A run such as 1234 or dcba: typed by a person, not generated. */
function hasRun(value: string, length: number): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    if (up >= length || down >= length) return true;
  }
  return false;
}

const WORDLIKE = /xxx|test|fake|here|todo|demo|dumm|null|none|your|key|secret|token|exampl|sample|chang|replac|redact|pass|mock|stub/i;

/**
 * Whether a random value could be mistaken for something typed (repeats,
 * sequential runs, placeholder words): such draws are thrown away, so a
 * positive case never fails because the dice produced "abcdef".
 */
export function looksTyped(value: string): boolean {
  return /(.)\1\1/.test(value) || hasRun(value, 4) || WORDLIKE.test(value);
}

function swapBytes(buffer: Buffer): Buffer {
  const out = Buffer.from(buffer);
  out.swap16();
  return out;
}

/** UTF-16LE bytes, with a byte order mark unless told otherwise. */
export function utf16le(text: string, options: { bom?: boolean } = {}): Buffer {
  return Buffer.from(`${options.bom === false ? '' : '\ufeff'}${text}`, 'utf16le');
}

/** UTF-16BE bytes, with a byte order mark unless told otherwise. */
export function utf16be(text: string, options: { bom?: boolean } = {}): Buffer {
  return swapBytes(utf16le(text, options));
}

export function base64(text: string | Buffer): string {
  return Buffer.from(text).toString('base64');
}

export function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

/** Offset of the inner token modulo 3 inside a second base64 layer: which of three encodings it gets. */
export function alignment(prefix: string): number {
  return Buffer.byteLength(prefix) % 3;
}

/**
 * Everything a case's render function may ask for. One instance per case,
 * seeded by the corpus seed and the case id.
 */
export class Secrets {
  readonly rng: Rng;
  private readonly memo = new Map<string, unknown>();

  constructor(seed: string, caseId: string) {
    this.rng = new Rng(`${seed}\0${caseId}`);
  }

  /** The same value for the same key within one case (for `before` and `render`). */
  shared<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }

  // ---- UUIDs -------------------------------------------------------------

  /** A UUID of the given version (RFC 4122 variant), lower-case with dashes. */
  uuid(version = 4): string {
    const bytes = this.rng.bytes(16);
    bytes[6] = (bytes[6]! & 0x0f) | ((version & 0x0f) << 4);
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /** 8-4-4-4-12 hex that is no RFC 4122 version-4 UUID (version nibble and variant left random, version forced away from 4). */
  uuidNotV4(): string {
    const bytes = this.rng.bytes(16);
    if (bytes[6]! >> 4 === 4) bytes[6] = bytes[6]! ^ 0x80;
    if ((bytes[8]! & 0xc0) === 0x80) bytes[8] = bytes[8]! ^ 0x40;
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  // ---- real-shaped Intercom access tokens -----------------------------------

  /** base64 of tok:<v4 uuid with _>:1:0, 60 characters ending in "=" (test/helpers/tokens.ts). */
  accessToken(uuid: string = this.uuid(4)): string {
    return makeAccessToken(uuid);
  }

  /** The same with the trailing "=" cut off, as often pasted. */
  accessTokenUnpadded(): string {
    return this.accessToken().replace(/=+$/, '');
  }

  /** The same with "=" URL-encoded as %3D. */
  accessTokenUrlEncoded(): string {
    return this.accessToken().replace(/=/g, '%3D');
  }

  /** base64 of tok:<uuid with _> without the :1:0 suffix. */
  accessTokenWithoutSuffix(options: { padded?: boolean } = {}): string {
    const token = base64(`tok:${this.uuid(4).replace(/-/g, '_')}`);
    return options.padded === false ? token.replace(/=+$/, '') : token;
  }

  /** A token whose UUID is of another version (1, 7, ...) or no version at all. */
  accessTokenWithUuid(version: number | 'none'): string {
    return makeAccessToken(version === 'none' ? this.uuidNotV4() : this.uuid(version));
  }

  /** base64 of prefix + inner + suffix: a token encoded a second time (K8s Secret data, Basic auth). */
  doubleBase64(inner: string, prefix = '', suffix = ''): string {
    return base64(`${prefix}${inner}${suffix}`);
  }

  /** An Authorization: Basic credential for user:password. */
  basicAuth(user: string, password: string): string {
    return base64(`${user}:${password}`);
  }

  /** A token cut short for documentation: the first characters, then "...". */
  truncatedToken(keep = 8, ellipsis = '...'): string {
    return `${this.accessToken().slice(0, keep)}${ellipsis}`;
  }

  /** base64 that decodes to "tok:" followed by something that is not a UUID. */
  tokNotUuid(kind: 'hex32' | 'word' | 'short-groups' = 'hex32'): string {
    switch (kind) {
      case 'hex32':
        return base64(`tok:${this.hex(32)}:1:0`);
      case 'word':
        return base64(`tok:session_${this.lowerAlnum(20)}:1:0`);
      case 'short-groups': {
        const h = this.hex(28);
        return base64(`tok:${h.slice(0, 6)}_${h.slice(6, 10)}_${h.slice(10, 14)}_${h.slice(14, 18)}_${h.slice(18)}:1:0`);
      }
    }
  }

  // ---- other secrets ------------------------------------------------------

  private untyped(make: () => string): string {
    for (;;) {
      const value = make();
      if (!looksTyped(value)) return value;
    }
  }

  /** Letters and digits with every class present, no repeats, runs or words. */
  alnum(length: number): string {
    return this.untyped(() => {
      const value = this.rng.string(ALNUM, length);
      return /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value) ? value : 'aaa';
    });
  }

  /** The spec's shape: ic_ and 16 to 32 letters and digits. */
  icToken(length = 24): string {
    return `ic_${this.alnum(length)}`;
  }

  /** A high-entropy literal for context-only cases (not a token: only its place says what it is). */
  highEntropy(length = 40): string {
    return this.alnum(length);
  }

  /** Identity Verification secret: 256 bits, base64url, 43 characters. */
  identitySecret(): string {
    return this.untyped(() => {
      const value = base64url(this.rng.bytes(32));
      return /^[-_]/.test(value) ? 'aaa' : value;
    });
  }

  /** OAuth client secret: format undocumented; UUID-ish. */
  clientSecret(): string {
    return this.untyped(() => this.uuid(4));
  }

  // ---- public values and hashes --------------------------------------------

  hex(length: number): string {
    return this.rng.bytes(Math.ceil(length / 2)).toString('hex').slice(0, length);
  }

  lowerAlnum(length: number): string {
    return this.untyped(() => this.rng.string(LOWER + DIGITS, length));
  }

  /** The workspace app_id: 8 lower-case letters and digits. */
  appId(): string {
    return this.untyped(() => {
      const value = this.rng.string(LOWER + DIGITS, 8);
      return /[a-z]/.test(value) && /[0-9]/.test(value) ? value : 'aaa';
    });
  }

  /** A contact id (24 hex characters). */
  contactId(): string {
    return this.hex(24);
  }

  /** An admin id (digits). */
  adminId(): string {
    return String(1_000_000 + this.rng.int(8_999_999));
  }

  /** An Intercom request id (20 lower-case letters and digits). */
  requestId(): string {
    return `000${this.rng.string(LOWER + DIGITS, 17)}`;
  }

  /** A user_hash: HMAC-SHA256 output in hex. */
  userHash(): string {
    return this.hex(64);
  }

  sha1(): string {
    return this.hex(40);
  }

  sha256Hex(): string {
    return this.hex(64);
  }

  sha256Base64(): string {
    return this.rng.bytes(32).toString('base64');
  }

  /** Subresource integrity / npm integrity: sha512-<base64>. */
  integrity(bits: 256 | 384 | 512 = 512): string {
    return `sha${bits}-${this.rng.bytes(bits / 8).toString('base64')}`;
  }

  /** A go.sum hash: h1:<base64 of SHA-256>. */
  goSumHash(): string {
    return `h1:${this.sha256Base64()}`;
  }

  /** Random base64url characters. */
  base64urlChars(length: number): string {
    return this.rng.string(BASE64URL, length);
  }

  /**
   * A JWT (HS256). `signatureStart` forces the signature to begin with the given
   * text (for example "ic_" and letters), the rest stays valid base64url.
   */
  jwt(options: { claims?: Record<string, unknown>; signatureStart?: string } = {}): string {
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const claims = options.claims ?? { sub: this.contactId(), iat: 1_700_000_000 + this.rng.int(30_000_000) };
    const payload = base64url(JSON.stringify(claims));
    let signature = base64url(this.rng.bytes(32));
    if (options.signatureStart) {
      const start = options.signatureStart;
      // 43 characters; the last one carries 4 bits of the 256, so it must be one of these.
      const last = 'AEIMQUYcgkosw048';
      signature = `${start}${signature.slice(start.length, 42)}${last[this.rng.int(last.length)]}`;
    }
    return `${header}.${payload}.${signature}`;
  }

  /** A hashed asset name such as ic_<hex>.svg (webpack, Vite). */
  assetHash(length = 16): string {
    return this.hex(length);
  }

  // ---- big files ------------------------------------------------------------

  /**
   * One line of minified JavaScript of at least `size` characters (a webpack
   * chunk), with `insert` placed in its middle.
   */
  minifiedBundle(insert: string, size = 150_000): string {
    const words = ['render', 'update', 'props', 'state', 'value', 'children', 'style', 'onClick', 'default', 'module', 'exports'];
    const modules: string[] = [];
    let length = 0;
    let id = 1000 + this.rng.int(8000);
    while (length < size) {
      const a = this.rng.pick(['e', 't', 'n', 'r', 'o', 'i']);
      const b = this.rng.pick(['a', 's', 'u', 'c', 'l', 'f']);
      const word = this.rng.pick(words);
      const body =
        `${id}:function(${a},${b},n){"use strict";n.d(${b},{Z:function(){return c}});var r=n(${this.rng.int(9999)}),` +
        `o=n.n(r),c=function(${a}){var ${b}=${a}.${word},l=(0,r.useState)(${this.rng.int(100)});` +
        `return o().createElement("div",{className:"c${this.hex(6)}",${word}:${b}},l[0])}}`;
      modules.push(body);
      length += body.length + 1;
      id += 1 + this.rng.int(7);
    }
    const middle = Math.floor(modules.length / 2);
    modules.splice(middle, 0, `${id}:function(e,t,n){"use strict";var r=${insert};t.Z=r}`);
    return `"use strict";(self.webpackChunkapp=self.webpackChunkapp||[]).push([[${this.rng.int(999)}],{${modules.join(',')}}]);`;
  }

  /** A Base64 VLQ "mappings" string of at least `size` characters (source maps). */
  sourceMapMappings(size: number): string {
    let text = '';
    const vlq = 'ACEGIKMOQSUWYacegikmoqsuwy';
    while (text.length < size) {
      if (text.length > 0) text += this.rng.int(5) === 0 ? ';' : ',';
      text += `${this.rng.string(vlq, 1)}A${this.rng.string(vlq, 1 + this.rng.int(3))}${this.rng.string(vlq, 1)}`;
    }
    return text;
  }
}
