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
   * Decides whether the candidate is a secret and which part of it is.
   * Returns undefined to drop it.
   */
  readonly validate?: (candidate: string, line: string, index: number) => TokenMatch | undefined;
  /** Whether placeholder filters apply (never for structurally validated tokens). */
  readonly filterPlaceholders: boolean;
}

export interface TokenMatch {
  /** Offset of the secret inside the candidate. */
  readonly offset: number;
  readonly secret: string;
  readonly confidence?: Confidence;
}

/** A literal assigned to a name that says what it is (INTERCOM_TOKEN=...). */
export interface AssignmentProfile extends ProfileBase {
  readonly kind: 'assignment';
  /** Tested against the name lower-cased with everything but letters and digits removed. */
  readonly names: RegExp;
  /** Shortest value worth reporting. */
  readonly minLength: number;
}

export type DetectorProfile = TokenProfile | AssignmentProfile;

/** Where a line comes from. */
export interface LineSource {
  readonly path: string;
  readonly line: number;
  readonly commit?: string;
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
  /** The secret itself: held for matching and verification, never printed; not enumerable. */
  readonly secret: string;
  readonly credential: CredentialInfo;
}
