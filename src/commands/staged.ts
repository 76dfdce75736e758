/**
 * `intercom-guard staged`: the pre-commit hook's command. Fails closed: if
 * the scan cannot be done, the commit is blocked with the reason.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ParsedArguments } from '../args.js';
import type { GitProcess } from '../git/git.js';
import { EXIT_CLEAN, GuardError } from '../errors.js';
import type { CommandIO } from '../io.js';
import { messages } from '../messages.js';
import { escapeText } from '../report/escape.js';
import type { ScanResult } from '../scan/result.js';
import { scanStaged } from '../scan/staged.js';
import { reportError } from './report-error.js';
import { emit } from './emit.js';
import { loadScanSetup } from './setup.js';
import { skippedByRequest } from './skip.js';

export async function runStaged(options: ParsedArguments, io: CommandIO, early?: { started: GitProcess }): Promise<number> {
  if (skippedByRequest(io)) {
    early?.started.cancel();
    return EXIT_CLEAN;
  }
  try {
    // Paths come from lint-staged or the pre-commit framework, which pass files that exist;
    // anything else is a typo (of a path, or of a command) that would otherwise scan nothing.
    const missing = options.positionals.find((entry) => !existsSync(path.resolve(io.cwd, entry)));
    if (missing !== undefined) throw new GuardError('usage', messages.noSuchStagedPath(missing));
    const { settings, baseline } = await loadScanSetup(io, options.config);
    const result = await scanStaged({ cwd: io.cwd, env: io.env, paths: options.positionals, settings, baseline, ...(early ? { started: early.started } : {}) });
    return await emit(result, options, io, { mode: 'staged', hook: true });
  } catch (error) {
    early?.started.cancel();
    return reportError(error, io, { debug: options.debug, hook: true });
  }
}

/** Files over maxFileBytes or unreadable are always listed; binary and ignored ones with --debug. */
export function writeSkipped(result: ScanResult, debug: boolean, io: CommandIO): void {
  for (const skipped of result.skipped) {
    if (debug || skipped.reason === 'too-large' || skipped.reason === 'unreadable') {
      io.stderr.write(`${messages.skippedFile(escapeText(skipped.path), skipped.reason)}\n`);
    }
  }
  if (debug) io.stderr.write(`${messages.debugScanned(result.filesScanned, result.linesScanned)}\n`);
}
