/**
 * What a team decided about findings: allowed secrets and baselined findings
 * are dropped; findings below failOn are kept as warnings that do not block.
 */
import type { Baseline } from '../baseline.js';
import { severityRank, type ScanSettings } from '../config/resolve.js';
import { withChanges, type Finding } from '../detect/types.js';

export function applyPolicy(findings: readonly Finding[], settings: ScanSettings, baseline: Baseline): Finding[] {
  const threshold = severityRank(settings.failOn);
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (settings.isAllowed(finding) || baseline.has(finding)) continue;
    if (finding.warning === undefined && severityRank(finding.severity) < threshold) {
      kept.push(withChanges(finding, { warning: 'below-fail-on' }));
    } else {
      kept.push(finding);
    }
  }
  return kept;
}
