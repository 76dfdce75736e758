import type { Finding } from '../detect/types.js';

export interface SkippedFile {
  readonly path: string;
  /** binary: not text; ignored: matched ignorePaths; too-large: over maxFileBytes; unreadable: content not available locally. */
  readonly reason: 'binary' | 'ignored' | 'too-large' | 'unreadable';
}

/** What a scan returns; printing is the reports' job. */
export interface ScanResult {
  readonly findings: Finding[];
  readonly skipped: SkippedFile[];
  readonly filesScanned: number;
  readonly linesScanned: number;
}
