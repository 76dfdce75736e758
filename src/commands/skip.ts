import { messages } from '../messages.js';

/** SKIP=...,intercom-guard (the pre-commit framework's list) or INTERCOM_GUARD=0: skip the hook-mode scans. */
export function skipRequested(env: NodeJS.ProcessEnv): string | undefined {
  const skip = (env.SKIP ?? '').split(',').map((entry) => entry.trim());
  if (skip.includes('intercom-guard')) return 'SKIP names intercom-guard';
  if (env.INTERCOM_GUARD === '0') return 'INTERCOM_GUARD=0';
  return undefined;
}

/**
 * For the hook commands: when a skip was asked for, says so in one line and
 * returns true; the command then exits 0 without scanning.
 */
export function skippedByRequest(io: { env: NodeJS.ProcessEnv; stderr: { write(text: string): unknown } }): boolean {
  const skip = skipRequested(io.env);
  if (skip === undefined) return false;
  io.stderr.write(`${messages.skipped(skip)}\n`);
  return true;
}
