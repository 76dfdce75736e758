/**
 * A streaming parser for the output of `git diff -U0` run with the flags in
 * `diff-args.ts`. It walks hunks by their line counts rather than guessing
 * from prefixes, so a content line that happens to start with "diff --git"
 * or "@@" is never mistaken for a header. Malformed input is an error, never
 * a silent skip: a scanner that misreads its input would let secrets through.
 */
import { GuardError } from '../errors.js';
import { messages } from '../messages.js';
import { decodeHeaderPath, unquoteCPath } from './unquote-path.js';

export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied';

/** One file of the diff, filled in as its header is read. */
export interface DiffFile {
  /** Path in the new tree (for a deletion, the old path). */
  path: string;
  /** Path in the old tree when it differs (renames and copies). */
  oldPath?: string;
  status: FileStatus;
  /** A gitlink (submodule commit): its content is not ours to scan. */
  submodule: boolean;
  /** git said "Binary files ... differ" (only without --text). */
  gitSaysBinary: boolean;
  /** Object ids of the old and new blobs from the `index` line (full with --full-index). */
  oldBlob?: string;
  newBlob?: string;
}

export interface DiffSink {
  /** An added line: its text without the leading "+" and without the newline. */
  addedLine(file: DiffFile, lineNumber: number, text: string): void;
  /** Called once per file, after its last line. */
  endFile(file: DiffFile): void;
  /**
   * Optional fast path: several added lines at once, the first at `firstLine`.
   * `block.bytes` holds the raw diff lines ("+text\n" each) from `block.start`
   * to `block.end`; `block.lineStarts[i]` is where line i starts. A sink
   * without it gets addedLine() for each line.
   */
  addedBlock?(file: DiffFile, firstLine: number, block: AddedBlock): void;
  /** With `git log` output: a commit starts (see COMMIT_MARKER). */
  commit?(id: string): void;
  /** With `git log` output: a line of the commit's message. */
  messageLine?(lineNumber: number, text: string): void;
}

/** A run of added lines still in the pipe's buffer (valid only during the call). */
export interface AddedBlock {
  readonly bytes: Buffer;
  /** All of `bytes` as latin1 (one character per byte, so offsets agree). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly count: number;
  /** Offsets in `bytes` where each line (its "+") starts; `count` entries. */
  readonly lineStarts: Int32Array;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
// Combined diffs of merges (--cc): one "-a,b" per parent.
const COMBINED_HUNK_HEADER = /^(@{3,}) ((?:-\d+(?:,\d+)? )+)\+(\d+)(?:,(\d+))? @{3,}/;

/**
 * `git log --format` that streams each commit as a marker line and its
 * message, every message line indented by one space so it can never be
 * mistaken for a diff header.
 */
export const COMMIT_MARKER = '\u0001';
export const LOG_FORMAT = '--format=%x01%H%n%w(0,1,1)%B';

export class DiffParser {
  private readonly sink: DiffSink;
  private carry: Buffer[] = [];
  private file: DiffFile | undefined;
  private inHeader = false;
  private oldLeft = 0;
  private newLeft = 0;
  private nextLine = 0;
  private lineCount = 0;
  /** Lines left per parent in a combined (merge) hunk; empty outside one. */
  private parentsLeft: number[] = [];
  private inMessage = false;
  /** Reused between blocks: where each line of the current block starts. */
  private lineStarts = new Int32Array(4096);
  private messageLineNumber = 0;

  constructor(sink: DiffSink) {
    this.sink = sink;
  }

  /** Feeds the next piece of git's output. */
  push(chunk: Buffer): void {
    // One latin1 copy per chunk (a character per byte, so offsets agree): finding
    // newlines in a string is a V8 builtin, far cheaper per line than Buffer#indexOf.
    const text = chunk.toString('latin1');
    let start = 0;
    for (;;) {
      if (this.carry.length === 0 && this.newLeft > 1 && this.oldLeft === 0 && this.parentsLeft.length === 0) {
        start = this.bulkAdded(chunk, text, start);
      }
      const newline = text.indexOf('\n', start);
      if (newline === -1) {
        if (start < chunk.length) this.carry.push(chunk.subarray(start));
        return;
      }
      if (this.carry.length > 0) {
        this.carry.push(chunk.subarray(start, newline));
        const line = Buffer.concat(this.carry);
        this.carry = [];
        this.line(line, 0, line.length);
      } else {
        this.line(chunk, start, newline, text);
      }
      start = newline + 1;
    }
  }

  /**
   * In a hunk's run of added lines (-U0 prints removals first), hands every
   * complete "+" line of this chunk to the sink at once. Returns where it stopped.
   */
  private bulkAdded(chunk: Buffer, text: string, start: number): number {
    const file = this.file;
    if (file === undefined || file.submodule || this.sink.addedBlock === undefined) return start;
    let position = start;
    let count = 0;
    let lineStarts = this.lineStarts;
    const limit = this.newLeft;
    while (count < limit && text.charCodeAt(position) === 0x2b) {
      const newline = text.indexOf('\n', position);
      if (newline === -1) break;
      if (count === lineStarts.length) {
        const grown = new Int32Array(lineStarts.length * 2);
        grown.set(lineStarts);
        lineStarts = grown;
        this.lineStarts = grown;
      }
      lineStarts[count] = position;
      position = newline + 1;
      count += 1;
    }
    if (count < 2) return start;
    this.lineCount += count;
    this.sink.addedBlock(file, this.nextLine, { bytes: chunk, text, start, end: position, count, lineStarts });
    this.nextLine += count;
    this.newLeft -= count;
    return position;
  }

  /** Ends the input; throws if it stopped in the middle of a hunk. */
  end(): void {
    if (this.carry.length > 0) {
      const line = Buffer.concat(this.carry);
      this.carry = [];
      this.line(line, 0, line.length);
    }
    if (this.oldLeft > 0 || this.newLeft > 0 || this.parentsLeft.length > 0) this.fail('the output ended inside a hunk');
    this.closeFile();
  }

  /** `latin1`, when given, is `buffer` as latin1 (the chunk's string). */
  private line(buffer: Buffer, start: number, end: number, latin1?: string): void {
    this.lineCount += 1;
    if (this.parentsLeft.length > 0) {
      this.combinedHunkLine(buffer, start, end);
      return;
    }
    if (this.oldLeft > 0 || this.newLeft > 0) {
      this.hunkLine(buffer, start, end, latin1);
      return;
    }
    const text = decodeUtf8(buffer, start, end, latin1);
    if (text.startsWith(COMMIT_MARKER) && this.sink.commit) {
      this.closeFile();
      this.sink.commit(text.slice(1));
      this.inMessage = true;
      this.messageLineNumber = 0;
      return;
    }
    if (this.inMessage && !text.startsWith('diff --')) {
      // " text" (indented by the log format) or an empty line of the message.
      this.messageLineNumber += 1;
      if (text.length > 1) this.sink.messageLine?.(this.messageLineNumber, text.slice(1));
      return;
    }
    if (text.startsWith('diff --git ')) {
      this.closeFile();
      this.inMessage = false;
      this.file = fileFromDiffLine(text.slice('diff --git '.length));
      this.inHeader = true;
      return;
    }
    if (text.startsWith('diff --cc ') || text.startsWith('diff --combined ')) {
      this.closeFile();
      this.inMessage = false;
      const rest = text.slice(text.indexOf(' ', 5) + 1);
      this.file = { path: decodePlainPath(rest) ?? rest, status: 'modified', submodule: false, gitSaysBinary: false };
      this.inHeader = true;
      return;
    }
    if (this.file === undefined) this.fail('expected "diff --git" at the start');
    const file = this.file!;
    if (text.startsWith('@@@')) {
      this.combinedHunkHeader(text);
      return;
    }
    if (text.startsWith('@@')) {
      this.hunkHeader(text);
      return;
    }
    if (text.startsWith('\\')) return; // "\ No newline at end of file"
    if (!this.inHeader) this.fail('unexpected line between hunks');
    this.headerLine(file, text);
  }

  private hunkHeader(text: string): void {
    const match = HUNK_HEADER.exec(text);
    if (!match) this.fail('unreadable hunk header');
    const [, , oldCount, newStart, newCount] = match!;
    this.oldLeft = oldCount === undefined ? 1 : Number(oldCount);
    this.newLeft = newCount === undefined ? 1 : Number(newCount);
    this.nextLine = Number(newStart);
    this.inHeader = false;
  }

  private combinedHunkHeader(text: string): void {
    const match = COMBINED_HUNK_HEADER.exec(text);
    if (!match) this.fail('unreadable combined hunk header');
    const [, ats, parents, newStart, newCount] = match!;
    const ranges = parents!.trim().split(' ');
    if (ranges.length !== ats!.length - 1) this.fail('combined hunk header with the wrong number of parents');
    this.parentsLeft = ranges.map((range) => {
      const count = range.split(',')[1];
      return count === undefined ? 1 : Number(count);
    });
    this.newLeft = newCount === undefined ? 1 : Number(newCount);
    this.nextLine = Number(newStart);
    this.inHeader = false;
    if (this.newLeft === 0 && this.parentsLeft.every((left) => left === 0)) this.parentsLeft = [];
  }

  /**
   * A line of a merge's combined diff: one column per parent. A line with a
   * "-" in any column is not in the result; a line with "+" in every column
   * is new beyond all parents (a conflict resolution), the only kind a merge
   * adds of its own.
   */
  private combinedHunkLine(buffer: Buffer, start: number, end: number): void {
    const parents = this.parentsLeft.length;
    if (buffer[start] === 0x5c) return; // "\ No newline at end of file"
    const prefix = buffer.toString('latin1', start, Math.min(end, start + parents)).padEnd(parents, ' ');
    if (!/^[-+ ]*$/.test(prefix)) this.fail('a combined hunk line without a +, - or space prefix');
    const inResult = !prefix.includes('-');
    for (let i = 0; i < parents; i++) {
      if (prefix[i] === '-' || (inResult && prefix[i] === ' ')) this.parentsLeft[i]! -= 1;
    }
    if (inResult) {
      this.newLeft -= 1;
      const file = this.file!;
      if (!prefix.includes(' ') && !file.submodule) {
        this.sink.addedLine(file, this.nextLine, buffer.toString('utf8', start + parents, end));
      }
      this.nextLine += 1;
    }
    if (this.newLeft < 0 || this.parentsLeft.some((left) => left < 0)) this.fail('more lines than the combined hunk header says');
    if (this.newLeft === 0 && this.parentsLeft.every((left) => left === 0)) this.parentsLeft = [];
  }

  private hunkLine(buffer: Buffer, start: number, end: number, latin1?: string): void {
    const first = start < end ? buffer[start] : undefined;
    switch (first) {
      case 0x2b: {
        // '+': an added line
        this.newLeft -= 1;
        if (this.newLeft < 0) this.fail('more added lines than the hunk header says');
        const file = this.file!;
        if (!file.submodule) this.sink.addedLine(file, this.nextLine, decodeUtf8(buffer, start + 1, end, latin1));
        this.nextLine += 1;
        return;
      }
      case 0x2d: // '-': a removed line, nothing to scan
        this.oldLeft -= 1;
        if (this.oldLeft < 0) this.fail('more removed lines than the hunk header says');
        return;
      case 0x5c: // '\': "\ No newline at end of file"
        return;
      case 0x20: // ' ': context (not produced with -U0, handled for robustness)
      case undefined: // an empty context line (diff.suppressBlankEmpty)
        this.oldLeft -= 1;
        this.newLeft -= 1;
        this.nextLine += 1;
        if (this.oldLeft < 0 || this.newLeft < 0) this.fail('more context lines than the hunk header says');
        return;
      default:
        this.fail('a hunk line without a +, - or space prefix');
    }
  }

  private headerLine(file: DiffFile, text: string): void {
    if (text.startsWith('+++ ')) {
      const rest = text.slice(4);
      if (rest === '/dev/null') return;
      const decoded = decodeHeaderPath(rest, 'b/');
      if (decoded === undefined) this.fail('unreadable path in "+++" line');
      file.path = decoded!;
    } else if (text.startsWith('--- ')) {
      const rest = text.slice(4);
      if (rest === '/dev/null') return;
      const decoded = decodeHeaderPath(rest, 'a/');
      if (decoded !== undefined && decoded !== file.path) file.oldPath = decoded;
    } else if (text.startsWith('new file mode ')) {
      file.status = 'added';
      if (text.endsWith(' 160000')) file.submodule = true;
    } else if (text.startsWith('deleted file mode ')) {
      file.status = 'deleted';
    } else if (text.startsWith('rename to ') || text.startsWith('copy to ')) {
      const isRename = text.startsWith('rename');
      const decoded = decodePlainPath(text.slice(isRename ? 10 : 8));
      if (decoded !== undefined) file.path = decoded;
      file.status = isRename ? 'renamed' : 'copied';
    } else if (text.startsWith('rename from ') || text.startsWith('copy from ')) {
      const decoded = decodePlainPath(text.slice(text.startsWith('rename') ? 12 : 10));
      if (decoded !== undefined) file.oldPath = decoded;
    } else if (text.startsWith('index ')) {
      // "index <old>..<new> [mode]", or "index <old1>,<old2>..<new>" in a merge's combined diff.
      const match = /^index ([0-9a-f]+)(?:,[0-9a-f]+)*\.\.([0-9a-f]+)(?: (\d+))?$/.exec(text);
      if (match) {
        file.oldBlob = match[1];
        file.newBlob = match[2];
        if (match[3] === '160000') file.submodule = true;
      }
    } else if (text.startsWith('new mode ') && text.endsWith(' 160000')) {
      file.submodule = true;
    } else if (text.startsWith('Binary files ') || text === 'GIT binary patch') {
      file.gitSaysBinary = true;
    }
    // Other extended headers (old mode, similarity index, ...) carry nothing we need.
  }

  private closeFile(): void {
    if (this.file !== undefined) this.sink.endFile(this.file);
    this.file = undefined;
    this.inHeader = false;
  }

  private fail(reason: string): never {
    throw new GuardError('diff-parse', messages.diffUnreadable(this.lineCount, reason));
  }
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * bytes[start, end) as UTF-8. Most lines are ASCII, and then the slice of the
 * chunk's latin1 string (when there is one) is the same text without decoding.
 */
export function decodeUtf8(bytes: Buffer, start: number, end: number, latin1: string | undefined): string {
  if (latin1 !== undefined) {
    const text = latin1.slice(start, end);
    if (!NON_ASCII.test(text)) return text;
  }
  return bytes.toString('utf8', start, end);
}

/** Paths in "rename to" lines are quoted like header paths but carry no a/ or b/ prefix. */
function decodePlainPath(text: string): string | undefined {
  return text.startsWith('"') ? unquoteCPath(text) : text;
}

/**
 * A first guess at the path from "diff --git a/X b/Y", overwritten by the
 * "+++" or "rename to" lines when they come. Without them (a mode change or
 * an unchanged rename) X and Y are the same path, which lets us split the line.
 */
function fileFromDiffLine(rest: string): DiffFile {
  let path = '';
  if (rest.startsWith('"')) {
    const close = findClosingQuote(rest);
    const second = rest.slice(close + 2);
    const decoded = second.startsWith('"') ? unquoteCPath(second) : second;
    if (decoded?.startsWith('b/')) path = decoded.slice(2);
  } else if (rest.length % 2 === 1) {
    const half = (rest.length - 1) / 2;
    const left = rest.slice(0, half);
    const right = rest.slice(half + 1);
    if (left.startsWith('a/') && right.startsWith('b/') && left.slice(2) === right.slice(2)) {
      path = right.slice(2);
    }
  }
  return { path, status: 'modified', submodule: false, gitSaysBinary: false };
}

function findClosingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return text.length;
}
