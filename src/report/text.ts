/**
 * The human-readable report: the block message of the pre-commit hook.
 * Readable in a terminal and in a GUI client's log: plain lines, colour only
 * when asked for, every piece of repository text escaped.
 */
import { blocks, type CredentialInfo, type Finding } from '../detect/types.js';
import { messages } from '../messages.js';
import type { ScanResult } from '../scan/result.js';
import { escapeText } from './escape.js';

export interface TextOptions {
  readonly color: boolean;
  /** Whether the findings block (the hook refuses the commit) or are only reported. */
  readonly blocking: boolean;
  /** The findings are in commits already (range, history, push scans). */
  readonly history?: boolean;
}

const STYLES = { bold: [1, 22], red: [31, 39], yellow: [33, 39], dim: [2, 22] } as const;
type Style = keyof typeof STYLES;

function painter(enabled: boolean): (style: Style, text: string) => string {
  return (style, text) => (enabled ? `\u001b[${STYLES[style][0]}m${text}\u001b[${STYLES[style][1]}m` : text);
}

export function location(finding: Finding): string {
  const commit = finding.commit ? `${finding.commit.slice(0, 12)}:` : '';
  return `${commit}${escapeText(finding.path)}:${finding.line}:${finding.column}`;
}

export function formatFindings(result: ScanResult, options: TextOptions): string {
  const paint = painter(options.color);
  const { findings } = result;
  const lines: string[] = [];
  const blocking = findings.filter(blocks);
  const committed = findings.filter((finding) => finding.warning === 'already-committed');
  const belowThreshold = findings.filter((finding) => finding.warning === 'below-fail-on');
  const describe = (finding: Finding) => {
    const verdict = finding.verification === undefined ? '' : `  ${messages.verificationLabel(finding.verification)}`;
    lines.push(
      `  ${paint('bold', messages.findingLine(location(finding), finding.title, finding.severity, finding.confidence))}${finding.verification === 'live' ? paint('red', verdict) : verdict}`,
      `    ${messages.findingDetail(finding.redacted, finding.fingerprint.slice(0, 12))}`,
    );
  };
  if (blocking.length > 0) {
    const heading = options.blocking ? messages.blockedHeading(blocking.length) : messages.foundHeading(blocking.length);
    lines.push(paint('red', paint('bold', heading)), '');
    blocking.forEach(describe);
  }
  if (committed.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(paint('yellow', paint('bold', messages.alreadyCommittedHeading(committed.length))), '');
    committed.forEach(describe);
  }
  if (belowThreshold.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(paint('yellow', paint('bold', messages.belowThresholdHeading(belowThreshold.length))), '');
    belowThreshold.forEach(describe);
  }
  if (options.history) lines.push('', messages.historyNote);
  const credentials = uniqueCredentials(findings);
  lines.push('', paint('bold', `${messages.whyHeading}:`));
  for (const credential of credentials) lines.push(`  ${credential.impact}`);
  for (const credential of credentials) {
    lines.push('', paint('bold', `${messages.stepsHeading}:`));
    credential.remediation.forEach((step, index) => lines.push(`  ${index + 1}. ${step}`));
  }
  lines.push('', paint('bold', messages.falsePositiveHeading));
  for (const line of messages.falsePositive) lines.push(`  ${line}`);
  if (options.blocking && blocking.length > 0) lines.push('', paint('dim', messages.bypass));
  return `${lines.join('\n')}\n`;
}

function uniqueCredentials(findings: readonly Finding[]): CredentialInfo[] {
  return [...new Set(findings.map((finding) => finding.credential))];
}
