/**
 * Turns a streamed diff (the staged change, or the commits of a range) into
 * findings. Most of the work happens while git's output streams past; a few
 * things need a whole file and are done after, only for the files that need
 * them: the parent keys of a generic name in YAML/JSON/INI, and the text of
 * UTF-16 files.
 */
import type { DeferredFinding, LineDetector } from '../detect/engine.js';
import { fileContext, type FileContext } from '../detect/file-context.js';
import { resolveDeferred as settle, unresolvedFindings } from '../detect/deferred.js';
import { decodeUtf16, detectUtf16, looksLikeUtf16Line } from '../detect/text-encoding.js';
import type { Finding } from '../detect/types.js';
import type { ScanSettings } from '../config/resolve.js';
import { readBlobs, type GitContext } from '../git/git.js';
import type { AddedBlock, DiffFile, DiffSink } from '../git/parse-diff.js';
import { LineScanner } from './line-scanner.js';
import type { SkippedFile } from './result.js';

/** Largest file read whole for structure, UTF-16 decoding or the HEAD comparison. */
export const WHOLE_FILE_LIMIT = 32 * 1024 * 1024;

/** The path findings in commit messages carry. */
export const COMMIT_MESSAGE_PATH = '(commit message)';

export interface FileOutcome {
  readonly file: DiffFile;
  readonly context: FileContext;
  readonly findings: Finding[];
  readonly deferred: DeferredFinding[];
  readonly commit?: string | undefined;
  /** The decoded text of a UTF-16 file. */
  readonly utf16Text?: string;
}

/** Collects findings file by file; a file that turns out binary is dropped whole (or decoded, if UTF-16). */
export class FindingCollector implements DiffSink {
  readonly outcomes: FileOutcome[] = [];
  readonly utf16Candidates: { file: DiffFile; commit: string | undefined }[] = [];
  readonly skipped: SkippedFile[] = [];
  filesScanned = 0;
  linesScanned = 0;
  private current: { file: DiffFile; context: FileContext; scanner: LineScanner; findings: Finding[]; deferred: DeferredFinding[] } | undefined;
  private lines = 0;
  private bytes = 0;
  private binary = false;
  private utf16 = false;
  private dropped: SkippedFile['reason'] | undefined;
  private commitId: string | undefined;
  private messageScanner: LineScanner | undefined;
  private readonly messageFindings: Finding[] = [];

  /** Commits started so far (range and history scans). */
  commitsSeen = 0;

  constructor(
    private readonly detector: LineDetector,
    private readonly settings: ScanSettings,
    /** Called as each commit after the first starts: commits done, findings so far. */
    private readonly onProgress?: (done: number, findings: number) => void,
  ) {}

  private enter(file: DiffFile): NonNullable<FindingCollector['current']> {
    if (this.current?.file !== file) {
      if (this.settings.isIgnored(file.path)) this.dropped = 'ignored';
      const context = fileContext(file.path);
      const findings: Finding[] = [];
      const deferred: DeferredFinding[] = [];
      this.current = { file, context, findings, deferred, scanner: new LineScanner(this.detector, context, findings, deferred, this.commitId) };
    }
    return this.current;
  }

  addedBlock(file: DiffFile, firstLine: number, block: AddedBlock): void {
    const current = this.enter(file);
    if (this.binary || this.dropped) return;
    const size = block.end - block.start;
    // latin1: one character per byte, so offsets are byte offsets. A slice of the
    // chunk's string shares its characters. Lines that need a closer look are
    // decoded as UTF-8 one by one.
    const text = block.text.slice(block.start, block.end);
    if (text.includes('\0') || (this.settings.maxFileBytes !== undefined && this.bytes + size > this.settings.maxFileBytes)) {
      // The rare cases decided line by line: binary content, the size limit.
      for (let i = 0; i < block.count; i++) {
        const lineStart = block.lineStarts[i]!;
        const lineEnd = i + 1 < block.count ? block.lineStarts[i + 1]! - 1 : block.end - 1;
        this.addedLine(file, firstLine + i, block.bytes.toString('utf8', lineStart + 1, lineEnd));
      }
      return;
    }
    this.bytes += size - block.count;
    this.lines += block.count;
    current.scanner.block(firstLine, text, block);
  }

  addedLine(file: DiffFile, lineNumber: number, text: string): void {
    const current = this.enter(file);
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
    current.scanner.line(lineNumber, text);
  }

  /** A new commit starts (range and history scans). */
  commit(id: string): void {
    if (this.commitsSeen > 0) this.onProgress?.(this.commitsSeen, this.findingCount());
    this.commitsSeen += 1;
    this.commitId = id;
    this.messageScanner = new LineScanner(this.detector, fileContext(COMMIT_MESSAGE_PATH), this.messageFindings, [], id);
  }

  /** A line of the current commit's message. */
  messageLine(lineNumber: number, text: string): void {
    this.messageScanner?.line(lineNumber, text);
  }

  /** Findings in commit messages. */
  get messages(): readonly Finding[] {
    return this.messageFindings;
  }

  /** Findings so far (for progress), before parent-key checks. */
  findingCount(): number {
    return this.messageFindings.length + this.outcomes.reduce((sum, outcome) => sum + outcome.findings.length, 0);
  }

  endFile(file: DiffFile): void {
    if (this.dropped) {
      this.skipped.push({ path: file.path, reason: this.dropped });
    } else if (this.binary || file.gitSaysBinary) {
      if (this.utf16 && file.newBlob) this.utf16Candidates.push({ file, commit: this.commitId });
      else this.skipped.push({ path: file.path, reason: 'binary' });
    } else if (this.current?.file === file && this.lines > 0) {
      this.filesScanned += 1;
      this.linesScanned += this.lines;
      const { context, findings, scanner } = this.current;
      // A "value" field is a named secret only under a name that says intercom, which the
      // change must then mention: without it, no need to read the file again.
      const deferred = scanner.sawIntercom ? this.current.deferred : this.current.deferred.filter((entry) => entry.check !== 'named-parent');
      if (findings.length > 0 || deferred.length > 0) this.outcomes.push({ file, context, findings, deferred, commit: this.commitId });
    }
    this.current = undefined;
    this.lines = 0;
    this.bytes = 0;
    this.binary = false;
    this.utf16 = false;
    this.dropped = undefined;
  }
}


/**
 * Decodes UTF-16 candidates and resolves parent-key findings once the diff
 * has been read. All the blobs this needs come from one `git cat-file --batch`
 * (two at most: UTF-16 files first, then the files with parent-key findings).
 */
export async function finishDiffScan(context: GitContext, detector: LineDetector, collector: FindingCollector): Promise<Finding[]> {
  if (collector.utf16Candidates.length > 0) {
    const ids = collector.utf16Candidates.flatMap(({ file }) => [file.newBlob ?? '', file.oldBlob ?? '']).filter(Boolean);
    const blobs = await readBlobs(context, ids, WHOLE_FILE_LIMIT);
    for (const { file, commit } of collector.utf16Candidates) {
      const outcome = scanUtf16File(detector, file, commit, blobs);
      if (outcome === undefined) {
        collector.skipped.push({ path: file.path, reason: 'binary' });
      } else {
        collector.filesScanned += 1;
        collector.linesScanned += outcome.lines;
        if (outcome.findings.length > 0 || outcome.deferred.length > 0) collector.outcomes.push(outcome);
      }
    }
  }
  const needing = collector.outcomes.filter((outcome) => outcome.deferred.length > 0 && outcome.utf16Text === undefined && outcome.file.newBlob);
  const blobs = needing.length > 0 ? await readBlobs(context, needing.map((outcome) => outcome.file.newBlob!), WHOLE_FILE_LIMIT) : new Map<string, Buffer | undefined>();
  const findings: Finding[] = [...collector.messages];
  for (const outcome of collector.outcomes) findings.push(...outcome.findings, ...resolveDeferred(outcome, blobs));
  return findings;
}

/** Findings that hold only beneath an intercom key (or a named parent): check them against the staged file. */
function resolveDeferred(outcome: FileOutcome, blobs: ReadonlyMap<string, Buffer | undefined>): Finding[] {
  const { deferred, file } = outcome;
  const structure = outcome.context.structure;
  if (deferred.length === 0 || structure === undefined || !file.newBlob) return [];
  let text = outcome.utf16Text;
  if (text === undefined) {
    const blob = blobs.get(file.newBlob);
    // Too large to read whole (or missing): keep what could be a secret rather than let it through unexamined.
    if (blob === undefined) return unresolvedFindings(deferred);
    text = blob.toString('utf8');
  }
  return settle(text, structure, deferred);
}

/**
 * A UTF-16 file: decode the staged and the committed versions and scan the
 * lines the change adds (lines of the new text not in the old one).
 */
function scanUtf16File(
  detector: LineDetector,
  file: DiffFile,
  commit: string | undefined,
  blobs: ReadonlyMap<string, Buffer | undefined>,
): (FileOutcome & { lines: number }) | undefined {
  const blob = file.newBlob ? blobs.get(file.newBlob) : undefined;
  if (blob === undefined) return undefined;
  const encoding = detectUtf16(blob);
  if (encoding === undefined) return undefined;
  const text = decodeUtf16(blob, encoding);
  const oldBlob = file.oldBlob ? blobs.get(file.oldBlob) : undefined;
  const oldEncoding = oldBlob ? detectUtf16(oldBlob) : undefined;
  const oldLines = new Map<string, number>();
  if (oldBlob && oldEncoding) {
    for (const line of decodeUtf16(oldBlob, oldEncoding).split('\n')) oldLines.set(line, (oldLines.get(line) ?? 0) + 1);
  }
  const fileCtx = fileContext(file.path);
  const findings: Finding[] = [];
  const deferred: DeferredFinding[] = [];
  const scanner = new LineScanner(detector, fileCtx, findings, deferred, commit);
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
  return { file, context: fileCtx, findings, deferred, lines, utf16Text: text, commit };
}
