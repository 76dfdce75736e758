import type { Finding } from '../detect/types.js';

export interface SkippedFile {
  readonly path: string;
  readonly reason: 'binary';
}

/** What a scan returns; printing is the reports' job. */
export interface ScanResult {
  readonly findings: Finding[];
  readonly skipped: SkippedFile[];
  readonly filesScanned: number;
  readonly linesScanned: number;
}
