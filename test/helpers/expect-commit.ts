import { expect } from 'vitest';
import type { RunResult, TempRepo } from './repo.js';

/** The commit went through, the scanner said nothing, and no secret leaked. */
export function expectPassed(repo: TempRepo, run: RunResult, before: string | undefined, secrets: readonly string[]): void {
  const output = run.stdout + run.stderr;
  expect(run.status, output).toBe(0);
  expect(output).not.toContain('intercom-guard');
  expect(repo.head()).toBeDefined();
  expect(repo.head()).not.toBe(before);
  for (const secret of secrets) expect(output).not.toContain(secret);
}
