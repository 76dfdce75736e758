/**
 * Turns a validated configuration into what the scan uses: the detector
 * profiles (built-in ones enabled, re-rated, plus the team's own), path
 * filters, allow rules and the blocking threshold. Checks a schema cannot
 * express are small rules here, each reported as "file: key.path: problem".
 */
import { compileLinear, prepareForLinearEngine } from '../detect/linear-regex.js';
import { globMatcher } from './globs.js';
import { INTERCOM_PROFILES } from '../detect/profiles/intercom.js';
import { SEVERITIES, type DetectorProfile, type Finding, type Severity, type TokenProfile } from '../detect/types.js';
import { GuardError } from '../errors.js';
import { messages } from '../messages.js';
import type { LoadedConfig } from './load.js';
import type { CustomDetectorConfig } from './schema.js';

export const DEFAULT_BASELINE_FILE = '.intercom-guard-baseline.json';
const FINGERPRINT = /^[0-9a-f]{64}$/;

export interface ScanSettings {
  readonly profiles: readonly DetectorProfile[];
  /** The lowest severity that blocks; lower ones are warnings. */
  readonly failOn: Severity;
  readonly isIgnored: (path: string) => boolean;
  readonly isAllowed: (finding: Finding) => boolean;
  readonly maxFileBytes: number | undefined;
  readonly baselinePath: string;
  readonly baselineMatchPath: boolean;
}

export const DEFAULT_SETTINGS: ScanSettings = {
  profiles: INTERCOM_PROFILES,
  failOn: 'low',
  isIgnored: () => false,
  isAllowed: () => false,
  maxFileBytes: undefined,
  baselinePath: DEFAULT_BASELINE_FILE,
  baselineMatchPath: false,
};

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** A glob picomatch would silently read as something else. */
function globProblem(glob: string): string | undefined {
  let square = 0;
  let curly = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\') i += 1;
    else if (ch === '[') square += 1;
    else if (ch === ']') square = Math.max(0, square - 1);
    else if (ch === '{') curly += 1;
    else if (ch === '}') curly -= 1;
    if (curly < 0) return 'unbalanced "}"';
  }
  if (square > 0) return 'unclosed "["';
  if (curly > 0) return 'unclosed "{"';
  if (glob.startsWith('/')) return 'globs are relative to the top of the repository; drop the leading "/"';
  return undefined;
}

function customProfile(detector: CustomDetectorConfig, pattern: RegExp, extract: RegExp, secretGroup: number | undefined): TokenProfile {
  const remediation = detector.remediation === undefined ? [messages.customRemediation] : [detector.remediation].flat();
  return {
    kind: 'token',
    id: detector.id,
    title: detector.title,
    severity: detector.severity ?? 'high',
    confidence: 'pattern',
    keywords: (detector.keywords ?? []).map((keyword) => keyword.toLowerCase()),
    pattern,
    filterPlaceholders: true,
    // The secret is the group named "secret", else the first group, else the whole match.
    validate: (candidate, _line, index) => {
      const match = extract.exec(candidate);
      if (!match) return { index, secret: candidate };
      const secret = (secretGroup === undefined ? match[1] : match[secretGroup]) ?? match[0];
      if (secret === '') return undefined;
      const offset = Math.max(0, candidate.indexOf(secret));
      return { index: index + offset, secret };
    },
    credential: { impact: detector.description ?? messages.customImpact(detector.title), remediation },
  };
}

export async function resolveSettings(loaded: LoadedConfig): Promise<ScanSettings> {
  const { raw, source } = loaded;
  if (source === '') return DEFAULT_SETTINGS;
  const problems: string[] = [];
  const keyPrefix = source === 'package.json' ? 'intercomGuard.' : '';
  const problem = (key: string, text: string) => problems.push(`${keyPrefix}${key}: ${text}`);

  const custom: TokenProfile[] = [];
  const builtInIds = new Set(INTERCOM_PROFILES.map((profile) => profile.id));
  const customIds = new Set<string>();
  (raw.customDetectors ?? []).forEach((detector, index) => {
    const key = `customDetectors.${index}`;
    if (builtInIds.has(detector.id) || customIds.has(detector.id)) {
      problem(`${key}.id`, `"${detector.id}" is already taken`);
      return;
    }
    customIds.add(detector.id);
    try {
      const { source, secretGroup } = prepareForLinearEngine(detector.regex);
      const pattern = compileLinear(source, 'g');
      const extract = compileLinear(source);
      if (extract.test('')) {
        problem(`${key}.regex`, 'matches the empty string');
        return;
      }
      custom.push(customProfile(detector, pattern, extract, secretGroup));
    } catch (error) {
      problem(`${key}.regex`, (error as Error).message);
    }
  });

  const settings = raw.detectors ?? {};
  for (const id of Object.keys(settings)) {
    if (!builtInIds.has(id) && !customIds.has(id)) {
      problem(`detectors.${id}`, `unknown detector (known: ${[...builtInIds, ...customIds].join(', ')})`);
    }
  }
  const profiles: DetectorProfile[] = [];
  for (const profile of [...INTERCOM_PROFILES, ...custom]) {
    const setting = settings[profile.id];
    if (setting?.enabled === false) continue;
    profiles.push(setting?.severity ? { ...profile, severity: setting.severity } : profile);
  }

  const ignoreGlobs = raw.ignorePaths ?? [];
  ignoreGlobs.forEach((glob, index) => {
    const reason = globProblem(glob);
    if (reason) problem(`ignorePaths.${index}`, `bad glob "${glob}": ${reason}`);
  });

  const allowPatterns: RegExp[] = [];
  const allowFingerprints = new Set<string>();
  const allowEntries: [string, string, 'pattern' | 'fingerprint' | 'either'][] = [];
  if (Array.isArray(raw.allow)) {
    raw.allow.forEach((entry, index) => allowEntries.push([`allow.${index}`, entry, 'either']));
  } else if (raw.allow) {
    (raw.allow.patterns ?? []).forEach((entry, index) => allowEntries.push([`allow.patterns.${index}`, entry, 'pattern']));
    (raw.allow.fingerprints ?? []).forEach((entry, index) => allowEntries.push([`allow.fingerprints.${index}`, entry, 'fingerprint']));
  }
  for (const [key, entry, kind] of allowEntries) {
    if (kind === 'fingerprint' || (kind === 'either' && FINGERPRINT.test(entry))) {
      if (FINGERPRINT.test(entry)) allowFingerprints.add(entry);
      else problem(key, 'expected a fingerprint: 64 lower-case hex characters');
      continue;
    }
    try {
      allowPatterns.push(compileLinear(entry));
    } catch (error) {
      problem(key, (error as Error).message);
    }
  }

  if (problems.length > 0) throw new GuardError('config', messages.configInvalid(source, problems));

  const isIgnored = await globMatcher(ignoreGlobs);
  return {
    profiles,
    failOn: raw.failOn ?? 'low',
    isIgnored,
    isAllowed: (finding) =>
      allowFingerprints.has(finding.fingerprint) || allowPatterns.some((pattern) => pattern.test(finding.secret)),
    maxFileBytes: raw.maxFileBytes,
    baselinePath: raw.baseline?.path ?? DEFAULT_BASELINE_FILE,
    baselineMatchPath: raw.baseline?.matchPath ?? false,
  };
}
