/**
 * The pre-commit scan: staged diff -> added lines -> detectors -> findings.
 *
 * Most of the work happens while git's output streams past. A few things
 * need a whole file and are done after, only for the files that need them:
 * the parent keys of a generic name in YAML/JSON/INI, the text of UTF-16
 * files, and whether HEAD already held a token that the change re-adds.
 */
import { LineDetector, type DeferredFinding } from '../detect/engine.js';
import { fileContext, type FileContext } from '../detect/file-context.js';
import { beneathIntercomKey } from '../detect/structure.js';
import { LineScanner } from './line-scanner.js';
import { decodeUtf16, detectUtf16, looksLikeUtf16Line } from '../detect/text-encoding.js';
import { withChanges, type Finding } from '../detect/types.js';
import { EMPTY_BASELINE, type Baseline } from '../baseline.js';
import { DEFAULT_SETTINGS, type ScanSettings } from '../config/resolve.js';
import { applyPolicy } from './policy.js';
import { isGuardError } from '../errors.js';
import { createGitContext, readBlob, repositoryInfo, type GitContext } from '../git/git.js';
import type { DiffFile, DiffSink } from '../git/parse-diff.js';
import { readStagedChange } from '../git/staged-diff.js';
import type { ScanResult, SkippedFile } from './result.js';

/** Largest file read whole for structure, UTF-16 decoding or the HEAD comparison. */
const WHOLE_FILE_LIMIT = 32 * 1024 * 1024;

export interface StagedScanOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Limit the scan to these paths (what lint-staged passes). */
  readonly paths?: readonly string[];
  readonly settings?: ScanSettings;
  readonly baseline?: Baseline;
}

interface FileOutcome {
  readonly file: DiffFile;
  readonly context: FileContext;
  readonly findings: Finding[];
  readonly deferred: DeferredFinding[];
  /** The decoded text of a UTF-16 file. */
  readonly utf16Text?: string;
}

/** Collects findings file by file; a file that turns out binary is dropped whole (or decoded, if UTF-16). */
class FindingCollector implements DiffSink {
  readonly outcomes: FileOutcome[] = [];
  readonly utf16Candidates: DiffFile[] = [];
  readonly skipped: SkippedFile[] = [];
  filesScanned = 0;
  linesScanned = 0;
  private current: { file: DiffFile; context: FileContext; scanner: LineScanner; findings: Finding[]; deferred: DeferredFinding[] } | undefined;
  private lines = 0;
  private bytes = 0;
  private binary = false;
  private utf16 = false;
  private dropped: SkippedFile['reason'] | undefined;

  constructor(
    private readonly detector: LineDetector,
    private readonly settings: ScanSettings,
  ) {}

  addedLine(file: DiffFile, lineNumber: number, text: string): void {
    if (this.current?.file !== file) {
      if (this.settings.isIgnored(file.path)) this.dropped = 'ignored';
      const context = fileContext(file.path);
      const findings: Finding[] = [];
      const deferred: DeferredFinding[] = [];
      this.current = { file, context, findings, deferred, scanner: new LineScanner(this.detector, context, findings, deferred) };
    }
    if (this.binary || this.dropped) return;
    this.bytes += text.length + 1;
    if (this.settings.maxFileBytes !== undefined && this.bytes > this.settings.maxFileBytes) {
      this.dropped = 'too-large';
      return;
    }
    if (text.includes('\0')) {
      this.binary = true;
      this.utf16 = looksLikeUtf16Line(text);
      return;
    }
    this.lines += 1;
    this.current.scanner.line(lineNumber, text);
  }

  endFile(file: DiffFile): void {
    if (this.dropped) {
      this.skipped.push({ path: file.path, reason: this.dropped });
    } else if (this.binary || file.gitSaysBinary) {
      if (this.utf16 && file.newBlob) this.utf16Candidates.push(file);
      else this.skipped.push({ path: file.path, reason: 'binary' });
    } else if (this.current?.file === file && this.lines > 0) {
      this.filesScanned += 1;
      this.linesScanned += this.lines;
      const { context, findings, deferred } = this.current;
      if (findings.length > 0 || deferred.length > 0) this.outcomes.push({ file, context, findings, deferred });
    }
    this.current = undefined;
    this.lines = 0;
    this.bytes = 0;
    this.binary = false;
    this.utf16 = false;
    this.dropped = undefined;
  }
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

  for (const file of collector.utf16Candidates) {
    const outcome = await scanUtf16File(context, detector, file);
    if (outcome === undefined) {
      collector.skipped.push({ path: file.path, reason: 'binary' });
    } else {
      collector.filesScanned += 1;
      collector.linesScanned += outcome.lines;
      if (outcome.findings.length > 0 || outcome.deferred.length > 0) collector.outcomes.push(outcome);
    }
  }

  const findings: Finding[] = [];
  for (const outcome of collector.outcomes) {
    findings.push(...outcome.findings, ...(await resolveDeferred(context, outcome)));
  }
  const marked = await markAlreadyCommitted(context, collector.outcomes, findings);
  return {
    findings: applyPolicy(marked, settings, options.baseline ?? EMPTY_BASELINE),
    skipped: collector.skipped,
    filesScanned: collector.filesScanned,
    linesScanned: collector.linesScanned,
  };
}

/** Findings that hold only beneath an intercom key: check them against the staged file. */
async function resolveDeferred(context: GitContext, outcome: FileOutcome): Promise<Finding[]> {
  const { deferred, file } = outcome;
  const structure = outcome.context.structure;
  if (deferred.length === 0 || structure === undefined || !file.newBlob) return [];
  let text = outcome.utf16Text;
  if (text === undefined) {
    const blob = await readBlob(context, file.newBlob, WHOLE_FILE_LIMIT);
    // Too large to read whole: keep the finding rather than let a secret through unexamined.
    if (blob === undefined) return deferred.map((entry) => entry.finding);
    text = blob.toString('utf8');
  }
  const content = text;
  return deferred
    .filter((entry) => beneathIntercomKey(content, structure, entry.finding.line, entry.finding.secret))
    .map((entry) => entry.finding);
}

/**
 * A UTF-16 file: decode the staged and the committed versions and scan the
 * lines the change adds (lines of the new text not in the old one).
 */
async function scanUtf16File(
  context: GitContext,
  detector: LineDetector,
  file: DiffFile,
): Promise<(FileOutcome & { lines: number }) | undefined> {
  const blob = file.newBlob ? await readBlob(context, file.newBlob, WHOLE_FILE_LIMIT) : undefined;
  if (blob === undefined) return undefined;
  const encoding = detectUtf16(blob);
  if (encoding === undefined) return undefined;
  const text = decodeUtf16(blob, encoding);
  const oldBlob = file.oldBlob ? await readBlob(context, file.oldBlob, WHOLE_FILE_LIMIT) : Buffer.alloc(0);
  const oldEncoding = oldBlob ? detectUtf16(oldBlob) : undefined;
  const oldLines = new Map<string, number>();
  if (oldBlob && oldEncoding) {
    for (const line of decodeUtf16(oldBlob, oldEncoding).split('\n')) oldLines.set(line, (oldLines.get(line) ?? 0) + 1);
  }
  const fileCtx = fileContext(file.path);
  const findings: Finding[] = [];
  const deferred: DeferredFinding[] = [];
  const scanner = new LineScanner(detector, fileCtx, findings, deferred);
  let lines = 0;
  text.split('\n').forEach((line, index) => {
    const seen = oldLines.get(line) ?? 0;
    if (seen > 0) {
      oldLines.set(line, seen - 1);
      return;
    }
    lines += 1;
    scanner.line(index + 1, line);
  });
  return { file, context: fileCtx, findings, deferred, lines, utf16Text: text };
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
