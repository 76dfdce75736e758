/**
 * The baseline: findings a team has reviewed and accepted (to be revoked on
 * their own schedule), stored as detector id, path and fingerprint, never the
 * secret. Written deterministically so it diffs cleanly in review.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { nextRelease } from './config/load.js';
import { CONFIG_FORMAT_VERSION } from './config/version.js';
import { VERSION } from './version.js';
import type { Finding } from './detect/types.js';
import { GuardError } from './errors.js';
import { messages } from './messages.js';

export interface BaselineEntry {
  readonly detector: string;
  readonly path: string;
  readonly fingerprint: string;
}

export interface Baseline {
  /** Whether a finding is accepted: same detector and fingerprint (and path, with matchPath). */
  readonly has: (finding: Finding) => boolean;
}

export const EMPTY_BASELINE: Baseline = { has: () => false };

export async function readBaseline(file: string, source: string, matchPath: boolean): Promise<Baseline> {
  if (!existsSync(file)) return EMPTY_BASELINE;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new GuardError('config', messages.configInvalid(source, [`invalid JSON: ${(error as Error).message}`]));
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > CONFIG_FORMAT_VERSION) {
    throw new GuardError('config', messages.configTooNew(source, 'version', version, nextRelease(), VERSION));
  }
  const { baselineSchema, describeIssues } = await import('./config/schema.js');
  const parsed = baselineSchema.safeParse(value);
  if (!parsed.success) throw new GuardError('config', messages.configInvalid(source, describeIssues(parsed.error.issues)));
  const keys = new Set(parsed.data.findings.map((entry) => key(entry, matchPath)));
  return { has: (finding) => keys.has(key(finding, matchPath)) };
}

function key(entry: { detector: string; path: string; fingerprint: string }, matchPath: boolean): string {
  return matchPath ? `${entry.detector}\0${entry.fingerprint}\0${entry.path}` : `${entry.detector}\0${entry.fingerprint}`;
}

/** The file's text: stable order, one entry per distinct finding, no timestamps. */
export function formatBaseline(findings: readonly Finding[]): string {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const entry = { detector: finding.detector, path: finding.path, fingerprint: finding.fingerprint };
    entries.set(key(entry, true), entry);
  }
  const sorted = [...entries.values()].sort(
    (a, b) => compare(a.path, b.path) || compare(a.detector, b.detector) || compare(a.fingerprint, b.fingerprint),
  );
  return `${JSON.stringify({ version: CONFIG_FORMAT_VERSION, findings: sorted }, null, 2)}\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function writeBaseline(file: string, findings: readonly Finding[]): void {
  writeFileSync(file, formatBaseline(findings));
}
