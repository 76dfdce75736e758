/** One clear line for a failure, and in hook mode the note that the commit was blocked. */
import { EXIT_ERROR, isGuardError } from '../errors.js';
import type { CommandIO } from '../io.js';
import { messages } from '../messages.js';
import { escapeText } from '../report/escape.js';

export function reportError(error: unknown, io: CommandIO, options: { debug: boolean; hook: boolean }): number {
  const text = isGuardError(error) ? error.message : messages.internal(error instanceof Error ? error.message : String(error));
  // Configuration errors are one line per problem; each line is escaped on its own.
  const lines = text.split('\n').map(escapeText).join('\n');
  io.stderr.write(`${lines}\n`);
  if (options.hook) io.stderr.write(`${messages.failedClosed()}\n`);
  if (options.debug && error instanceof Error && error.stack) io.stderr.write(`${escapeText(error.stack)}\n`);
  return EXIT_ERROR;
}
