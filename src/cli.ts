#!/usr/bin/env node
/**
 * intercom-guard: arguments in, exit code out. Nothing else lives here.
 *
 * Exit codes: 0 nothing that blocks; 1 findings that block; 2 usage,
 * configuration, git or internal error (the scan could not be done).
 */
import { EXIT_CLEAN, EXIT_ERROR } from './errors.js';
import { processIO, type CommandIO } from './io.js';
import { HELP, messages } from './messages.js';
import { VERSION } from './version.js';
import { parseArguments } from './args.js';
// The hook's own command is part of this file; every other command loads on demand.
import { runStaged } from './commands/staged.js';

export async function main(argv: readonly string[], io: CommandIO = processIO()): Promise<number> {
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
    case 'staged':
      return runStaged(parsed, io);
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

async function readStandardInput(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Fail closed: an unexpected crash still blocks the commit, with a reason.
    process.stderr.write(`${messages.internal(error instanceof Error ? error.message : String(error))}\n${messages.failedClosed()}\n`);
    process.exitCode = EXIT_ERROR;
  },
);
