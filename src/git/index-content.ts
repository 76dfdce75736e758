/**
 * Every file the index tracks, with its staged content: `git ls-files -s`
 * for the list, one `git cat-file --batch` for all contents, so thousands of
 * files cost two git processes.
 */
import { runGit, streamGitOutput, type GitContext } from './git.js';

export interface IndexEntry {
  readonly mode: string;
  readonly objectId: string;
  readonly path: string;
}

export async function listIndex(context: GitContext): Promise<IndexEntry[]> {
  const output = await runGit(context, ['ls-files', '-s', '-z']);
  const entries: IndexEntry[] = [];
  for (const record of output.split('\0')) {
    // "<mode> <id> <stage>\t<path>"
    const match = /^(\d+) ([0-9a-f]+) (\d)\t([\s\S]*)$/.exec(record);
    if (!match) continue;
    const [, mode, objectId, stage, path] = match;
    // Regular files only: gitlinks are other repositories, symlinks hold a path; one stage per path.
    if ((mode === '100644' || mode === '100755') && (stage === '0' || stage === '2')) {
      entries.push({ mode: mode!, objectId: objectId!, path: path! });
    }
  }
  return entries;
}

/**
 * Streams the contents of `entries` to `onBlob`, one whole blob at a time.
 * Blobs larger than `maxBytes` are reported with `content` undefined.
 */
export async function readIndexContents(
  context: GitContext,
  entries: readonly IndexEntry[],
  maxBytes: number,
  onBlob: (entry: IndexEntry, content: Buffer | undefined) => void,
): Promise<void> {
  if (entries.length === 0) return;
  let index = 0;
  let pending: Buffer = Buffer.alloc(0);
  let body: Buffer[] = [];
  let remaining = -1; // bytes of the current blob still to come (+1 for its newline); -1: expecting a header
  let collected = 0;
  let keep = true;
  const feed = (chunk: Buffer) => {
    let data: Buffer = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    pending = Buffer.alloc(0);
    while (data.length > 0) {
      if (remaining < 0) {
        const newline = data.indexOf(0x0a);
        if (newline === -1) {
          pending = data;
          return;
        }
        const header = data.toString('utf8', 0, newline);
        data = data.subarray(newline + 1);
        const size = /^[0-9a-f]+ blob (\d+)$/.exec(header);
        if (!size) {
          // "<id> missing": the object is not here (a partial clone); report it as unreadable.
          onBlob(entries[index++]!, undefined);
          continue;
        }
        remaining = Number(size[1]) + 1;
        keep = Number(size[1]) <= maxBytes;
        body = [];
        collected = 0;
      }
      const take = Math.min(remaining, data.length);
      if (keep) body.push(data.subarray(0, take));
      collected += take;
      remaining -= take;
      data = data.subarray(take);
      if (remaining === 0) {
        const content = keep ? Buffer.concat(body).subarray(0, collected - 1) : undefined;
        onBlob(entries[index++]!, content);
        remaining = -1;
        body = [];
      }
    }
  };
  await streamGitOutput(context, ['cat-file', '--batch'], feed, entries.map((entry) => `${entry.objectId}\n`).join(''));
}
