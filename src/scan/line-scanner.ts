/** Scans the lines of one file as they come, honouring inline allow markers. */
import type { DeferredFinding, LineDetector } from '../detect/engine.js';
import type { FileContext } from '../detect/file-context.js';
import { allowsNextLine, allowsThisLine } from '../detect/suppressions.js';
import type { Finding } from '../detect/types.js';
import { decodeUtf8, type AddedBlock } from '../git/parse-diff.js';

export class LineScanner {
  private allowNext = false;
  private previousLine = 0;
  private previousText = '';
  private previousHasName = false;
  /**
   * Whether the last line can speak for the one after it (a name field, its
   * value next; "pragma: allowlist nextline secret"): block() reads that line too.
   */
  private nextLineMatters = false;
  private readonly source: { path: string; line: number; commit?: string };
  /** Whether any scanned line named intercom (a "value" field needs its parent key to). */
  sawIntercom = false;

  constructor(
    private readonly detector: LineDetector,
    private readonly context: FileContext,
    private readonly findings: Finding[],
    private readonly deferred: DeferredFinding[],
    commit?: string,
  ) {
    this.source = commit === undefined ? { path: context.path, line: 0 } : { path: context.path, line: 0, commit };
  }

  line(lineNumber: number, text: string): void {
    // "pragma: allowlist nextline secret" covers the line right after it.
    const adjacent = this.previousLine === lineNumber - 1;
    const allowedByPrevious = this.allowNext && adjacent;
    const previous = adjacent ? this.previousText : '';
    const previousNames = adjacent && this.previousHasName;
    // Marker checks are regexes: run them only on lines that mention a marker at all.
    const lower = text.toLowerCase();
    const mentionsMarker = lower.includes('allow') || lower.includes('ignore');
    if (!this.sawIntercom && lower.includes('intercom')) this.sawIntercom = true;
    this.allowNext = mentionsMarker && allowsNextLine(text);
    this.previousLine = lineNumber;
    this.previousText = text;
    this.previousHasName = lower.includes('name');
    this.nextLineMatters = this.previousHasName || lower.includes('allowlist');
    if (allowedByPrevious || (mentionsMarker && allowsThisLine(text))) return;
    // One object per scanner: findings copy what they need from it.
    const source = this.source;
    source.line = lineNumber;
    const deferredBefore = this.deferred.length;
    let found = this.detector.scanLine(text, source, this.context, this.deferred, lower);
    if (found.length === 0 && previousNames) found = this.detector.scanNameValuePair(previous, text, source, this.context);
    if (found.length === 0 && this.deferred.length === deferredBefore && lower.includes('value')) {
      this.detector.scanValueField(text, source, this.context, this.deferred);
    }
    if (found.length > 0) this.findings.push(...found);
  }

  /**
   * A run of added lines at once (see AddedBlock); `text` is the block as
   * latin1, one character per byte. Only the lines where the detector's
   * block filter finds something (and the line after a name field or a
   * nextline marker) are decoded and scanned one by one: most lines of a
   * large change are never split out.
   */
  block(firstLine: number, text: string, block: AddedBlock): void {
    const filters = this.detector.plan(this.context).blockFilters;
    const { bytes, start: base, count, lineStarts } = block;
    // Where each filter matches next (-1: nowhere after); the scan goes to the nearest.
    const positions = filters.map((filter) => search(filter, text, 0));
    let index = 0; // the line holding the current match
    let nextToScan = 0; // lines before this index were scanned already
    const lineEnd = (i: number) => (i + 1 < count ? lineStarts[i + 1]! - 1 : block.end - 1);
    for (;;) {
      let at = -1;
      for (const position of positions) if (position !== -1 && (at === -1 || position < at)) at = position;
      if (at === -1) break;
      index = lineAt(lineStarts, index, count, base + at);
      // The matched line, and the one after each scanned line that can speak for
      // it: a name field ("- name: INTERCOM_SECRET_KEY", its value comes next) or
      // "pragma: allowlist nextline secret".
      let last = index;
      for (let i = Math.max(index, nextToScan); i <= last && i < count; i++) {
        const line = decodeUtf8(bytes, lineStarts[i]! + 1, lineEnd(i), block.text);
        this.line(firstLine + i, line);
        nextToScan = i + 1;
        if (this.nextLineMatters) last = i + 1;
      }
      // Continue after the scanned lines (always forward, even after an empty match).
      const resume = nextToScan < count ? lineStarts[nextToScan]! - base : text.length;
      const from = resume > at ? resume : at + 1;
      if (from >= text.length) break;
      for (let k = 0; k < filters.length; k++) {
        if (positions[k] !== -1 && positions[k]! < from) positions[k] = search(filters[k]!, text, from);
      }
    }
  }
}

/** Where a global regex next matches in `text` from `from`; -1 for nowhere. */
function search(filter: RegExp, text: string, from: number): number {
  filter.lastIndex = from;
  return filter.exec(text)?.index ?? -1;
}

/** The index of the line holding byte `at`: a binary search from `from` (matches only move forward). */
function lineAt(lineStarts: Int32Array, from: number, count: number, at: number): number {
  let low = from;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

