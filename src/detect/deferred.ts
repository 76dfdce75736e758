/** Settles findings that depend on a file's structure, once its whole text is at hand. */
import type { DeferredFinding } from './engine.js';
import type { Structure } from './file-context.js';
import { normalizeName } from './assignment.js';
import { beneathIntercomKey, nearestParentKey } from './structure.js';
import type { Finding } from './types.js';

export function resolveDeferred(text: string, structure: Structure, entries: readonly DeferredFinding[]): Finding[] {
  const kept: Finding[] = [];
  for (const entry of entries) {
    if (entry.check === 'intercom-ancestor') {
      if (beneathIntercomKey(text, structure, entry.finding.line, entry.finding.secret)) kept.push(entry.finding);
      continue;
    }
    const first = entry.options[0];
    if (first === undefined) continue;
    const parent = nearestParentKey(text, structure, first.finding.line, first.finding.secret);
    if (parent === undefined) continue;
    const name = normalizeName(parent);
    const match = entry.options.find((option) => option.names.test(name));
    if (match) kept.push(match.finding);
  }
  return kept;
}

/** When the file cannot be read whole, keep what could be a secret rather than drop it. */
export function unresolvedFindings(entries: readonly DeferredFinding[]): Finding[] {
  return entries.flatMap((entry) => (entry.check === 'intercom-ancestor' ? [entry.finding] : []));
}
