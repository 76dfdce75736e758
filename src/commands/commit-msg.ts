/** `intercom-guard commit-msg FILE`: the commit-msg hook; blocks a message that holds a credential. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedArguments } from '../args.js';
import { EXIT_CLEAN, GuardError } from '../errors.js';
import type { CommandIO } from '../io.js';
import { messages } from '../messages.js';
import { scanMessage } from '../scan/message.js';
import { emit } from './emit.js';
import { reportError } from './report-error.js';
import { loadScanSetup } from './setup.js';
import { skippedByRequest } from './skip.js';

export async function runCommitMsg(options: ParsedArguments, io: CommandIO): Promise<number> {
  if (skippedByRequest(io)) {
    return EXIT_CLEAN;
  }
  try {
    const file = options.positionals[0];
    if (file === undefined || options.positionals.length > 1) throw new GuardError('usage', messages.usage('commit-msg takes the message file git passes'));
    let text: string;
    try {
      text = readFileSync(path.resolve(io.cwd, file), 'utf8');
    } catch (error) {
      throw new GuardError('io', messages.cannotRead(file, (error as NodeJS.ErrnoException).code ?? String(error)));
    }
    const { settings, baseline } = await loadScanSetup(io, options.config);
    return await emit(scanMessage(text, settings, baseline), options, io, { mode: 'commit-msg', hook: true });
  } catch (error) {
    return reportError(error, io, { debug: options.debug, hook: true });
  }
}
