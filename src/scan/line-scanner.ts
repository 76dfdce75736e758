/** Scans the lines of one file as they come, honouring inline allow markers. */
import type { DeferredFinding, LineDetector } from '../detect/engine.js';
import type { FileContext } from '../detect/file-context.js';
import { allowsNextLine, allowsThisLine } from '../detect/suppressions.js';
import type { Finding } from '../detect/types.js';

export class LineScanner {
  private allowNext = false;
  private previousLine = 0;
  private previousText = '';

  constructor(
    private readonly detector: LineDetector,
    private readonly context: FileContext,
    private readonly findings: Finding[],
    private readonly deferred: DeferredFinding[],
    private readonly commit?: string,
  ) {}

  line(lineNumber: number, text: string): void {
    // "pragma: allowlist nextline secret" covers the line right after it.
    const adjacent = this.previousLine === lineNumber - 1;
    const allowedByPrevious = this.allowNext && adjacent;
    const previous = adjacent ? this.previousText : '';
    this.allowNext = allowsNextLine(text);
    this.previousLine = lineNumber;
    this.previousText = text;
    if (allowedByPrevious || allowsThisLine(text)) return;
    const source = this.commit === undefined ? { path: this.context.path, line: lineNumber } : { path: this.context.path, line: lineNumber, commit: this.commit };
    const found = this.detector.scanLine(text, source, this.context, this.deferred);
    if (previous !== '' && found.length === 0) found.push(...this.detector.scanNameValuePair(previous, text, source, this.context));
    if (found.length === 0) this.detector.scanValueField(text, source, this.context, this.deferred);
    if (found.length > 0) this.findings.push(...found);
  }
}

