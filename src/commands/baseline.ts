/**
 * `intercom-guard baseline`: records every current finding in the files the
 * index tracks, so a team adopting the hook in an old repository is blocked
 * only by new tokens. Re-running it rewrites the file deterministically.
 */
import path from 'node:path';
import type { ParsedArguments } from '../args.js';
import { writeBaseline } from '../baseline.js';
import { EXIT_CLEAN } from '../errors.js';
import type { CommandIO } from '../io.js';
import { messages } from '../messages.js';
import { scanTracked } from '../scan/tracked.js';
import { reportError } from './report-error.js';
import { loadScanSetup } from './setup.js';
import { writeSkipped } from './staged.js';

export async function runBaseline(options: ParsedArguments, io: CommandIO): Promise<number> {
  try {
    const { settings } = await loadScanSetup(io, options.config);
    const result = await scanTracked({ cwd: io.cwd, env: io.env, settings });
    writeSkipped(result, options.debug, io);
    const file = path.join(result.topLevel, settings.baselinePath);
    writeBaseline(file, result.findings);
    io.stdout.write(`${messages.baselineWritten(settings.baselinePath, result.findings.length)}\n`);
    return EXIT_CLEAN;
  } catch (error) {
    return reportError(error, io, { debug: options.debug, hook: false });
  }
}
