/**
 * V8 tuning for the hook's command, which lives a fraction of a second.
 *
 * V8 optimises a function once it has run a while, compiling it on a
 * background thread. In a run this short most of that work is never paid
 * back, and on a machine with two (hyper)threads it competes with git,
 * which is producing the diff the hook is waiting for: on a 500-file
 * change it made the hook about a quarter slower. A larger interrupt
 * budget makes V8 wait longer before optimising; a 100 MB change still
 * runs long enough to get its hot loops optimised.
 *
 * Only the command does this (the library never changes its host
 * process), and only once the diff proves big: changing a V8 flag makes
 * Node's cache of its own compiled modules miss for modules loaded later,
 * which would cost a small commit more than it saves.
 */
import type { GitProcess } from './git/process.js';

/** Diff bytes after which the budget changes. */
export const TUNE_AFTER_BYTES = 256 * 1024;
/** About 15 times V8's default (67584 in Node 20). */
const INTERRUPT_BUDGET = 1_000_000;

export function tunedForShortRun(git: GitProcess): GitProcess {
  return {
    consume(onData) {
      let seen = 0;
      return git.consume((chunk) => {
        if (seen < TUNE_AFTER_BYTES) {
          seen += chunk.length;
          if (seen >= TUNE_AFTER_BYTES) raiseInterruptBudget();
        }
        onData(chunk);
      });
    },
    cancel: () => git.cancel(),
  };
}

function raiseInterruptBudget(): void {
  // process.getBuiltinModule is Node >= 20.16; without it, no tuning (it is only speed).
  const v8 = process.getBuiltinModule?.('node:v8') as typeof import('node:v8') | undefined;
  v8?.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
