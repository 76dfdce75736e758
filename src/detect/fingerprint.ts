import type * as Crypto from 'node:crypto';

// Loaded on the first fingerprint: node:crypto costs a hook run that finds nothing
// about 2 ms to load. process.getBuiltinModule is Node >= 20.16; before it, the
// bundles' require.
let crypto: typeof Crypto | undefined;
function cryptoModule(): typeof Crypto {
  crypto ??= (process.getBuiltinModule?.('node:crypto') ?? require('node:crypto')) as typeof Crypto;
  return crypto;
}

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
  return cryptoModule().createHash('sha256').update(`${detectorId}\0${normalizeSecret(secret)}`).digest('hex');
}
