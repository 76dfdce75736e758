/**
 * `init`: finds how the repository runs hooks and wires the scanner in,
 * idempotently. Husky first (a .husky folder, or husky among the
 * dependencies); else core.hooksPath; else the repository's own hooks folder
 * (resolved through `git rev-parse --git-path hooks`, which handles linked
 * worktrees). An existing hook is never overwritten: the scan is appended to
 * it, or init refuses and explains; --force replaces it, keeping a backup.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createGitContext, repositoryInfo, runGit } from '../git/git.js';
import { messages } from '../messages.js';
import { appendedBlock, huskyLines, MARKER, packagedHook } from './hook-text.js';

export type HookManager = 'husky' | 'core.hooksPath' | 'git';

export interface InstallOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly force: boolean;
  readonly prePush: boolean;
  readonly commitMsg: boolean;
}

export interface InstallResult {
  readonly manager: HookManager;
  /** One line per hook file: what was done. */
  readonly actions: string[];
  /** Hook files left alone because they could not safely be changed. */
  readonly refused: string[];
  readonly notes: string[];
}

function usesHusky(topLevel: string): boolean {
  if (existsSync(path.join(topLevel, '.husky'))) return true;
  try {
    const pkg = JSON.parse(readFileSync(path.join(topLevel, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    return ['dependencies', 'devDependencies', 'optionalDependencies'].some((field) => pkg[field]?.husky !== undefined);
  } catch {
    // No package.json, or not JSON: no husky declared there.
    return false;
  }
}

/** Why an existing hook cannot take an appended block, if it cannot. */
function cannotAppend(content: string): string | undefined {
  const shebang = /^#!(.*)$/m.exec(content.split('\n')[0] ?? '')?.[1] ?? '';
  if (shebang && !/\b(?:sh|bash|dash|zsh|ksh)\b/.test(shebang)) return `is not a shell script (${shebang.trim()})`;
  if (/^\s*exec\s/m.test(content)) return 'ends by exec-ing another program, so lines added after it would never run';
  if (/^\s*exit(\s+0)?\s*$/m.test(content)) return 'exits before its end, so lines added after it would never run';
  return undefined;
}

export async function installHooks(options: InstallOptions): Promise<InstallResult> {
  const context = createGitContext(options.cwd, options.env);
  const { topLevel } = await repositoryInfo(context);
  const hooks = ['pre-commit', 'pre-merge-commit'];
  if (options.prePush) hooks.push('pre-push');
  if (options.commitMsg) hooks.push('commit-msg');
  const actions: string[] = [];
  const refused: string[] = [];
  const notes: string[] = [];
  const hooksPath = (await runGit(context, ['config', '--get', 'core.hooksPath'])).trim();
  const relative = (file: string) => path.relative(topLevel, file) || file;

  if (usesHusky(topLevel)) {
    const dir = path.join(topLevel, '.husky');
    mkdirSync(dir, { recursive: true });
    for (const hook of hooks) {
      const file = path.join(dir, hook);
      const existing = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      if (existing?.includes(MARKER)) {
        actions.push(messages.initUnchanged(relative(file)));
        continue;
      }
      const separator = existing === undefined || existing.endsWith('\n') || existing === '' ? '' : '\n';
      writeFileSync(file, `${existing ?? ''}${separator}${huskyLines(hook)}`);
      chmodSync(file, 0o755);
      actions.push(existing === undefined ? messages.initWrote(relative(file)) : messages.initAppended(relative(file)));
    }
    const attributes = keepLineEndings(topLevel);
    if (attributes) actions.push(attributes);
    if (hooksPath !== '.husky/_' && hooksPath !== '.husky') notes.push(messages.initHuskyInactive());
    return { manager: 'husky', actions, refused, notes };
  }

  const manager: HookManager = hooksPath ? 'core.hooksPath' : 'git';
  const dir = hooksPath
    ? path.resolve(topLevel, hooksPath)
    : path.resolve(options.cwd, (await runGit(context, ['rev-parse', '--git-path', 'hooks'])).trim());
  mkdirSync(dir, { recursive: true });
  const script = packagedHook();
  for (const hook of hooks) {
    const file = path.join(dir, hook);
    const existing = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (existing === undefined) {
      writeFileSync(file, script);
      actions.push(messages.initWrote(relative(file)));
    } else if (existing.includes(MARKER)) {
      actions.push(messages.initUnchanged(relative(file)));
    } else if (options.force) {
      const backup = `${file}.before-intercom-guard`;
      copyFileSync(file, backup);
      writeFileSync(file, script);
      actions.push(messages.initReplaced(relative(file), relative(backup)));
    } else {
      const reason = cannotAppend(existing);
      if (reason !== undefined) {
        refused.push(messages.initRefused(relative(file), reason));
        continue;
      }
      writeFileSync(file, `${existing}${existing.endsWith('\n') ? '' : '\n'}${appendedBlock(hook)}`);
      actions.push(messages.initAppended(relative(file)));
    }
    chmodSync(file, 0o755);
  }
  return { manager, actions, refused, notes };
}

/** Husky hook files are committed: keep them LF on Windows checkouts, or sh cannot run them. */
function keepLineEndings(topLevel: string): string | undefined {
  const file = path.join(topLevel, '.gitattributes');
  const rule = '.husky/* text eol=lf';
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (existing.split('\n').some((line) => line.trim() === rule)) return undefined;
  writeFileSync(file, `${existing}${existing === '' || existing.endsWith('\n') ? '' : '\n'}${rule}\n`);
  return messages.initAttributes(rule);
}
