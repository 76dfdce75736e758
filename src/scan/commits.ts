/**
 * Scans commits instead of the index: a range (pre-push hooks, pull-request
 * CI), or the whole history (audits). Each finding names its commit; commit
 * messages are scanned too.
 */
import { EMPTY_BASELINE, type Baseline } from '../baseline.js';
import { DEFAULT_SETTINGS, type ScanSettings } from '../config/resolve.js';
import { LineDetector } from '../detect/engine.js';
import type { Finding } from '../detect/types.js';
import { GuardError, isGuardError } from '../errors.js';
import { createGitContext, isPartialClone } from '../git/git.js';
import { messages } from '../messages.js';
import { readCommits, type CommitSelection } from '../git/log-diff.js';
import { FindingCollector, finishDiffScan } from './diff-collector.js';
import { applyPolicy } from './policy.js';
import type { ScanResult } from './result.js';

export interface CommitScanOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** What to walk: a range ["A..B"], every ref ({ all: true }), or [tip, ^exclusions...]. */
  readonly selection: CommitSelection;
  readonly settings?: ScanSettings;
  readonly baseline?: Baseline;
  /** Called after each commit with the number done so far and the findings so far. */
  readonly onCommit?: (done: number, findings: number) => void;
}

export async function scanCommits(options: CommitScanOptions): Promise<ScanResult> {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  // git log works anywhere in a repository, bare ones included; paths come out relative to the top.
  const context = createGitContext(options.cwd, options.env);
  const detector = new LineDetector(settings.profiles);
  const collector = new FindingCollector(detector, settings, options.onCommit);
  try {
    await readCommits(context, options.selection, collector);
  } catch (error) {
    // We never fetch: in a partial clone, say why objects are missing and what to do.
    if (isGuardError(error) && error.kind === 'git-failed' && (await isPartialClone(context))) {
      throw new GuardError('git-failed', messages.partialClone(error.message), { cause: error });
    }
    throw error;
  }
  options.onCommit?.(collector.commitsSeen, collector.findingCount());
  const findings: Finding[] = await finishDiffScan(context, detector, collector);
  return {
    findings: applyPolicy(dedupe(findings), settings, options.baseline ?? EMPTY_BASELINE),
    skipped: collector.skipped,
    filesScanned: collector.filesScanned,
    linesScanned: collector.linesScanned,
  };
}

/** The same secret added at the same place by the same commit is one finding (pre-push ranges can overlap). */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.commit}\0${finding.path}\0${finding.line}\0${finding.column}\0${finding.fingerprint}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
