/**
 * The programmatic API, for tools that want the scanner without the CLI.
 * Results are returned, never printed; secrets are never in them whole
 * (each finding's `secret` is not enumerable, so it is not serialised).
 */
import { DEFAULT_SETTINGS, type ScanSettings } from './config/resolve.js';
import { LineDetector } from './detect/engine.js';
import type { Finding } from './detect/types.js';
import { scanContent } from './scan/content.js';

export { scanStaged, type StagedScanOptions } from './scan/staged.js';
export { INTERCOM_PROFILES } from './detect/profiles/intercom.js';
export { fingerprint } from './detect/fingerprint.js';
export { redact } from './report/redact.js';
export type { ScanResult, SkippedFile } from './scan/result.js';
export type { Confidence, Finding, Severity, DetectorProfile } from './detect/types.js';
export { EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS } from './errors.js';

/** Scans a piece of text as if it were the whole content of a file at `path`. */
export function scanText(text: string, path = 'input', settings: ScanSettings = DEFAULT_SETTINGS): Finding[] {
  return scanContent(new LineDetector(settings.profiles), path, Buffer.from(text, 'utf8')).findings;
}
