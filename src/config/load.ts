/**
 * Finds, reads and validates the configuration: `.intercom-guard.json` at the
 * top of the working tree, or the "intercomGuard" key of the top-level
 * package.json, or the file given with --config. The search never leaves the
 * repository. Every problem is one line naming the file and the key path.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GuardError } from '../errors.js';
import { messages } from '../messages.js';
import { VERSION } from '../version.js';
import type { RawConfig } from './schema.js';
import { CONFIG_FORMAT_VERSION } from './version.js';

export const CONFIG_FILE = '.intercom-guard.json';
export const PACKAGE_KEY = 'intercomGuard';

export interface LoadedConfig {
  /** How to name the source in messages ("" when there is no configuration). */
  readonly source: string;
  readonly raw: RawConfig;
}

/**
 * The top of the working tree, found without running git: GIT_WORK_TREE when
 * set, else the nearest folder holding `.git` (a folder, or a file in linked
 * worktrees and submodules).
 */
export function findTopLevel(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.GIT_WORK_TREE) return path.resolve(cwd, env.GIT_WORK_TREE);
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new GuardError('config', messages.configInvalid(source, [`invalid JSON: ${(error as Error).message}`]));
  }
}

function readText(file: string, source: string): string {
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new GuardError('config', messages.configUnreadable(source, (error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
}

/** Loads the configuration; an empty one when the repository has none. */
export async function loadConfig(options: { topLevel: string | undefined; cwd: string; configPath?: string }): Promise<LoadedConfig> {
  if (options.configPath !== undefined) {
    const file = path.resolve(options.cwd, options.configPath);
    return validate(parseJson(readText(file, options.configPath), options.configPath), options.configPath, '');
  }
  if (options.topLevel === undefined) return { source: '', raw: {} };
  const file = path.join(options.topLevel, CONFIG_FILE);
  const packageFile = path.join(options.topLevel, 'package.json');
  let fromPackage: unknown;
  if (existsSync(packageFile)) {
    const pkg = parseJson(readText(packageFile, 'package.json'), 'package.json');
    if (pkg !== null && typeof pkg === 'object' && PACKAGE_KEY in pkg) fromPackage = (pkg as Record<string, unknown>)[PACKAGE_KEY];
  }
  if (existsSync(file)) {
    if (fromPackage !== undefined) throw new GuardError('config', messages.configTwice(CONFIG_FILE, `package.json: ${PACKAGE_KEY}`));
    return validate(parseJson(readText(file, CONFIG_FILE), CONFIG_FILE), CONFIG_FILE, '');
  }
  if (fromPackage !== undefined) return validate(fromPackage, 'package.json', `${PACKAGE_KEY}.`);
  return { source: '', raw: {} };
}

async function validate(value: unknown, source: string, keyPrefix: string): Promise<LoadedConfig> {
  // A newer format is reported as such, not as a list of keys this version does not know.
  if (value !== null && typeof value === 'object' && 'version' in value) {
    const version = (value as { version: unknown }).version;
    if (typeof version === 'number' && Number.isInteger(version) && version > CONFIG_FORMAT_VERSION) {
      throw new GuardError('config', messages.configTooNew(source, `${keyPrefix}version`, version, nextRelease(), VERSION));
    }
  }
  // zod is loaded only when there is a configuration to validate: a plain hook run does not parse it.
  const { configSchema, describeIssues } = await import('./schema.js');
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) {
    const lines = describeIssues(parsed.error.issues).map((line) => (keyPrefix ? `${keyPrefix}${line}` : line));
    throw new GuardError('config', messages.configInvalid(source, lines));
  }
  return { source, raw: parsed.data };
}

/** The first release that could read a newer format (config or baseline): the next minor one after this. */
export function nextRelease(): string {
  const [major = '0', minor = '0'] = VERSION.split('.');
  return `${major}.${Number(minor) + 1}.0`;
}
