/**
 * Parent keys of a line in YAML, JSON and INI-like files, so that
 * `token: ...` beneath `intercom:` (however many lines above) is known to be
 * an Intercom token. Tolerant by design: these run on whatever is staged,
 * valid or not, and never throw.
 */
import type { Structure } from './file-context.js';

const YAML_KEY = /^(\s*)(?:-\s+)?(?:"([^"]*)"|'([^']*)'|([^\s#:"'][^#:]*?))\s*:(?:\s|$)/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Keys that contain the given line in a YAML document, nearest first. */
export function yamlAncestors(lines: readonly string[], lineIndex: number): string[] {
  const target = lines[lineIndex];
  if (target === undefined) return [];
  const ancestors: string[] = [];
  let threshold = indentOf(target);
  for (let j = lineIndex - 1; j >= 0 && threshold > 0; j--) {
    const line = lines[j]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = indentOf(line);
    if (indent >= threshold) continue;
    const key = YAML_KEY.exec(line);
    if (key) ancestors.push(key[2] ?? key[3] ?? key[4] ?? '');
    threshold = indent;
  }
  return ancestors;
}

/** The [section] an INI/TOML line belongs to. */
export function iniAncestors(lines: readonly string[], lineIndex: number): string[] {
  for (let j = lineIndex - 1; j >= 0; j--) {
    const section = /^\s*\[+\s*([^\]]+?)\s*\]+\s*$/.exec(lines[j]!);
    if (section) return [section[1]!];
  }
  return [];
}

/**
 * For each string value on `lineNumber` (1-based) of a JSON text, the keys of
 * the objects that contain it, outermost first.
 */
export function jsonAncestors(text: string, lineNumber: number): { value: string; keys: string[] }[] {
  const stack: { key: string | undefined }[] = [];
  const found: { value: string; keys: string[] }[] = [];
  let line = 1;
  for (let i = 0; i < text.length && line <= lineNumber; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      line += 1;
    } else if (ch === '{' || ch === '[') {
      stack.push({ key: undefined });
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top) top.key = undefined;
    } else if (ch === '"') {
      const startLine = line;
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\') {
          value += text[j + 1] ?? '';
          j += 1;
        } else {
          if (text[j] === '\n') line += 1;
          value += text[j];
        }
      }
      i = j;
      let k = j + 1;
      while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k++;
      const top = stack[stack.length - 1];
      if (text[k] === ':' && top) {
        top.key = value;
      } else if (startLine === lineNumber) {
        found.push({ value, keys: stack.map((entry) => entry.key).filter((key): key is string => key !== undefined) });
      }
    }
  }
  return found;
}

/** Whether `secret` on `lineNumber` sits beneath a key that names intercom. */
export function beneathIntercomKey(content: string, structure: Structure, lineNumber: number, secret: string): boolean {
  const names = (keys: readonly string[]) => keys.some((key) => /intercom/i.test(key));
  if (structure === 'json') {
    return jsonAncestors(content, lineNumber).some((entry) => entry.value === secret && names(entry.keys));
  }
  const lines = content.split('\n');
  const index = lineNumber - 1;
  // A flow mapping on the line itself ({intercom: {token: ...}}) says so too.
  const own = lines[index] ?? '';
  const before = own.slice(0, Math.max(0, own.indexOf(secret)));
  if (/intercom/i.test(before) && /[{[]/.test(before)) return true;
  return names(structure === 'yaml' ? yamlAncestors(lines, index) : iniAncestors(lines, index));
}

/** The key directly above the key that holds `secret` on `lineNumber` (its parent), if any. */
export function nearestParentKey(content: string, structure: Structure, lineNumber: number, secret: string): string | undefined {
  if (structure === 'json') {
    const entry = jsonAncestors(content, lineNumber).find((candidate) => candidate.value === secret);
    return entry && entry.keys.length >= 2 ? entry.keys[entry.keys.length - 2] : undefined;
  }
  if (structure === 'yaml') return yamlAncestors(content.split('\n'), lineNumber - 1)[0];
  return iniAncestors(content.split('\n'), lineNumber - 1)[0];
}
