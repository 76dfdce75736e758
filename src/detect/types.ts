/** The shapes shared by detectors, the engine and the reports. */

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * How sure a finding is:
 * - confirmed: the structure was validated (a token decoded to tok:<uuid>)
 * - pattern:   the spec's regular expression matched
 * - context:   a secret-looking value under a name or in a place that says Intercom
 */
export const CONFIDENCES = ['confirmed', 'pattern', 'context'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** What one kind of credential is, why it matters and how to recover from a leak. */
export interface CredentialInfo {
  /** One line: what someone holding it can do. */
  readonly impact: string;
  /** The steps, in order, after a leak. */
  readonly remediation: readonly string[];
}

interface ProfileBase {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  /** Lower-case words one of which must be on a line for this detector to run at all. */
  readonly keywords: readonly string[];
  readonly credential: CredentialInfo;
}

/** A secret with a recognisable shape: a regex, then an optional structural check. */
export interface TokenProfile extends ProfileBase {
  readonly kind: 'token';
  /** A global regex; the whole match is the candidate. */
  readonly pattern: RegExp;
  /**
   * Decides whether the candidate (found at `index` in `line`) is a secret and
   * which part of the line it is. Returns undefined to drop it.
   */
  readonly validate?: (candidate: string, line: string, index: number) => TokenMatch | undefined;
  /** Whether placeholder filters apply (never for structurally validated tokens). */
  readonly filterPlaceholders: boolean;
  /**
   * Where the scan of a run of added lines looks for this profile, instead of
   * its keywords: a regex source, case-sensitive, matched against the lines
   * together, that matches within a line wherever `pattern` does. The lines
   * it does not match are never read one by one.
   */
  readonly blockPattern?: string;
}

export interface TokenMatch {
  /** Where the secret starts in the line. */
  readonly index: number;
  /** The secret as written. */
  readonly secret: string;
  /** The secret the fingerprint is taken of, when it differs (a token found inside another encoding). */
  readonly canonical?: string;
  readonly confidence?: Confidence;
}

/** A literal assigned to a name that says what it is (INTERCOM_TOKEN=...). */
export interface AssignmentProfile extends ProfileBase {
  readonly kind: 'assignment';
  /**
   * Tested against the name lower-cased with everything but letters and digits
   * removed (the whole name, or with `lastSegment` only what follows the last dot).
   */
  readonly names: RegExp;
  readonly lastSegment?: boolean;
  /** Shortest value worth reporting. */
  readonly minLength: number;
  /** Lowest Shannon entropy (bits per character) worth reporting. */
  readonly minEntropy: number;
  /**
   * 'intercom-context': only in the spec's file locations, in paths that name
   * intercom, or beneath an intercom parent key in YAML, JSON or INI files.
   */
  readonly scope: 'anywhere' | 'intercom-context';
}

export type DetectorProfile = TokenProfile | AssignmentProfile;

/** Where a line comes from. */
export interface LineSource {
  readonly path: string;
  readonly line: number;
  readonly commit?: string;
}

/** Whether a finding refuses the commit (or fails the scan). */
export function blocks(finding: Finding): boolean {
  return finding.warning === undefined;
}

/** A copy of a finding with some fields changed, keeping the secret hidden. */
export function withChanges(finding: Finding, changes: Partial<Omit<Finding, 'secret'>>): Finding {
  const copy = { ...finding, ...changes };
  Object.defineProperty(copy, 'secret', { value: finding.secret, enumerable: false });
  return copy;
}

export interface Finding {
  readonly detector: string;
  readonly title: string;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly path: string;
  readonly line: number;
  /** 1-based, in characters. */
  readonly column: number;
  readonly commit?: string;
  /** Never the whole secret. */
  readonly redacted: string;
  /** SHA-256 over the detector id and the normalised secret, hex. */
  readonly fingerprint: string;
  /**
   * Why this finding does not block, if it does not: HEAD already holds the
   * secret in the same file, or its severity is below the configured failOn.
   */
  readonly warning?: 'already-committed' | 'below-fail-on';
  /** The answer of Intercom's API, with --verify only. */
  readonly verification?: 'live' | 'not_live' | 'unknown';
  /** The secret itself: held for matching and verification, never printed; not enumerable. */
  readonly secret: string;
  readonly credential: CredentialInfo;
}
