/**
 * Inline markers that say "this line is not a secret", ours and the ones
 * teams already use with other scanners, so adopting this tool does not
 * mean annotating every line again.
 */
const SAME_LINE = /intercom-guard:allow|gitleaks:allow|pragma:\s*allowlist\s+secret|trufflehog:ignore/i;
const NEXT_LINE = /pragma:\s*allowlist\s+nextline\s+secret/i;

export function allowsThisLine(line: string): boolean {
  return SAME_LINE.test(line) && !NEXT_LINE.test(line);
}

export function allowsNextLine(line: string): boolean {
  return NEXT_LINE.test(line);
}
