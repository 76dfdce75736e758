/**
 * Finds literals assigned to a name: INTERCOM_TOKEN=..., "intercomToken": "...",
 * intercom_token: ..., os.Setenv("INTERCOM_TOKEN", "..."), ENV INTERCOM_TOKEN ...,
 * <IntercomToken>...</IntercomToken>, --intercom-token=... across the usual
 * languages and config formats, without parsing any of them.
 */

export interface Assignment {
  /** The name as written. */
  readonly name: string;
  /** The name lower-cased, letters and digits only. */
  readonly normalizedName: string;
  readonly value: string;
  /** Offset of the value in the line. */
  readonly index: number;
  /** The value was written without quotes. */
  readonly bare: boolean;
}

/** Finds names holding one of `words` (lower-case), e.g. INTERCOM_TOKEN or config.intercom.token. */
export interface NameMatcher {
  readonly words: readonly string[];
  /** The same as a regex, for lines whose lower-case form has another length. */
  readonly pattern: RegExp;
}

export function namePattern(words: readonly string[]): NameMatcher {
  const lower = words.map((word) => word.toLowerCase());
  const alternatives = lower.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return { words: lower, pattern: new RegExp(`[A-Za-z0-9_.$-]*(?:${alternatives})[A-Za-z0-9_.-]*`, 'gi') };
}

/** 1 for [A-Za-z0-9_.-], 2 for "$" (allowed before the word only: PHP's $intercomToken). */
const NAME_CHARS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  if (/[A-Za-z0-9_.-]/.test(char)) NAME_CHARS[code] = 1;
}
NAME_CHARS[36] = 2;

/**
 * Where the names are: each occurrence of a word widened to the run of name
 * characters around it. The same spans the regex finds, without the regex's
 * retry at every position of a long line.
 */
function nameSpans(line: string, names: NameMatcher, lower: string): [number, number][] {
  if (lower.length !== line.length) {
    const spans: [number, number][] = [];
    names.pattern.lastIndex = 0;
    for (let match = names.pattern.exec(line); match !== null; match = names.pattern.exec(line)) {
      spans.push([match.index, match.index + match[0].length]);
      if (match[0].length === 0) names.pattern.lastIndex += 1;
    }
    return spans;
  }
  const spans: [number, number][] = [];
  for (const word of names.words) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) {
      let start = at;
      // Table lookups, not calls: this runs for every keyword on every keyword line.
      while (start > 0 && (NAME_CHARS[line.charCodeAt(start - 1)] ?? 0) !== 0) start -= 1;
      let end = at + word.length;
      while (end < line.length && NAME_CHARS[line.charCodeAt(end)] === 1) end += 1;
      spans.push([start, end]);
      at = end - 1;
    }
  }
  if (spans.length < 2) return spans;
  if (names.words.length > 1) spans.sort((a, b) => a[0] - b[0]);
  // One span per name, however many words it holds.
  return spans.filter((span, i) => i === 0 || span[0] >= spans[i - 1]![1]);
}

// What may stand between a name and its value: a closing quote or bracket, then an operator.
const OPERATOR = /["'`]?\]?\s*(:=|=>|\?\?=|\|\|=|=(?!=)|:(?!:)|,)\s*/y;
// <add key="IntercomToken" value="..."/>
const XML_VALUE_ATTRIBUTE = /["']\s+value\s*=\s*/y;
// A typed declaration: NAME: &str = "...", intercomToken: string = '...', api_key: str = "..."
const TYPED = /["'`]?\s*:\s*[&'A-Za-z_][\w.<>[\]?'&|, ]{0,60}?\s*=(?![=>])\s*/y;
// The name and the value in sibling fields: {"name": "X", "value": "..."}, "X": { "value": "..." }
const SIBLING_VALUE = /["']\s*(?:,\s*|:\s*\{\s*)["']?value["']?\s*:\s*/y;
const QUOTED = /[rbfuRBFU]{0,2}(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`]*)`)/y;
const BARE = /[^\s"'`,;)}\]<>]+/y;
const WHITESPACE_OPERATOR_LINE = /^\s*(?:ENV|ARG|setenv|SetEnv|set)\s/;

const NOT_A_KEY_AFTER = ':/@=.';

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The last part of a dotted or sigiled name: self.token -> token, $config->token stays whole. */
export function lastSegment(name: string): string {
  const parts = name.split(/[.$]/).filter(Boolean);
  return parts[parts.length - 1] ?? name;
}

/**
 * Every name holding one of the matcher's words that is given a value on this
 * line. `lower` is the line lower-cased, when the caller has it already.
 */
export function findAssignments(line: string, names: NameMatcher, lower: string = line.toLowerCase()): Assignment[] {
  const found: Assignment[] = [];
  for (const [start, end] of nameSpans(line, names, lower)) {
    const assignment = valueAfter(line, start, line.slice(start, end), end);
    if (assignment) found.push(assignment);
  }
  return found;
}

function valueAfter(line: string, start: number, name: string, end: number): Assignment | undefined {
  let position: number | undefined;
  let commaOnly = false;
  let xmlElement = false;

  // A name starts where a key can: not inside a word-joined value such as an ARN (...:secret:prod/...).
  if (start > 0 && NOT_A_KEY_AFTER.includes(line[start - 1]!)) return undefined;
  OPERATOR.lastIndex = end;
  XML_VALUE_ATTRIBUTE.lastIndex = end;
  TYPED.lastIndex = end;
  SIBLING_VALUE.lastIndex = end;
  const typed = TYPED.exec(line);
  const sibling = typed ? null : SIBLING_VALUE.exec(line);
  const operator = typed || sibling ? null : OPERATOR.exec(line);
  if (typed) {
    position = end + typed[0].length;
  } else if (sibling) {
    position = end + sibling[0].length;
  } else if (operator && (operator[1] !== ',' || isCallArgument(line, start))) {
    position = end + operator[0].length;
    commaOnly = operator[1] === ',';
  } else if (XML_VALUE_ATTRIBUTE.exec(line)) {
    position = XML_VALUE_ATTRIBUTE.lastIndex;
  } else if (line[start - 1] === '<' && line[end] === '>') {
    position = end + 1;
    xmlElement = true;
  } else if ((name.startsWith('-') || WHITESPACE_OPERATOR_LINE.test(line.slice(0, start))) && /\s/.test(line[end] ?? '')) {
    position = end;
    while (position < line.length && /\s/.test(line[position]!)) position += 1;
  }
  if (position === undefined) return undefined;

  QUOTED.lastIndex = position;
  const quoted = QUOTED.exec(line);
  if (quoted) {
    const value = quoted[1] ?? quoted[2] ?? quoted[3] ?? '';
    const index = quoted.index + quoted[0].search(/["'`]/) + 1;
    return { name, normalizedName: normalizeName(name), value, index, bare: false };
  }
  if (commaOnly) return undefined;
  if (xmlElement) {
    const close = line.indexOf('<', position);
    const value = line.slice(position, close === -1 ? line.length : close).trim();
    return { name, normalizedName: normalizeName(name), value, index: line.indexOf(value, position), bare: false };
  }
  // tox's {env:NAME} and other braced templates: take the whole braces.
  if (line[position] === '{') {
    const close = line.indexOf('}', position);
    if (close !== -1) return { name, normalizedName: normalizeName(name), value: line.slice(position, close + 1), index: position, bare: true };
  }
  BARE.lastIndex = position;
  const bare = BARE.exec(line);
  if (!bare) return undefined;
  return { name, normalizedName: normalizeName(name), value: bare[0], index: position, bare: true };
}

/** setenv("NAME", "value"), ENV.fetch('NAME', '...'), define('NAME', '...'): the name is a quoted first argument. */
function isCallArgument(line: string, start: number): boolean {
  return /\(\s*["'`]$/.test(line.slice(Math.max(0, start - 16), start));
}

const NAME_FIELD = /^\s*(?:-\s+)?["']?name["']?\s*[:=]\s*["']?([A-Za-z_][\w.-]*)["']?\s*,?\s*$/;
const VALUE_FIELD = /^(\s*)["']?value["']?\s*[:=]\s*/;

/**
 * A name and its value on two lines, as in Kubernetes env lists:
 *   - name: INTERCOM_SECRET_KEY
 *     value: "..."
 * Returns the assignment the two lines make, if they make one.
 */
export function nameValuePair(previous: string, line: string): Assignment | undefined {
  const name = NAME_FIELD.exec(previous)?.[1];
  const value = VALUE_FIELD.exec(line);
  if (name === undefined || value === null) return undefined;
  const position = value[0].length;
  QUOTED.lastIndex = position;
  const quoted = QUOTED.exec(line);
  if (quoted) {
    const text = quoted[1] ?? quoted[2] ?? quoted[3] ?? '';
    return { name, normalizedName: normalizeName(name), value: text, index: quoted.index + quoted[0].search(/["'`]/) + 1, bare: false };
  }
  BARE.lastIndex = position;
  const bare = BARE.exec(line);
  return bare ? { name, normalizedName: normalizeName(name), value: bare[0], index: position, bare: true } : undefined;
}
