/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per detector (help text
 * carries the remediation steps), one result per finding with its location
 * and a partial fingerprint. Never holds a whole secret.
 */
import { blocks, type Finding, type Severity } from '../detect/types.js';
import type { ScanResult } from '../scan/result.js';
import { TOOL } from '../messages.js';
import { VERSION } from '../version.js';
import { stringifySafe } from './json-safe.js';

/** GitHub maps security-severity to its levels: >= 9 critical, >= 7 high, >= 4 medium. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0' };
const PRECISION = { confirmed: 'very-high', pattern: 'high', context: 'medium' } as const;

/** A repository path as a relative URI reference: each segment percent-encoded. */
export function pathToUri(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function ruleName(id: string): string {
  return id
    .split(/[-_.]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export function formatSarif(result: ScanResult): string {
  const rules: object[] = [];
  const ruleIndex = new Map<string, number>();
  for (const finding of result.findings) {
    if (ruleIndex.has(finding.detector)) continue;
    ruleIndex.set(finding.detector, rules.length);
    const steps = finding.credential.remediation;
    rules.push({
      id: finding.detector,
      name: ruleName(finding.detector),
      shortDescription: { text: finding.title },
      fullDescription: { text: finding.credential.impact },
      help: {
        text: `${finding.credential.impact}\n\nWhat to do, in order:\n${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}`,
        markdown: `${finding.credential.impact}\n\n**What to do, in order:**\n\n${steps.map((step, i) => `${i + 1}. ${step}`).join('\n')}`,
      },
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: ['security', 'secret', 'intercom'],
        precision: PRECISION[finding.confidence],
        'security-severity': SECURITY_SEVERITY[finding.severity],
      },
    });
  }
  const results = result.findings.map((finding: Finding) => ({
    ruleId: finding.detector,
    ruleIndex: ruleIndex.get(finding.detector),
    level: blocks(finding) ? 'error' : 'warning',
    message: {
      text: `${finding.title} (${finding.redacted}, ${finding.confidence})${finding.commit ? ` added in commit ${finding.commit}` : ''}${
        finding.warning === 'already-committed' ? '; already committed before this change' : ''
      }${finding.verification ? `; verification: ${finding.verification}` : ''}`,
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(finding.path), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.line, startColumn: finding.column },
        },
      },
    ],
    partialFingerprints: { 'intercomGuardFingerprint/v1': finding.fingerprint },
    properties: {
      confidence: finding.confidence,
      severity: finding.severity,
      ...(finding.commit === undefined ? {} : { commit: finding.commit }),
      ...(finding.verification === undefined ? {} : { verification: finding.verification }),
    },
  }));
  return `${stringifySafe({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL,
            version: VERSION,
            informationUri: 'https://www.npmjs.com/package/intercom-guard',
            rules,
          },
        },
        results,
      },
    ],
  })}\n`;
}
