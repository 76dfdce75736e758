/**
 * Scans the whole text of one file (a tracked blob, a file on disk, standard
 * input): every line counts as added. Binary content is reported, UTF-16
 * text decoded, and parent-key findings resolved against the same text.
 */
import type { DeferredFinding, LineDetector } from '../detect/engine.js';
import { fileContext } from '../detect/file-context.js';
import { resolveDeferred } from '../detect/deferred.js';
import { decodeUtf16, detectUtf16 } from '../detect/text-encoding.js';
import type { Finding } from '../detect/types.js';
import { LineScanner } from './line-scanner.js';

/** Git's own test: a NUL byte in the first 8000 bytes makes a file binary. */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}

/** The text of a file, or undefined for binary content. */
export function decodeText(content: Buffer): string | undefined {
  if (!isBinary(content)) return content.toString('utf8');
  const encoding = detectUtf16(content);
  return encoding === undefined ? undefined : decodeUtf16(content, encoding);
}

export interface ContentScan {
  readonly findings: Finding[];
  readonly lines: number;
  readonly binary: boolean;
}

export function scanContent(detector: LineDetector, path: string, content: Buffer, commit?: string): ContentScan {
  const text = decodeText(content);
  if (text === undefined) return { findings: [], lines: 0, binary: true };
  const context = fileContext(path);
  const findings: Finding[] = [];
  const deferred: DeferredFinding[] = [];
  const scanner = new LineScanner(detector, context, findings, deferred, commit);
  let lineNumber = 0;
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lineNumber += 1;
    if (end > start) scanner.line(lineNumber, text.slice(start, end));
    if (newline === -1) break;
    start = newline + 1;
  }
  if (context.structure !== undefined) findings.push(...resolveDeferred(text, context.structure, deferred));
  return { findings, lines: lineNumber, binary: false };
}
