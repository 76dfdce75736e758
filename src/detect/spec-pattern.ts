/**
 * Checks on a match of the spec's pattern ic_[a-zA-Z0-9]{16,32} that the
 * regex cannot express: a placeholder-free, token-like value that is not the
 * name of a file.
 */
import type { TokenMatch } from './types.js';

/** "ic_4f9a0c7e21b3d5a8.svg": a hashed asset name, not a token. */
const FILE_EXTENSION_AFTER = /^\.[A-Za-z][A-Za-z0-9]{0,4}(?![A-Za-z0-9])/;

export function validateLegacyToken(candidate: string, line: string, index: number): TokenMatch | undefined {
  const value = candidate.slice(3);
  const hasDigit = /[0-9]/.test(value);
  const hasLower = /[a-z]/.test(value);
  const hasUpper = /[A-Z]/.test(value);
  // A single class of characters (all letters in one case, all digits) is a word or a number.
  if ([hasDigit, hasLower, hasUpper].filter(Boolean).length < 2) return undefined;
  const after = line.slice(index + candidate.length, index + candidate.length + 8);
  if (FILE_EXTENSION_AFTER.test(after)) return undefined;
  if (insideBlob(line, index, index + candidate.length)) return undefined;
  return { index, secret: candidate };
}

/**
 * "ic_" in the middle of a JWT, a base64url blob or a path segment: the
 * characters around it continue the same run through a joiner (- + / . _).
 */
function insideBlob(line: string, start: number, end: number): boolean {
  const before = line.slice(Math.max(0, start - 2), start);
  const after = line.slice(end, end + 2);
  return /[A-Za-z0-9][-+/.]$/.test(before) || /^[-+/_][A-Za-z0-9]/.test(after);
}
