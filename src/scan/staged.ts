/**
 * The pre-commit scan: staged diff -> added lines -> detectors -> findings.
 * Beyond the shared diff handling, it knows one thing of its own: whether
 * HEAD already held a token that the change re-adds.
 */
import { EMPTY_BASELINE, type Baseline } from '../baseline.js';
import { DEFAULT_SETTINGS, type ScanSettings } from '../config/resolve.js';
import { LineDetector } from '../detect/engine.js';
import { decodeUtf16, detectUtf16 } from '../detect/text-encoding.js';
import { withChanges, type Finding } from '../detect/types.js';
import { GuardError } from '../errors.js';
import { messages } from '../messages.js';
import { findTopLevel } from '../config/load.js';
import { createGitContext, NULL_OBJECT_ID, readBlobs, type GitContext, type GitProcess } from '../git/git.js';
import { readStagedChange } from '../git/staged-diff.js';
import { FindingCollector, finishDiffScan, WHOLE_FILE_LIMIT, type FileOutcome } from './diff-collector.js';
import { applyPolicy } from './policy.js';
import type { ScanResult } from './result.js';

export interface StagedScanOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Limit the scan to these paths (what lint-staged passes). */
  readonly paths?: readonly string[];
  readonly settings?: ScanSettings;
  readonly baseline?: Baseline;
  /** The diff, when the caller started it early (see commands/hook-start.ts). */
  readonly started?: GitProcess;
}

export async function scanStaged(options: StagedScanOptions = {}): Promise<ScanResult> {
  const context = createGitContext(options.cwd ?? process.cwd(), options.env ?? process.env);
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const detector = new LineDetector(settings.profiles);
  const collector = new FindingCollector(detector, settings);
  // Outside any repository say so plainly; anything else git itself reports (bare
  // repositories, dubious ownership) comes back as git's own error line.
  if (findTopLevel(context.cwd, options.env ?? process.env) === undefined && !(options.env ?? process.env).GIT_DIR) {
    throw new GuardError('not-a-repository', messages.notARepository(context.cwd, ''));
  }
  await readStagedChange(context, collector, options.paths ?? [], options.started);
  const findings = await finishDiffScan(context, detector, collector);
  const marked = await markAlreadyCommitted(context, collector.outcomes, findings);
  return {
    findings: applyPolicy(marked, settings, options.baseline ?? EMPTY_BASELINE),
    skipped: collector.skipped,
    filesScanned: collector.filesScanned,
    linesScanned: collector.linesScanned,
  };
}

/**
 * A token HEAD already holds in the same file, re-added by an edit of its
 * line, is not new: blocking would not keep it out of the history. It is
 * reported as already committed (revoke it) and does not block.
 */
async function markAlreadyCommitted(context: GitContext, outcomes: readonly FileOutcome[], findings: Finding[]): Promise<Finding[]> {
  const byPath = new Map(outcomes.map((outcome) => [outcome.file.path, outcome.file]));
  const oldIds = [...new Set(findings.map((finding) => byPath.get(finding.path)?.oldBlob).filter((id): id is string => id !== undefined && !NULL_OBJECT_ID.test(id)))];
  if (oldIds.length === 0) return findings;
  const blobs = await readBlobs(context, oldIds, WHOLE_FILE_LIMIT);
  const oldTexts = new Map<string, string | undefined>();
  const textOf = (id: string) => {
    if (!oldTexts.has(id)) {
      const blob = blobs.get(id);
      const encoding = blob ? detectUtf16(blob) : undefined;
      oldTexts.set(id, blob && (encoding ? decodeUtf16(blob, encoding) : blob.toString('utf8')));
    }
    return oldTexts.get(id);
  };
  return findings.map((finding) => {
    const id = byPath.get(finding.path)?.oldBlob;
    const oldText = id === undefined || NULL_OBJECT_ID.test(id) ? undefined : textOf(id);
    return oldText !== undefined && oldText.includes(finding.secret) ? withChanges(finding, { warning: 'already-committed' }) : finding;
  });
}
