/**
 * What `init` writes into hook files. Plain git hooks get the packaged
 * portable sh hook (hooks/pre-commit); husky hook files get a few lines that
 * run the installed bin directly (husky puts node_modules/.bin on PATH),
 * never `npx`, which costs half a second per commit and may download a
 * package when none is installed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GuardError } from '../errors.js';
import { messages } from '../messages.js';

export const MARKER = 'intercom-guard';

/** The packaged hook, found beside the running code (dist/ in the package, src/install/ in development). */
export function packagedHook(): string {
  // dist/cli.cjs is CommonJS (__dirname); the sources run as ES modules in tests.
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  for (const relative of ['../hooks/pre-commit', '../../hooks/pre-commit']) {
    const file = path.join(here, relative);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new GuardError('io', messages.packagedHookMissing());
}

/** The scan each hook runs. */
export function scanFor(hook: string): string {
  if (hook === 'pre-push') return 'pre-push "$@"';
  if (hook === 'commit-msg') return 'commit-msg "$1"';
  return 'staged';
}

/** Lines for a husky hook file (run by husky with `sh -e`). */
export function huskyLines(hook: string): string {
  return [
    `# ${MARKER}: block ${hook === 'pre-push' ? 'pushes' : 'commits'} that add Intercom credentials`,
    `command -v node >/dev/null 2>&1 || { echo "${messages.hookNoNode()}" >&2; exit 1; }`,
    `command -v intercom-guard >/dev/null 2>&1 || { echo "${messages.hookNotInstalled()}" >&2; exit 1; }`,
    `intercom-guard ${scanFor(hook)}`,
    '',
  ].join('\n');
}

/**
 * The packaged hook as a block appended to someone else's sh hook: run in a
 * subshell so its `exec` and `exit` end only the block, and stop the hook
 * when it fails.
 */
export function appendedBlock(hook: string): string {
  const body = packagedHook()
    .split('\n')
    .filter((line) => !line.startsWith('#!'))
    .join('\n')
    .replace(/case "\$\{0##\*\/\}" in/, `case "${hook}" in`);
  return `\n# >>> ${MARKER} >>>\n(\n${body.trimEnd()}\n) || exit $?\n# <<< ${MARKER} <<<\n`;
}
