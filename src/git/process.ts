/**
 * Starting git: the environment and pinned configuration every git we run
 * gets, and the streaming reader. Part of the git module (src/git/), split
 * out so the hook can start git before anything else is loaded.
 */
import { spawn } from 'node:child_process';
import { finished } from 'node:stream/promises';
import path from 'node:path';
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
export const PINNED_CONFIG: readonly string[] = [
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
 * The line of git's error text to show the user: its first "fatal:" or
 * "error:" line, else its first line. Shown, never used to decide anything.
 */
export function firstLine(text: string): string {
  const lines = text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  return lines.find((line) => /^(?:fatal|error):/.test(line)) ?? lines[0] ?? '';
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
  return startGit(context, args, input).consume(onData);
}

/** A running git whose output waits (in the pipe, so git pauses) until someone consumes it. */
export interface GitProcess {
  /** Reads the output piece by piece; resolves when git exits 0, rejects with one clear line otherwise. */
  consume(onData: (chunk: Buffer) => void): Promise<void>;
  /** Stops git when its output is no longer wanted. */
  cancel(): void;
}

/**
 * Starts git now and lets the caller read its output later: the hook starts
 * the diff before loading the scanner, so git works while Node parses code.
 */
export function startGit(context: GitContext, args: readonly string[], input?: string): GitProcess {
  const argv = [...PINNED_CONFIG.flatMap((entry) => ['-c', entry]), ...args];
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
  // Node drops the output of a child that exits while nobody listens, so it is
  // read from the start: queued until consume() is called (the hook's early
  // start leaves that gap), then handed over as it comes.
  let queued: Buffer[] | undefined = [];
  let deliver: ((chunk: Buffer) => void) | undefined;
  child.stdout!.on('data', (chunk: Buffer) => {
    if (deliver) deliver(chunk);
    else queued?.push(chunk);
  });
  const outputDone = finished(child.stdout!).catch(() => undefined);
  const stderrDone = finished(child.stderr!).catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.on('error', () => resolve(null));
  });
  return {
    consume(onData) {
      deliver = (chunk) => {
        if (failure !== undefined) return;
        try {
          onData(chunk);
        } catch (error) {
          // The consumer failed (e.g. malformed output): stop git and report that error.
          failure = error;
          child.kill();
        }
      };
      const waiting = queued ?? [];
      queued = undefined;
      for (const chunk of waiting) deliver(chunk);
      return Promise.all([exited, outputDone, stderrDone]).then(([code]) => {
        if (failure !== undefined) throw failure;
        if (code !== 0) {
          const detail = firstLine(Buffer.concat(stderr).toString('utf8'));
          throw new GuardError('git-failed', messages.gitFailed(args[0] ?? 'git', detail || `exit ${code}`));
        }
      });
    },
    cancel() {
      queued = undefined;
      deliver = () => undefined;
      child.kill();
    },
  };
}

