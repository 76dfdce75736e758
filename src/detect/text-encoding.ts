/**
 * UTF-16 text files hold a NUL byte in every other position, so git (and our
 * own binary check) calls them binary. They are text all the same, and a
 * token in one is a token: recognise them and decode them.
 */
export type Utf16 = 'utf16le' | 'utf16be';

export function detectUtf16(bytes: Buffer): Utf16 | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  // Without a byte order mark: mostly ASCII text leaves the high bytes zero.
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf16be';
  return undefined;
}

export function decodeUtf16(bytes: Buffer, encoding: Utf16): string {
  let body = bytes;
  if (encoding === 'utf16be') {
    body = Buffer.from(bytes.subarray(0, bytes.length & ~1));
    body.swap16();
  }
  const text = body.toString('utf16le', 0, body.length & ~1);
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

/** A line of a UTF-16 file as git splits it: many NULs among few other bytes. */
export function looksLikeUtf16Line(text: string): boolean {
  if (text.length < 4) return false;
  let zeros = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0) zeros += 1;
  return zeros >= text.length * 0.3;
}
