/**
 * Decodes a path as git prints it in diff headers. With core.quotePath=true
 * (which we pin), a path holding a control character, a double quote, a
 * backslash or any byte >= 0x80 is written C-style in double quotes, with
 * octal escapes for the bytes; any other path is written as is.
 */
const SIMPLE_ESCAPES: Record<string, number> = {
  a: 0x07,
  b: 0x08,
  t: 0x09,
  n: 0x0a,
  v: 0x0b,
  f: 0x0c,
  r: 0x0d,
  '"': 0x22,
  '\\': 0x5c,
};

/** Returns the decoded path, or undefined when `text` is not a well-formed quoted path. */
export function unquoteCPath(text: string): string | undefined {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return undefined;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '"') return undefined;
    if (ch !== '\\') {
      // Anything unescaped is ASCII under quotePath=true, but keep other text intact.
      for (const byte of Buffer.from(ch, 'utf8')) bytes.push(byte);
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) return undefined;
    if (next in SIMPLE_ESCAPES) {
      bytes.push(SIMPLE_ESCAPES[next]!);
      i += 1;
      continue;
    }
    const octal = body.slice(i + 1, i + 4);
    if (/^[0-3][0-7]{2}$/.test(octal)) {
      bytes.push(parseInt(octal, 8));
      i += 3;
      continue;
    }
    return undefined;
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * Decodes the path of a `--- ` or `+++ ` line (without that marker) and strips
 * the `a/` or `b/` prefix. Git ends an unquoted path that holds a space with a
 * tab; an unquoted path never holds a tab itself, so anything from a tab on goes.
 */
export function decodeHeaderPath(text: string, prefix: string): string | undefined {
  let decoded: string | undefined;
  if (text.startsWith('"')) {
    decoded = unquoteCPath(text.replace(/\t$/, ''));
  } else {
    const tab = text.indexOf('\t');
    decoded = tab === -1 ? text : text.slice(0, tab);
  }
  if (decoded === undefined || !decoded.startsWith(prefix)) return undefined;
  return decoded.slice(prefix.length);
}
