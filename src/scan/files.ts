/**
 * Scans files and folders as they are on disk (not only what git holds):
 * files git ignores are scanned too, since that is where .env lives. `.git`
 * and `node_modules` folders are skipped, symbolic links are not followed,
 * and everything not scanned is listed.
 */
import { lstatSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { globMatcher } from '../config/globs.js';
import { DEFAULT_SETTINGS, type ScanSettings } from '../config/resolve.js';
import { LineDetector } from '../detect/engine.js';
import type { Finding } from '../detect/types.js';
import { EMPTY_BASELINE, type Baseline } from '../baseline.js';
import { GuardError } from '../errors.js';
import { messages } from '../messages.js';
import { scanContent } from './content.js';
import { applyPolicy } from './policy.js';
import type { ScanResult, SkippedFile } from './result.js';

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);
const FILE_LIMIT = 64 * 1024 * 1024;

export interface PathScanOptions {
  readonly cwd: string;
  readonly paths: readonly string[];
  /** Globs (relative to cwd) of files not to scan. */
  readonly exclude?: readonly string[];
  readonly settings?: ScanSettings;
  readonly baseline?: Baseline;
}

export async function scanPaths(options: PathScanOptions): Promise<ScanResult> {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const detector = new LineDetector(settings.profiles);
  const excluded = await globMatcher(options.exclude ?? []);
  const limit = Math.min(FILE_LIMIT, settings.maxFileBytes ?? FILE_LIMIT);
  const findings: Finding[] = [];
  const skipped: SkippedFile[] = [];
  let filesScanned = 0;
  let linesScanned = 0;

  const display = (absolute: string) => {
    const relative = path.relative(options.cwd, absolute);
    return (relative === '' || relative.startsWith('..') ? absolute : relative).split(path.sep).join('/');
  };

  const visit = (absolute: string, stats: Stats, explicit: boolean) => {
    const shown = display(absolute);
    if (stats.isSymbolicLink()) {
      skipped.push({ path: shown, reason: 'symlink' });
      return;
    }
    if (stats.isDirectory()) {
      if (!explicit && SKIPPED_FOLDERS.has(path.basename(absolute))) return;
      let entries: string[];
      try {
        entries = readdirSync(absolute).sort();
      } catch {
        skipped.push({ path: shown, reason: 'unreadable' });
        return;
      }
      for (const entry of entries) {
        if (SKIPPED_FOLDERS.has(entry)) continue;
        const child = path.join(absolute, entry);
        try {
          visit(child, lstatSync(child), false);
        } catch {
          skipped.push({ path: display(child), reason: 'unreadable' });
        }
      }
      return;
    }
    if (!stats.isFile()) return;
    if (excluded(shown) || settings.isIgnored(shown)) {
      skipped.push({ path: shown, reason: 'ignored' });
      return;
    }
    if (stats.size > limit) {
      skipped.push({ path: shown, reason: 'too-large' });
      return;
    }
    let content: Buffer;
    try {
      content = readFileSync(absolute);
    } catch {
      skipped.push({ path: shown, reason: 'unreadable' });
      return;
    }
    const scanned = scanContent(detector, shown, content);
    if (scanned.binary) {
      skipped.push({ path: shown, reason: 'binary' });
      return;
    }
    filesScanned += 1;
    linesScanned += scanned.lines;
    findings.push(...scanned.findings);
  };

  for (const entry of options.paths) {
    const absolute = path.resolve(options.cwd, entry);
    let stats: Stats;
    try {
      stats = lstatSync(absolute);
    } catch {
      throw new GuardError('usage', messages.noSuchPath(entry));
    }
    visit(absolute, stats, true);
  }
  return {
    findings: applyPolicy(findings, settings, options.baseline ?? EMPTY_BASELINE),
    skipped,
    filesScanned,
    linesScanned,
  };
}

/** Scans text read from standard input, reported as path "-". */
export function scanInput(content: Buffer, settings: ScanSettings = DEFAULT_SETTINGS, baseline: Baseline = EMPTY_BASELINE): ScanResult {
  const scanned = scanContent(new LineDetector(settings.profiles), '-', content);
  return {
    findings: applyPolicy(scanned.findings, settings, baseline),
    skipped: scanned.binary ? [{ path: '-', reason: 'binary' }] : [],
    filesScanned: scanned.binary ? 0 : 1,
    linesScanned: scanned.lines,
  };
}
