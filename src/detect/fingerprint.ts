import { createHash } from 'node:crypto';

/**
 * The one fingerprint definition, used by the baseline, `allow`, JSON and
 * SARIF: SHA-256 over the detector id and the normalised secret, in hex.
 * Normalising removes URL-encoding and base64 padding, so a token pasted
 * with its "=" cut off or written as "%3D" is the same token.
 */
export function normalizeSecret(secret: string): string {
  let text = secret;
  if (/%[0-9A-Fa-f]{2}/.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      text = text.replace(/%3D/gi, '=');
    }
  }
  return text.replace(/=+$/, '');
}

export function fingerprint(detectorId: string, secret: string): string {
  return createHash('sha256').update(`${detectorId}\0${normalizeSecret(secret)}`).digest('hex');
}
