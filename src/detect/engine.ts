/**
 * Runs the detector profiles over lines. A cheap keyword prefilter decides
 * whether any detector runs on a line at all, and which ones.
 */
import { findAssignments } from './assignment.js';
import type { FileContext } from './file-context.js';
import { isPlaceholder, isReference, looksLikeSecret } from './filters.js';
import { fingerprint } from './fingerprint.js';
import type { AssignmentProfile, Confidence, DetectorProfile, Finding, LineSource, TokenProfile } from './types.js';
import { redact } from '../report/redact.js';

const CONFIDENCE_RANK: Record<Confidence, number> = { confirmed: 0, pattern: 1, context: 2 };

interface Candidate {
  readonly profile: DetectorProfile;
  readonly confidence: Confidence;
  readonly index: number;
  readonly secret: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class LineDetector {
  private readonly profiles: readonly DetectorProfile[];
  private readonly prefilter: RegExp;

  constructor(profiles: readonly DetectorProfile[]) {
    this.profiles = profiles;
    const keywords = [...new Set(profiles.flatMap((profile) => profile.keywords))];
    // A profile without keywords runs on every line.
    this.prefilter =
      keywords.length === 0 || profiles.some((profile) => profile.keywords.length === 0)
        ? /(?:)/
        : new RegExp(keywords.map(escapeRegExp).join('|'), 'i');
  }

  /** Findings on one line, most certain first where two overlap. */
  scanLine(rawText: string, source: LineSource, file: FileContext): Finding[] {
    if (!this.prefilter.test(rawText)) return [];
    const text = rawText.endsWith('\r') ? rawText.slice(0, -1) : rawText;
    const lower = text.toLowerCase();
    const candidates: Candidate[] = [];
    for (const profile of this.profiles) {
      if (profile.keywords.length > 0 && !profile.keywords.some((keyword) => lower.includes(keyword))) continue;
      if (profile.kind === 'token') this.tokens(profile, text, candidates);
      else this.assignments(profile, text, file, candidates);
    }
    return keepMostCertain(candidates).map((candidate) => toFinding(candidate, source));
  }

  private tokens(profile: TokenProfile, text: string, out: Candidate[]): void {
    const pattern = profile.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const candidate = match[0];
      const checked = profile.validate
        ? profile.validate(candidate, text, match.index)
        : { offset: 0, secret: candidate };
      if (!checked) {
        // Try again from the next character: a valid token may start inside a rejected run.
        pattern.lastIndex = match.index + 1;
        continue;
      }
      if (profile.filterPlaceholders && isPlaceholder(checked.secret)) continue;
      out.push({
        profile,
        confidence: checked.confidence ?? profile.confidence,
        index: match.index + checked.offset,
        secret: checked.secret,
      });
      if (match[0].length === 0) pattern.lastIndex += 1;
    }
  }

  private assignments(profile: AssignmentProfile, text: string, file: FileContext, out: Candidate[]): void {
    for (const assignment of findAssignments(text)) {
      if (!profile.names.test(assignment.normalizedName)) continue;
      if (assignment.bare && !file.bareValuesAreLiterals) continue;
      const value = assignment.value;
      if (isReference(value) || isPlaceholder(value) || !looksLikeSecret(value, profile.minLength)) continue;
      out.push({ profile, confidence: profile.confidence, index: assignment.index, secret: value });
    }
  }
}

function keepMostCertain(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) => CONFIDENCE_RANK[a.confidence] - CONFIDENCE_RANK[b.confidence] || a.index - b.index,
  );
  const kept: Candidate[] = [];
  for (const candidate of ordered) {
    const end = candidate.index + candidate.secret.length;
    const overlaps = kept.some((other) => candidate.index < other.index + other.secret.length && other.index < end);
    if (!overlaps) kept.push(candidate);
  }
  return kept.sort((a, b) => a.index - b.index);
}

function toFinding(candidate: Candidate, source: LineSource): Finding {
  const { profile } = candidate;
  const finding = {
    detector: profile.id,
    title: profile.title,
    severity: profile.severity,
    confidence: candidate.confidence,
    path: source.path,
    line: source.line,
    column: candidate.index + 1,
    ...(source.commit === undefined ? {} : { commit: source.commit }),
    redacted: redact(candidate.secret),
    fingerprint: fingerprint(profile.id, candidate.secret),
    credential: profile.credential,
  };
  // Not enumerable, so no report that serialises a finding can carry the secret by accident.
  Object.defineProperty(finding, 'secret', { value: candidate.secret, enumerable: false });
  return finding as Finding;
}
