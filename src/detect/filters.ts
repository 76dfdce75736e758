/**
 * Values that sit where a secret could be but are not one: references to a
 * secret kept elsewhere, templates, placeholders and examples. These filters
 * apply to pattern and context findings only, never to a validated token.
 */

/** A value that names where the secret lives instead of holding it. */
const REFERENCE_PATTERNS: readonly RegExp[] = [
  /^\$[A-Za-z_{(]/, // $VAR, ${VAR}, ${VAR:?msg}, $(cmd)
  /\$\{\{?/, // ${VAR} or ${{ secrets.X }} anywhere in the value
  /\$\(/, // $(cmd)
  /\{\{.*\}\}/, // {{ .Values.x }}, mustache
  /\{%.*%\}/, // jinja blocks
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %VAR% (Windows)
  /^<%=?.*%>$/, // ERB
  /\bprocess\.env\b/,
  /\bimport\.meta\.env\b/,
  /\bos\.(?:environ|getenv)\b/,
  /\bENV(?:\[|\.fetch\b)/,
  /\bSystem\.getenv\b/,
  /\bEnvironment\.GetEnvironmentVariable\b/,
  /\bgetenv\s*\(/,
  /\bsecrets\.[A-Za-z_]/,
  /^(?:op|vault|secret|secretsmanager|ssm|gcp-secret|azure-keyvault|keyvault|sm|awssm|env):\/?\/?/i, // secret-manager references
  /^arn:aws:(?:secretsmanager|ssm):/,
  /^projects\/[^/]+\/secrets\//, // GCP Secret Manager
  /^\{env:[^}]*\}$/, // tox
];

/**
 * The patterns above as one regex: a hook compiles every regex it uses once
 * per run, and eighteen small compilations cost more than one larger one.
 * Case-insensitive as a whole (ENV[...] and env[...] are both references).
 */
const REFERENCE = new RegExp(REFERENCE_PATTERNS.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');

export function isReference(value: string): boolean {
  return REFERENCE.test(value);
}

/** Words that make a value an example rather than a credential. */
const PLACEHOLDER_WORDS =
  /(?:your|my)[-_ ]?(?:intercom|api|access|secret|app|own)?[-_ ]?(?:token|key|secret)|changeme|change[-_]me|replace[-_]?me|placeholder|example|dummy|sample|redacted|insert[-_]|[-_]here\b|^(?:todo|tbd|fixme|none|null|nil|undefined|empty|secret|token|password|string|test|fake|foo|bar|xxx)$/i;

export function isPlaceholder(value: string): boolean {
  if (value.length === 0) return true;
  if (PLACEHOLDER_WORDS.test(value)) return true;
  // <token>, [token], {token}
  if (/^[<[{(].*[>\]})]$/.test(value)) return true;
  // Masked or truncated: ic_****, dG9r..., abc…xyz, xxxx, XXXX, ••••
  if (/\*{3,}|\.{3,}|…|•{2,}|(?:x{4,}|X{4,})/.test(value)) return true;
  // The same character again and again (0000000000000000, aaaaaaaaaaaa).
  if (/(.)\1{5,}/.test(value)) return true;
  if (hasSequentialRun(value, 6)) return true;
  return false;
}

/** A run such as 123456 or abcdef or 0123456789abcdef: typed, not generated. */
export function hasSequentialRun(value: string, length: number): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    const digitToLetter = value[i - 1] === '9' && (value[i] === 'a' || value[i] === 'A');
    run = step === 1 || digitToLetter ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/**
 * Whether a literal could be a generated credential: long enough, no spaces,
 * more than one kind of character, and not too repetitive.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Text that a base64 value decodes to, when it is base64 of printable text
 * (a Kubernetes Secret's data:), so filters can judge what it really holds.
 */
export function decodedText(value: string): string | undefined {
  if (value.length < 8 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 === 1) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return /^[\x20-\x7e]+$/.test(decoded) ? decoded : undefined;
}

/** The characters of API tokens and secrets (base64, base64url, hex, UUIDs, ic_...), as a regex class body. */
export const SECRET_CHARACTERS = 'A-Za-z0-9+/=_\\-.~%';
const SECRET_RUN = new RegExp(`^[${SECRET_CHARACTERS}]+$`);

/** Longer literals are data (certificates, blobs), not API credentials. */
export const MAX_SECRET_LENGTH = 1024;

export function looksLikeSecret(value: string, minLength: number, minEntropy = 3): boolean {
  if (value.length < minLength || value.length > MAX_SECRET_LENGTH) return false;
  // A UUID is a generated credential whatever its letter counts say (OAuth client secrets).
  if (UUID.test(value)) return !hasSequentialRun(value.replace(/-/g, ''), 6) && !/(.)\1{5,}/.test(value);
  if (characterClasses(value) < 2) return false;
  // Dotted or slashed words are names and paths (prod/intercom/token, config.intercom.token).
  if (/^[A-Za-z_]+(?:[./:][A-Za-z_]+)+$/.test(value)) return false;
  // API tokens and secrets are base64, base64url, hex, UUIDs or ic_...: code and prose are not.
  if (!SECRET_RUN.test(value)) return false;
  // Words and short numbers joined by separators are identifiers and slugs
  // (INTERCOM_API_KEY, intercom-access-token, region-cursor-94, v1.2.3).
  if (/^(?:[A-Za-z]+|\d{1,4})(?:[_\-.](?:[A-Za-z]+|\d{1,4}))+$/.test(value)) return false;
  // So are CamelCase words (Conversation, IntercomTokenType): generated values are not this regular.
  if (/^[A-Z]?[a-z]+(?:[A-Z][a-z]+)*$/.test(value)) return false;
  return shannonEntropy(value) >= minEntropy;
}

/**
 * How many of lower-case letters, upper-case letters, digits and other
 * characters a value mixes (0 when it holds white space, which no token does).
 */
function characterClasses(value: string): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 97 && code <= 122) lower = 1;
    else if (code >= 65 && code <= 90) upper = 1;
    else if (code >= 48 && code <= 57) digit = 1;
    else if (code === 32 || (code >= 9 && code <= 13)) return 0;
    else other = 1;
  }
  return lower + upper + digit + other;
}
