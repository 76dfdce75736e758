/**
 * The only module that runs git.
 *
 * Everything goes through simple-git, except reading large command output,
 * which goes through `streamGitOutput` (in process.ts, see there why). Both
 * use the same environment and the same pinned configuration, so git's
 * output does not depend on the user's settings or locale.
 */
import type { SimpleGit } from 'simple-git';
import { GuardError } from '../errors.js';
import { messages } from '../messages.js';
import { firstLine, PINNED_CONFIG, type GitContext } from './process.js';

export { createGitContext, startGit, streamGitOutput, type GitContext, type GitProcess } from './process.js';

/**
 * simple-git, loaded on first use: the pre-commit path runs git through
 * streamGitOutput only, and a hook should not pay for parsing a library it
 * does not call.
 */
async function client(context: GitContext): Promise<SimpleGit> {
  const { simpleGit } = await import('simple-git');
  return simpleGit({
    baseDir: context.cwd,
    config: [...PINNED_CONFIG],
    allowConfig: PINNED_CONFIG.map((entry) => entry.slice(0, entry.indexOf('='))),
    allowEnvironment: [...context.allowedGitVariables],
    maxConcurrentProcesses: 4,
    // Done when git's output is closed; waiting for the process "exit" event as
    // well costs a 50 ms timer on every command.
    completion: { onClose: true, onExit: false },
  }).env({ ...context.env });
}

/** Runs a git command through simple-git and returns its standard output. */
export async function runGit(context: GitContext, args: readonly string[]): Promise<string> {
  try {
    return await (await client(context)).raw([...args]);
  } catch (error) {
    const detail = error instanceof Error ? firstLine(error.message) : String(error);
    throw new GuardError('git-failed', messages.gitFailed(args[0] ?? 'git', detail), { cause: error });
  }
}

export interface RepositoryInfo {
  /** Absolute path of the working tree's top level. */
  readonly topLevel: string;
  /** Absolute path of the git directory. */
  readonly gitDir: string;
}

/** Where the repository is; fails with one clear line outside a working tree. */
export async function repositoryInfo(context: GitContext): Promise<RepositoryInfo> {
  let output: string;
  try {
    output = await (await client(context)).raw(['rev-parse', '--absolute-git-dir', '--show-toplevel']);
  } catch (error) {
    const detail = error instanceof Error ? firstLine(error.message) : String(error);
    throw new GuardError('not-a-repository', messages.notARepository(context.cwd, detail), {
      cause: error,
    });
  }
  const [gitDir, topLevel] = output.split('\n');
  if (!gitDir || !topLevel) {
    throw new GuardError('not-a-repository', messages.notARepository(context.cwd, ''));
  }
  return { gitDir, topLevel };
}

/** The all-zero id git prints for "no object": no blob (an added or deleted file), no ref (a new or deleted branch). */
export const NULL_OBJECT_ID = /^0+$/;

/**
 * Reads many blobs with one `git cat-file --batch` instead of one process
 * each. Blobs larger than `maxBytes` or missing map to undefined.
 */
export async function readBlobs(context: GitContext, objectIds: readonly string[], maxBytes: number): Promise<Map<string, Buffer | undefined>> {
  const { readIndexContents } = await import('./index-content.js');
  const wanted = [...new Set(objectIds.filter((id) => !NULL_OBJECT_ID.test(id)))];
  const blobs = new Map<string, Buffer | undefined>(objectIds.filter((id) => NULL_OBJECT_ID.test(id)).map((id) => [id, Buffer.alloc(0)]));
  await readIndexContents(
    context,
    wanted.map((objectId) => ({ mode: '100644', objectId, path: objectId })),
    maxBytes,
    (entry, content) => blobs.set(entry.objectId, content),
  );
  return blobs;
}

/** Whether this is a partial clone: some objects live only on a promisor remote. */
export async function isPartialClone(context: GitContext): Promise<boolean> {
  const output = await runGit(context, ['config', '--get-regexp', '^(remote\\..*\\.promisor|extensions\\.partialclone)$']);
  return output.trim().length > 0;
}
