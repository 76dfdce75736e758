/**
 * Temporary git repositories for end-to-end tests. Every inherited GIT_*
 * variable is stripped, so a test run from inside a hook (ours, while
 * committing this repository) never touches this repository; HOME points at
 * a fresh folder so the user's own git configuration does not leak in.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(PROJECT_ROOT, 'dist/cli.cjs');
export const HOOK = path.join(PROJECT_ROOT, 'hooks/pre-commit');

const created: string[] = [];

/** Removes every folder made by this helper; call from afterEach/afterAll. */
export function cleanupTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function makeTempDir(prefix = 'ig-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** The environment for git and the scanner: ours minus every GIT_* variable. */
export function cleanEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.toUpperCase().startsWith('GIT_') && name !== 'NO_COLOR' && name !== 'FORCE_COLOR') env[name] = value;
  }
  return { ...env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1', ...extra };
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function result(run: SpawnSyncReturns<string>): RunResult {
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

export class TempRepo {
  readonly dir: string;
  readonly home: string;
  env: NodeJS.ProcessEnv;

  private constructor(dir: string, home: string) {
    this.dir = dir;
    this.home = home;
    this.env = cleanEnv(home);
  }

  /** A new repository with an identity configured in its own HOME. */
  static create(options: { initialBranch?: string; bare?: boolean } = {}): TempRepo {
    const root = makeTempDir();
    const home = path.join(root, 'home');
    const dir = path.join(root, 'repo');
    mkdirSync(home, { recursive: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(home, '.gitconfig'),
      '[user]\n\tname = Test User\n\temail = test@example.com\n[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n',
    );
    const repo = new TempRepo(dir, home);
    repo.git('init', '-q', ...(options.bare ? ['--bare'] : []));
    return repo;
  }

  /** Runs git in the repository; throws when git fails unless `allowFailure`. */
  git(...args: string[]): string {
    const run = this.gitRaw(args);
    if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
    return run.stdout;
  }

  gitRaw(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): RunResult {
    return result(
      spawnSync('git', [...args], {
        cwd: options.cwd ?? this.dir,
        env: options.env ?? this.env,
        encoding: 'utf8',
        input: options.input,
        maxBuffer: 256 * 1024 * 1024,
      }),
    );
  }

  /** Writes a file (creating folders); content may be a Buffer for exact bytes. */
  write(relative: string, content: string | Buffer): string {
    const file = path.join(this.dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  }

  read(relative: string): string {
    return readFileSync(path.join(this.dir, relative), 'utf8');
  }

  /**
   * Installs the packaged sh hook as .git/hooks/pre-commit, with the scanner
   * where a project install puts it (node_modules/.bin), as a user would have it.
   */
  installHook(options: { hooksDir?: string } = {}): void {
    const hooksDir = options.hooksDir ?? path.join(this.dir, this.git('rev-parse', '--git-path', 'hooks').trim());
    mkdirSync(hooksDir, { recursive: true });
    const target = path.join(hooksDir, 'pre-commit');
    writeFileSync(target, readFileSync(HOOK));
    chmodSync(target, 0o755);
    this.linkScanner();
  }

  /** node_modules/.bin/intercom-guard -> our built CLI, ignored by git like a real install. */
  linkScanner(dir: string = this.dir): void {
    const bin = path.join(dir, 'node_modules/.bin');
    mkdirSync(bin, { recursive: true });
    try {
      symlinkSync(CLI, path.join(bin, 'intercom-guard'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const exclude = path.resolve(dir, this.gitRaw(['rev-parse', '--git-path', 'info/exclude'], { cwd: dir }).stdout.trim());
    mkdirSync(path.dirname(exclude), { recursive: true });
    writeFileSync(exclude, 'node_modules/\n', { flag: 'a' });
  }

  /** A real `git commit`, hooks and all. */
  commit(...args: string[]): RunResult {
    return this.gitRaw(['commit', '-q', ...args]);
  }

  /** Commits bypassing hooks: to set up history that already holds something. */
  commitUnchecked(message = 'setup'): void {
    this.git('add', '-A');
    this.git('commit', '-q', '--no-verify', '--allow-empty', '-m', message);
  }

  head(): string | undefined {
    const run = this.gitRaw(['rev-parse', '--verify', '-q', 'HEAD']);
    return run.status === 0 ? run.stdout.trim() : undefined;
  }

  /** Runs the scanner directly in this repository. */
  scan(args: readonly string[] = [], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): RunResult {
    return result(
      spawnSync(process.execPath, [CLI, ...args], {
        cwd: options.cwd ?? this.dir,
        env: options.env ?? this.env,
        encoding: 'utf8',
        input: options.input,
        maxBuffer: 64 * 1024 * 1024,
      }),
    );
  }
}

/** A repository with the packaged hook installed and one commit (README.md), ready for a staged change. */
export function repoWithHook(): TempRepo {
  const repo = TempRepo.create();
  repo.installHook();
  repo.write('README.md', 'hello\n');
  repo.commitUnchecked('initial');
  return repo;
}
