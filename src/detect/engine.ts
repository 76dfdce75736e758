/**
 * Runs the detector profiles over lines. A cheap keyword prefilter decides
 * whether any detector runs on a line at all, and which ones.
 */
import { findAssignments, lastSegment, namePattern, nameValuePair, normalizeName, type Assignment, type NameMatcher } from './assignment.js';
import type { FileContext } from './file-context.js';
import { decodedText, isPlaceholder, isReference, looksLikeSecret, MAX_SECRET_LENGTH, SECRET_CHARACTERS } from './filters.js';
import { fingerprint } from './fingerprint.js';
import type { AssignmentProfile, Confidence, DetectorProfile, Finding, LineSource, TokenProfile } from './types.js';
import { redact } from '../report/redact.js';

const CONFIDENCE_RANK: Record<Confidence, number> = { confirmed: 0, pattern: 1, context: 2 };

interface Candidate {
  readonly profile: DetectorProfile;
  readonly confidence: Confidence;
  readonly index: number;
  readonly secret: string;
  readonly canonical: string;
  readonly needsAncestor?: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A finding that holds only if the line sits beneath an intercom key (checked against the whole file later). */
/**
 * A finding that depends on the file's structure, checked against the whole file later:
 * - intercom-ancestor: it holds only if the line sits beneath a key naming intercom;
 * - named-parent: a "value" field whose parent key is the name (Heroku app.json's
 *   "INTERCOM_CLIENT_SECRET": { "value": ... }); the first option whose names match wins.
 */
export type DeferredFinding =
  | { readonly check: 'intercom-ancestor'; readonly finding: Finding }
  | { readonly check: 'named-parent'; readonly options: readonly { readonly names: RegExp; readonly finding: Finding }[] };

const VALUE_FIELD_NAME = namePattern(['value']);

/** The profiles that can report anything in one kind of file, and the keywords that wake them. */
interface FilePlan {
  /** Tested on the lower-cased line: does it hold any keyword at all? (None: every line.) */
  readonly prefilter: RegExp | undefined;
  /**
   * In code, where an unquoted value is an expression, an assignment's value
   * is a quoted string or an XML element's text, and a secret is at least the
   * profiles' shortest length of token characters: a line without such a run
   * has none for any assignment profile. Undefined where any line may.
   */
  readonly literalGate: RegExp | undefined;
  /** The profiles, each with what wakes it on a lower-cased line (none: every line). */
  readonly wakes: readonly { readonly profile: DetectorProfile; readonly wake: string | RegExp | undefined }[];
  /**
   * Global regexes: where in a block of lines something could be; other
   * lines are skipped. One case-insensitive for the words (keywords, allow
   * markers, "value" fields in JSON/YAML), one case-sensitive for the token
   * patterns: two searches cost less than one with every alternative, which
   * defeats the regex engine's skipping ahead.
   */
  readonly blockFilters: readonly RegExp[];
}

/** See FilePlan.literalGate (none when no assignment profile applies: then nothing needs it). */
function literalGate(profiles: readonly DetectorProfile[]): RegExp | undefined {
  const lengths = profiles.flatMap((profile) => (profile.kind === 'assignment' ? [profile.minLength] : []));
  if (lengths.length === 0) return undefined;
  // SECRET_CHARACTERS is what looksLikeSecret accepts; an XML element's text is trimmed.
  return new RegExp(`(?:["'\`]|>\\s*)[${SECRET_CHARACTERS}]{${Math.max(1, Math.min(...lengths))}}`);
}

/** One keyword: a substring test; several: one regex, cheaper than a test per word. */
function wakeOf(keywords: readonly string[]): string | RegExp | undefined {
  if (keywords.length === 0) return undefined;
  return keywords.length === 1 ? keywords[0] : keywordPattern(keywords, '');
}

function keywordPattern(keywords: readonly string[], flags: string): RegExp {
  return keywords.length === 0 ? new RegExp('(?!)', flags) : new RegExp(keywords.map(escapeRegExp).join('|'), flags);
}

export class LineDetector {
  private readonly profiles: readonly DetectorProfile[];
  /** One matcher per set of name words: profiles that share words share the search for names. */
  private readonly namePatterns = new Map<string, NameMatcher>();
  private readonly profileNames = new Map<DetectorProfile, NameMatcher>();
  private readonly plans = new Map<string, FilePlan>();
  private readonly planOfFile = new WeakMap<FileContext, FilePlan>();

  /** `gates: false` turns the literal gate off (tests compare the two). */
  constructor(profiles: readonly DetectorProfile[], private readonly options: { readonly gates?: boolean } = {}) {
    this.profiles = profiles;
  }

  private get gates(): boolean {
    return this.options.gates !== false;
  }

  /**
   * Which profiles apply to a file: lock files, vendored SDKs and changelogs
   * hold hashes, so only validated tokens count there; a generic name counts
   * only where context can say Intercom. Cached per kind of file.
   */
  plan(file: FileContext): FilePlan {
    let plan = this.planOfFile.get(file);
    if (plan === undefined) {
      plan = this.planFor(file);
      this.planOfFile.set(file, plan);
    }
    return plan;
  }

  private planFor(file: FileContext): FilePlan {
    const contextual = !file.testPath && (file.intercomLocation || file.structure !== undefined);
    const valueFields = (file.structure === 'json' || file.structure === 'yaml') && !file.hashesOnly;
    const gated = this.gates && !file.bareValuesAreLiterals;
    const key = `${file.hashesOnly ? 1 : 0}${contextual ? 1 : 0}${valueFields ? 1 : 0}${gated ? 1 : 0}`;
    let plan = this.plans.get(key);
    if (plan === undefined) {
      const profiles = this.profiles.filter((profile) => {
        if (file.hashesOnly && profile.confidence !== 'confirmed') return false;
        if (profile.kind === 'assignment' && profile.scope === 'intercom-context' && !contextual) return false;
        return true;
      });
      // A profile without keywords runs on every line.
      const everyLine = profiles.some((profile) => profile.keywords.length === 0);
      const keywords = [...new Set(profiles.flatMap((profile) => profile.keywords))];
      // A token profile with a block pattern is looked for by it, not by its keywords.
      const blockPatterns = profiles.flatMap((profile) => (profile.kind === 'token' && profile.blockPattern !== undefined ? [profile.blockPattern] : []));
      const blockWords = [
        ...new Set(profiles.flatMap((profile) => (profile.kind === 'token' && profile.blockPattern !== undefined ? [] : profile.keywords))),
        'allowlist',
        ...(valueFields ? ['value'] : []),
      ].map(escapeRegExp);
      plan = {
        prefilter: everyLine ? undefined : keywordPattern(keywords, ''),
        literalGate: gated ? literalGate(profiles) : undefined,
        wakes: profiles.map((profile) => ({ profile, wake: wakeOf(profile.keywords) })),
        blockFilters: everyLine
          ? [/^/gm]
          : [new RegExp(blockWords.join('|'), 'gi'), ...(blockPatterns.length > 0 ? [new RegExp(blockPatterns.join('|'), 'g')] : [])],
      };
      this.plans.set(key, plan);
    }
    return plan;
  }

  /**
   * Findings on one line; where two overlap, the more certain one. Findings
   * that depend on the file's structure go to `deferred` (when given).
   * `lowerText` is the line lower-cased, when the caller has it already.
   */
  scanLine(rawText: string, source: LineSource, file: FileContext, deferred?: DeferredFinding[], lowerText?: string): Finding[] {
    const plan = this.plan(file);
    const lowerRaw = lowerText ?? rawText.toLowerCase();
    if (plan.prefilter !== undefined && !plan.prefilter.test(lowerRaw)) return NO_FINDINGS;
    const carriageReturn = rawText.endsWith('\r');
    const text = carriageReturn ? rawText.slice(0, -1) : rawText;
    const lower = carriageReturn ? lowerRaw.slice(0, -1) : lowerRaw;
    let candidates: Candidate[] | undefined;
    // Profiles that share name words share the search for names (the last one found).
    let names: NameMatcher | undefined;
    let found: Assignment[] = [];
    let literals: (boolean | undefined)[] = [];
    let assignmentsPossible: boolean | undefined;
    for (const { profile, wake } of plan.wakes) {
      if (wake !== undefined && !(typeof wake === 'string' ? lower.includes(wake) : wake.test(lower))) continue;
      candidates ??= [];
      if (profile.kind === 'token') {
        this.tokens(profile, text, candidates);
      } else {
        assignmentsPossible ??= plan.literalGate === undefined || plan.literalGate.test(text);
        if (!assignmentsPossible) continue;
        const matcher = this.namesOf(profile);
        if (matcher !== names) {
          names = matcher;
          found = findAssignments(text, matcher, lower);
          literals = [];
        }
        if (found.length > 0) this.assignments(profile, found, file, candidates, false, literals);
      }
    }
    if (candidates === undefined || candidates.length === 0) return NO_FINDINGS;
    const findings: Finding[] = [];
    for (const candidate of keepMostCertain(candidates)) {
      const finding = toFinding(candidate, source);
      if (candidate.needsAncestor) deferred?.push({ finding, check: 'intercom-ancestor' });
      else findings.push(finding);
    }
    return findings;
  }

  /**
   * A name and its value on two adjacent lines (Kubernetes env lists:
   * "- name: INTERCOM_SECRET_KEY" then "value: ..."), which the keyword
   * prefilter of the value line alone cannot see.
   */
  scanNameValuePair(previous: string, text: string, source: LineSource, file: FileContext): Finding[] {
    if (file.hashesOnly) return [];
    const pair = nameValuePair(previous, text.endsWith('\r') ? text.slice(0, -1) : text);
    if (pair === undefined) return [];
    const candidates: Candidate[] = [];
    for (const profile of this.profiles) {
      if (profile.kind === 'assignment' && profile.scope === 'anywhere') this.assignments(profile, [pair], file, candidates);
    }
    return keepMostCertain(candidates).map((candidate) => toFinding(candidate, source));
  }

  /**
   * A "value" field in a JSON or YAML file: it is a named secret when its
   * parent key is one of our names, which only the whole file can tell.
   */
  scanValueField(text: string, source: LineSource, file: FileContext, deferred: DeferredFinding[]): void {
    if ((file.structure !== 'json' && file.structure !== 'yaml') || file.hashesOnly) return;
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    for (const field of findAssignments(line, VALUE_FIELD_NAME)) {
      if (field.normalizedName !== 'value') continue;
      const options: { names: RegExp; finding: Finding }[] = [];
      for (const profile of this.profiles) {
        if (profile.kind !== 'assignment' || profile.scope !== 'anywhere') continue;
        const candidates: Candidate[] = [];
        this.assignments(profile, [{ ...field, normalizedName: 'intercom', bare: false }], file, candidates, true);
        const [candidate] = candidates;
        if (candidate) options.push({ names: profile.names, finding: toFinding(candidate, source) });
      }
      if (options.length > 0) deferred.push({ check: 'named-parent', options });
    }
  }

  private namesOf(profile: AssignmentProfile): NameMatcher {
    let pattern = this.profileNames.get(profile);
    if (pattern === undefined) {
      const key = profile.keywords.join('\n');
      pattern = this.namePatterns.get(key) ?? namePattern(profile.keywords);
      this.namePatterns.set(key, pattern);
      this.profileNames.set(profile, pattern);
    }
    return pattern;
  }

  private tokens(profile: TokenProfile, text: string, out: Candidate[]): void {
    const pattern = profile.pattern;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const candidate = match[0];
      const checked = profile.validate
        ? profile.validate(candidate, text, match.index)
        : { index: match.index, secret: candidate };
      if (!checked) {
        // Try again from the next character: a valid token may start inside a rejected run.
        pattern.lastIndex = match.index + 1;
        continue;
      }
      if (profile.filterPlaceholders && isPlaceholder(checked.secret)) continue;
      out.push({
        profile,
        confidence: checked.confidence ?? profile.confidence,
        index: checked.index,
        secret: checked.secret,
        canonical: checked.canonical ?? checked.secret,
      });
      if (match[0].length === 0) pattern.lastIndex += 1;
    }
  }

  private assignments(
    profile: AssignmentProfile,
    found: readonly Assignment[],
    file: FileContext,
    out: Candidate[],
    nameCheckedLater = false,
    /** Per assignment, once known: whether its value is a literal (not a reference, placeholder or encoded one). */
    literals: (boolean | undefined)[] = [],
  ): void {
    let needsAncestor = false;
    if (profile.scope === 'intercom-context') {
      if (file.testPath) return;
      if (!file.intercomLocation) {
        // Elsewhere only a parent key can say "intercom", and only structured files have one.
        if (file.structure === undefined) return;
        needsAncestor = true;
      }
    }
    for (let i = 0; i < found.length; i++) {
      const assignment = found[i]!;
      const value = assignment.value;
      // looksLikeSecret's first test, before the costlier ones.
      if (value.length < profile.minLength || value.length > MAX_SECRET_LENGTH) continue;
      const name = profile.lastSegment ? normalizeName(lastSegment(assignment.name)) : assignment.normalizedName;
      if (!nameCheckedLater && !profile.names.test(name)) continue;
      if (assignment.bare && !file.bareValuesAreLiterals) continue;
      literals[i] ??= isLiteral(value);
      if (!literals[i]) continue;
      if (!looksLikeSecret(value, profile.minLength, profile.minEntropy)) continue;
      out.push({
        profile,
        confidence: profile.confidence,
        index: assignment.index,
        secret: value,
        canonical: value,
        needsAncestor,
      });
    }
  }
}

/** Not a reference, a placeholder, or base64 of either: the same for every profile. */
function isLiteral(value: string): boolean {
  if (isReference(value) || isPlaceholder(value)) return false;
  // Base64 of printable text (a Kubernetes Secret's data:): judge what it holds.
  const decoded = decodedText(value);
  return decoded === undefined || !(isReference(decoded) || isPlaceholder(decoded) || !looksLikeSecret(decoded, 8, 2.5));
}

const NO_FINDINGS: Finding[] = [];
Object.freeze(NO_FINDINGS);

function keepMostCertain(candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates;
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
    fingerprint: fingerprint(profile.id, candidate.canonical),
    credential: profile.credential,
  };
  // Not enumerable, so no report that serialises a finding can carry the secret by accident.
  Object.defineProperty(finding, 'secret', { value: candidate.secret, enumerable: false });
  return finding as Finding;
}
