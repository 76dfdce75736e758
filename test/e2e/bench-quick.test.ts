/**
 * The benchmark (test/scripts/bench.mjs) must keep working: its quick mode runs
 * here on every `npm test`, after the build, and must report medians and
 * ratios for every size with the hook exiting 0 on the clean changes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, PROJECT_ROOT } from '../helpers/repo.js';

interface BenchSize {
  readonly name: string;
  readonly files: number;
  readonly addedLines: number;
  readonly rounds: number;
  readonly hookExit: number;
  readonly scanned: { readonly files: number; readonly lines: number } | null;
  readonly medians: Record<'hook' | 'node' | 'gitDiff' | 'gitDiffHookFlags' | 'floor', number>;
  readonly ratios: { readonly hookOverFloor: number };
  readonly peakRssKb: Record<string, number | null>;
}

describe('test/scripts/bench.mjs --quick --json', () => {
  it('runs, and reports medians, ratios and a passing hook for each size', { timeout: 120_000 }, () => {
    expect(existsSync(CLI), 'dist/cli.cjs is built before the tests (npm test runs the build first)').toBe(true);
    // The bench strips inherited GIT_* variables itself; pass ours minus them anyway.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toUpperCase().startsWith('GIT_')));
    const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'test/scripts/bench.mjs'), '--quick', '--json'], {
      cwd: PROJECT_ROOT,
      env,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      timeout: 110_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);

    const report = JSON.parse(run.stdout) as { quick: boolean; sizes: BenchSize[] };
    expect(report.quick).toBe(true);
    expect(report.sizes.map((size) => size.name)).toEqual(['small', 'large']);
    for (const size of report.sizes) {
      expect(size.hookExit).toBe(0);
      expect(size.rounds).toBe(3);
      // The hook read every added line it was given.
      expect(size.scanned).toEqual({ files: size.files, lines: size.addedLines });
      for (const key of ['hook', 'node', 'gitDiff', 'gitDiffHookFlags', 'floor'] as const) {
        expect(Number.isFinite(size.medians[key]), `${size.name} median ${key}`).toBe(true);
        expect(size.medians[key]).toBeGreaterThan(0);
      }
      expect(size.medians.floor).toBeCloseTo(size.medians.node + size.medians.gitDiff, 0);
      expect(Number.isFinite(size.ratios.hookOverFloor)).toBe(true);
      expect(size.ratios.hookOverFloor).toBeGreaterThan(0);
      // Peak RSS is a number, or null where no GNU time exists.
      for (const value of Object.values(size.peakRssKb)) expect(value === null || value > 0).toBe(true);
    }
  });
});
