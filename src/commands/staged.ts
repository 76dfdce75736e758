/**
 * `intercom-guard staged`: the pre-commit hook's command. Fails closed: if
 * the scan cannot be done, the commit is blocked with the reason.
 */
import type { ParsedArguments } from '../args.js';
import { blocks } from '../detect/types.js';
import { EXIT_CLEAN, EXIT_FINDINGS } from '../errors.js';
import { useColor, type CommandIO } from '../io.js';
import { messages } from '../messages.js';
import { escapeText } from '../report/escape.js';
import { formatFindings } from '../report/text.js';
import type { ScanResult } from '../scan/result.js';
import { scanStaged } from '../scan/staged.js';
import { reportError } from './report-error.js';
import { loadScanSetup, skipRequested } from './setup.js';

export async function runStaged(options: ParsedArguments, io: CommandIO): Promise<number> {
  const skip = skipRequested(io.env);
  if (skip !== undefined) {
    io.stderr.write(`${messages.skipped(skip)}\n`);
    return EXIT_CLEAN;
  }
  try {
    const { settings, baseline } = loadScanSetup(io, options.config);
    const result = await scanStaged({ cwd: io.cwd, env: io.env, paths: options.positionals, settings, baseline });
    writeSkipped(result, options.debug, io);
    if (result.findings.length === 0) return EXIT_CLEAN;
    const color = useColor(io.stderr, io.env, options.noColor);
    io.stderr.write(formatFindings(result, { color, blocking: true }));
    return result.findings.some(blocks) ? EXIT_FINDINGS : EXIT_CLEAN;
  } catch (error) {
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
