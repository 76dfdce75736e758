/**
 * Reads the changes of many commits in one streaming `git log -p`: what each
 * commit added (merges: only what they add beyond all parents, via --cc),
 * with its message. Memory stays bounded however long the history.
 */
import { DIFF_FLAGS } from './staged-diff.js';
import { runGit, streamGitOutput, type GitContext } from './git.js';
import { DiffParser, LOG_FORMAT, type DiffSink } from './parse-diff.js';

/** DIFF_FLAGS without the ones `git log` takes differently. */
const LOG_DIFF_FLAGS = DIFF_FLAGS.filter((flag) => flag !== '--find-copies');

/**
 * What to walk: `all` for every ref, and revisions (ranges, ids, ^excluded ids)
 * that come after --end-of-options, so none of them can be read as an option.
 */
export interface CommitSelection {
  readonly all?: boolean;
  readonly revisions: readonly string[];
}

export function logArgs(selection: CommitSelection): string[] {
  return [
    'log',
    '-p',
    '--cc',
    // The root commit's diff too, whatever log.showRoot says; no signatures or notes in the stream.
    '--root',
    '--no-show-signature',
    '--no-notes',
    '--encoding=UTF-8',
    LOG_FORMAT,
    ...LOG_DIFF_FLAGS,
    ...(selection.all ? ['--all'] : []),
    '--end-of-options',
    ...selection.revisions,
    '--',
  ];
}

/** Streams the commits selected by `revisions` (git rev-list syntax) into `sink`. */
export async function readCommits(context: GitContext, selection: CommitSelection, sink: DiffSink): Promise<void> {
  const parser = new DiffParser(sink);
  await streamGitOutput(context, logArgs(selection), (chunk) => parser.push(chunk));
  parser.end();
}

/** How many commits `revisions` selects (for the progress bar). */
export async function countCommits(context: GitContext, selection: CommitSelection): Promise<number> {
  const output = await runGit(context, ['rev-list', '--count', ...(selection.all ? ['--all'] : []), '--end-of-options', ...selection.revisions, '--']);
  return Number(output.trim()) || 0;
}

/** Whether `id` names a commit this repository has (an unfetched remote tip does not). */
export async function hasCommit(context: GitContext, id: string): Promise<boolean> {
  const output = await runGit(context, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${id}^{commit}`]);
  return output.trim().length > 0;
}

/** The commits the remote-tracking refs of `remote` point at: what that remote already has. */
export async function remoteTips(context: GitContext, remote: string): Promise<string[]> {
  const output = await runGit(context, ['for-each-ref', '--format=%(objectname)', `refs/remotes/${remote}/`]);
  return output.split('\n').filter((line) => /^[0-9a-f]+$/.test(line));
}
