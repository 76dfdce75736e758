/** What every scanning command needs first: the repository's top level, settings and baseline. */
import path from 'node:path';
import { EMPTY_BASELINE, readBaseline, type Baseline } from '../baseline.js';
import { findTopLevel, loadConfig } from '../config/load.js';
import { resolveSettings, type ScanSettings } from '../config/resolve.js';
import type { CommandIO } from '../io.js';

export interface ScanSetup {
  readonly topLevel: string | undefined;
  readonly settings: ScanSettings;
  readonly baseline: Baseline;
}

export async function loadScanSetup(io: CommandIO, configPath: string | undefined): Promise<ScanSetup> {
  const topLevel = findTopLevel(io.cwd, io.env);
  const settings = await resolveSettings(await loadConfig({ topLevel, cwd: io.cwd, ...(configPath === undefined ? {} : { configPath }) }));
  const baseline =
    topLevel === undefined
      ? EMPTY_BASELINE
      : await readBaseline(path.join(topLevel, settings.baselinePath), settings.baselinePath, settings.baselineMatchPath);
  return { topLevel, settings, baseline };
}
