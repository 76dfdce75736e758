/**
 * `intercom-guard pre-push REMOTE [URL]`: the pre-push hook. Git gives one
 * line per ref on standard input: "<local ref> <local id> <remote ref> <remote id>".
 * An all-zero local id is a deletion (nothing to scan); an all-zero remote id
 * is a new branch, scanned against what the remote already has.
 */
import type { ParsedArguments } from '../args.js';
import { EXIT_CLEAN, GuardError } from '../errors.js';
import { createGitContext, NULL_OBJECT_ID } from '../git/git.js';
import { hasCommit, remoteTips } from '../git/log-diff.js';
import type { CommandIO } from '../io.js';
import { messages } from '../messages.js';
import { scanCommits } from '../scan/commits.js';
import type { ScanResult } from '../scan/result.js';
import { emit } from './emit.js';
import { reportError } from './report-error.js';
import { loadScanSetup } from './setup.js';
import { skippedByRequest } from './skip.js';

export async function runPrePush(options: ParsedArguments, io: CommandIO, stdin: () => Promise<Buffer>): Promise<number> {
  if (skippedByRequest(io)) {
    return EXIT_CLEAN;
  }
  try {
    const remote = options.positionals[0];
    if (remote === undefined) throw new GuardError('usage', messages.usage('pre-push takes the remote name git passes'));
    const { settings, baseline } = await loadScanSetup(io, options.config);
    const context = createGitContext(io.cwd, io.env);
    const ranges: string[][] = [];
    let known: string[] | undefined;
    for (const line of (await stdin()).toString('utf8').split('\n')) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 4) continue;
      const [, localId, , remoteId] = fields as [string, string, string, string];
      if (!/^[0-9a-f]+$/.test(localId) || !/^[0-9a-f]+$/.test(remoteId)) throw new GuardError('usage', messages.usage(`pre-push: unreadable line on standard input: ${line}`));
      if (NULL_OBJECT_ID.test(localId)) continue; // a deletion
      if (!NULL_OBJECT_ID.test(remoteId) && (await hasCommit(context, remoteId))) ranges.push([`${remoteId}..${localId}`]);
      // A new branch (or a remote tip we never fetched): what the remote does not have yet.
      else {
        known ??= (await remoteTips(context, remote)).map((id) => `^${id}`);
        ranges.push([localId, ...known]);
      }
    }
    const findings = [];
    const skipped = [];
    let filesScanned = 0;
    let linesScanned = 0;
    for (const revisions of ranges) {
      const result = await scanCommits({ cwd: io.cwd, env: io.env, selection: { revisions }, settings, baseline });
      findings.push(...result.findings);
      skipped.push(...result.skipped);
      filesScanned += result.filesScanned;
      linesScanned += result.linesScanned;
    }
    const merged: ScanResult = { findings, skipped, filesScanned, linesScanned };
    return await emit(merged, options, io, { mode: 'pre-push', hook: true });
  } catch (error) {
    return reportError(error, io, { debug: options.debug, hook: true });
  }
}
