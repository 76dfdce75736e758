/** Scans every file the index tracks, whole (for the baseline and audits of the current tree). */
import { LineDetector } from '../detect/engine.js';
import type { Finding } from '../detect/types.js';
import { createGitContext, repositoryInfo } from '../git/git.js';
import { listIndex, readIndexContents } from '../git/index-content.js';
import { DEFAULT_SETTINGS, type ScanSettings } from '../config/resolve.js';
import { scanContent } from './content.js';
import type { ScanResult, SkippedFile } from './result.js';

/** Larger blobs are listed as skipped rather than held in memory whole. */
const BLOB_LIMIT = 64 * 1024 * 1024;

export async function scanTracked(options: { cwd: string; env: NodeJS.ProcessEnv; settings?: ScanSettings }): Promise<ScanResult & { topLevel: string }> {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const context = createGitContext(options.cwd, options.env);
  const { topLevel } = await repositoryInfo(context);
  const top = createGitContext(topLevel, options.env);
  const detector = new LineDetector(settings.profiles);
  const findings: Finding[] = [];
  const skipped: SkippedFile[] = [];
  let filesScanned = 0;
  let linesScanned = 0;
  const entries = (await listIndex(top)).filter((entry) => {
    if (!settings.isIgnored(entry.path)) return true;
    skipped.push({ path: entry.path, reason: 'ignored' });
    return false;
  });
  const limit = Math.min(BLOB_LIMIT, settings.maxFileBytes ?? BLOB_LIMIT);
  await readIndexContents(top, entries, limit, (entry, content) => {
    if (content === undefined) {
      skipped.push({ path: entry.path, reason: 'too-large' });
      return;
    }
    const scanned = scanContent(detector, entry.path, content);
    if (scanned.binary) {
      skipped.push({ path: entry.path, reason: 'binary' });
      return;
    }
    filesScanned += 1;
    linesScanned += scanned.lines;
    for (const finding of scanned.findings) if (!settings.isAllowed(finding)) findings.push(finding);
  });
  return { findings, skipped, filesScanned, linesScanned, topLevel };
}
