/**
 * The end of every scanning command: optional live verification, the
 * report in the asked format (to a file with --output), the exit code.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedArguments } from '../args.js';
import { blocks, withChanges } from '../detect/types.js';
import { EXIT_CLEAN, EXIT_FINDINGS, GuardError } from '../errors.js';
import { useColor, type CommandIO } from '../io.js';
import { messages } from '../messages.js';
import { formatFindings } from '../report/text.js';
import type { ScanResult } from '../scan/result.js';
import { writeSkipped } from './staged.js';

/** Detectors whose secrets Intercom's API can answer for (GET /me with the token). */
const VERIFIABLE = new Set(['intercom-access-token', 'intercom-ic-token', 'intercom-token-assignment', 'intercom-context-secret']);

async function verify(result: ScanResult, env: NodeJS.ProcessEnv): Promise<ScanResult> {
  // Loaded only when asked for: nothing touches the network without --verify.
  const { verifyTokens } = await import('../verify/verify.js');
  const tokens = result.findings.filter((finding) => VERIFIABLE.has(finding.detector)).map((finding) => finding.secret);
  const verdicts = await verifyTokens(tokens, { env });
  const findings = result.findings.map((finding) =>
    withChanges(finding, { verification: VERIFIABLE.has(finding.detector) ? (verdicts.get(finding.secret) ?? 'unknown') : 'unknown' }),
  );
  // Live tokens first: they are the emergency.
  const order = { live: 0, unknown: 1, not_live: 2 } as const;
  findings.sort((a, b) => order[a.verification ?? 'unknown'] - order[b.verification ?? 'unknown']);
  return { ...result, findings };
}

export interface EmitOptions {
  /** Report name in JSON: staged, range, history, paths, stdin, commit-msg, pre-push. */
  readonly mode: string;
  /** Hook modes write the human message to stderr (git shows it); scans write to stdout. */
  readonly hook: boolean;
}

export async function emit(resultIn: ScanResult, options: ParsedArguments, io: CommandIO, emitOptions: EmitOptions): Promise<number> {
  const result = options.verify ? await verify(resultIn, io.env) : resultIn;
  writeSkipped(result, options.debug, io);
  const hasFindings = result.findings.length > 0;
  let report: string | undefined;
  if (options.format === 'json') report = (await import('../report/json.js')).formatJson(result, emitOptions.mode);
  else if (options.format === 'sarif') report = (await import('../report/sarif.js')).formatSarif(result);
  else if (options.output !== undefined) report = hasFindings ? formatFindings(result, { color: false, blocking: emitOptions.hook, history: emitOptions.mode !== 'staged' }) : '';

  if (options.output !== undefined) {
    const file = path.resolve(io.cwd, options.output);
    try {
      writeFileSync(file, report ?? '');
    } catch (error) {
      throw new GuardError('io', messages.cannotWrite(options.output, (error as NodeJS.ErrnoException).code ?? String(error)));
    }
  } else if (report !== undefined) {
    io.stdout.write(report);
  }
  // The person committing or pushing always gets the readable message.
  if (hasFindings && (emitOptions.hook || (options.format === 'text' && options.output === undefined))) {
    const human = emitOptions.hook ? io.stderr : io.stdout;
    const color = useColor(human, io.env, options.noColor);
    human.write(formatFindings(result, { color, blocking: emitOptions.hook, history: emitOptions.mode !== 'staged' && emitOptions.mode !== 'commit-msg' }));
  }
  return result.findings.some(blocks) ? EXIT_FINDINGS : EXIT_CLEAN;
}
