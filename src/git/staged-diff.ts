/**
 * Reads the staged change: what `git commit` is about to record, i.e. the
 * index (or the temporary index git hands a hook for `commit -a` and
 * `commit <path>`) compared with HEAD, or with the empty tree before the
 * first commit.
 */
import { startGit, type GitContext, type GitProcess } from './process.js';
import { DiffParser, type DiffSink } from './parse-diff.js';

/**
 * Flags that pin git's output whatever the user's configuration says:
 * colour, prefixes (noprefix, mnemonicPrefix), diff.relative, external diff
 * drivers, textconv, "-diff" attributes and core.bigFileThreshold (--text
 * makes git print every file as text; we decide ourselves what is binary),
 * rename/copy detection (without diff.renameLimit), inter-hunk context and submodule formats.
 */
export const DIFF_FLAGS: readonly string[] = [
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--text',
  '-U0',
  '--inter-hunk-context=0',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--no-relative',
  '--full-index',
  '--find-renames',
  '--find-copies',
  // No rename limit: over git's (diff.renameLimit, default 1000) a moved and edited file
  // shows as deleted plus added, and every token it already held would look new.
  '-l0',
  '--diff-algorithm=myers',
  '--ignore-submodules=all',
  '--submodule=short',
];

export function stagedDiffArgs(paths: readonly string[] = []): string[] {
  const args = ['diff', '--cached', ...DIFF_FLAGS];
  // ":(literal)" so a file named "*.env" means that file, not a glob.
  if (paths.length > 0) args.push('--', ...paths.map((entry) => `:(literal)${entry}`));
  return args;
}

/** Starts the staged diff; its output waits for readStagedChange. */
export function startStagedDiff(context: GitContext, paths: readonly string[] = []): GitProcess {
  return startGit(context, stagedDiffArgs(paths));
}

/** Streams the staged diff (started here, or earlier by startStagedDiff) into `sink`, file by file, added line by added line. */
export async function readStagedChange(context: GitContext, sink: DiffSink, paths: readonly string[] = [], started?: GitProcess): Promise<void> {
  const parser = new DiffParser(sink);
  await (started ?? startStagedDiff(context, paths)).consume((chunk) => parser.push(chunk));
  parser.end();
}
