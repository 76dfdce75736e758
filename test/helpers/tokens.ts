/**
 * Synthetic credentials, generated at test time. Nothing that looks like a
 * real token is committed to this repository (hosting services block pushes
 * holding real-shaped Intercom tokens, and our own hook would refuse them).
 */
import { randomBytes, randomUUID } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A real-shaped Intercom access token: base64 of tok:<uuid with _>:1:0 (60 characters). */
export function makeAccessToken(uuid: string = randomUUID()): string {
  return Buffer.from(`tok:${uuid.replace(/-/g, '_')}:1:0`).toString('base64');
}

/** Random letters and digits with at least one of each kind, so no filter mistakes it for a word. */
export function randomAlnum(length: number): string {
  for (;;) {
    const bytes = randomBytes(length);
    let text = '';
    for (const byte of bytes) text += ALNUM[byte % ALNUM.length];
    if (/[a-z]/.test(text) && /[A-Z]/.test(text) && /[0-9]/.test(text) && !/(.)\1\1/.test(text)) return text;
  }
}

/** A token matching the spec's pattern ic_[a-zA-Z0-9]{16,32}. */
export function makeIcToken(length = 24): string {
  return `ic_${randomAlnum(length)}`;
}

/** A high-entropy value for a named secret (e.g. a client secret): 40 base64url characters. */
export function makeSecretValue(length = 40): string {
  return randomAlnum(length);
}
