/**
 * A secret is never shown whole. The redacted form shows at most a quarter of
 * it (eight characters at most): a few leading characters and a few from the
 * middle, because every real Intercom token shares its first five ("dG9rO")
 * and last six ("oxOjA=") characters and the middle is what tells two apart.
 */
export function redact(secret: string): string {
  const reveal = Math.min(8, Math.floor(secret.length / 4));
  if (reveal < 2) return '****';
  const head = Math.ceil(reveal / 2);
  const middleLength = reveal - head;
  const middleStart = Math.floor((secret.length - middleLength) / 2);
  const middle = secret.slice(middleStart, middleStart + middleLength);
  return `${secret.slice(0, head)}…${middle}…`;
}
