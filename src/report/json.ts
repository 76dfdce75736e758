/**
 * The JSON report: a stable, documented schema (report.schema.json beside
 * this file, and the README). Version 1. Never holds a whole secret.
 */
import { blocks, type Finding } from '../detect/types.js';
import type { ScanResult } from '../scan/result.js';
import { TOOL } from '../messages.js';
import { VERSION } from '../version.js';
import { stringifySafe } from './json-safe.js';

export const JSON_REPORT_VERSION = 1;

export interface JsonFinding {
  readonly detector: string;
  readonly title: string;
  readonly severity: string;
  readonly confidence: string;
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly commit?: string;
  readonly redacted: string;
  readonly fingerprint: string;
  readonly blocking: boolean;
  readonly warning?: string;
  readonly verification?: string;
}

export function jsonFinding(finding: Finding): JsonFinding {
  return {
    detector: finding.detector,
    title: finding.title,
    severity: finding.severity,
    confidence: finding.confidence,
    path: finding.path,
    line: finding.line,
    column: finding.column,
    ...(finding.commit === undefined ? {} : { commit: finding.commit }),
    redacted: finding.redacted,
    fingerprint: finding.fingerprint,
    blocking: blocks(finding),
    ...(finding.warning === undefined ? {} : { warning: finding.warning }),
    ...(finding.verification === undefined ? {} : { verification: finding.verification }),
  };
}

export function formatJson(result: ScanResult, mode: string): string {
  return `${stringifySafe({
    version: JSON_REPORT_VERSION,
    tool: { name: TOOL, version: VERSION },
    mode,
    blocked: result.findings.some(blocks),
    findings: result.findings.map(jsonFinding),
    skipped: result.skipped.map((entry) => ({ path: entry.path, reason: entry.reason })),
  })}\n`;
}
