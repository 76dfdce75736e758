/**
 * The configuration file's shape, validated with zod. Unknown keys are
 * errors: a misspelt setting that is silently ignored weakens the scan.
 */
import { z } from 'zod';
import { SEVERITIES } from '../detect/types.js';

export { CONFIG_FORMAT_VERSION } from './version.js';

const severity = z.enum(SEVERITIES);

const detectorSettings = z.strictObject({
  enabled: z.boolean().optional(),
  severity: severity.optional(),
});

const customDetector = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'expected lower-case letters, digits, ".", "_" or "-"'),
  title: z.string().min(1),
  regex: z.string().min(1),
  keywords: z.array(z.string().min(1)).optional(),
  severity: severity.optional(),
  description: z.string().min(1).optional(),
  remediation: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
});

const allow = z.union([
  z.array(z.string().min(1)),
  z.strictObject({
    patterns: z.array(z.string().min(1)).optional(),
    fingerprints: z.array(z.string().min(1)).optional(),
  }),
]);

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.number().int().positive().optional(),
  detectors: z.record(z.string(), detectorSettings).optional(),
  failOn: severity.optional(),
  ignorePaths: z.array(z.string().min(1)).optional(),
  allow: allow.optional(),
  customDetectors: z.array(customDetector).optional(),
  maxFileBytes: z.number().int().positive().optional(),
  baseline: z
    .strictObject({
      path: z.string().min(1).optional(),
      matchPath: z.boolean().optional(),
    })
    .optional(),
});

export type RawConfig = z.infer<typeof configSchema>;
export type CustomDetectorConfig = z.infer<typeof customDetector>;

/** zod's issues as "key.path: message" lines, in our words. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const at = issue.path.map(String).join('.');
    const prefix = (key: string) => (key === '' ? '(top level)' : key);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) lines.push(`${prefix(at ? `${at}.${key}` : key)}: unknown key`);
        break;
      case 'invalid_value':
        lines.push(`${prefix(at)}: expected one of ${issue.values.map(String).join(', ')}`);
        break;
      case 'invalid_type':
        lines.push(`${prefix(at)}: expected ${issue.expected}`);
        break;
      case 'invalid_union':
        lines.push(`${prefix(at)}: expected ${at === 'allow' ? 'a list of regexes and fingerprints, or { patterns, fingerprints }' : 'another shape'}`);
        break;
      default:
        lines.push(`${prefix(at)}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`);
    }
  }
  return lines;
}

/** The baseline file (see baseline.ts). */
export const baselineSchema = z.strictObject({
  version: z.number().int().positive(),
  findings: z.array(
    z.strictObject({
      detector: z.string().min(1),
      path: z.string(),
      fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex characters'),
    }),
  ),
});
