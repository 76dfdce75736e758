/**
 * The only module that runs git.
 *
 * Everything goes through simple-git, except reading large command output,
 * which goes through `streamGitOutput` (see there why). Both use the same
 * environment and the same pinned configuration, so git's output does not
 * depend on the user's settings or locale.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { SimpleGit } from 'simple-git';
import { GuardError } from '../errors.js';
import { messages } from '../messages.js';

/**
 * Variables git hands a hook that say which repository and index to use.
 * `git commit -a` and `git commit <path>` point GIT_INDEX_FILE at a temporary
 * index, sometimes by a relative path; we pass them on made absolute, because
 * simple-git drops every inherited GIT_* variable it is not told to allow.
 */
const REPOSITORY_VARIABLES = [
  'GIT_INDEX_FILE',
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_COMMON_DIR',
] as const;
const PATH_LIST_VARIABLES = ['GIT_ALTERNATE_OBJECT_DIRECTORIES'] as const;

/**
 * Inherited variables git does not need to read a repository and that
 * simple-git refuses to pass on (they name programs git would run).
 */
const DROPPED_VARIABLES = new Set(['EDITOR', 'VISUAL', 'PAGER', 'PREFIX', 'SSH_ASKPASS', 'LANGUAGE']);

/** Variables we set ourselves on every git we run. */
const OWN_VARIABLES: Record<string, string> = {
  // Parse nothing localised; never let git ask for a password in a hook.
  LC_ALL: 'C',
  GIT_TERMINAL_PROMPT: '0',
  // Reading must not take the index lock a running `git commit` holds.
  GIT_OPTIONAL_LOCKS: '0',
  // A partial clone must not fetch missing objects behind the user's back (git >= 2.44).
  GIT_NO_LAZY_FETCH: '1',
};

/** Configuration pinned on every git command (`git -c`). */
const PINNED_CONFIG: readonly string[] = [
  // One quoting style for paths in diff headers, whatever the user set.
  'core.quotePath=true',
  // Never the network: a partial clone must not fetch missing objects behind the
  // user's back (GIT_NO_LAZY_FETCH needs git >= 2.44; this works on every git).
  'protocol.allow=never',
];

export interface GitContext {
  /** Directory git is run from. */
  readonly cwd: string;
  /** Environment for every git process: inherited, minus GIT_*, plus the repository variables. */
  readonly env: Readonly<Record<string, string>>;
  /** The GIT_* names in `env`, which simple-git must be told to allow. */
  readonly allowedGitVariables: readonly string[];
}

/** Builds the environment git runs in, from the one the hook was given. */
export function createGitContext(
  cwd: string = process.cwd(),
  inherited: NodeJS.ProcessEnv = process.env,
): GitContext {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(inherited)) {
    const upper = name.toUpperCase();
    if (value !== undefined && !upper.startsWith('GIT_') && !DROPPED_VARIABLES.has(upper)) env[name] = value;
  }
  for (const name of REPOSITORY_VARIABLES) {
    const value = inherited[name];
    if (value) env[name] = path.resolve(cwd, value);
  }
  for (const name of PATH_LIST_VARIABLES) {
    const value = inherited[name];
    if (value) {
      env[name] = value
        .split(path.delimiter)
        .filter(Boolean)
        .map((entry) => path.resolve(cwd, entry))
        .join(path.delimiter);
    }
  }
  Object.assign(env, OWN_VARIABLES);
  const allowedGitVariables = Object.keys(env).filter((name) => name.startsWith('GIT_'));
  return { cwd, env, allowedGitVariables };
}

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

/**
 * The line of git's error text to show the user: its first "fatal:" or
 * "error:" line, else its first line. Shown, never used to decide anything.
 */
function firstLine(text: string): string {
  const lines = text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  return lines.find((line) => /^(?:fatal|error):/.test(line)) ?? lines[0] ?? '';
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

/**
 * Runs git and hands its standard output to `onData` piece by piece.
 *
 * Why not simple-git here: simple-git gathers a command's whole output in
 * memory before returning it, so a staged 500 MB file would be held whole.
 * This function keeps memory bounded by the size of one pipe read. It uses
 * the same environment and pinned configuration as `runGit`.
 */
export function streamGitOutput(
  context: GitContext,
  args: readonly string[],
  onData: (chunk: Buffer) => void,
  input?: string,
): Promise<void> {
  const argv = [...PINNED_CONFIG.flatMap((entry) => ['-c', entry]), ...args];
  return new Promise((resolve, reject) => {
    const child = spawn('git', argv, {
      cwd: context.cwd,
      env: context.env,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (input !== undefined && child.stdin) {
      // git may exit before reading everything (an error): that is reported by its exit code.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
    const stderr: Buffer[] = [];
    let stderrBytes = 0;
    let failure: unknown;
    child.stdout!.on('data', (chunk: Buffer) => {
      if (failure !== undefined) return;
      try {
        onData(chunk);
      } catch (error) {
        // The consumer failed (e.g. malformed output): stop git and report that error.
        failure = error;
        child.kill();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderrBytes < 64 * 1024) {
        stderr.push(chunk);
        stderrBytes += chunk.length;
      }
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      failure ??=
        error.code === 'ENOENT'
          ? new GuardError('git-missing', messages.gitMissing())
          : new GuardError('git-failed', messages.gitFailed(args[0] ?? 'git', error.message));
    });
    child.on('close', (code) => {
      if (failure !== undefined) {
        reject(failure);
      } else if (code !== 0) {
        const detail = firstLine(Buffer.concat(stderr).toString('utf8'));
        reject(new GuardError('git-failed', messages.gitFailed(args[0] ?? 'git', detail || `exit ${code}`)));
      } else {
        resolve();
      }
    });
  });
}

/** The all-zero id git prints for "no blob" (an added or deleted file). */
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
