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

export function validateAccessToken(candidate: string): TokenMatch | undefined {
  const body = candidate.replace(PADDING, '');
  const match = DECODED_TOKEN.exec(decodeBase64(body));
  if (!match) return undefined;
  const length = Math.ceil((match[0].length * 4) / 3);
  // The padding belongs to the token only when the token runs to the end of the candidate.
  const secret = length >= body.length ? candidate : candidate.slice(0, length);
  return { offset: 0, secret };
}
