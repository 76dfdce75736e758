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
import { isGuardError } from '../errors.js';
import { createGitContext, readBlob, repositoryInfo, type GitContext } from '../git/git.js';
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
}

export async function scanStaged(options: StagedScanOptions = {}): Promise<ScanResult> {
  const context = createGitContext(options.cwd ?? process.cwd(), options.env ?? process.env);
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const detector = new LineDetector(settings.profiles);
  const collector = new FindingCollector(detector, settings);
  // Both run at once: the diff does not wait for the repository check.
  const [repository, diff] = await Promise.allSettled([
    repositoryInfo(context),
    readStagedChange(context, collector, options.paths ?? []),
  ]);
  throwFirstFailure(repository, diff);
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
  const oldTexts = new Map<string, string | undefined>();
  const result: Finding[] = [];
  for (const finding of findings) {
    const file = byPath.get(finding.path);
    let oldText: string | undefined;
    if (file?.oldBlob && !/^0+$/.test(file.oldBlob)) {
      if (!oldTexts.has(file.path)) {
        const blob = await readBlob(context, file.oldBlob, WHOLE_FILE_LIMIT);
        const encoding = blob ? detectUtf16(blob) : undefined;
        oldTexts.set(file.path, blob && (encoding ? decodeUtf16(blob, encoding) : blob.toString('utf8')));
      }
      oldText = oldTexts.get(file.path);
    }
    if (oldText !== undefined && oldText.includes(finding.secret)) {
      result.push(withChanges(finding, { warning: 'already-committed' }));
    } else {
      result.push(finding);
    }
  }
  return result;
}

/** "git missing" explains everything else; then "not a repository"; then the diff's own error. */
function throwFirstFailure(repository: PromiseSettledResult<unknown>, diff: PromiseSettledResult<unknown>): void {
  if (diff.status === 'rejected' && isGuardError(diff.reason) && diff.reason.kind === 'git-missing') throw diff.reason;
  if (repository.status === 'rejected') throw repository.reason;
  if (diff.status === 'rejected') throw diff.reason;
}
