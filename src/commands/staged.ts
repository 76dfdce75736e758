/**
 * `intercom-guard staged`: the pre-commit hook's command. Fails closed: if
 * the scan cannot be done, the commit is blocked with the reason.
 */
import { EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, isGuardError } from '../errors.js';
import { useColor, type CommandIO } from '../io.js';
import { messages } from '../messages.js';
import { escapeText } from '../report/escape.js';
import { formatFindings } from '../report/text.js';
import { scanStaged } from '../scan/staged.js';

export interface StagedCommandOptions {
  readonly paths: readonly string[];
  readonly debug: boolean;
  readonly noColor: boolean;
}

export async function runStaged(options: StagedCommandOptions, io: CommandIO): Promise<number> {
  try {
    const result = await scanStaged({ cwd: io.cwd, env: io.env, paths: options.paths });
    if (options.debug) {
      for (const skipped of result.skipped) io.stderr.write(`${messages.debugSkippedBinary(escapeText(skipped.path))}\n`);
      io.stderr.write(`${messages.debugScanned(result.filesScanned, result.linesScanned)}\n`);
    }
    if (result.findings.length === 0) return EXIT_CLEAN;
    const color = useColor(io.stderr, io.env, options.noColor);
    io.stderr.write(formatFindings(result, { color, blocking: true }));
    return result.findings.some((finding) => !finding.alreadyCommitted) ? EXIT_FINDINGS : EXIT_CLEAN;
  } catch (error) {
    const line = isGuardError(error)
      ? error.message
      : messages.internal(error instanceof Error ? error.message : String(error));
    io.stderr.write(`${escapeText(line)}\n${messages.failedClosed()}\n`);
    if (options.debug && error instanceof Error && error.stack) io.stderr.write(`${escapeText(error.stack)}\n`);
    return EXIT_ERROR;
  }
}
