/**
 * intercom-guard: arguments in, exit code out. Nothing else lives here.
 * (The installed command is bin.ts, which starts the hook's git first.)
 *
 * Exit codes: 0 nothing that blocks; 1 findings that block; 2 usage,
 * configuration, git or internal error (the scan could not be done).
 */
import { EXIT_CLEAN, EXIT_ERROR } from './errors.js';
import { processIO, readStandardInput, type CommandIO } from './io.js';
import { HELP, messages } from './messages.js';
import { VERSION } from './version.js';
import { parseArguments } from './args.js';
import type { GitProcess } from './git/process.js';

/**
 * @param early the staged diff, when it was started before the scanner loaded
 */
export async function main(argv: readonly string[], io: CommandIO = processIO(), early?: GitProcess): Promise<number> {
  const parsed = parseArguments(argv);
  if ('error' in parsed) {
    io.stderr.write(`${messages.usage(parsed.error)}\n`);
    return EXIT_ERROR;
  }
  switch (parsed.command) {
    case 'help':
      io.stdout.write(HELP);
      return EXIT_CLEAN;
    case 'version':
      io.stdout.write(`${VERSION}\n`);
      return EXIT_CLEAN;
    // Each command is loaded when asked for: a hook run parses only what it runs.
    // Each command is loaded when asked for: a hook run parses only what it runs.
    case 'staged':
      return (await import('./commands/staged.js')).runStaged(parsed, io, early ? { started: early } : undefined);
    case 'baseline':
      return (await import('./commands/baseline.js')).runBaseline(parsed, io);
    case 'init':
      return (await import('./commands/init.js')).runInit(parsed, io);
    case 'scan':
      return (await import('./commands/scan.js')).runScan(parsed, io);
    case 'commit-msg':
      return (await import('./commands/commit-msg.js')).runCommitMsg(parsed, io);
    case 'pre-push':
      return (await import('./commands/pre-push.js')).runPrePush(parsed, io, readStandardInput);
  }
}

/** Runs the command line and sets the exit code (bin.ts calls this after starting git). */
export function run(argv: readonly string[], early?: GitProcess): Promise<void> {
  return main(argv, processIO(), early).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // Fail closed: an unexpected crash still blocks the commit, with a reason.
      early?.cancel();
      process.stderr.write(`${messages.internal(error instanceof Error ? error.message : String(error))}\n${messages.failedClosed()}\n`);
      process.exitCode = EXIT_ERROR;
    },
  );
}
