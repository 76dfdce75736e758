/**
 * Regexes that come from a configuration file run on every staged line, and
 * a running V8 regex cannot be interrupted: `(a+)+$` on a long line would hang
 * the commit. V8's linear-time engine (the `l` flag) runs any pattern it
 * accepts in time linear in the input, and refuses at compile time what it
 * cannot run that way (backreferences, lookarounds).
 *
 * It also refuses named groups and any counted repetition above 16
 * (`[a-z0-9]{24}`), which secret patterns use all the time, so patterns are
 * first rewritten into an equivalent form it takes: named groups become plain
 * ones, and X{24} becomes (?:X){16}(?:X){8}.
 */

let enabled = false;

function enableLinearEngine(): void {
  if (enabled) return;
  // Must be set before the first `l` regex is compiled; harmless for every other regex.
  // node:v8 is loaded here, not at start-up: only custom detectors and allow rules need it.
  const v8 = process.getBuiltinModule('node:v8');
  v8.setFlagsFromString('--enable-experimental-regexp-engine');
  enabled = true;
}

/** V8's limit for one counted repetition in the linear engine. */
const MAX_COUNT = 16;

/** Larger counts are refused rather than expanded into a huge pattern. */
const MAX_TOTAL = 4096;

// Nested counted repetitions multiply against the same limit, so long counts
// become a sequence of chunks: X{40} -> X{16}X{16}X{8}, X{0,40} -> X{0,16}X{0,16}X{0,8}.
function chunks(atom: string, count: number, lower: (size: number) => string, lazy: string): string {
  if (count > MAX_TOTAL) throw new Error(`a repetition count above ${MAX_TOTAL} is not supported`);
  let out = '';
  for (let left = count; left > 0; left -= MAX_COUNT) {
    const size = Math.min(MAX_COUNT, left);
    out += `(?:${atom}){${lower(size)}${size}}${lazy}`;
  }
  return out;
}

function exactly(atom: string, count: number, lazy: string): string {
  return chunks(atom, count, () => '', lazy);
}

function upTo(atom: string, count: number, lazy: string): string {
  return chunks(atom, count, () => '0,', lazy);
}

function repeat(atom: string, min: number, max: number | undefined, lazy: string): string {
  if (max === undefined) return `${exactly(atom, min, lazy)}(?:${atom})*${lazy}`;
  return exactly(atom, min, lazy) + upTo(atom, max - min, lazy);
}

/**
 * Rewrites a pattern for the linear engine. Returns the new source and the
 * number of the group that was named "secret", if any.
 */
export function prepareForLinearEngine(source: string): { source: string; secretGroup: number | undefined } {
  let out = '';
  let group = 0;
  let secretGroup: number | undefined;
  let atomStart = -1; // where the last complete atom starts in `out`
  const groupStarts: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      atomStart = out.length;
      // \u{...}, \x41, \cA and friends: copy the escape whole enough for our purpose.
      const escape = /^\\(?:u\{[0-9A-Fa-f]+\}|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|c[A-Za-z]|[pP]\{[^}]*\}|k<[^>]*>|[\s\S])/.exec(source.slice(i));
      const text = escape ? escape[0] : ch;
      out += text;
      i += text.length - 1;
      continue;
    }
    if (ch === '[') {
      atomStart = out.length;
      let j = i + 1;
      if (source[j] === '^') j += 1;
      if (source[j] === ']') j += 1;
      for (; j < source.length && source[j] !== ']'; j++) if (source[j] === '\\') j += 1;
      out += source.slice(i, j + 1);
      i = j;
      continue;
    }
    if (ch === '(') {
      const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(i));
      groupStarts.push(out.length);
      if (named) {
        group += 1;
        if (named[1] === 'secret') secretGroup = group;
        out += '(';
        i += named[0].length - 1;
        continue;
      }
      if (source[i + 1] !== '?') group += 1;
      out += ch;
      continue;
    }
    if (ch === ')') {
      out += ch;
      atomStart = groupStarts.pop() ?? -1;
      continue;
    }
    if (ch === '{') {
      const counted = /^\{(\d+)(,(\d*))?\}(\?)?/.exec(source.slice(i));
      if (counted && atomStart >= 0) {
        const min = Number(counted[1]);
        const max = counted[2] === undefined ? min : counted[3] === '' ? undefined : Number(counted[3]);
        const lazy = counted[4] ?? '';
        if (min > MAX_COUNT || (max !== undefined && max > MAX_COUNT)) {
          const atom = out.slice(atomStart);
          out = out.slice(0, atomStart) + `(?:${repeat(atom, min, max, lazy)})`;
          i += counted[0].length - 1;
          atomStart = -1;
          continue;
        }
      }
    }
    if (ch === '|' || ch === '^' || ch === '$') atomStart = -1;
    else if (!'*+?{}'.includes(ch)) atomStart = out.length;
    out += ch;
  }
  return { source: out, secretGroup };
}

/** Compiles `source` for linear-time matching; throws a one-line reason when it cannot. */
export function compileLinear(source: string, flags = ''): RegExp {
  enableLinearEngine();
  let prepared: string;
  try {
    prepared = prepareForLinearEngine(source).source;
  } catch (error) {
    throw new Error(`cannot be matched in linear time: ${(error as Error).message}`);
  }
  try {
    return new RegExp(prepared, `${flags}l`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/linear time/i.test(reason)) {
      throw new Error('cannot be matched in linear time (backreferences and lookarounds are not supported)');
    }
    // Report the pattern as the user wrote it, not our rewrite of it.
    try {
      new RegExp(source);
    } catch (original) {
      throw new Error(`invalid regular expression: ${(original as Error).message.replace(/^Invalid regular expression: /, '')}`);
    }
    throw new Error(`invalid regular expression: ${reason.replace(/^Invalid regular expression: /, '')}`);
  }
}
