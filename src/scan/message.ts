/**
 * The commit-msg hook's scan: the message git is about to record. Comment
 * lines and everything below the scissors line (`git commit -v`) are removed
 * by git before recording, so they are not scanned.
 */
import { DEFAULT_SETTINGS, type ScanSettings } from '../config/resolve.js';
import { LineDetector } from '../detect/engine.js';
import { fileContext } from '../detect/file-context.js';
import type { Finding } from '../detect/types.js';
import { EMPTY_BASELINE, type Baseline } from '../baseline.js';
import { COMMIT_MESSAGE_PATH } from './diff-collector.js';
import { LineScanner } from './line-scanner.js';
import { applyPolicy } from './policy.js';
import type { ScanResult } from './result.js';

const SCISSORS = /^. -+ >8 -+$/;

export function scanMessage(text: string, settings: ScanSettings = DEFAULT_SETTINGS, baseline: Baseline = EMPTY_BASELINE, commentChar = '#'): ScanResult {
  const findings: Finding[] = [];
  const scanner = new LineScanner(new LineDetector(settings.profiles), fileContext(COMMIT_MESSAGE_PATH), findings, []);
  const lines = text.split('\n');
  let scanned = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (SCISSORS.test(line)) break;
    if (line.startsWith(commentChar)) continue;
    scanned += 1;
    scanner.line(i + 1, line);
  }
  return { findings: applyPolicy(findings, settings, baseline), skipped: [], filesScanned: 1, linesScanned: scanned };
}
