/**
 * Real Intercom access tokens are standard base64 of "tok:<uuid>:1:0", the
 * UUID written with "_" (facts sheet). Lots of unrelated base64 starts with
 * "dG9r" ("token...", "tok:abc..."), so a candidate counts only when it
 * decodes to "tok:" followed by a UUID. The ":1:0" suffix and the UUID
 * version are not required: a token cut short or with another suffix is
 * still a token.
 */
import type { TokenMatch } from './types.js';

const DECODED_TOKEN =
  /^tok:[0-9a-fA-F]{8}[_-][0-9a-fA-F]{4}[_-][0-9a-fA-F]{4}[_-][0-9a-fA-F]{4}[_-][0-9a-fA-F]{12}(?::\d{1,4}:\d{1,4})?/;
const PADDING = /(?:%3D|=)+$/i;

/** Decodes base64 (standard or URL-safe, padding optional) to a latin1 string. */
export function decodeBase64(text: string): string {
  const usable = text.length % 4 === 1 ? text.slice(0, -1) : text;
  return Buffer.from(usable, 'base64').toString('latin1');
}

export function validateAccessToken(candidate: string, _line: string, index: number): TokenMatch | undefined {
  const secret = tokenAt(candidate);
  return secret === undefined ? undefined : { index, secret };
}

/** The token a base64 run starting with "dG9r" holds, as written (padding included), if any. */
function tokenAt(candidate: string): string | undefined {
  const body = candidate.replace(PADDING, '');
  const match = DECODED_TOKEN.exec(decodeBase64(body));
  if (!match) return undefined;
  const length = Math.ceil((match[0].length * 4) / 3);
  // The padding belongs to the token only when the token runs to the end of the candidate.
  return length >= body.length ? candidate : candidate.slice(0, length);
}

/**
 * The forms "dG9rO" takes when a token is itself base64-encoded, one per
 * position modulo 3 (computed, not typed: see encodedKeywords()).
 */
export const ENCODED_TOKEN_KEYWORDS: readonly string[] = encodedKeywords('dG9rO');

function encodedKeywords(prefix: string): string[] {
  const keywords: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift, 0x41), Buffer.from(prefix)]).toString('base64');
    // Only the characters whose six bits all come from the prefix are stable.
    const first = Math.ceil((8 * shift) / 6);
    const last = Math.floor((8 * (shift + prefix.length)) / 6) - 1;
    keywords.push(encoded.slice(first, last + 1));
  }
  return keywords;
}

const BASE64_CHAR = /[A-Za-z0-9+/_-]/;
const TOKEN_IN_TEXT = /dG9r[A-Za-z0-9+/_-]{40,}(?:%3D|=){0,2}/g;

/**
 * A token encoded a second time (Kubernetes Secret data:, Basic auth headers):
 * decode the base64 run around the keyword at each alignment and look for a
 * token inside. The finding spans the encoded run; its fingerprint is the
 * inner token's, so the same token is the same finding however it is written.
 */
export function validateEncodedAccessToken(_candidate: string, line: string, index: number): TokenMatch | undefined {
  let start = index;
  while (start > 0 && BASE64_CHAR.test(line[start - 1]!)) start -= 1;
  let end = index;
  while (end < line.length && BASE64_CHAR.test(line[end]!)) end += 1;
  const run = line.slice(start, end);
  for (let skip = 0; skip < 4 && skip < run.length; skip++) {
    const decoded = decodeBase64(run.slice(skip));
    TOKEN_IN_TEXT.lastIndex = 0;
    for (let inner = TOKEN_IN_TEXT.exec(decoded); inner !== null; inner = TOKEN_IN_TEXT.exec(decoded)) {
      const token = tokenAt(inner[0]);
      if (token === undefined) continue;
      // Characters of the run that encode the token's bytes.
      const from = start + skip + Math.floor(inner.index / 3) * 4;
      const to = Math.min(end, start + skip + Math.ceil((inner.index + token.length) / 3) * 4);
      let secretEnd = to;
      const padding = /^(?:%3D|=){1,2}/i.exec(line.slice(to));
      if (to === end && padding) secretEnd += padding[0].length;
      return { index: from, secret: line.slice(from, secretEnd), canonical: token };
    }
  }
  return undefined;
}
