/**
 * `intercom-guard scan`: everything that is not the staged change.
 *   scan --range A..B    added lines of every commit in the range (pre-push, pull-request CI)
 *   scan --history       every commit reachable from any ref (an audit), with a progress bar on a TTY
 *   scan PATH...         files and folders on disk, ignored ones included
 *   scan -               standard input
 * SKIP and INTERCOM_GUARD=0 do not apply: an explicit scan always runs.
 */
import type { ParsedArguments } from '../args.js';
import { GuardError } from '../errors.js';
import { createGitContext } from '../git/git.js';
import { countCommits } from '../git/log-diff.js';
import { readStandardInput, type CommandIO } from '../io.js';
import { messages } from '../messages.js';
import { createProgress } from '../report/progress.js';
import { scanCommits } from '../scan/commits.js';
import { scanInput, scanPaths } from '../scan/files.js';
import type { ScanResult } from '../scan/result.js';
import { emit } from './emit.js';
import { reportError } from './report-error.js';
import { loadScanSetup } from './setup.js';

export async function runScan(options: ParsedArguments, io: CommandIO, stdin: () => Promise<Buffer> = readStandardInput): Promise<number> {
  try {
    const modes = [options.range !== undefined, options.history, options.positionals.length > 0].filter(Boolean).length;
    if (modes !== 1) throw new GuardError('usage', messages.usage('scan needs exactly one of --range A..B, --history, PATH... or -'));
    const { settings, baseline } = await loadScanSetup(io, options.config);
    let result: ScanResult;
    let mode: string;
    if (options.range !== undefined) {
      if (options.range.startsWith('-')) throw new GuardError('usage', messages.usage(`--range: not a revision range: ${options.range}`));
      mode = 'range';
      result = await scanCommits({ cwd: io.cwd, env: io.env, selection: { revisions: [options.range] }, settings, baseline });
    } else if (options.history) {
      mode = 'history';
      const total = io.stderr.isTTY ? await countCommits(createGitContext(io.cwd, io.env), { all: true, revisions: [] }) : 0;
      const progress = createProgress(io.stderr, total, 'intercom-guard: scanning history');
      try {
        result = await scanCommits({ cwd: io.cwd, env: io.env, selection: { all: true, revisions: [] }, settings, baseline, onCommit: progress.update });
      } finally {
        progress.end();
      }
    } else if (options.positionals.length === 1 && options.positionals[0] === '-') {
      mode = 'stdin';
      result = scanInput(await stdin(), settings, baseline);
    } else {
      mode = 'paths';
      result = await scanPaths({ cwd: io.cwd, paths: options.positionals, exclude: options.exclude, settings, baseline });
    }
    return await emit(result, options, io, { mode, hook: false });
  } catch (error) {
    return reportError(error, io, { debug: options.debug, hook: false });
  }
}
