#!/usr/bin/env node
/**
 * The installed command (package "bin"). A hook's cost on a small commit is
 * mostly Node's start-up, so this file is kept small: it parses the
 * arguments and, for the pre-commit scan, starts git's diff at once; the
 * scanner (dist/main.cjs) then loads while git works.
 */
import { parseArguments } from './args.js';
import { skipRequested } from './commands/skip.js';
import { createGitContext, type GitProcess } from './git/process.js';
import { startStagedDiff } from './git/staged-diff.js';
import { loadMain } from './load-main.js';

function startEarly(argv: readonly string[]): GitProcess | undefined {
  const parsed = parseArguments(argv);
  if ('error' in parsed || parsed.command !== 'staged' || skipRequested(process.env) !== undefined) return undefined;
  return startStagedDiff(createGitContext(process.cwd(), process.env), parsed.positionals);
}

const argv = process.argv.slice(2);
const early = startEarly(argv);
// Beside this file (the build keeps it out of this bundle), with its code cache.
void loadMain(__dirname).run(argv, early);
