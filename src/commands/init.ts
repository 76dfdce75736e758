/** `intercom-guard init`: wire the scanner into the repository's hooks. */
import type { ParsedArguments } from '../args.js';
import { EXIT_CLEAN, EXIT_ERROR } from '../errors.js';
import type { CommandIO } from '../io.js';
import { escapeText } from '../report/escape.js';
import { installHooks } from '../install/install.js';
import { reportError } from './report-error.js';

export async function runInit(options: ParsedArguments, io: CommandIO): Promise<number> {
  try {
    const result = await installHooks({
      cwd: io.cwd,
      env: io.env,
      force: options.force,
      prePush: options.prePush,
      commitMsg: options.commitMsg,
    });
    for (const line of [...result.actions, ...result.notes]) io.stdout.write(`${escapeText(line)}\n`);
    for (const line of result.refused) io.stderr.write(`${escapeText(line)}\n`);
    return result.refused.length > 0 ? EXIT_ERROR : EXIT_CLEAN;
  } catch (error) {
    return reportError(error, io, { debug: options.debug, hook: false });
  }
}
