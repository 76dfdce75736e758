import type { Finding } from '../detect/types.js';

export interface SkippedFile {
  readonly path: string;
  /**
   * binary: not text; ignored: matched ignorePaths or --exclude; too-large: over maxFileBytes;
   * unreadable: content not available (missing object, no permission); symlink: links are not followed.
   */
  readonly reason: 'binary' | 'ignored' | 'too-large' | 'unreadable' | 'symlink';
}

/** What a scan returns; printing is the reports' job. */
export interface ScanResult {
  readonly findings: Finding[];
  readonly skipped: SkippedFile[];
  readonly filesScanned: number;
  readonly linesScanned: number;
}
