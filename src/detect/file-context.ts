/**
 * What a file's path says about how to read it and how much to trust what
 * looks like a secret in it.
 */

const CODE_EXTENSIONS = new Set([
  'js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts', 'vue', 'svelte',
  'py', 'pyi', 'rb', 'go', 'java', 'kt', 'kts', 'scala', 'groovy', 'cs', 'fs', 'vb',
  'php', 'swift', 'rs', 'c', 'cc', 'cpp', 'cxx', 'h', 'hh', 'hpp', 'm', 'mm',
  'dart', 'lua', 'ex', 'exs', 'erl', 'clj', 'cljs', 'jl', 'r', 'pl', 'pm', 'hs', 'ml', 'elm', 'zig', 'nim',
]);

/** The spec's "File Locations": .env, config.json, settings.yaml, intercom_config.js, credentials.py. */
const SPEC_LOCATIONS = /^(?:\.env(?:\.[^/]+)?|config\.json|settings\.ya?ml|intercom_config\.js|credentials\.py)$/;

/** Files that name intercom but hold hashes and generated data, not credentials. */
// All matched against the lower-cased path: case-insensitive regexes cost more to compile,
// and a hook compiles each of them once per run.
const LOCK_FILES =
  /(?:^|\/)(?:[^/]+\.lock|go\.sum|package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.ya?ml|yarn\.lock|package\.resolved|cartfile\.resolved|gradle\.lockfile|packages\.lock\.json)$/;
// Folder names as tools spell them (Pods/ is CocoaPods; a k8s pods/ folder is not vendored): matched as written.
const VENDORED = /(?:^|\/)(?:Pods|Carthage|vendor|node_modules|bower_components|third_party|third-party)\//;
const CHANGELOGS = /(?:^|\/)(?:changelog|changes|history|releases?|news)(?:\.[a-z]+)?$/;
const TEST_PATHS = /(?:^|\/)(?:test|tests|__tests__|spec|specs|fixtures?|__fixtures__|testdata|mocks?|__mocks__)\/|\.(?:test|spec)\.[a-z]+$|_test\.go$/;

export type Structure = 'yaml' | 'json' | 'ini';

export interface FileContext {
  readonly path: string;
  /** Whether an unquoted value is a literal (config) rather than an expression (code). */
  readonly bareValuesAreLiterals: boolean;
  /** One of the spec's file locations, or a path that names intercom. */
  readonly intercomLocation: boolean;
  /** Lock files, vendored SDKs, changelogs: only validated tokens count here. */
  readonly hashesOnly: boolean;
  /** Tests and fixtures: generic names there are usually fakes. */
  readonly testPath: boolean;
  /** How to find the parent keys of a line, for files where nesting carries meaning. */
  readonly structure: Structure | undefined;
}

function structureOf(extension: string, base: string): Structure | undefined {
  if (extension === 'yml' || extension === 'yaml') return 'yaml';
  if (extension === 'json' || extension === 'ipynb' || extension === 'jsonc' || extension === 'json5') return 'json';
  if (['toml', 'ini', 'cfg', 'conf', 'properties'].includes(extension) || base === '.npmrc') return 'ini';
  return undefined;
}

export function fileContext(filePath: string): FileContext {
  const lower = filePath.toLowerCase();
  const slash = lower.lastIndexOf('/');
  const base = lower.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 ? base.slice(dot + 1) : '';
  const hashesOnly = LOCK_FILES.test(lower) || VENDORED.test(filePath) || CHANGELOGS.test(lower);
  return {
    path: filePath,
    bareValuesAreLiterals: !CODE_EXTENSIONS.has(extension),
    intercomLocation: !hashesOnly && (SPEC_LOCATIONS.test(base) || lower.includes('intercom')),
    hashesOnly,
    testPath: TEST_PATHS.test(lower),
    structure: structureOf(extension, base),
  };
}
