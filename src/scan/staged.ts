/**
 * The pre-commit scan: staged diff -> added lines -> detectors -> findings.
 */
import { LineDetector } from '../detect/engine.js';
import { fileContext, type FileContext } from '../detect/file-context.js';
import { INTERCOM_PROFILES } from '../detect/profiles/intercom.js';
import { allowsNextLine, allowsThisLine } from '../detect/suppressions.js';
import type { Finding } from '../detect/types.js';
import { createGitContext, repositoryInfo } from '../git/git.js';
import type { DiffFile, DiffSink } from '../git/parse-diff.js';
import { readStagedChange } from '../git/staged-diff.js';
import type { ScanResult, SkippedFile } from './result.js';
import { isGuardError } from '../errors.js';

export interface StagedScanOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Limit the scan to these paths (what lint-staged passes). */
  readonly paths?: readonly string[];
}

/** Collects findings file by file; a file that turns out binary is dropped whole. */
class FindingCollector implements DiffSink {
  readonly findings: Finding[] = [];
  readonly skipped: SkippedFile[] = [];
  filesScanned = 0;
  linesScanned = 0;
  private readonly detector: LineDetector;
  private current: DiffFile | undefined;
  private context: FileContext | undefined;
  private pending: Finding[] = [];
  private pendingLines = 0;
  private binary = false;
  private allowNext = false;
  private previousLine = 0;

  constructor(detector: LineDetector) {
    this.detector = detector;
  }

  addedLine(file: DiffFile, lineNumber: number, text: string): void {
    if (file !== this.current) {
      this.current = file;
      this.context = fileContext(file.path);
    }
    if (this.binary) return;
    if (text.includes('\0')) {
      this.binary = true;
      this.pending = [];
      return;
    }
    this.pendingLines += 1;
    // "pragma: allowlist nextline secret" covers the line right after it.
    const allowedByPrevious = this.allowNext && this.previousLine === lineNumber - 1;
    this.allowNext = allowsNextLine(text);
    this.previousLine = lineNumber;
    if (allowedByPrevious || allowsThisLine(text)) return;
    const found = this.detector.scanLine(text, { path: file.path, line: lineNumber }, this.context!);
    if (found.length > 0) this.pending.push(...found);
  }

  endFile(file: DiffFile): void {
    if (this.binary || file.gitSaysBinary) {
      this.skipped.push({ path: file.path, reason: 'binary' });
    } else if (this.pendingLines > 0) {
      this.filesScanned += 1;
      this.linesScanned += this.pendingLines;
      this.findings.push(...this.pending);
    }
    this.current = undefined;
    this.context = undefined;
    this.pending = [];
    this.pendingLines = 0;
    this.binary = false;
    this.allowNext = false;
    this.previousLine = 0;
  }
}

export async function scanStaged(options: StagedScanOptions = {}): Promise<ScanResult> {
  const context = createGitContext(options.cwd ?? process.cwd(), options.env ?? process.env);
  const collector = new FindingCollector(new LineDetector(INTERCOM_PROFILES));
  // Both run at once: the diff does not wait for the repository check.
  const [repository, diff] = await Promise.allSettled([
    repositoryInfo(context),
    readStagedChange(context, collector, options.paths ?? []),
  ]);
  throwFirstFailure(repository, diff);
  return {
    findings: collector.findings,
    skipped: collector.skipped,
    filesScanned: collector.filesScanned,
    linesScanned: collector.linesScanned,
  };
}

/** "git missing" explains everything else; then "not a repository"; then the diff's own error. */
function throwFirstFailure(repository: PromiseSettledResult<unknown>, diff: PromiseSettledResult<unknown>): void {
  if (diff.status === 'rejected' && isGuardError(diff.reason) && diff.reason.kind === 'git-missing') throw diff.reason;
  if (repository.status === 'rejected') throw repository.reason;
  if (diff.status === 'rejected') throw diff.reason;
}
